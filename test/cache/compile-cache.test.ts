/**
 * The V8 code cache (src/cache/compile-cache.ts): what a run relies on, not
 * how fast it is (the benchmark measures that). Each CLI run is a fresh
 * process with its own PID1_LINT_CACHE_DIR.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import Module from 'node:module';
import { cacheDirectory, checksum, pruneOldest, readEntry, writeEntry } from '../../src/cache/compile-cache.js';
import { commandPath, packageRoot } from '../../src/package-info.js';
import { writeTree } from '../model/helpers.js';

const bin = path.join(packageRoot(), 'dist', 'src', 'cli.js');
const temps: string[] = [];
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-cache-'));
  temps.push(dir);
  return dir;
}

function lint(dir: string, cache: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, '-f', 'json', dir], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function entries(cache: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else found.push(path.join(dir, e.name));
    }
  };
  if (fs.existsSync(cache)) walk(cache);
  return found;
}

const APP = {
  'package.json': '{ "type": "module" }\n',
  Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
  'server.js': "import { stop } from './stop.js';\nprocess.on('SIGTERM', stop);\n",
  'stop.js': 'export function stop() { process.exit(0); }\n',
};

describe('compile cache', () => {
  test('where it lives: PID1_LINT_CACHE_DIR, XDG_CACHE_HOME, ~/.cache; PID1_LINT_NO_CACHE turns it off', () => {
    assert.equal(cacheDirectory({ PID1_LINT_CACHE_DIR: '/tmp/x' }), '/tmp/x');
    assert.equal(cacheDirectory({ XDG_CACHE_HOME: '/xdg' }), '/xdg/pid1-lint');
    assert.equal(cacheDirectory({ PID1_LINT_NO_CACHE: '1', PID1_LINT_CACHE_DIR: '/tmp/x' }), null);
    assert.equal(cacheDirectory({ PID1_LINT_NO_CACHE: '0', PID1_LINT_CACHE_DIR: '/tmp/x' }), '/tmp/x');
  });

  test('the checksum is the same in WebAssembly as in JavaScript, and where WebAssembly is off (--jitless)', () => {
    let seed = 7;
    const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    const big = random(300_003);
    for (const data of [random(0), random(3), random(64 * 1024 + 2), big, big.subarray(1), big.subarray(2, 200_001), new Uint8Array(100_000)]) {
      assert.equal(checksum(data), checksum(data, false), `${data.byteLength} bytes at offset ${data.byteOffset}`);
    }
    // A changed word in the middle of a large entry changes it.
    const changed = Uint8Array.from(big);
    changed[150_000] = (changed[150_000] ?? 0) ^ 1;
    assert.notEqual(checksum(changed), checksum(big));
    const module = pathToFileURL(path.join(packageRoot(), 'dist/src/cache/compile-cache.js')).href;
    const jitless = spawnSync(process.execPath, ['--jitless', '--input-type=module', '-e', `const { checksum } = await import(${JSON.stringify(module)}); console.log(typeof WebAssembly, checksum(new Uint8Array(100_000).fill(7)))`], { encoding: 'utf8' });
    assert.equal(jitless.stdout, `undefined ${checksum(new Uint8Array(100_000).fill(7), false)}\n`, jitless.stderr);
  });

  test('a damaged entry reads as missing', () => {
    const file = path.join(tempDir(), 'a.v8');
    const data = Buffer.from('cached code '.repeat(100));
    writeEntry(file, data);
    assert.deepEqual(readEntry(file), data);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    assert.equal(readEntry(file), undefined, 'a flipped byte');
    fs.writeFileSync(file, bytes.subarray(0, 40));
    assert.equal(readEntry(file), undefined, 'truncated');
    fs.writeFileSync(file, 'not a cache entry at all');
    assert.equal(readEntry(file), undefined, 'garbage');
    assert.equal(readEntry(path.join(path.dirname(file), 'missing.v8')), undefined);
  });

  test('runs give the same output with an empty, a filled, a corrupted and a deleted cache', () => {
    const app = writeTree(APP);
    const cache = path.join(tempDir(), 'cache');
    const first = lint(app, cache);
    assert.equal(first.code, 0, first.stderr);
    const written = entries(cache);
    assert.ok(written.some((f) => /typescript\.js-.*\.v8$/.test(f)), `the parser's code is cached: ${written.join(', ')}`);
    assert.equal(lint(app, cache).stdout, first.stdout);
    for (const f of written) fs.writeFileSync(f, Buffer.alloc(64, 7));
    const corrupted = lint(app, cache);
    assert.equal(corrupted.stdout, first.stdout);
    assert.equal(corrupted.stderr, '');
    assert.ok(entries(cache).every((f) => readEntry(f) !== undefined), 'damaged entries are written again');
    fs.rmSync(cache, { recursive: true });
    assert.equal(lint(app, cache).stdout, first.stdout);
    assert.equal(lint(app, cache, { PID1_LINT_NO_CACHE: '1' }).stdout, first.stdout);
  });

  test('the command (dist/bundle) compiles its bundle from the cache: a #! line is no reason to skip it', () => {
    const app = writeTree(APP);
    const cache = path.join(tempDir(), 'cache');
    const run = () => spawnSync(process.execPath, [commandPath(), '-f', 'json', app], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.ok(fs.readFileSync(path.join(packageRoot(), 'dist/bundle/cli.cjs'), 'utf8').startsWith('#!'), 'the bundle starts with a #! line');
    assert.ok(entries(cache).some((f) => /cli\.cjs-.*\.v8$/.test(f)), `the bundle is cached: ${entries(cache).join(', ')}`);
    if (!('enableCompileCache' in Module)) {
      // The program was read with the bundle's own typescript-estree (one file), not the package's ~130.
      assert.ok(entries(cache).some((f) => /typescript-estree\.cjs-.*\.v8$/.test(f)), `typescript-estree's bundle is cached: ${entries(cache).join(', ')}`);
      assert.ok(!entries(cache).some((f) => /convert\.js-.*\.v8$/.test(f)), `the package's files are not loaded: ${entries(cache).join(', ')}`);
    }
    const second = run();
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.stderr, '', 'no warning (an import() in cached code would print an experimental-feature warning)');
  });

  test('an entry made by `--version` is made again by the first lint (deeper run), then left alone', () => {
    const app = writeTree(APP);
    const cache = path.join(tempDir(), 'cache');
    const run = (...args: string[]) => spawnSync(process.execPath, [commandPath(), ...args], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
    const bundleEntry = () => entries(cache).find((f) => /cli\.cjs-.*\.v8$/.test(f)) ?? '';
    assert.equal(run('--version').status, 0);
    const afterVersion = fs.statSync(bundleEntry()).size;
    assert.equal(run('-f', 'json', app).status, 0);
    const afterLint = fs.statSync(bundleEntry());
    assert.ok(afterLint.size > afterVersion, `the lint's code is cached too (${afterVersion} → ${afterLint.size} bytes)`);
    assert.equal(run('--version').status, 0);
    assert.equal(fs.statSync(bundleEntry()).mtimeMs, afterLint.mtimeMs, 'a shallower run does not write it again');
  });

  test('entries written by a run that read a program are used by the next (V8 flags changed during the run are put back first)', { skip: 'enableCompileCache' in Module ? "Node's own compile cache names its entries otherwise" : false }, () => {
    const app = writeTree(APP);
    const cache = path.join(tempDir(), 'cache');
    const run = () => spawnSync(process.execPath, [commandPath(), '-f', 'json', app], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
    assert.equal(run().status, 0);
    const written = new Map(entries(cache).map((f) => [f, fs.statSync(f).mtimeMs]));
    // TypeScript's parser as the command carries it (scripts/typescript-parser.ts).
    assert.ok([...written.keys()].some((f) => /typescript\.cjs-.*\.v8$/.test(f)), [...written.keys()].join(', '));
    assert.equal(run().status, 0);
    // An entry V8 rejects (its flag hash differs from the run's) is written again at exit.
    for (const [file, mtime] of written) assert.equal(fs.statSync(file).mtimeMs, mtime, `${path.basename(file)} was not used`);
  });

  test('old entries go: a folder keeps its most recently written files up to a limit', () => {
    const dir = tempDir();
    for (let i = 0; i < 10; i++) {
      const file = path.join(dir, `f${i}.v8`);
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, 1_000 + i, 1_000 + i);
    }
    pruneOldest(dir, 4);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['f6.v8', 'f7.v8', 'f8.v8', 'f9.v8']);
    pruneOldest(path.join(dir, 'missing'), 4);
  });

  test('entries of earlier installs (new inodes after npm ci) do not pile up: a run that writes prunes the folder', (t) => {
    if ('enableCompileCache' in Module) {
      t.skip("Node's own compile cache manages its folder");
      return;
    }
    const app = writeTree(APP);
    const cache = path.join(tempDir(), 'cache');
    const folder = path.join(cache, `v8-${process.versions.v8}-${process.arch}`);
    fs.mkdirSync(folder, { recursive: true });
    // What a hundred CI runs with a restored cache would leave: entries no file has any more.
    for (let i = 0; i < 100; i++) {
      const file = path.join(folder, `typescript.js-${i.toString(16)}.v8`);
      fs.writeFileSync(file, 'stale');
      fs.utimesSync(file, 1_000 + i, 1_000 + i);
    }
    const r = spawnSync(process.execPath, [commandPath(), '-f', 'json', app], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
    assert.equal(r.status, 0, r.stderr);
    const names = fs.readdirSync(folder);
    assert.equal(names.length, 64, `pruned to the limit: ${names.length}`);
    assert.ok(names.some((f) => /^cli\.cjs-.*\.v8$/.test(f)), 'the entries just written stay');
    assert.ok(!names.includes('typescript.js-0.v8'), 'the oldest went');
  });

  test('the folder may be deleted while a run uses it', () => {
    const cache = path.join(tempDir(), 'cache');
    const module = (rel: string) => JSON.stringify(pathToFileURL(path.join(packageRoot(), 'dist', rel)).href);
    // Enable, delete the folder before the parser loads, parse: the entries are written at exit all the same.
    const script = `
      import fs from 'node:fs';
      const { enableCompileCache } = await import(${module('src/cache/compile-cache.js')});
      console.log(enableCompileCache().kind);
      fs.rmSync(${JSON.stringify(cache)}, { recursive: true, force: true });
      const { parseSource } = await import(${module('src/program/parse.js')});
      console.log((await parseSource('a.ts', 'const a: number = 1;')).ok);
    `;
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, PID1_LINT_CACHE_DIR: cache } });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `${typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function' ? 'node' : 'hook'}\ntrue\n`);
    }
    if (!('enableCompileCache' in Module)) assert.ok(entries(cache).some((f) => /typescript\.js-.*\.v8$/.test(f)));
  });
});
