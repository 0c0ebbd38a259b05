import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { findSourceForOutput, type SourceLookup } from '../../src/program/source-map.js';
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
  assert.equal(a.via, 'same path under src');
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
