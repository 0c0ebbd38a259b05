/**
 * Lints every Dockerfile under a folder in-process, either with one file
 * cache for the whole run (what the CLI does) or with a fresh one per
 * Dockerfile, so the benchmark can show what reading and parsing each file
 * once per run saves. Prints the results as JSON, like `-f json`, and the
 * parse counts on stderr (`stats: {…}`).
 *
 *   node dist/bench/harness.js shared|per-dockerfile FOLDER
 */
import { enableCompileCache } from '../src/cache/compile-cache.js';
import { ContextFiles } from '../src/context/files.js';
import { discoverDockerfiles } from '../src/discover.js';
import { lintDockerfile } from '../src/engine/linter.js';
import { formatJson } from '../src/formatters/json.js';
import { createProgramCache, type ProgramCache } from '../src/program/analyze.js';
import type { LintResult } from '../src/types.js';

const [mode, folder] = process.argv.slice(2);
if ((mode !== 'shared' && mode !== 'per-dockerfile') || !folder) {
  console.error('usage: harness.js shared|per-dockerfile FOLDER');
  process.exit(2);
}
enableCompileCache();
const fresh = (): { files: ContextFiles; programCache: ProgramCache } => {
  const files = new ContextFiles();
  return { files, programCache: createProgramCache(files, true) };
};
const shared = fresh();
const stats = { parses: 0, scanned: 0, hits: 0, stored: 0, full: 0, dropped: 0 };
const results: LintResult[] = [];
for (const file of discoverDockerfiles([folder], process.cwd()).files) {
  const caches = mode === 'shared' ? shared : fresh();
  results.push(...(await lintDockerfile(file, caches)).results);
  if (caches !== shared) for (const k of ['parses', 'scanned', 'hits', 'stored', 'full', 'dropped'] as const) stats[k] += caches.programCache.stats[k];
}
if (mode === 'shared') Object.assign(stats, shared.programCache.stats);
process.stdout.write(formatJson(results));
process.stderr.write(`stats: ${JSON.stringify(stats)}\n`);
