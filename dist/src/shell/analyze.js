/**
 * The two shell analyses the PID-1 model needs, on top of parse.ts:
 * - analyzeCommandString: a Docker shell-form command or an `sh -c` string. Which command stays in the
 *   foreground, whether it is in the position where bash and busybox ash exec it in place of the shell,
 *   which shell features it uses (an autofix to exec form must refuse when there are any), and which traps it sets.
 * - analyzeScript: an entrypoint script. Shebang, `set -e`, the command the script ends in, and whether it hands
 *   PID 1 over with `exec "$@"`.
 *
 * Everything is computed from the static text; nothing is evaluated. Dynamic words are null in argv.
 */
import { parseSignal } from '../signals.js';
import { parseShell } from './parse.js';
export function analyzeCommandString(text) {
    return analyzeParsed(parseShell(text)).facts;
}
/**
 * Script facts. `mainInTailPosition` is always false here: no shell applies the exec-the-last-command
 * optimisation to a script file (facts §3 `script-sh-noexec`, `script-bash-noexec`); use `final`.
 */
export function analyzeScript(text) {
    const src = typeof text === 'string' ? text : String(text ?? '');
    const { facts, ctx, top } = analyzeParsed(parseShell(src));
    const shebang = parseShebang(src);
    const final = finalOfList(facts.parse.list, ctx, 0, top);
    return {
        ...facts,
        mainInTailPosition: false,
        shebang,
        execsArguments: final !== null && forwardsArguments(final),
        final,
        prependsToArguments: collectPrepends(facts.parse.list, final?.start ?? Infinity),
        waitsForBackground: waitsForBackground(facts.parse.list, top.commands),
        errexit: computeErrexit(shebang, top.commands),
    };
}
/**
 * The words of a command string when it is one plain command whose words are all static: no operators,
 * redirects, assignments, expansions, globs or `~` (quotes are fine). This is the argv Docker's exec form would
 * need. `exec` is NOT removed. null otherwise, or when the text does not parse.
 */
export function splitStaticWords(text) {
    const parse = parseShell(text);
    const item = parse.list.items[0];
    if (parse.errors.length > 0 || parse.list.items.length !== 1 || item === undefined)
        return null;
    if (item.background || item.rest.length > 0 || item.first.negated || item.first.commands.length !== 1)
        return null;
    const cmd = item.first.commands[0];
    if (cmd === undefined || cmd.type !== 'simple' || cmd.assignments.length > 0 || cmd.redirects.length > 0)
        return null;
    const out = [];
    for (const w of cmd.words) {
        if (w.value === null || w.glob)
            return null;
        out.push(w.value);
    }
    return out.length > 0 ? out : null;
}
/**
 * POSIX shell quoting for one argument: unchanged when it only has characters no shell treats specially,
 * single-quoted otherwise (a `'` becomes `'\''`). An argument that looks like `NAME=value` is quoted so it
 * cannot turn into an assignment in command position.
 */
export function quoteForShell(arg) {
    if (arg === '')
        return "''";
    let safe = true;
    for (let i = 0; i < arg.length && safe; i++)
        safe = isSafeChar(arg.charCodeAt(i));
    if (safe && !looksLikeAssignment(arg))
        return arg;
    return `'${arg.split("'").join("'\\''")}'`;
}
function isSafeChar(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
        // _ @ % + = : , . / -
        c === 95 || c === 64 || c === 37 || c === 43 || c === 61 || c === 58 || c === 44 || c === 46 || c === 47 || c === 45;
}
function looksLikeAssignment(s) {
    const eq = s.indexOf('=');
    if (eq < 1)
        return false;
    for (let i = 0; i < eq; i++) {
        const c = s.charCodeAt(i);
        const ok = c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (i > 0 && c >= 48 && c <= 57);
        if (!ok)
            return false;
    }
    return true;
}
function analyzeParsed(parse) {
    const functions = new Map();
    for (const item of parse.list.items) {
        for (const p of pipelinesOf(item)) {
            for (const c of p.commands) {
                if (c.type === 'function' && c.name !== undefined) {
                    const defs = functions.get(c.name) ?? [];
                    defs.push(c);
                    functions.set(c.name, defs);
                }
            }
        }
    }
    const ctx = { functions, visiting: new Set() };
    const top = describeList(parse.list, ctx);
    const traps = [];
    forEachSimple(parse.list, (cmd) => {
        const trap = trapOf(cmd);
        if (trap !== null)
            traps.push(trap);
    });
    traps.sort((a, b) => a.start - b.start);
    let main = null;
    for (const { candidate, unconditional } of top.items) {
        if (unconditional && replacesShell(candidate)) {
            main = candidate;
            break;
        }
    }
    const lastItem = top.items[top.items.length - 1];
    main ??= top.items[lastLongRunning(top.items, top.items.length - 1)]?.candidate ?? null;
    const mainInTailPosition = main !== null && main === lastItem?.candidate && main.next === null && !main.compound &&
        !main.inPipeline && !main.background && !main.negated && !main.callsFunction && main.argv.length > 0 &&
        !(typeof main.argv[0] === 'string' && BUILTINS.has(main.argv[0]) && !main.exec) &&
        !traps.some((t) => t.start < (main?.start ?? 0));
    const facts = {
        ok: parse.errors.length === 0,
        errors: parse.errors,
        commands: top.commands,
        features: collectFeatures(parse),
        main,
        mainInTailPosition,
        traps,
        parse,
    };
    return { facts, ctx, top };
}
function pipelinesOf(item) {
    return [item.first, ...item.rest.map((r) => r.pipeline)];
}
function describeList(list, ctx) {
    const commands = [];
    const items = [];
    list.items.forEach((item, i) => {
        const isLast = i === list.items.length - 1;
        const pipelines = pipelinesOf(item);
        // `a && b`: b is what keeps running; `a || b`: b only runs when a fails, so a stays.
        // `node app.js && echo done` keeps node: a short-lived command after && does not take over.
        let candidateIndex = 0;
        item.rest.forEach((r, k) => {
            if (r.op === '&&' && !isShortLivedCommand(r.pipeline.commands[0]))
                candidateIndex = k + 1;
        });
        let candidate = null;
        pipelines.forEach((p, pi) => {
            p.commands.forEach((c, ci) => {
                let next;
                if (ci < p.commands.length - 1)
                    next = '|';
                else if (pi < item.rest.length)
                    next = item.rest[pi]?.op ?? null;
                else if (!isLast)
                    next = item.background ? '&' : ';';
                else
                    next = null;
                const info = toInfo(c, ctx, {
                    background: item.background, inPipeline: p.commands.length > 1, negated: p.negated, next,
                });
                commands.push(info);
                if (pi === candidateIndex && ci === 0)
                    candidate = info;
            });
        });
        if (candidate !== null)
            items.push({ candidate, unconditional: item.rest.length === 0 });
    });
    return { commands, items };
}
function toInfo(c, ctx, at) {
    let words = [];
    let exec = false;
    if (c.type === 'simple') {
        words = c.words;
        if (words[0]?.value === 'exec') {
            let k = 1;
            for (; k < words.length; k++) {
                const v = words[k]?.value;
                if (v === '--') {
                    k++;
                    break;
                }
                if (v === null || v === undefined || !isExecOptionCluster(v))
                    break;
                // bash `exec -a NAME`: the name is the option's argument, not the command.
                if (v.endsWith('a'))
                    k++;
            }
            if (k < words.length) {
                exec = true;
                words = words.slice(k);
            }
        }
    }
    const argv = words.map((w) => w.value);
    const name = argv[0];
    // One literal with a fixed field order: these are made per command, and spreads were the hot spot.
    return {
        argv,
        words,
        assignments: c.type === 'simple' ? c.assignments.map((a) => ({ name: a.name, value: a.value.value })) : [],
        exec,
        background: at.background,
        inPipeline: at.inPipeline,
        negated: at.negated,
        redirects: c.redirects.length > 0,
        compound: c.type !== 'simple',
        callsFunction: typeof name === 'string' && ctx.functions.has(name),
        next: at.next,
        line: c.line,
        start: c.start,
        end: c.end,
        node: c,
    };
}
function isExecOptionCluster(v) {
    if (v.length < 2 || v[0] !== '-')
        return false;
    for (let i = 1; i < v.length; i++)
        if (!'acl'.includes(v[i] ?? ''))
            return false;
    return true;
}
/**
 * The command replaces the shell process when it runs: `exec` outside a pipeline, background job or `!`
 * (those run in a subshell, so exec only replaces the subshell).
 */
export function replacesShell(c) {
    return c.exec && !c.background && !c.inPipeline && !c.negated;
}
/**
 * Commands that finish at once, so they are not what keeps a container running. Trailing ones are skipped when
 * picking the main/final command: in `node app.js; echo done` the app is node (and the shell stays PID 1).
 */
const SHORT_LIVED = new Set([
    ':', '[', 'cd', 'chmod', 'chown', 'cp', 'echo', 'exit', 'export', 'false', 'ln', 'local', 'mkdir', 'mv', 'printf',
    'readonly', 'return', 'rm', 'set', 'shift', 'test', 'touch', 'trap', 'true', 'ulimit', 'umask', 'unset',
]);
function isShortLived(c) {
    const name = c.argv[0];
    return !c.compound && !c.exec && !c.background && typeof name === 'string' && SHORT_LIVED.has(name);
}
function isShortLivedCommand(c) {
    const name = c?.type === 'simple' ? c.words[0]?.value : undefined;
    return typeof name === 'string' && SHORT_LIVED.has(name);
}
/** The index of the last item at or before `last` whose command is not short-lived (`last` when all are). */
function lastLongRunning(items, last) {
    for (let i = last; i >= 0; i--) {
        const c = items[i]?.candidate;
        if (c !== undefined && !isShortLived(c))
            return i;
    }
    return last;
}
/**
 * Builtins run inside the shell, so the shell cannot exec them in its place even in tail position
 * (and `wait` at the end is the shell waiting as PID 1).
 */
const BUILTINS = new Set([
    ':', '.', '[', 'alias', 'bg', 'break', 'cd', 'command', 'continue', 'echo', 'eval', 'exit', 'export', 'false', 'fg',
    'getopts', 'hash', 'jobs', 'kill', 'local', 'printf', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'source',
    'test', 'times', 'trap', 'true', 'type', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);
function isExit(c) {
    return !c.compound && c.argv[0] === 'exit' && !c.background && !c.inPipeline;
}
/** Visits simple commands in source order, descending into compound and function bodies. */
function forEachSimple(list, visit) {
    for (const item of list.items) {
        for (const p of pipelinesOf(item)) {
            for (const c of p.commands) {
                if (c.type === 'simple')
                    visit(c);
                else
                    for (const inner of c.body)
                        forEachSimple(inner, visit);
            }
        }
    }
}
// ------------------------------------------------------------------ features
function collectFeatures(parse) {
    const features = new Set();
    if (parse.comments.length > 0)
        features.add('comment');
    const word = (w) => {
        if (w.parameter)
            features.add('variable');
        if (w.substitution)
            features.add('command-substitution');
        if (w.arithmetic)
            features.add('arithmetic');
        if (w.glob)
            features.add('glob');
        if (w.tilde)
            features.add('tilde');
        if (w.quoted)
            features.add('quoting');
    };
    const command = (c) => {
        for (const r of c.redirects) {
            features.add('redirect');
            if (r.heredoc !== undefined)
                features.add('heredoc');
            else if (r.target !== null)
                word(r.target);
        }
        if (c.type === 'simple') {
            if (c.assignments.length > 0)
                features.add('assignment');
            for (const a of c.assignments)
                word(a.value);
            for (const w of c.words)
                word(w);
            const first = c.words[0];
            if (first !== undefined && first.raw === '[[')
                features.add('compound');
            return;
        }
        features.add(c.type === 'subshell' ? 'subshell' : 'compound');
        for (const w of c.words ?? [])
            word(w);
        for (const l of c.body)
            list(l);
    };
    const list = (l) => {
        l.items.forEach((item, i) => {
            if (item.background)
                features.add('background');
            else if (i < l.items.length - 1)
                features.add('sequence');
            for (const r of item.rest)
                features.add(r.op === '&&' ? 'and' : 'or');
            for (const p of pipelinesOf(item)) {
                if (p.negated)
                    features.add('negation');
                if (p.commands.length > 1)
                    features.add('pipe');
                for (const c of p.commands)
                    command(c);
            }
        });
    };
    list(parse.list);
    return features;
}
// ------------------------------------------------------------------ traps
function isUnsignedInteger(s) {
    if (s.length === 0)
        return false;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    return true;
}
/** A trap's signal word as a name without SIG (`15`, `sigterm` → `TERM`; `0` → `EXIT`); unknown words upper-cased. */
export function trapSignalName(word) {
    if (word === '0' || word.toUpperCase() === 'EXIT')
        return 'EXIT';
    const parsed = parseSignal(word);
    return parsed ? parsed.name.replace(/^SIG/, '') : word.toUpperCase();
}
function trapOf(cmd) {
    if (cmd.words[0]?.value !== 'trap')
        return null;
    let args = cmd.words.slice(1);
    if (args[0]?.value === '--')
        args = args.slice(1);
    const first = args[0];
    if (first === undefined)
        return null; // `trap` alone lists traps
    if (first.value !== null && first.value.length > 1 && first.value.startsWith('-'))
        return null; // -l, -p
    let action;
    let signalWords;
    // POSIX: a first operand that is a number means "reset these"; bash also reads a lone operand that way.
    if (args.length === 1 || (first.value !== null && isUnsignedInteger(first.value))) {
        action = '-';
        signalWords = args;
    }
    else {
        action = first.value ?? first.raw;
        signalWords = args.slice(1);
    }
    const signals = signalWords.map((w) => (w.value === null ? w.raw : trapSignalName(w.value)));
    return { signals, action, line: cmd.line, start: cmd.start, end: cmd.end };
}
// ------------------------------------------------------------------ scripts
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
function basename(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.slice(slash + 1);
}
function splitBlanks(s) {
    const out = [];
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
        const c = s.charCodeAt(i);
        const blank = i === s.length || c === 32 || c === 9 || c === 13;
        if (blank && start >= 0) {
            out.push(s.slice(start, i));
            start = -1;
        }
        else if (!blank && start < 0) {
            start = i;
        }
    }
    return out;
}
/** Options of coreutils/busybox env that take a separate argument. */
const ENV_OPTIONS_WITH_ARG = new Set(['-u', '--unset', '-C', '--chdir']);
export function parseShebang(text) {
    if (!text.startsWith('#!'))
        return null;
    const nl = text.indexOf('\n');
    const tokens = splitBlanks(text.slice(2, nl < 0 ? text.length : nl));
    const path = tokens[0];
    if (path === undefined)
        return null;
    const args = tokens.slice(1);
    if (basename(path) !== 'env')
        return { interpreter: basename(path), path, args, viaEnv: false, line: 1 };
    let k = 0;
    while (k < args.length) {
        const a = args[k] ?? '';
        if (a === '--') {
            k++;
            break;
        }
        // -S splits its argument into words; the kernel already handed us the rest split on blanks.
        if (a === '-S' || a === '--split-string') {
            k++;
        }
        else if (a.startsWith('-S')) {
            args[k] = a.slice(2);
        }
        else if (a.startsWith('--split-string=')) {
            args[k] = a.slice('--split-string='.length);
        }
        else if (ENV_OPTIONS_WITH_ARG.has(a)) {
            k += 2;
        }
        else if (a.startsWith('-') || looksLikeAssignment(a)) {
            k++;
        }
        else {
            break;
        }
    }
    const command = args[k];
    if (command === undefined)
        return { interpreter: 'env', path, args, viaEnv: false, line: 1 };
    return { interpreter: basename(command), path: command, args: args.slice(k + 1), viaEnv: true, line: 1 };
}
/** Applies `set` options (or shell flags) to the errexit state. */
function applyErrexitOptions(args, state) {
    for (let k = 0; k < args.length; k++) {
        const a = args[k];
        if (a === null || a === undefined)
            continue;
        if (a === '--' || a === '-' || a.length < 2 || (a[0] !== '-' && a[0] !== '+'))
            break; // positional args follow
        const on = a[0] === '-';
        for (const ch of a.slice(1)) {
            if (ch === 'e')
                state = on;
            else if (ch === 'o') {
                k++;
                if (args[k] === 'errexit')
                    state = on;
            }
        }
    }
    return state;
}
function computeErrexit(shebang, commands) {
    let state = shebang !== null && SHELLS.has(shebang.interpreter) ? applyErrexitOptions(shebang.args, false) : false;
    for (const c of commands) {
        if (c.argv[0] === 'set' && !c.background && !c.inPipeline)
            state = applyErrexitOptions(c.argv.slice(1), state);
    }
    return state;
}
function finalOfList(list, ctx, depth, described) {
    const { items } = described ?? describeList(list, ctx);
    let last = items.length - 1;
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item === undefined || !item.unconditional)
            continue;
        if (replacesShell(item.candidate))
            return resolveFinal(item.candidate, ctx, depth);
        if (isExit(item.candidate)) {
            last = i - 1;
            break;
        }
    }
    // `… && exit 0` at the end: the command before it is the one that ran.
    const candidate = last < 0 ? undefined : items[lastLongRunning(items, last)]?.candidate;
    return candidate === undefined ? null : resolveFinal(candidate, ctx, depth);
}
function resolveFinal(c, ctx, depth) {
    // The AST is depth-limited by the parser; this guard covers mutually recursive functions as well.
    if (depth > 64 || c.background || c.inPipeline || c.negated)
        return c;
    if (c.compound && c.node.type !== 'simple')
        return finalOfCompound(c.node, c, ctx, depth + 1);
    const name = c.argv[0];
    if (c.callsFunction && typeof name === 'string' && !ctx.visiting.has(name)) {
        const defs = ctx.functions.get(name) ?? [];
        // The definition in effect is the last one before the call (or any, for calls inside function bodies).
        const def = [...defs].reverse().find((d) => d.start < c.start) ?? defs[0];
        if (def?.command !== undefined) {
            ctx.visiting.add(name);
            const inner = finalOfCompound(def.command, toInfo(def.command, ctx, c), ctx, depth + 1);
            ctx.visiting.delete(name);
            // An unresolved body (a loop, a subshell) says less than the call itself.
            if (!inner.compound || inner.alternatives !== undefined)
                return { ...inner, calledVia: c };
        }
    }
    return c;
}
function finalOfCompound(node, info, ctx, depth) {
    switch (node.type) {
        case 'group': {
            const body = node.body[0];
            return (body === undefined ? null : finalOfList(body, ctx, depth)) ?? info;
        }
        case 'if': {
            const alternatives = (node.branches ?? []).map((b) => finalOfList(b, ctx, depth));
            if (node.hasElse !== true)
                alternatives.push(null);
            return combineAlternatives(info, alternatives);
        }
        case 'case': {
            const items = node.items ?? [];
            const alternatives = items.map((it) => finalOfList(it.body, ctx, depth));
            const catchAll = items.some((it) => it.patterns.some((p) => p.raw === '*'));
            if (!catchAll)
                alternatives.push(null);
            return combineAlternatives(info, alternatives);
        }
        default:
            // A subshell's exec replaces the subshell, not the shell; loops have no single last command.
            return info;
    }
}
function combineAlternatives(info, alternatives) {
    const last = alternatives[alternatives.length - 1];
    if (last !== null && last !== undefined && alternatives.every((a) => a !== null && replacesShell(a))) {
        return { ...last, exec: true, alternatives };
    }
    return { ...info, alternatives };
}
function isAllArgumentsWord(w) {
    return w.raw === '"$@"' || w.raw === '"${@}"' || w.raw === '$@' || w.raw === '${@}' || w.raw === '$*' ||
        w.raw === '${*}';
}
function isArgumentsForward(words) {
    const only = words[0];
    return words.length === 1 && only !== undefined && isAllArgumentsWord(only);
}
function forwardsArguments(f) {
    if (!replacesShell(f))
        return false;
    // Inside a function "$@" is the call's arguments.
    if (f.calledVia !== undefined && !isArgumentsForward(f.calledVia.words.slice(1)))
        return false;
    if (f.alternatives !== undefined)
        return f.alternatives.every((a) => a !== null && forwardsArguments(a));
    return isArgumentsForward(f.words);
}
function waitsForBackground(list, top) {
    const job = top.find((c) => c.background);
    if (job === undefined)
        return false;
    let found = false;
    // The wait may sit in a loop or an if (`while kill -0 "$pid"; do wait "$pid"; done`).
    forEachSimple(list, (cmd) => {
        found ||= cmd.start > job.start && cmd.words[0]?.value === 'wait';
    });
    return found;
}
function collectPrepends(list, before) {
    const out = [];
    forEachSimple(list, (cmd) => {
        const w = cmd.words;
        const last = w[w.length - 1];
        if (cmd.start >= before || w[0]?.value !== 'set' || w[1]?.value !== '--' || w.length < 4)
            return;
        if (last !== undefined && isAllArgumentsWord(last))
            out.push(w.slice(2, -1).map((x) => x.value));
    });
    return out;
}
const NODE_LIKE = /(^|\/)(node|nodejs|npm|npx|yarn|pnpm|tsx|ts-node|bun|deno)$/;
/**
 * The background job that is the program when a script starts several (`nginx &`, `redis &`,
 * `node server.js &`): the one whose `$!` a top-level `wait` names, else the first that runs
 * Node or a package manager, else the first job.
 */
export function programJob(commands, text) {
    const jobs = commands.filter((c) => c.background && !c.compound);
    if (jobs.length <= 1)
        return jobs[0] ?? null;
    const pidVariable = (job) => {
        const after = commands[commands.indexOf(job) + 1];
        if (!after || after.argv.length > 0)
            return null;
        return /^\s*(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=["']?\$!/.exec(text.slice(after.start, after.end))?.[1] ?? null;
    };
    const waited = new Set();
    for (const c of commands) {
        if (c.argv[0] !== 'wait')
            continue;
        for (const w of c.words.slice(1)) {
            const name = /^"?\$\{?([A-Za-z_]\w*)\}?"?$/.exec(w.raw)?.[1];
            if (name)
                waited.add(name);
        }
    }
    return jobs.find((j) => {
        const v = pidVariable(j);
        return v !== null && waited.has(v);
    }) ?? jobs.find((j) => typeof j.argv[0] === 'string' && NODE_LIKE.test(j.argv[0])) ?? jobs[0] ?? null;
}
//# sourceMappingURL=analyze.js.map