/**
 * The program half of pid1-lint: read the program PID 1 runs (entry plus
 * preloads) and report its signal listeners, whether they end the process,
 * and the child processes it starts. Only files reachable through imports
 * from the entry are read, all inside the build context; packages in
 * node_modules are recognised by the library table, never read. Nothing is
 * executed, and bad input never throws: parse errors land in `errors`.
 */
import { deepenRun } from '../cache/compile-cache.js';
import { openSummaryStore, SummaryStore } from '../cache/summary-cache.js';
import { ResultCache } from './result-cache.js';
import path from 'node:path';
import { ContextFs, MAX_SOURCE_BYTES } from './fs-context.js';
import { collectFacts } from './facts.js';
import { loadBuiltinLibraries, normalizeSpecifier, validateExtraLibraries } from './libraries.js';
import { LibraryMatcher } from './library-match.js';
import { buildModuleInfo } from './module-info.js';
import { ModuleSet } from './module-set.js';
import { declaredEdges, edgesOf, needsFullParse, relevanceTest } from './module-summary.js';
import { scanDeclaredEdges } from './scan.js';
import { isStackOverflow, loadParser, parseWith, syntaxOf, TOO_DEEP } from './parse.js';
import { ProgramModel } from './program.js';
import { Reachability } from './reach.js';
import { CODE_EXTENSIONS, resolveSpecifier } from './resolve.js';
/**
 * Source characters of fully parsed modules read by one program only that
 * stay parsed after their program is done. A parsed module takes ~100 bytes
 * of heap per source character (the ESTree plus scopes), so 10,000 modules
 * kept would need gigabytes; this keeps ~30 MB, a few services' worth
 * (BENCHMARKS.md).
 */
const UNSHARED_BUDGET_CHARS = 300_000;
/**
 * Per-run cache: build contexts (directory listings, JSON files), module
 * summaries and fully parsed modules. Summaries are small and kept for the
 * run, so every module is parsed at most once by the walk. A full parse that
 * two programs used (a monorepo's shared package) is kept for the whole run;
 * one that only a single program used is kept while the most recent of
 * those fit in UNSHARED_BUDGET_CHARS, then dropped (parsed again only if a
 * later program needs it after all).
 */
export class ProgramCache {
    files;
    persistent;
    contexts = new Map();
    summaries = new Map();
    /** In least-recently-used order (a hit moves the entry to the end). */
    parsed = new Map();
    program = 0;
    /** Summaries kept between runs (summary-cache.ts), opened with the parser; null when not kept. */
    store;
    resultCache;
    /**
     * What happened, for the benchmark: modules parsed by the walk (`parses`),
     * found in this run's cache (`hits`) or in the one kept between runs
     * (`stored`), full parses (`full`), full parses dropped (`dropped`), and
     * programs whose analysis was kept from an earlier run (`kept`).
     */
    stats = { parses: 0, scanned: 0, hits: 0, stored: 0, full: 0, dropped: 0, kept: 0 };
    /** Every module file asked for in this run (absolute paths), for tests and the benchmark. */
    modulesRead = new Set();
    /**
     * With the run's ContextFiles, file texts are shared with the Dockerfile
     * model; `persistent` keeps summaries between runs (the CLI's cache).
     */
    constructor(files, persistent = false) {
        this.files = files;
        this.persistent = persistent;
    }
    context(dir) {
        if (this.files)
            return this.files.forRoot(dir);
        const key = path.resolve(dir);
        let cfs = this.contexts.get(key);
        if (!cfs) {
            cfs = new ContextFs(key);
            this.contexts.set(key, cfs);
        }
        return cfs;
    }
    /** Analyses kept between runs (result-cache.ts), with the summaries; null when not kept. */
    results() {
        if (this.resultCache === undefined)
            this.resultCache = this.persistent ? ResultCache.open() : null;
        return this.resultCache;
    }
    /** Called as each program's analysis starts: modules the previous ones no longer need may go. */
    startProgram() {
        this.program++;
        let unshared = 0;
        for (const entry of this.parsed.values())
            if (entry.programs < 2)
                unshared += entry.chars;
        for (const [key, entry] of this.parsed) {
            if (unshared <= UNSHARED_BUDGET_CHARS)
                break;
            if (entry.programs >= 2)
                continue;
            this.parsed.delete(key);
            unshared -= entry.chars;
            this.stats.dropped++;
        }
    }
    /** The walk's view of a module (see `read`), from this run, the store kept between runs, or read now. */
    summary(file, text, parser, full) {
        this.modulesRead.add(file);
        const key = `${file}\0${text.length}`;
        // An error is final; edges found without the full parse are redone when it is asked for.
        const usable = (s) => s !== undefined && (!s.ok || s.full || !full);
        const cached = this.summaries.get(key);
        if (usable(cached)) {
            this.stats.hits++;
            return cached;
        }
        if (this.store === undefined)
            this.store = this.persistent ? openSummaryStore(parser.version) : null;
        const storeKey = this.store ? SummaryStore.key(file, text) : '';
        const stored = this.store?.get(storeKey);
        if (usable(stored)) {
            this.stats.stored++;
            this.summaries.set(key, stored);
            return stored;
        }
        this.stats.parses++;
        const summary = this.read(file, text, parser, full);
        this.summaries.set(key, summary);
        this.store?.set(storeKey, summary);
        return summary;
    }
    /**
     * The cheapest read that is sure of the module's edges: the scanner
     * (scan.ts), else TypeScript's parse alone (its syntax errors, its import
     * declarations: module-summary.ts), else, or when `full`, the full parse.
     * A module that names `require` or `import(` goes to the full parse at
     * once: TypeScript's parse alone could not give its edges, only cost a
     * second parse (the full parse reports the same first syntax error).
     */
    read(file, text, parser, full) {
        if (!full && !needsFullParse(text)) {
            const scanned = scanDeclaredEdges(file, text);
            if (scanned) {
                this.stats.scanned++;
                return { ok: true, edges: scanned, full: false };
            }
            const syntax = syntaxOf(parser, file, text);
            if (!syntax.ok)
                return syntax;
            const edges = declaredEdges(parser.ts, syntax.source, text);
            if (edges)
                return { ok: true, edges, full: false };
        }
        const parsed = this.module(file, text, parser);
        return parsed.ok ? { ok: true, edges: edgesOf(parsed.info), full: true } : parsed;
    }
    /** The full parse of a module (ESTree and module-info.ts). */
    module(file, text, parser) {
        const key = `${file}\0${text.length}`;
        const cached = this.parsed.get(key);
        if (cached) {
            if (cached.program !== this.program) {
                cached.program = this.program;
                cached.programs++;
            }
            this.parsed.delete(key);
            this.parsed.set(key, cached);
            return cached.parsed;
        }
        this.stats.full++;
        const r = parseWith(parser, file, text);
        let parsed;
        if (!r.ok)
            parsed = r;
        else {
            try {
                parsed = { ok: true, info: buildModuleInfo(file, text, r.ast) };
            }
            catch (error) {
                // A pathological file (e.g. nesting deep enough to exhaust the stack) is a per-file error.
                parsed = { ok: false, message: isStackOverflow(error) ? TOO_DEEP : `could not be analysed: ${error instanceof Error ? error.message : String(error)}` };
            }
        }
        this.parsed.set(key, { parsed, chars: text.length, program: this.program, programs: 1 });
        return parsed;
    }
}
export function createProgramCache(files, persistent = false) {
    return new ProgramCache(files, persistent);
}
const MAX_FILES = 5000;
export async function analyzeProgram(options) {
    const entry = path.resolve(options.entry);
    const preloads = (options.preloads ?? []).map((p) => path.resolve(p));
    const cache = options.cache ?? createProgramCache();
    const cfs = cache.context(options.contextDir);
    // The same program in the same context as in an earlier run: its analysis, unless an answer changed.
    const results = cache.results();
    const key = results ? ResultCache.key({ entry, preloads, contextDir: cfs.root, env: options.env, extraLibraries: options.extraLibraries }) : '';
    const kept = results?.lookup(key, cfs);
    if (kept) {
        cache.stats.kept++;
        for (const file of kept.files)
            cache.modulesRead.add(file);
        return kept;
    }
    deepenRun(2);
    const facts = { entry, files: [], handlers: [], children: [], errors: [], notes: [], preloads, packages: [] };
    // What the analysis asks the context, when it is to be kept.
    const journal = results ? cfs.openJournal() : null;
    let failed = false;
    try {
        await analyze(options, cache, cfs, entry, preloads, facts);
    }
    catch (error) {
        failed = true;
        // A bug in pid1-lint must not abort the lint run; it is reported like a file error.
        facts.errors.push({ file: entry, message: `internal error while analysing the program: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
    }
    finally {
        if (journal)
            cfs.closeJournal(journal);
    }
    // A stack overflow elsewhere (a walker on a deep tree) depends on how warm V8 is: not kept.
    if (results && journal && !failed && !facts.errors.some((e) => e.message.includes(TOO_DEEP)))
        results.keep(key, cfs, journal, facts);
    return facts;
}
async function analyze(options, cache, cfs, entry, preloads, facts) {
    cache.startProgram();
    const notes = new Set();
    const note = (text) => {
        notes.add(text);
    };
    const packages = new Set();
    /** Workspace packages imported (specifier → folder), noted once each. */
    const workspacePackages = new Map();
    const builtins = new Set();
    const roots = [];
    const queue = [];
    const queued = new Set();
    const enqueue = (file) => {
        if (queued.has(file))
            return;
        queued.add(file);
        queue.push(file);
    };
    for (const root of [...preloads, entry]) {
        const status = cfs.check(root);
        if (status.status === 'file') {
            if (root.split(path.sep).includes('node_modules')) {
                note(`${cfs.rel(root)} is in node_modules: not read (packages are recognised through the library table)`);
                continue;
            }
            roots.push(root);
            enqueue(root);
            continue;
        }
        const role = root === entry ? 'entry' : 'preload';
        const reason = unreadableReason(cfs, root, status.status);
        facts.errors.push({ file: root, kind: 'read', message: `cannot read the ${role} ${cfs.rel(root)}: ${reason}` });
    }
    const loaded = roots.length > 0 ? await loadParser().catch((error) => new Error(`parser unavailable: ${String(error)}`)) : null;
    const libraries = roots.length > 0 ? await loadLibraries(options.extraLibraries) : null;
    const relevant = libraries ? relevanceTest(libraries.entries) : null;
    const read = new Set();
    /** Files each module imports, and the modules whose text is relevant, for the module set. */
    const targets = new Map();
    const seeds = new Set(roots);
    while (queue.length > 0) {
        const file = queue.shift();
        if (file === undefined)
            break;
        if (read.size >= MAX_FILES) {
            note(`stopped after ${MAX_FILES} files`);
            break;
        }
        if (!CODE_EXTENSIONS.includes(path.extname(file)) && !roots.includes(file))
            continue;
        const text = cfs.readText(file);
        if (text === null) {
            const size = cfs.fileSize(file);
            if (size !== null && size > MAX_SOURCE_BYTES)
                note(`${cfs.rel(file)} is larger than ${MAX_SOURCE_BYTES} bytes (a bundle?): not read`);
            else
                facts.errors.push({ file, kind: 'read', message: `cannot read ${cfs.rel(file)}: ${cfs.readFailure(file) ?? 'unknown reason'}` });
            continue;
        }
        if (!loaded || loaded instanceof Error) {
            facts.errors.push({ file, message: loaded?.message ?? 'parser unavailable' });
            continue;
        }
        const isRelevant = relevant?.test(text) === true;
        if (isRelevant)
            seeds.add(file);
        // A module the analysis will look into anyway is parsed in full at once.
        const summary = cache.summary(file, text, loaded, isRelevant || roots.includes(file));
        if (!summary.ok) {
            const error = { file, message: summary.message };
            if (summary.line !== undefined)
                error.line = summary.line;
            if (summary.column !== undefined)
                error.column = summary.column;
            facts.errors.push(error);
            continue;
        }
        read.add(file);
        facts.files.push(file);
        const tos = [];
        targets.set(file, tos);
        for (const edge of summary.edges) {
            const r = resolveSpecifier(cfs, file, edge.spec, edge.kind === 'require' ? 'require' : 'import');
            const at = () => `${cfs.rel(file)}:${edge.line}`;
            switch (r.kind) {
                case 'file':
                    if (r.path.split(path.sep).includes('node_modules'))
                        packages.add(edge.spec);
                    else {
                        enqueue(r.path);
                        tos.push(r.path);
                    }
                    if (r.via === 'workspace package' && !workspacePackages.has(edge.spec))
                        workspacePackages.set(edge.spec, cfs.rel(r.path));
                    break;
                case 'package':
                    packages.add(normalizeSpecifier(r.name));
                    break;
                case 'builtin':
                    packages.add(normalizeSpecifier(r.name));
                    builtins.add(normalizeSpecifier(r.name));
                    break;
                case 'case':
                    note(`${at()}: '${edge.spec}' only matches ${cfs.rel(r.found)} by letter case: the import fails on Linux; not followed`);
                    break;
                case 'outside':
                    note(`${at()}: '${edge.spec}' leads outside the build context (${cfs.rel(r.path)}): not followed`);
                    break;
                case 'missing':
                    note(`${at()}: '${edge.spec}' was not found in the build context`);
                    break;
            }
        }
    }
    facts.packages = [...packages].sort();
    facts.notes.push(`files read: ${listSome(facts.files.map((f) => cfs.rel(f)), 12) || 'none'}`);
    if (workspacePackages.size > 0) {
        facts.notes.push(`workspace packages followed: ${listSome([...workspacePackages].map(([spec, at]) => `${spec} (${at})`), 8)}`);
    }
    if (read.size === 0 || !libraries || !loaded || loaded instanceof Error) {
        facts.notes.push(...notes);
        return;
    }
    for (const problem of libraries.problems)
        note(problem);
    const parser = loaded;
    const modules = new ModuleSet(facts.files, targets, seeds, (file) => {
        const text = cfs.readText(file);
        const parsed = text === null ? null : cache.module(file, text, parser);
        // typescript-estree checks a few things TypeScript's parser alone lets through (parse.ts `syntaxOf`).
        if (parsed && !parsed.ok)
            facts.errors.push({ file, message: parsed.message, ...(parsed.line !== undefined ? { line: parsed.line } : {}), ...(parsed.column !== undefined ? { column: parsed.column } : {}) });
        return parsed?.ok ? parsed.info : null;
    });
    const program = new ProgramModel(cfs, modules, options.env, libraries.entries.filter((e) => e.role === 'wraps-function'));
    const matcher = new LibraryMatcher(program, libraries.entries, packages);
    const reach = new Reachability(program, matcher);
    reach.run(roots.map((r) => modules.get(r)).filter((m) => m !== null));
    const collected = collectFacts(program, reach, matcher);
    facts.handlers = collected.handlers;
    facts.children = collected.children;
    facts.servers = collected.servers;
    const external = facts.packages.filter((p) => !builtins.has(p));
    if (external.length > 0)
        note(`packages not read (recognised through the library table only): ${listSome(external, 12)}`);
    facts.notes.push(...notes, ...collected.notes);
}
/** `a, b, c and 40 more`: long lists stay readable in --explain. */
function listSome(items, max) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more (${items.length} in all)`;
}
function unreadableReason(cfs, file, status) {
    if (status === 'outside')
        return 'it is outside the build context (or a symlink leads outside): not followed';
    if (status === 'dir')
        return 'it is a folder, not a source file (map it with findSourceForOutput first)';
    const ci = cfs.caseInsensitiveMatch(file);
    return ci ? `it does not exist; ${cfs.rel(ci)} differs only by letter case, which fails on Linux` : 'it does not exist in the build context';
}
/** The library table with the user's extras, and what was wrong with those (noted once a program is read). */
async function loadLibraries(extras) {
    const builtin = await loadBuiltinLibraries();
    if (!extras || extras.length === 0)
        return { entries: builtin, problems: [] };
    const { entries, problems } = await validateExtraLibraries(extras);
    return { entries: [...builtin, ...entries], problems };
}
//# sourceMappingURL=analyze.js.map