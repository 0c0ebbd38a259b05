/**
 * Module summaries (program/module-summary.ts: import edges, or the syntax
 * error) kept between runs, in the cache folder of compile-cache.ts. A
 * monorepo's modules rarely change between two commits, and TypeScript's
 * parse of every module is most of what a run costs once the analysis
 * parses in full only what it needs (BENCHMARKS.md).
 *
 * One entry file, keyed by a hash of each module's text and extension (what
 * the summary depends on), for one build of the code that makes summaries
 * and one version of TypeScript and typescript-estree (another starts
 * empty). It is written whole at exit when the run added summaries (compile-cache.ts `writeEntry`:
 * temporary file, rename, checksum), so concurrent runs lose at most each
 * other's additions, and the folder may be deleted at any time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory, readEntry, writeEntry } from './compile-cache.js';
import { sha1 } from '../hash.js';

/** The modules whose code decides what a summary holds: a change to any of them starts a new store. */
const SUMMARY_CODE = ['../program/module-summary.js', '../program/scan.js', '../program/module-info.js', '../program/parse.js', './summary-cache.js'];
/** ~150 bytes each: a few monorepos' worth; the least recently used go first. */
const MAX_ENTRIES = 100_000;

interface Stored<T> {
  used: number;
  value: T;
}

export class SummaryStore<T> {
  private readonly entries = new Map<string, Stored<T>>();
  /** Counts runs that wrote the file: an entry's `used` is the last run that needed it. */
  private readonly run: number;
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly version: string,
  ) {
    let run = 0;
    const data = readEntry(file);
    if (data) {
      try {
        const parsed = JSON.parse(data.toString('utf8')) as { version?: unknown; run?: unknown; entries?: unknown };
        if (parsed.version === version && typeof parsed.run === 'number' && Array.isArray(parsed.entries)) {
          run = parsed.run;
          for (const [key, used, value] of parsed.entries as [string, number, T][]) this.entries.set(key, { used, value });
        }
      } catch {
        // A damaged file (the checksum passed, the JSON did not): start empty.
      }
    }
    this.run = run + 1;
  }

  /** The key of a module: its text, and its extension (which picks the parser's script kind). */
  static key(file: string, text: string): string {
    return sha1(path.extname(file), text);
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry) entry.used = this.run;
    return entry?.value;
  }

  set(key: string, value: T): void {
    this.entries.set(key, { used: this.run, value });
    this.dirty = true;
  }

  /** Writes the file when this run added entries. */
  save(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const kept = [...this.entries].sort((a, b) => b[1].used - a[1].used).slice(0, MAX_ENTRIES);
    const entries = kept.map(([key, { used, value }]) => [key, used, value]);
    writeEntry(this.file, Buffer.from(JSON.stringify({ version: this.version, run: this.run, entries })));
  }
}

const stores = new Map<string, SummaryStore<unknown>>();

/**
 * The run's store for summaries made by the given parser versions, saved at
 * exit; null when the cache is turned off (`PID1_LINT_NO_CACHE`) or has no home.
 */
export function openSummaryStore<T>(parserVersion: string, env: NodeJS.ProcessEnv = process.env): SummaryStore<T> | null {
  const dir = cacheDirectory(env);
  const code = codeDigest(() => SUMMARY_CODE.map((rel) => new URL(rel, import.meta.url)));
  if (!dir || code === null) return null;
  const version = `${parserVersion}/${code}`;
  const file = path.join(dir, 'summaries.bin');
  const key = `${file}\0${version}`;
  let store = stores.get(key);
  if (!store) {
    const opened = new SummaryStore<unknown>(file, version);
    process.once('exit', () => opened.save());
    stores.set(key, opened);
    store = opened;
  }
  return store as SummaryStore<T>;
}

/**
 * A digest of the code that makes what a store keeps: the given modules, or,
 * bundled (dist/bundle/*.cjs), the bundle itself. Null when one cannot be read.
 */
export function codeDigest(modules: () => readonly URL[], extra: readonly string[] = []): string | null {
  try {
    const files = [...(import.meta.url.endsWith('.cjs') ? [fileURLToPath(import.meta.url)] : modules().map((url) => fileURLToPath(url))), ...extra];
    // The code does not change while it runs: each set of files is read and hashed once per process.
    const key = files.join('\0');
    let digest = digests.get(key);
    if (digest === undefined) {
      digest = sha1(...files.map((file) => fs.readFileSync(file)));
      digests.set(key, digest);
    }
    return digest;
  } catch {
    return null;
  }
}

const digests = new Map<string, string>();
