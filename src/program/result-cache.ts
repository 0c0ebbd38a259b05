/**
 * Program analyses kept between runs. A pre-commit hook lints the same
 * service again and again, mostly with its program unchanged; reading it
 * again means loading TypeScript (most of a run's time, BENCHMARKS.md).
 *
 * An analysis is kept with the journal of everything it asked the build
 * context (fs-context.ts: which paths exist and how, folder listings, a
 * digest of every text read). A later run asks the same questions; only when
 * every answer is the same is the kept analysis used, since nothing it
 * depended on can then have changed: an edited module, a new file that
 * module resolution would now find, a changed tsconfig or package.json all
 * change an answer. The key holds everything else it depended on (entry,
 * preloads, context, ENV, the config's extra libraries); each entry's
 * version, the code that analyses, the library table and the parser's versions.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cacheDirectory, pruneOldest, readEntry, writeEntry } from '../cache/compile-cache.js';
import { codeDigest } from '../cache/summary-cache.js';
import { sha1 } from '../hash.js';
import type { ContextFs, Journal } from './fs-context.js';
import { dataFile } from './libraries.js';
import { estreeVersion } from './parse.js';
import type { ProgramFactsX } from './types.js';

/** What decides an analysis besides the build context. */
export interface ResultKeyParts {
  entry: string;
  preloads: string[];
  contextDir: string;
  env: Record<string, string> | undefined;
  extraLibraries: unknown[] | undefined;
}

interface KeptResult {
  version: string;
  journal: [string, string][];
  facts: ProgramFactsX;
}

/**
 * One file per program (a run reads only its own): a few hundred services'
 * worth; past that, the least recently written go.
 */
const MAX_RESULTS = 2_000;

export class ResultCache {
  /** Whether this run wrote an analysis (then the folder is pruned at exit). */
  private wrote = false;
  /**
   * In every entry's name: two builds sharing the folder (two projects' pid1-lint) keep an entry each,
   * not one they overwrite in turn.
   */
  private readonly versionTag: string;

  private constructor(
    private readonly dir: string,
    private readonly version: string,
  ) {
    this.versionTag = sha1(version).slice(0, 12);
    process.once('exit', () => {
      if (this.wrote) pruneOldest(this.dir, MAX_RESULTS);
    });
  }

  /** The store of the run (in the cache folder's programs/), or null when the cache is off or has no home. */
  static open(): ResultCache | null {
    const cache = cacheDirectory();
    if (!cache) return null;
    // Unbundled, the code that analyses is every module of src/program/.
    const here = new URL('.', import.meta.url);
    const code = codeDigest(() => fs.readdirSync(here).filter((name) => name.endsWith('.js')).sort().map((name) => new URL(name, here)), [dataFile('shutdown-libraries.json')]);
    const parser = parserVersions();
    if (code === null || parser === null) return null;
    const dir = path.join(cache, 'programs');
    const version = `${parser}/${code}`;
    const id = `${dir}\0${version}`;
    let opened = ResultCache.instances.get(id);
    if (!opened) {
      opened = new ResultCache(dir, version);
      ResultCache.instances.set(id, opened);
    }
    return opened;
  }

  /** One per folder and version in a process, so that all of a run's programs are saved together. */
  private static readonly instances = new Map<string, ResultCache>();

  static key(parts: ResultKeyParts): string {
    return sha1(JSON.stringify([parts.entry, parts.preloads, parts.contextDir, parts.env ?? {}, parts.extraLibraries ?? []]));
  }

  /** The kept analysis, when the build context still answers its journal the same way. */
  lookup(key: string, cfs: ContextFs): ProgramFactsX | null {
    const kept = this.read(key);
    if (!kept || kept.version !== this.version || !Array.isArray(kept.journal) || !cfs.replay(kept.journal)) return null;
    return kept.facts;
  }

  /** A kept analysis, parsed anew each time (the caller may change it); null when there is none or it is damaged. */
  private read(key: string): KeptResult | null {
    const text = readEntry(this.file(key))?.toString('utf8');
    if (text === undefined) return null;
    try {
      return JSON.parse(text) as KeptResult;
    } catch {
      // The checksum passed, the JSON did not: as if it were not there.
      return null;
    }
  }

  /**
   * Written at once, not held until exit (a monorepo's analyses are megabytes), and whole: a
   * concurrent run reads the old entry or the new one.
   */
  keep(key: string, cfs: ContextFs, journal: Journal, facts: ProgramFactsX): void {
    writeEntry(this.file(key), Buffer.from(JSON.stringify({ version: this.version, journal: cfs.journalEntries(journal), facts } satisfies KeptResult)));
    this.wrote = true;
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}-${this.versionTag}.json`);
  }
}

/** TypeScript's and typescript-estree's versions, read from their package.json (loading them is what a hit saves). */
function parserVersions(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return `${(require('typescript/package.json') as { version: string }).version}+${estreeVersion()}`;
  } catch {
    return null;
  }
}
