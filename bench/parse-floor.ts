/**
 * The floor under a run that reads every module of a workload: TypeScript's
 * parser alone (parse.ts `syntaxOf`, the walk's parse) on each of them once,
 * with the code cache on, and nothing else: no resolution, no analysis, no
 * output. A bench row, so the monorepo rows can be read against what no
 * change to pid1-lint's own code can go under.
 *
 *   node dist/bench/parse-floor.js FOLDER
 *
 * The modules are the workload's reachable ones: every .ts file but the
 * generator's `*.test.ts` files, which nothing imports (bench/workloads.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import { enableCompileCache } from '../src/cache/compile-cache.js';
import { syntaxOf, type Parser } from '../src/program/parse.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: parse-floor.js FOLDER');
  process.exit(2);
}
enableCompileCache();
// TypeScript only: the walk's parse needs nothing else (typescript-estree is loaded for the analysis).
const ts = createRequire(import.meta.url)('typescript') as typeof TS;
const parser: Parser = { ts, parse: () => { throw new Error('not used'); }, version: ts.version };
let modules = 0;
let failures = 0;
for (const entry of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
  if (!entry.endsWith('.ts') || entry.endsWith('.test.ts') || entry.split(path.sep).includes('node_modules')) continue;
  const file = path.join(folder, entry);
  modules++;
  if (!syntaxOf(parser, file, fs.readFileSync(file, 'utf8')).ok) failures++;
}
process.stderr.write(`parsed ${modules} modules, ${failures} with syntax errors\n`);
