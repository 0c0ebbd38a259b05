/**
 * Reads the program the chain ends in: finds its source in the build context
 * (compiled output → TypeScript source, `node .` → package.json main), runs
 * the program reader over it and its preloads, and turns what it found into
 * the reaction verdict.ts needs ("does a handler for this signal end the
 * process?"). The model's verdict is then recomputed with that knowledge.
 */
import path from 'node:path';
import { PATH_MAX, relativeTo } from '../context/files.js';
import { evaluateStop } from './verdict.js';
/** The link whose program is read: the last link, when it runs a Node program. */
export function programLink(model) {
    const last = model.chain.at(-1);
    return last?.program && (last.program.runtime === 'node' || last.program.runtime === 'next') ? last : null;
}
export async function readProgram(model, options) {
    const link = programLink(model);
    const target = link?.program;
    if (!link || !target)
        return null;
    if (target.runtime === 'next') {
        // `next start`: Next.js itself is the program; its handlers are known (facts §6), nothing to read.
        return { link, target, lookup: { source: null, via: 'next start', tried: [], reason: null }, facts: null, app: nextApp(link) };
    }
    // Loaded only when needed: the source lookup when node runs a script, the reader once its source is found.
    const { findSourceForOutput } = await import('../program/source-map.js');
    const lookup = await findEntry(model, target, findSourceForOutput);
    if (lookup.nextStandalone) {
        return { link, target, lookup, facts: null, app: nextApp(link) };
    }
    if (!lookup.source)
        return { link, target, lookup, facts: null, app: unresolvedApp(lookup) };
    const { analyzeProgram, createProgramCache } = await import('../program/index.js');
    const preloads = target.preloads.map((p) => p.hostPath).filter((p) => p !== null && model.files.isFile(p));
    const facts = await analyzeProgram({
        entry: lookup.source,
        preloads,
        contextDir: model.contextDir,
        cache: options.cache ?? cacheFor(model.files, (files) => createProgramCache(files, true)),
        env: target.env,
        ...(options.extraLibraries ? { extraLibraries: options.extraLibraries } : {}),
    });
    return { link, target, lookup, facts, app: appFactsOf(facts, model.contextDir) };
}
/**
 * One program cache per run (keyed by the run's file cache), so modules are
 * parsed once across Dockerfiles; it keeps module summaries between runs too.
 */
const caches = new WeakMap();
function cacheFor(files, create) {
    let cache = caches.get(files);
    if (!cache) {
        cache = create(files);
        caches.set(files, cache);
    }
    return cache;
}
/** Puts what the program does into the verdict. */
export function applyProgram(model, analysis) {
    model.program = analysis;
    model.verdict = evaluateStop(model.chain, model.stopSignal.name, analysis.app, { pid1Outside: model.pid1Outside });
}
async function findEntry(model, target, findSourceForOutput) {
    if (target.inline !== null)
        return { source: null, via: 'node -e', tried: [], reason: 'the program is inline code (node -e), not a file' };
    if (!target.containerPath)
        return { source: null, via: 'no script', tried: [], reason: 'node runs no script (a REPL, which exits at once without a terminal)' };
    if (!target.hostPath) {
        return { source: null, via: 'not in the context', tried: [], reason: `${target.containerPath} is not copied from the build context (${target.unmappedReason ?? 'unknown origin'})` };
    }
    if (target.containerPath.length > PATH_MAX) {
        return { source: null, via: 'path too long', tried: [], reason: `the script's path is ${target.containerPath.length} characters long, more than Linux allows (PATH_MAX ${PATH_MAX}): node cannot open it` };
    }
    const cfs = model.files.forRoot(model.contextDir);
    let output = target.hostPath;
    if (target.packageDir) {
        // `node .` or `node dist`: the folder's package.json main, else index.js.
        const pkg = cfs.readJson(path.join(target.packageDir, 'package.json'));
        output = path.join(target.packageDir, typeof pkg?.main === 'string' ? pkg.main : 'index.js');
    }
    const found = findSourceForOutput(model.contextDir, output, cfs);
    const lookup = {
        source: found.source, via: found.via, tried: found.tried,
        reason: found.source === null && found.outside ? `${found.outside} leads outside the build context (a symlink), so it is not followed` : null,
    };
    if (found.caseMismatch)
        lookup.caseMismatch = found.caseMismatch;
    if (found.via === 'next standalone')
        lookup.nextStandalone = true;
    return lookup;
}
/** Next.js `next start` / standalone server.js: SIGINT and SIGTERM end it (143) unless NEXT_MANUAL_SIG_HANDLE. */
function nextApp(link) {
    const manual = Boolean(link.env.NEXT_MANUAL_SIG_HANDLE);
    return {
        reaction: (signal) => {
            if (manual)
                return { reaction: 'none', why: 'NEXT_MANUAL_SIG_HANDLE is set, so Next.js installs no handler (facts §6)' };
            if (signal === 'SIGTERM' || signal === 'SIGINT')
                return { reaction: 'exits', why: 'Next.js handles it and exits 143 (facts §6 next-start)' };
            return { reaction: 'none', why: `Next.js handles SIGINT and SIGTERM, not ${signal}` };
        },
    };
}
function unresolvedApp(lookup) {
    return { reaction: () => ({ reaction: 'unknown', why: lookup.reason ?? 'the program source was not found in the build context' }) };
}
/**
 * The handler that decides what `signal` does, and how. A handler that
 * re-raises ends a process that is not PID 1 (the default action applies
 * once it has removed itself) and may hang PID 1 (K2).
 */
export function decidingHandler(facts, signal, isPid1 = true) {
    const covering = facts.handlers.filter((h) => h.signals.includes(signal));
    const pick = (ending) => covering.find((h) => h.ending === ending) ?? null;
    const exits = pick('exits') ?? (isPid1 ? null : pick('reraises'));
    if (exits)
        return { handler: exits, reaction: 'exits' };
    const unknown = pick('unknown');
    if (unknown)
        return { handler: unknown, reaction: 'unknown' };
    const hangs = pick('may-hang') ?? pick('reraises');
    if (hangs)
        return { handler: hangs, reaction: 'may-hang' };
    // A handler whose signal could not be worked out might be this one.
    if (facts.handlers.some((h) => h.unresolvedSignal !== undefined))
        return { handler: facts.handlers.find((h) => h.unresolvedSignal !== undefined) ?? null, reaction: 'unknown' };
    return { handler: null, reaction: 'none' };
}
export function appFactsOf(facts, contextDir) {
    return {
        reaction(signal, isPid1) {
            const { handler, reaction } = decidingHandler(facts, signal, isPid1);
            const where = handler ? `${handler.via} at ${relativeTo(contextDir, handler.file)}:${handler.line}` : '';
            switch (reaction) {
                case 'exits':
                    if (handler?.ending === 'reraises') {
                        return { reaction, why: `${where} re-raises the signal, whose default action ends a process that is not PID 1 (facts §6 lib-signalexit4-extra-nons)` };
                    }
                    return { reaction, why: `${where}: ${handler?.endingWhy ?? ''}` };
                case 'may-hang':
                    return { reaction, why: `${where}: ${handler?.endingWhy ?? ''}` };
                case 'unknown':
                    return { reaction, why: handler?.unresolvedSignal !== undefined ? `${where} handles a signal only known at run time (${handler.unresolvedSignal})` : `${where}: ${handler?.endingWhy ?? 'cannot tell whether it ends the process'}` };
                default:
                    return { reaction, why: describeOtherHandlers(facts, signal, contextDir) };
            }
        },
    };
}
/** "only SIGINT is handled (src/index.ts:9)" or "no handler in the 12 files read". */
export function describeOtherHandlers(facts, signal, contextDir) {
    const others = facts.handlers.filter((h) => h.signals.length > 0 && !h.signals.includes(signal));
    if (others.length > 0) {
        const first = others[0];
        const signals = [...new Set(others.flatMap((h) => h.signals))].join(', ');
        return `only ${signals} ${others.length === 1 && first.signals.length === 1 ? 'is' : 'are'} handled (${relativeTo(contextDir, first.file)}:${first.line})`;
    }
    const n = facts.files.length;
    return `no listener for ${signal} and no shutdown library was found in the ${n} file${n === 1 ? '' : 's'} read`;
}
//# sourceMappingURL=program.js.map