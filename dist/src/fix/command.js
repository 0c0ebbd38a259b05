import { basename } from '../model/launchers.js';
import { commandText } from '../model/queries.js';
import { analyzeCommandString, quoteForShell, splitStaticWords } from '../shell/analyze.js';
import { execFormText, rewriteInstruction } from './dockerfile.js';
/** Builtins that only exist inside a shell: exec form cannot run them. */
const SHELL_ONLY = new Set(['.', ':', 'alias', 'cd', 'command', 'eval', 'exec', 'exit', 'export', 'getopts', 'hash', 'local', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'type', 'ulimit', 'umask', 'unset', 'wait']);
export function commandRemedy(model, site) {
    const command = site.kind === 'shell-form' ? site.ins.rest : site.ins.json[site.commandIndex];
    const facts = analyzeCommandString(command);
    if (!facts.ok || !facts.main)
        return { suggest: [] };
    const keyword = site.ins.keyword;
    const cmdIsAppended = keyword === 'ENTRYPOINT' && (model.cmd?.argv.length ?? 0) > 0;
    const appendedNote = cmdIsAppended ? ' (the CMD\'s arguments are then passed to the program instead of being ignored)' : '';
    const comments = facts.parse.comments.map((c) => command.slice(c.start, c.end).trim());
    const words = splitStaticWords(withoutComments(command, facts));
    const plainFeatures = [...facts.features].every((f) => f === 'quoting' || f === 'comment');
    if (words && plainFeatures && !SHELL_ONLY.has(words[0])) {
        const argv = execArgv(model, site, words);
        const edit = rewriteInstruction(model, site.ins, execFormText(argv), comments);
        const form = `${keyword} ${execFormText(argv)}`;
        const desc = `Use exec form${comments.length ? ', with the comment on a line of its own' : ''}: ${form}${appendedNote}`;
        // Only a command without any shell feature means exactly the same in exec form.
        if (facts.features.size === 0 && !cmdIsAppended)
            return { fix: edit, suggest: [], form };
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
    if (!main.compound && main.argv.length > 0 && main.argv.every((w) => w !== null)) {
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
function withoutComments(command, facts) {
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
function execArgv(model, site, argv) {
    const prefix = site.kind === 'shell-in-exec-form' ? site.ins.json.slice(0, site.shellStart) : [];
    const entry = model.entrypoint?.argv ?? [];
    const nodeEntrypoint = site.ins.keyword === 'CMD' && entry.length === 1 && isNode(entry[0]);
    const program = nodeEntrypoint && prefix.length === 0 && argv.length > 1 && isNode(argv[0]) ? argv.slice(1) : argv;
    return [...prefix, ...program];
}
function isNode(program) {
    const base = basename(program);
    return base === 'node' || base === 'nodejs';
}
/**
 * The site of a shell link's command: the instruction it comes from, and
 * for exec form where in the array the shell and its command string are.
 */
export function commandSite(ins, shellArgv, commandString) {
    if (!ins.json)
        return ins.jsonError ? null : { kind: 'shell-form', ins };
    const json = ins.json;
    for (let start = 0; start + shellArgv.length <= json.length; start++) {
        if (!shellArgv.every((w, i) => json[start + i] === w))
            continue;
        const commandIndex = json.indexOf(commandString, start + 1);
        if (commandIndex < 0)
            return null;
        return { kind: 'shell-in-exec-form', ins: ins, shellStart: start, commandIndex };
    }
    return null;
}
/**
 * `["node", "$ENTRY"]` → `["sh", "-c", "exec node \"$ENTRY\""]`: a shell
 * expands the variable at run time and exec keeps the program PID 1. An
 * ENTRYPOINT passes the CMD on with `"$@"` (`sh` fills `$0`). null when the
 * image has no shell.
 */
export function expandInShellSuggestion(model, ins, isVariable) {
    if (!ins.json || model.image?.shell === 'none')
        return null;
    const entrypoint = ins.keyword === 'ENTRYPOINT';
    const words = ins.json.map((w) => (isVariable(w) ? doubleQuoteForShell(w) : quoteForShell(w)));
    const argv = ['sh', '-c', `exec ${words.join(' ')}${entrypoint ? ' "$@"' : ''}`, ...(entrypoint ? ['sh'] : [])];
    return {
        desc: `Let a shell expand the variable and exec the program: ${ins.keyword} ${execFormText(argv)}`,
        fix: rewriteInstruction(model, ins, execFormText(argv)),
    };
}
/** Double quotes keep `$NAME` and `${…}` expanding and everything else literal. */
function doubleQuoteForShell(word) {
    return `"${word.replace(/[\\"`]/g, '\\$&').replace(/\$(?![{A-Za-z_])/g, '\\$')}"`;
}
//# sourceMappingURL=command.js.map