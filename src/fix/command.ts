/**
 * Remedies for a shell that stays the parent of the program: shell form
 * (`CMD node server.js`) or an explicit `["sh", "-c", "…"]`.
 *
 * - The command is one plain command with no shell feature at all: exec
 *   form is the **fix**. The shell then did nothing but a PATH lookup,
 *   which exec form does too (facts §3), so only PID 1 changes.
 * - Quotes or a trailing `# comment` only: exec form as a **suggestion**
 *   (the comment moves to a line of its own; after `]` it would turn the
 *   line back into shell form, peers.md §5).
 * - Other features (`&&`, variables, redirects, globs…): the shell is
 *   needed, so the suggestion puts `exec` in front of the last command;
 *   when the program is not last, running only the program in exec form is
 *   offered instead, saying what no longer runs.
 */
import type { Instruction } from '../dockerfile/parse.js';
import type { Pid1Model } from '../model/model.js';
import { basename } from '../model/launchers.js';
import { commandText } from '../model/queries.js';
import { analyzeCommandString, quoteForShell, splitStaticWords, type CommandStringFacts } from '../shell/analyze.js';
import type { Suggestion } from '../types.js';
import { execFormText, rewriteInstruction } from './dockerfile.js';
import type { Remedy } from './remedy.js';

/** Where the command string is written. */
export type CommandSite =
  /** `CMD node server.js`: the instruction's text is the command. */
  | { kind: 'shell-form'; ins: Instruction }
  /** `CMD ["sh", "-c", "node server.js"]`: `json[commandIndex]` is the command, `json[shellStart]` the shell. */
  | { kind: 'shell-in-exec-form'; ins: Instruction & { json: string[] }; shellStart: number; commandIndex: number };

/** Builtins that only exist inside a shell: exec form cannot run them. */
const SHELL_ONLY = new Set(['.', ':', 'alias', 'cd', 'command', 'eval', 'exec', 'exit', 'export', 'getopts', 'hash', 'local', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'type', 'ulimit', 'umask', 'unset', 'wait']);

/** A command remedy and, for the rule's message, the instruction as its fix (else its first suggestion) writes it. */
export interface CommandRemedy extends Remedy {
  form?: string;
}

export function commandRemedy(model: Pid1Model, site: CommandSite): CommandRemedy {
  const command = site.kind === 'shell-form' ? site.ins.rest : (site.ins.json[site.commandIndex] as string);
  const facts = analyzeCommandString(command);
  if (!facts.ok || !facts.main) return { suggest: [] };
  const keyword = site.ins.keyword;
  const cmdIsAppended = keyword === 'ENTRYPOINT' && (model.cmd?.argv.length ?? 0) > 0;
  const appendedNote = cmdIsAppended ? ' (the CMD\'s arguments are then passed to the program instead of being ignored)' : '';

  const comments = facts.parse.comments.map((c) => command.slice(c.start, c.end).trim());
  const words = splitStaticWords(withoutComments(command, facts));
  const plainFeatures = [...facts.features].every((f) => f === 'quoting' || f === 'comment');
  if (words && plainFeatures && !SHELL_ONLY.has(words[0] as string)) {
    const argv = execArgv(model, site, words);
    const edit = rewriteInstruction(model, site.ins, execFormText(argv), comments);
    const form = `${keyword} ${execFormText(argv)}`;
    const desc = `Use exec form${comments.length ? ', with the comment on a line of its own' : ''}: ${form}${appendedNote}`;
    // Only a command without any shell feature means exactly the same in exec form.
    if (facts.features.size === 0 && !cmdIsAppended) return { fix: edit, suggest: [], form };
    return { suggest: [{ desc, fix: edit }], form };
  }

  const main = facts.main;
  const last = facts.commands.at(-1);
  const mainIsLast = main === last && main.next === null && !main.compound && !main.inPipeline && !main.background && !main.negated && !main.callsFunction;
  const firstWord = main.words[0];
  if (mainIsLast && !main.exec && firstWord) {
    const withExec = `${command.slice(0, firstWord.start)}exec ${command.slice(firstWord.start)}`;
    const args = site.kind === 'shell-form' ? withExec : execFormText(site.ins.json.map((w, i) => (i === site.commandIndex ? withExec : w)));
    return {
      suggest: [{
        desc: `Keep the shell and put exec in front of the last command, so the program replaces the shell: ${keyword} ${args}`,
        fix: rewriteInstruction(model, site.ins, args),
      }],
      form: `${keyword} ${args}`,
    };
  }
  if (!main.compound && main.argv.length > 0 && main.argv.every((w): w is string => w !== null)) {
    const argv = execArgv(model, site, main.argv);
    const form = `${keyword} ${execFormText(argv)}`;
    return {
      suggest: [{
        desc: `Run only \`${commandText(main.argv)}\` in exec form; the rest of \`${command.trim()}\` no longer runs: ${form}${appendedNote}`,
        fix: rewriteInstruction(model, site.ins, execFormText(argv)),
      }],
      form,
    };
  }
  return { suggest: [] };
}

function withoutComments(command: string, facts: CommandStringFacts): string {
  let out = '';
  let position = 0;
  for (const c of facts.parse.comments) {
    out += command.slice(position, c.start);
    position = c.end;
  }
  return (out + command.slice(position)).trimEnd();
}

/**
 * The exec-form argv that replaces the site: what came before the shell
 * stays (`tini --`), and when the image's ENTRYPOINT is node itself
 * (distroless, Chainguard) a leading `node` is dropped from a CMD, since
 * node is already there.
 */
function execArgv(model: Pid1Model, site: CommandSite, argv: readonly string[]): string[] {
  const prefix = site.kind === 'shell-in-exec-form' ? site.ins.json.slice(0, site.shellStart) : [];
  const entry = model.entrypoint?.argv ?? [];
  const nodeEntrypoint = site.ins.keyword === 'CMD' && entry.length === 1 && isNode(entry[0] as string);
  const program = nodeEntrypoint && prefix.length === 0 && argv.length > 1 && isNode(argv[0] as string) ? argv.slice(1) : argv;
  return [...prefix, ...program];
}

function isNode(program: string): boolean {
  const base = basename(program);
  return base === 'node' || base === 'nodejs';
}

/**
 * The site of a shell link's command: the instruction it comes from, and
 * for exec form where in the array the shell and its command string are.
 */
export function commandSite(ins: Instruction, shellArgv: readonly string[], commandString: string): CommandSite | null {
  if (!ins.json) return ins.jsonError ? null : { kind: 'shell-form', ins };
  const json = ins.json;
  for (let start = 0; start + shellArgv.length <= json.length; start++) {
    if (!shellArgv.every((w, i) => json[start + i] === w)) continue;
    const commandIndex = json.indexOf(commandString, start + 1);
    if (commandIndex < 0) return null;
    return { kind: 'shell-in-exec-form', ins: ins as Instruction & { json: string[] }, shellStart: start, commandIndex };
  }
  return null;
}

/**
 * `["node", "$ENTRY"]` → `["sh", "-c", "exec node \"$ENTRY\""]`: a shell
 * expands the variable at run time and exec keeps the program PID 1. An
 * ENTRYPOINT passes the CMD on with `"$@"` (`sh` fills `$0`). null when the
 * image has no shell.
 */
export function expandInShellSuggestion(model: Pid1Model, ins: Instruction, isVariable: (word: string) => boolean): Suggestion | null {
  if (!ins.json || model.image?.shell === 'none') return null;
  const entrypoint = ins.keyword === 'ENTRYPOINT';
  const words = ins.json.map((w) => (isVariable(w) ? doubleQuoteForShell(w) : quoteForShell(w)));
  const argv = ['sh', '-c', `exec ${words.join(' ')}${entrypoint ? ' "$@"' : ''}`, ...(entrypoint ? ['sh'] : [])];
  return {
    desc: `Let a shell expand the variable and exec the program: ${ins.keyword} ${execFormText(argv)}`,
    fix: rewriteInstruction(model, ins, execFormText(argv)),
  };
}

/** Double quotes keep `$NAME` and `${…}` expanding and everything else literal. */
function doubleQuoteForShell(word: string): string {
  return `"${word.replace(/[\\"`]/g, '\\$&').replace(/\$(?![{A-Za-z_])/g, '\\$')}"`;
}
