/**
 * Remedy for a package manager as the program's parent (facts §2): start
 * what its script runs directly, in exec form (`CMD ["npm", "start"]` →
 * `CMD ["node", "server.js"]`; a `VAR=value` prefix becomes ENV).
 *
 * Always a suggestion: the program then runs without the npm_* variables
 * and the pre/post scripts the package manager adds, and only someone who
 * knows the program can say those do not matter. package.json is never
 * edited.
 */
import type { ResolvedLink } from '../model/chain.js';
import type { Pid1Model } from '../model/model.js';
import { analyzeCommandString, quoteForShell, splitStaticWords } from '../shell/analyze.js';
import type { Suggestion } from '../types.js';
import { envValue, execFormText, rewriteInstruction } from './dockerfile.js';

export function directCommandSuggestion(model: Pid1Model, link: ResolvedLink): Suggestion | null {
  const pm = link.packageManager;
  const ins = link.origin.instruction;
  if (!pm || !ins || pm.scriptText === null || !model.stage) return null;
  // A script that starts another package manager (`pnpm --filter ./api run start`) does not hold the program's command.
  if (model.chain.slice(model.chain.indexOf(link) + 1).some((l) => l.kind === 'package-manager')) return null;
  // ENTRYPOINT ["npm", "start"] with a CMD: the CMD's words are arguments of npm, not of the program.
  if (ins.keyword === 'ENTRYPOINT' && (model.cmd?.argv.length ?? 0) > 0) return null;
  const words = ins.json ?? splitStaticWords(ins.rest);
  // What stays in front (`tini --`): the words before the first package manager of this instruction (corepack counts).
  const first = model.chain.find((l) => l.kind === 'package-manager' && l.origin.instruction === ins) ?? link;
  const start = words ? words.length - first.argv.length : -1;
  if (!words || start < 0 || !first.argv.every((w, i) => words[start + i] === w)) return null;
  // The program runs in the script's folder; exec form runs it in WORKDIR.
  const scriptCwd = model.chain[model.chain.indexOf(link) + 1]?.cwd;
  if (scriptCwd !== model.stage.config.workdir) return null;

  const command = [pm.scriptText, ...pm.invocation.extraArgs.map(quoteForShell)].join(' ');
  const facts = analyzeCommandString(command);
  const main = facts.main;
  const plain = [...facts.features].every((f) => f === 'assignment' || f === 'quoting');
  if (!facts.ok || !main || facts.commands.length !== 1 || !plain || main.compound) return null;
  const argv = main.argv.filter((w): w is string => w !== null);
  if (argv.length === 0 || argv.length !== main.argv.length) return null;
  const env: string[] = [];
  for (const a of main.assignments) {
    const value = a.value === null ? null : envValue(a.value, model.parsed.escape);
    if (value === null) return null;
    env.push(`ENV ${a.name}=${value}`);
  }
  const program = [localBinary(model, argv[0] as string), ...argv.slice(1)];
  const replacement = execFormText([...words.slice(0, start), ...program]);
  const launcher = first.argv.join(' ');
  const what = pm.invocation.action === 'exec' ? `the local binary \`${pm.scriptText}\`` : `the "${pm.scriptName ?? ''}" script`;
  return {
    desc: `Start ${what} directly instead of through \`${launcher}\`: ${env.length ? `${env.join(' and ')} and ` : ''}${ins.keyword} ${replacement}. The program no longer sees the npm_* variables, and pre/post scripts no longer run`,
    fix: rewriteInstruction(model, ins, replacement, env),
  };
}

/**
 * Scripts find tools in node_modules/.bin (the package manager puts it on
 * PATH); exec form does not, so such a tool is named by that path, relative
 * to WORKDIR. node and the image's own programs are found on PATH.
 */
function localBinary(model: Pid1Model, program: string): string {
  if (program.includes('/') || program === 'node' || program === 'nodejs' || model.image?.programs[program]) return program;
  return `node_modules/.bin/${program}`;
}
