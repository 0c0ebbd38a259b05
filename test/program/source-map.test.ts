import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { findSourceForOutput, type SourceLookup } from '../../src/program/source-map.js';
import { nextStandalonePath } from '../../src/program/next-standalone.js';
import { lines, makeTree } from './helpers.js';

/** The lookup with `source` made context-relative. */
function lookup(root: string, output: string): SourceLookup & { rel: string | null } {
  const r = findSourceForOutput(root, path.join(root, output));
  return { ...r, rel: r.source === null ? null : path.relative(root, r.source).split(path.sep).join('/') || '.' };
}

test('the output file exists as-is (JS copied from the host)', () => {
  const root = makeTree({ 'server.js': '' });
  const r = lookup(root, 'server.js');
  assert.equal(r.rel, 'server.js');
  assert.equal(r.via, 'file exists');
  assert.deepEqual(r.tried, ['server.js']);
});

test('an extension-less path gets .js added', () => {
  const root = makeTree({ 'dist/main.js': '' });
  const r = lookup(root, 'dist/main');
  assert.equal(r.rel, 'dist/main.js');
  assert.equal(r.via, 'extension added');
  assert.deepEqual(r.tried, ['dist/main', 'dist/main.js']);
});

test('a folder output uses its package.json main', () => {
  const root = makeTree({ 'app/package.json': JSON.stringify({ main: 'lib/start.js' }), 'app/lib/start.ts': '' });
  const r = lookup(root, 'app');
  assert.equal(r.rel, 'app/lib/start.ts');
  assert.equal(r.via, 'source beside output');
});

test('.js → .ts beside it; .mjs → .mts; .cjs → .cts', () => {
  const root = makeTree({ 'bin/a.ts': '', 'bin/b.mts': '', 'bin/c.cts': '' });
  assert.equal(lookup(root, 'bin/a.js').rel, 'bin/a.ts');
  assert.equal(lookup(root, 'bin/b.mjs').rel, 'bin/b.mts');
  const c = lookup(root, 'bin/c.cjs');
  assert.equal(c.rel, 'bin/c.cts');
  assert.equal(c.via, 'source beside output');
});

test('tsconfig outDir dist → rootDir src', () => {
  const root = makeTree({
    'tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    'src/main.ts': '',
  });
  const r = lookup(root, 'dist/main.js');
  assert.equal(r.rel, 'src/main.ts');
  assert.equal(r.via, 'tsconfig outDir dist → rootDir src');
  assert.deepEqual(r.tried, ['dist/main.js', 'dist/main.ts', 'dist/main.tsx', 'dist/main.jsx', 'src/main.ts']);
});

test('inferred rootDir: include covering src and test yields dist/src/...', () => {
  const root = makeTree({
    'tsconfig.json': '{ "compilerOptions": { "outDir": "dist" }, "include": ["src", "test"] }',
    'src/server.ts': '',
    'test/server.test.ts': '',
  });
  const r = lookup(root, 'dist/src/server.js');
  assert.equal(r.rel, 'src/server.ts');
  assert.equal(r.via, 'tsconfig outDir dist → rootDir .');
});

test('inferred rootDir: only src included maps dist/x.js to src/x.ts (tsc 5 inference)', () => {
  const root = makeTree({
    'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" }, "include": ["src/**/*"] }',
    'src/app/main.ts': '',
    'src/lib/util.ts': '',
  });
  const r = lookup(root, 'dist/app/main.js');
  assert.equal(r.rel, 'src/app/main.ts');
  assert.equal(r.via, 'tsconfig outDir dist → rootDir src');
});

test('tsconfig.build.json extends chain (outDir from the base, rootDir in the child)', () => {
  const root = makeTree({
    'configs/base.json': '{ "compilerOptions": { "outDir": "../build" } }',
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    'tsconfig.build.json': '{ "extends": "./configs/base", "compilerOptions": { "rootDir": "./src" }, }',
    'src/index.ts': '',
  });
  const r = lookup(root, 'build/index.js');
  assert.equal(r.rel, 'src/index.ts');
  assert.equal(r.via, 'tsconfig.build.json outDir build → rootDir src');
});

test('a tsconfig in a package folder of a monorepo', () => {
  const root = makeTree({
    'apps/api/package.json': '{}',
    'apps/api/tsconfig.app.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    'apps/api/src/main.ts': '',
  });
  const r = lookup(root, 'apps/api/dist/main.js');
  assert.equal(r.rel, 'apps/api/src/main.ts');
  assert.equal(r.via, 'tsconfig.app.json outDir dist → rootDir src');
});

test('case mismatch: the source exists only with another letter case', () => {
  const root = makeTree({
    'tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    'src/server.ts': '',
  });
  const r = lookup(root, 'dist/Server.js');
  assert.equal(r.source, null);
  assert.deepEqual(r.caseMismatch, { expected: 'src/Server.ts', found: 'src/server.ts' });
  assert.equal(r.via, 'case mismatch');
});

test('case mismatch on the output itself', () => {
  const root = makeTree({ 'App.js': '' });
  const r = lookup(root, 'app.js');
  assert.equal(r.source, null);
  assert.deepEqual(r.caseMismatch, { expected: 'app.js', found: 'App.js' });
});

test('tsup config file entry (plain data, not evaluated)', () => {
  const root = makeTree({
    'package.json': '{ "name": "svc" }',
    'tsup.config.ts': lines(
      "import { defineConfig } from 'tsup';",
      'export default defineConfig({',
      "  entry: { server: 'src/main.ts' },",
      "  format: ['esm'],",
      "  outDir: 'out',",
      '  onSuccess: process.env.X ? "a" : "b",',
      '});',
    ),
    'src/main.ts': '',
  });
  const r = lookup(root, 'out/server.mjs');
  assert.equal(r.rel, 'src/main.ts');
  assert.equal(r.via, 'tsup entry');
});

test('tsup entry array keeps paths below the common folder; package.json#tsup', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ tsup: { entry: ['src/index.ts', 'src/cli/run.ts'] } }),
    'src/index.ts': '',
    'src/cli/run.ts': '',
  });
  const r = lookup(root, 'dist/cli/run.js');
  assert.equal(r.rel, 'src/cli/run.ts');
  assert.equal(r.via, 'tsup entry');
});

test('tsup CLI in scripts', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { build: 'rimraf dist && tsup src/entry.ts --format cjs -d build' } }),
    'src/entry.ts': '',
  });
  const r = lookup(root, 'build/entry.js');
  assert.equal(r.rel, 'src/entry.ts');
  assert.equal(r.via, 'tsup entry');
});

test('ncc build in scripts → dist/index.js', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { build: 'ncc build src/start.ts -o dist --minify' } }),
    'src/start.ts': '',
  });
  const r = lookup(root, 'dist/index.js');
  assert.equal(r.rel, 'src/start.ts');
  assert.equal(r.via, 'ncc build');
});

test('esbuild --outfile in scripts', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { 'build:server': 'npx esbuild src/server.ts --bundle --platform=node --outfile=dist/server.js' } }),
    'src/server.ts': '',
  });
  const r = lookup(root, 'dist/server.js');
  assert.equal(r.rel, 'src/server.ts');
  assert.equal(r.via, 'esbuild script');
});

test('esbuild --outdir in scripts', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { build: "esbuild 'src/app.ts' src/worker.ts --outdir=out" } }),
    'src/app.ts': '',
    'src/worker.ts': '',
  });
  assert.equal(lookup(root, 'out/worker.js').rel, 'src/worker.ts');
});

test('webpack literal entry and output', () => {
  const root = makeTree({
    'webpack.config.js': lines(
      "const path = require('path');",
      'module.exports = {',
      "  entry: { api: './src/api.ts' },",
      "  target: 'node',",
      '  module: { rules: [{ test: /\\.tsx?$/, use: "ts-loader" }] },',
      "  output: { filename: '[name].bundle.js', path: path.resolve(__dirname, 'build') },",
      '};',
    ),
    'src/api.ts': '',
  });
  const r = lookup(root, 'build/api.bundle.js');
  assert.equal(r.rel, 'src/api.ts');
  assert.equal(r.via, 'webpack entry');
});

test('heuristic: the same basename under src/, then package.json source', () => {
  const root = makeTree({ 'src/worker.ts': '', 'package.json': JSON.stringify({ source: 'lib/entry.ts' }), 'lib/entry.ts': '' });
  const a = lookup(root, 'build/worker.js');
  assert.equal(a.rel, 'src/worker.ts');
  assert.equal(a.via, 'heuristic: same path under src');
  const b = lookup(root, 'build/main.js');
  assert.equal(b.rel, 'lib/entry.ts');
  assert.equal(b.via, 'package.json source');
});

test('Next.js standalone server.js → the app folder holding next.config.*', () => {
  const root = makeTree({ 'next.config.mjs': 'export default { output: "standalone" };', 'app/page.tsx': '' });
  const r = lookup(root, '.next/standalone/server.js');
  assert.equal(r.rel, '.');
  assert.equal(r.via, 'next standalone');
  const mono = makeTree({ 'apps/web/next.config.js': '' });
  const m = lookup(mono, 'apps/web/.next/standalone/apps/web/server.js');
  assert.equal(m.rel, 'apps/web');
  assert.equal(m.via, 'next standalone');
});

test('nothing found: source null, every path tried is listed', () => {
  const root = makeTree({ 'README.md': '' });
  const r = lookup(root, 'dist/main.js');
  assert.equal(r.source, null);
  assert.equal(r.via, 'not found');
  assert.ok(r.tried.includes('src/main.ts'));
  assert.equal(r.tried[0], 'dist/main.js');
});

test('an output outside the context is not looked at', () => {
  const root = makeTree({ 'a.js': '' });
  const r = findSourceForOutput(root, path.join(root, '../elsewhere/a.js'));
  assert.equal(r.source, null);
  assert.equal(r.via, 'outside the build context');
});

test('tsc --outDir in a build script (no outDir in tsconfig)', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { build: 'tsc -p tsconfig.build.json --outDir build' } }),
    'tsconfig.build.json': '{ "compilerOptions": { "rootDir": "src" } }',
    'src/main.ts': '',
  });
  const r = lookup(root, 'build/main.js');
  assert.equal(r.rel, 'src/main.ts');
  assert.equal(r.via, 'tsc script outDir build → rootDir src');
});

test('nextStandalonePath: the app folder and the path below .next/standalone/ (shared by the chain and the source mapper)', () => {
  const p = (...parts: string[]) => path.join(path.sep, ...parts);
  assert.deepEqual(nextStandalonePath(p('ctx', '.next', 'standalone', 'package.json')), { appDir: p('ctx'), below: ['package.json'] });
  assert.deepEqual(nextStandalonePath(p('ctx', 'apps', 'web', '.next', 'standalone', 'apps', 'web', 'server.js')), { appDir: p('ctx', 'apps', 'web'), below: ['apps', 'web', 'server.js'] });
  assert.deepEqual(nextStandalonePath(p('.next', 'standalone', 'server.js')), { appDir: path.sep, below: ['server.js'] });
  // A workspace package named `standalone` below the output is part of the copy.
  assert.deepEqual(nextStandalonePath(p('ctx', '.next', 'standalone', 'packages', 'standalone', 'server.js')), { appDir: p('ctx'), below: ['packages', 'standalone', 'server.js'] });
  assert.equal(nextStandalonePath(p('ctx', 'standalone', 'server.js')), null);
  assert.equal(nextStandalonePath(p('ctx', '.next', 'server', 'app.js')), null);
});

test('a missing server.js beside next.config.*: standalone output copied to the root, unless server.ts exists', () => {
  const next = makeTree({ 'next.config.js': '' });
  const a = lookup(next, 'server.js');
  assert.equal(a.rel, '.');
  assert.equal(a.via, 'next standalone');
  const custom = makeTree({ 'next.config.js': '', 'server.ts': '' });
  const b = lookup(custom, 'server.js');
  assert.equal(b.rel, 'server.ts');
  assert.equal(b.via, 'source beside output');
});

test('babel --out-dir in a build script, tsconfig noEmit (outline/outline)', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { 'build:server': 'babel --extensions .ts,.tsx --quiet -d ./build/server ./server' } }),
    'tsconfig.json': '{ "compilerOptions": { "noEmit": true } }',
    'server/index.ts': '',
  });
  const r = lookup(root, 'build/server/index.js');
  assert.equal(r.rel, 'server/index.ts');
  assert.equal(r.via, 'babel script ./server --out-dir ./build/server');
});

test('babel: --out-dir=x, -d x, --relative, a file argument, --out-file', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['babel src --out-dir=lib', { 'src/app/main.js': '' }, 'lib/app/main.js', 'src/app/main.js'],
    ['babel src -d dist --copy-files', { 'src/main.tsx': '' }, 'dist/main.js', 'src/main.tsx'],
    ['babel src --relative -d ../out', { 'src/main.ts': '' }, 'out/main.js', 'src/main.ts'],
    ['babel src/server.ts -d build', { 'src/server.ts': '' }, 'build/server.js', 'src/server.ts'],
    ['babel src/entry.ts -o bundle/app.js', { 'src/entry.ts': '' }, 'bundle/app.js', 'src/entry.ts'],
  ];
  for (const [script, files, output, source] of cases) {
    const root = makeTree({ 'package.json': JSON.stringify({ scripts: { build: script } }), ...files });
    assert.equal(lookup(root, output).rel, source, script);
  }
});

test('babel reads only its arguments: a file beside them is not its source', () => {
  const root = makeTree({ 'package.json': JSON.stringify({ scripts: { build: 'babel src/a.ts -d build' } }), 'src/b.ts': '', 'b.ts': '' });
  const r = lookup(root, 'build/b.js');
  assert.notEqual(r.via.startsWith('babel'), true);
});

test('swc -d: the path from the working folder, --strip-leading-paths, and the pre-0.3 layout', () => {
  const cases: [string, string, string, string][] = [
    ['swc src -d dist', 'dist/src/server/main.js', 'src/server/main.ts', 'swc script src --out-dir dist'],
    ['swc src -d dist --strip-leading-paths', 'dist/server/main.js', 'src/server/main.ts', 'swc script src --out-dir dist --strip-leading-paths'],
    ['swc ./src --out-dir build -C module.type=commonjs', 'build/server/main.js', 'src/server/main.ts', 'swc script ./src --out-dir build (@swc/cli < 0.3)'],
  ];
  for (const [script, output, source, via] of cases) {
    const root = makeTree({ 'package.json': JSON.stringify({ scripts: { build: script } }), 'src/server/main.ts': '' });
    const r = lookup(root, output);
    assert.equal(r.rel, source, script);
    assert.equal(r.via, via, script);
  }
});

test('tsc with input files: their folder is the rootDir, tsconfig.json is ignored', () => {
  const root = makeTree({
    'package.json': JSON.stringify({ scripts: { build: 'tsc server/index.ts --outDir build --target es2022' } }),
    'tsconfig.json': '{ "compilerOptions": { "noEmit": true, "rootDir": "." } }',
    'server/index.ts': '',
  });
  const r = lookup(root, 'build/index.js');
  assert.equal(r.rel, 'server/index.ts');
  assert.equal(r.via, 'tsc script outDir build → rootDir server');
});

test('heuristic: the leading output folder removed (build/server/index.js → server/index.ts), after the same path under src', () => {
  const root = makeTree({ 'server/index.ts': '', 'package.json': JSON.stringify({ scripts: { build: 'node build.js' } }) });
  const r = lookup(root, 'build/server/index.js');
  assert.equal(r.rel, 'server/index.ts');
  assert.equal(r.via, 'heuristic: leading output folder build/ removed');
  assert.deepEqual(r.tried.slice(-5), ['src/server/index.ts', 'src/server/index.tsx', 'src/server/index.js', 'src/server/index.jsx', 'server/index.ts']);
  for (const folder of ['dist', 'out', 'lib']) {
    const tree = makeTree({ 'app/main.ts': '' });
    assert.equal(lookup(tree, `${folder}/app/main.js`).rel, 'app/main.ts', folder);
  }
  // Only folders named like build output: `public/x.js` is not `x.ts`.
  assert.equal(lookup(makeTree({ 'x.ts': '' }), 'public/x.js').source, null);
});

test('in a workspace package the output folder is removed below the package', () => {
  const root = makeTree({ 'apps/api/package.json': '{}', 'apps/api/main.ts': '' });
  const r = lookup(root, 'apps/api/dist/main.js');
  assert.equal(r.rel, 'apps/api/main.ts');
});

test('an extension-less output is also a folder, as Node loads it: dist/main.js, else dist/main/index.js', () => {
  const root = makeTree({ 'tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }', 'src/index.ts': '', 'src/api/index.ts': '' });
  assert.equal(lookup(root, 'dist').rel, 'src/index.ts');
  assert.equal(lookup(root, 'dist/api').rel, 'src/api/index.ts');
  // What a config says about the folder form beats a guess about the file form.
  const guess = makeTree({ 'package.json': JSON.stringify({ scripts: { build: 'babel server -d build/server' } }), 'server/index.ts': '', 'src/server.ts': '' });
  const r = lookup(guess, 'build/server');
  assert.equal(r.rel, 'server/index.ts');
  assert.equal(r.via, 'babel script server --out-dir build/server');
  // No guess from the folder form's `index`: `node dist/worker` is not src/index.ts.
  assert.equal(lookup(makeTree({ 'src/index.ts': '' }), 'dist/worker').source, null);
});
