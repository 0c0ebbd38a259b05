/**
 * The program half of pid1-lint: read the program PID 1 runs (entry plus
 * preloads) and report its signal listeners, whether they end the process,
 * and the child processes it starts. Only files reachable through imports
 * from the entry are read, all inside the build context; packages in
 * node_modules are recognised by the library table, never read. Nothing is
 * executed, and bad input never throws: parse errors land in `errors`.
 */
import type { ContextFiles } from '../context/files.js';
import path from 'node:path';
import { ContextFs, MAX_SOURCE_BYTES } from './fs-context.js';
import { collectFacts } from './facts.js';
import { loadBuiltinLibraries, normalizeSpecifier, validateExtraLibraries } from './libraries.js';
import { LibraryMatcher } from './library-match.js';
import { buildModuleInfo, type ModuleInfo } from './module-info.js';
import { parseSource } from './parse.js';
import { ProgramModel } from './program.js';
import { Reachability } from './reach.js';
import { CODE_EXTENSIONS, resolveSpecifier } from './resolve.js';
import type { LibraryEntry, ProgramFactsX } from './types.js';

export interface AnalyzeOptions {
  /** Absolute path of the entry source file (already mapped from the container path by the caller). */
  entry: string;
  /** Absolute paths of preloaded modules (`node -r x`, `--require`, `--import`, NODE_OPTIONS); analysed like entries. */
  preloads?: string[];
  /** The build context root: nothing outside it is read (symlinks leading outside are not followed). */
  contextDir: string;
  /** Extra libraries from user config, same shape as data/shutdown-libraries.json entries. */
  extraLibraries?: unknown[];
  /** Shared per-run cache so a file is read and parsed at most once across many Dockerfiles. */
  cache?: ProgramCache;
  /** Environment the program runs with (Dockerfile ENV), for `process.env.X || 'SIGTERM'` and NEXT_MANUAL_SIG_HANDLE. */
  env?: Record<string, string>;
}

type Parsed = { ok: true; info: ModuleInfo } | { ok: false; line?: number; column?: number; message: string };

/** Per-run cache: build contexts (directory listings, JSON files) and parsed modules. */
export class ProgramCache {
  private readonly contexts = new Map<string, ContextFs>();
  private readonly parsed = new Map<string, Promise<Parsed>>();

  /** With the run's ContextFiles, file texts are shared with the Dockerfile model. */
  constructor(private readonly files?: ContextFiles) {}

  context(dir: string): ContextFs {
    if (this.files) return this.files.forRoot(dir);
    const key = path.resolve(dir);
    let cfs = this.contexts.get(key);
    if (!cfs) {
      cfs = new ContextFs(key);
      this.contexts.set(key, cfs);
    }
    return cfs;
  }

  module(file: string, text: string): Promise<Parsed> {
    const key = `${file}\0${text.length}`;
    let p = this.parsed.get(key);
    if (!p) {
      p = parseSource(file, text).then((r): Parsed => {
        if (!r.ok) return r;
        try {
          return { ok: true, info: buildModuleInfo(file, text, r.ast) };
        } catch (error) {
          // A pathological file (e.g. nesting deep enough to exhaust the stack) is a per-file error.
          return { ok: false, message: `could not be analysed: ${error instanceof Error ? error.message : String(error)}` };
        }
      });
      this.parsed.set(key, p);
    }
    return p;
  }
}

export function createProgramCache(files?: ContextFiles): ProgramCache {
  return new ProgramCache(files);
}

const MAX_FILES = 5000;

export async function analyzeProgram(options: AnalyzeOptions): Promise<ProgramFactsX> {
  const entry = path.resolve(options.entry);
  const preloads = (options.preloads ?? []).map((p) => path.resolve(p));
  const facts: ProgramFactsX = { entry, files: [], handlers: [], children: [], errors: [], notes: [], preloads, packages: [] };
  try {
    await analyze(options, entry, preloads, facts);
  } catch (error) {
    // A bug in pid1-lint must not abort the lint run; it is reported like a file error.
    facts.errors.push({ file: entry, message: `internal error while analysing the program: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
  }
  return facts;
}

async function analyze(options: AnalyzeOptions, entry: string, preloads: string[], facts: ProgramFactsX): Promise<void> {
  const cache = options.cache ?? createProgramCache();
  const cfs = cache.context(options.contextDir);
  const notes = new Set<string>();
  const note = (text: string): void => {
    notes.add(text);
  };

  const modules = new Map<string, ModuleInfo>();
  const packages = new Set<string>();
  const builtins = new Set<string>();
  const roots: string[] = [];
  const queue: string[] = [];
  const queued = new Set<string>();
  const enqueue = (file: string): void => {
    if (queued.has(file)) return;
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
    facts.errors.push({ file: root, message: `cannot read the ${role} ${cfs.rel(root)}: ${reason}` });
  }

  while (queue.length > 0) {
    const file = queue.shift();
    if (file === undefined) break;
    if (modules.size >= MAX_FILES) {
      note(`stopped after ${MAX_FILES} files`);
      break;
    }
    if (!CODE_EXTENSIONS.includes(path.extname(file)) && !roots.includes(file)) continue;
    const text = cfs.readText(file);
    if (text === null) {
      const size = cfs.fileSize(file);
      if (size !== null && size > MAX_SOURCE_BYTES) note(`${cfs.rel(file)} is larger than ${MAX_SOURCE_BYTES} bytes (a bundle?): not read`);
      else facts.errors.push({ file, message: 'could not be read' });
      continue;
    }
    const parsed = await cache.module(file, text);
    if (!parsed.ok) {
      const error: ProgramFactsX['errors'][number] = { file, message: parsed.message };
      if (parsed.line !== undefined) error.line = parsed.line;
      if (parsed.column !== undefined) error.column = parsed.column;
      facts.errors.push(error);
      continue;
    }
    const mod = parsed.info;
    modules.set(file, mod);
    facts.files.push(file);
    for (const unit of mod.units) {
      for (const edge of unit.edges) {
        const r = resolveSpecifier(cfs, file, edge.spec, edge.kind === 'require' ? 'require' : 'import');
        const at = `${cfs.rel(file)}:${edge.node.loc.start.line}`;
        switch (r.kind) {
          case 'file':
            if (r.path.split(path.sep).includes('node_modules')) packages.add(edge.spec);
            else enqueue(r.path);
            if (r.via === 'workspace package') note(`${at}: '${edge.spec}' is the workspace package at ${cfs.rel(r.path)}`);
            break;
          case 'package':
            packages.add(normalizeSpecifier(r.name));
            break;
          case 'builtin':
            packages.add(normalizeSpecifier(r.name));
            builtins.add(normalizeSpecifier(r.name));
            break;
          case 'case':
            note(`${at}: '${edge.spec}' only matches ${cfs.rel(r.found)} by letter case: the import fails on Linux; not followed`);
            break;
          case 'outside':
            note(`${at}: '${edge.spec}' leads outside the build context (${cfs.rel(r.path)}): not followed`);
            break;
          case 'missing':
            note(`${at}: '${edge.spec}' was not found in the build context`);
            break;
        }
      }
    }
  }

  facts.packages = [...packages].sort();
  facts.notes.push(`files read: ${facts.files.map((f) => cfs.rel(f)).join(', ') || 'none'}`);
  if (modules.size === 0) {
    facts.notes.push(...notes);
    return;
  }

  const libraries = await loadLibraries(options.extraLibraries, note);
  const program = new ProgramModel(cfs, modules, options.env);
  const matcher = new LibraryMatcher(program, libraries, packages);
  const reach = new Reachability(program, matcher);
  reach.run(roots.map((r) => modules.get(r)).filter((m): m is ModuleInfo => m !== undefined));
  const collected = collectFacts(program, reach, matcher);
  facts.handlers = collected.handlers;
  facts.children = collected.children;
  facts.servers = collected.servers;
  const external = facts.packages.filter((p) => !builtins.has(p));
  if (external.length > 0) note(`packages not read (recognised through the library table only): ${external.join(', ')}`);
  facts.notes.push(...notes, ...collected.notes);
}

function unreadableReason(cfs: ContextFs, file: string, status: 'dir' | 'missing' | 'outside'): string {
  if (status === 'outside') return 'it is outside the build context (or a symlink leads outside): not followed';
  if (status === 'dir') return 'it is a folder, not a source file (map it with findSourceForOutput first)';
  const ci = cfs.caseInsensitiveMatch(file);
  return ci ? `it does not exist; ${cfs.rel(ci)} differs only by letter case, which fails on Linux` : 'it does not exist in the build context';
}

async function loadLibraries(extras: unknown[] | undefined, note: (text: string) => void): Promise<LibraryEntry[]> {
  const builtin = await loadBuiltinLibraries();
  if (!extras || extras.length === 0) return builtin;
  const { entries, problems } = await validateExtraLibraries(extras);
  for (const p of problems) note(p);
  return [...builtin, ...entries];
}
