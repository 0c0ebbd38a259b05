/**
 * Lints every Dockerfile under a folder in-process, either with one file
 * cache for the whole run (what the CLI does) or with a fresh one per
 * Dockerfile, so the benchmark can show what reading and parsing each file
 * once per run saves. Prints the results as JSON, like `-f json`.
 *
 *   node dist/bench/harness.js shared|per-dockerfile FOLDER
 */
import { ContextFiles } from '../src/context/files.js';
import { discoverDockerfiles } from '../src/discover.js';
import { lintDockerfile } from '../src/engine/linter.js';
import { formatJson } from '../src/formatters/json.js';
import type { LintResult } from '../src/types.js';

const [mode, folder] = process.argv.slice(2);
if ((mode !== 'shared' && mode !== 'per-dockerfile') || !folder) {
  console.error('usage: harness.js shared|per-dockerfile FOLDER');
  process.exit(2);
}
const shared = new ContextFiles();
const results: LintResult[] = [];
for (const file of discoverDockerfiles([folder], process.cwd()).files) {
  const files = mode === 'shared' ? shared : new ContextFiles();
  results.push(...(await lintDockerfile(file, { files })).results);
}
process.stdout.write(formatJson(results));
