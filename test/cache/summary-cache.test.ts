import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { SummaryStore } from '../../src/cache/summary-cache.js';
import { packageRoot } from '../../src/package-info.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-summaries-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a store written at the end of a run is read by the next one with the same version, not by another', () => {
  const file = path.join(dir, 'a', 'summaries.bin');
  const key = SummaryStore.key('/x/a.ts', 'export {};\n');
  assert.notEqual(key, SummaryStore.key('/x/a.tsx', 'export {};\n'), 'the extension is part of the key');
  const first = new SummaryStore<{ n: number }>(file, 'v1');
  first.set(key, { n: 1 });
  first.save();
  assert.deepEqual(new SummaryStore<{ n: number }>(file, 'v1').get(key), { n: 1 });
  assert.equal(new SummaryStore<{ n: number }>(file, 'v2').get(key), undefined);
});

test('a damaged or deleted store is an empty one', () => {
  const file = path.join(dir, 'b', 'summaries.bin');
  const store = new SummaryStore<number>(file, 'v1');
  store.set('k', 1);
  store.save();
  const bytes = fs.readFileSync(file);
  bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0xff;
  fs.writeFileSync(file, bytes);
  assert.equal(new SummaryStore<number>(file, 'v1').get('k'), undefined);
  fs.rmSync(path.join(dir, 'b'), { recursive: true, force: true });
  assert.equal(new SummaryStore<number>(file, 'v1').get('k'), undefined);
});

test('the CLI keeps summaries between runs: the second run reads none again and reports the same', () => {
  const app = path.join(dir, 'app');
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'Dockerfile'), 'FROM node:22-slim\nCOPY . .\nCMD ["node", "src/index.js"]\n');
  fs.writeFileSync(path.join(app, 'src/index.js'), "import { helper } from './helper.js';\nhelper();\n");
  fs.writeFileSync(path.join(app, 'src/helper.js'), 'export function helper() { return 1; }\n');
  const cache = path.join(dir, 'cache');
  const run = () => spawnSync(process.execPath, [path.join(packageRoot(), 'dist/src/cli.js'), '-f', 'json', path.join(app, 'Dockerfile')], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
  const cold = run();
  assert.ok(fs.existsSync(path.join(cache, 'summaries.bin')));
  const written = fs.statSync(path.join(cache, 'summaries.bin')).mtimeMs;
  const warm = run();
  assert.equal(warm.stdout, cold.stdout);
  assert.equal(warm.status, cold.status);
  assert.equal(fs.statSync(path.join(cache, 'summaries.bin')).mtimeMs, written, 'nothing new to write');
});
