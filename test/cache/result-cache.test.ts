/**
 * Program analyses kept between runs (src/program/result-cache.ts): used
 * again only while the build context answers every question the analysis
 * asked the same way.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { analyzeProgram, createProgramCache } from '../../src/program/index.js';
import { commandPath } from '../../src/package-info.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-results-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
// This file's own cache folder (node --test runs each file in its own process).
process.env.PID1_LINT_CACHE_DIR = path.join(dir, 'cache');

function app(name: string, files: Record<string, string>): string {
  const root = path.join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** One run's analysis: a fresh per-run cache, as a new process would have, keeping results. */
async function analyse(root: string, env: Record<string, string> = {}) {
  const cache = createProgramCache(undefined, true);
  const facts = await analyzeProgram({ entry: path.join(root, 'src/index.js'), contextDir: root, cache, env });
  return { facts, kept: cache.stats.kept === 1, parses: cache.stats.parses + cache.stats.full };
}

const HANDLER = "process.on('SIGTERM', () => process.exit(0));\n";

test('the same program in an unchanged context: the kept analysis, nothing parsed', async () => {
  const root = app('same', { 'src/index.js': "import './shutdown.js';\nsetInterval(() => {}, 1000);\n", 'src/shutdown.js': HANDLER });
  const first = await analyse(root);
  assert.equal(first.kept, false);
  assert.equal(first.facts.handlers.length, 1);
  const second = await analyse(root);
  assert.equal(second.kept, true);
  assert.equal(second.parses, 0, 'nothing parsed (TypeScript need not even load)');
  assert.deepEqual(second.facts, first.facts);
});

test('an edited module: analysed again', async () => {
  const root = app('edited', { 'src/index.js': "import './shutdown.js';\n", 'src/shutdown.js': HANDLER });
  assert.equal((await analyse(root)).facts.handlers.length, 1);
  fs.writeFileSync(path.join(root, 'src/shutdown.js'), '// the handler is gone\n');
  const again = await analyse(root);
  assert.equal(again.kept, false);
  assert.equal(again.facts.handlers.length, 0);
});

test('a new file that module resolution now finds first: analysed again', async () => {
  // `./shutdown` is shutdown/index.js until a shutdown.js appears beside it.
  const root = app('resolution', { 'src/index.js': "require('./shutdown');\n", 'src/shutdown/index.js': '// nothing\n' });
  assert.equal((await analyse(root)).facts.handlers.length, 0);
  fs.writeFileSync(path.join(root, 'src/shutdown.js'), HANDLER);
  const again = await analyse(root);
  assert.equal(again.kept, false);
  assert.equal(again.facts.handlers.length, 1);
});

test('another ENV is another analysis', async () => {
  const root = app('env', { 'src/index.js': "process.on(process.env.STOP || 'SIGTERM', () => process.exit(0));\n" });
  await analyse(root, { STOP: 'SIGINT' });
  assert.equal((await analyse(root, { STOP: 'SIGINT' })).kept, true);
  assert.equal((await analyse(root, { STOP: 'SIGUSR2' })).kept, false);
});

test('the CLI: a second run gives the same report from the kept analysis, and a deleted cache folder is an empty one', () => {
  const root = app('cli', { Dockerfile: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "src/index.js"]\n', 'src/index.js': 'setInterval(() => {}, 1000);\n' });
  const cache = path.join(dir, 'cli-cache');
  const bin = commandPath();
  const run = () => spawnSync(process.execPath, [bin, '-f', 'json', path.join(root, 'Dockerfile')], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
  const first = run();
  assert.equal(first.status, 1, first.stderr);
  assert.equal(fs.readdirSync(path.join(cache, 'programs')).length, 1, 'one kept analysis');
  const second = run();
  assert.equal(second.stdout, first.stdout);
  assert.equal(second.stderr, '');
  fs.rmSync(cache, { recursive: true, force: true });
  assert.equal(run().stdout, first.stdout);
});
