import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createProgramCache } from '../../src/program/analyze.js';
import { loadParser, syntaxOf } from '../../src/program/parse.js';
import { analyze, brief, lines, makeTree } from './helpers.js';

const HANDLER = "process.on('SIGTERM', () => process.exit(0));\n";

function rels(root: string, files: string[]): string[] {
  return files.map((f) => path.relative(root, f).split(path.sep).join('/'));
}

test('a .js specifier names the .ts file (TS ESM convention)', async () => {
  const root = makeTree({
    'src/index.ts': "import './shutdown.js';\n",
    'src/shutdown.ts': HANDLER,
  });
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts', 'src/shutdown.ts']);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line]), [['src/shutdown.ts', 1]]);
});

test('extension probing and /index files, JS entries prefer the JS file', async () => {
  const root = makeTree({
    'src/index.js': "require('./lib');\nrequire('./util/helper');\n",
    'src/lib/index.js': HANDLER,
    'src/util/helper.cjs': "process.on('SIGINT', () => process.exit(0));\n",
  });
  const facts = await analyze(root, 'src/index.js');
  assert.deepEqual(rels(root, facts.files), ['src/index.js', 'src/lib/index.js', 'src/util/helper.cjs']);
  assert.equal(facts.handlers.length, 2);
});

test('side-effect imports, export … from, dynamic import() and createRequire', async () => {
  const root = makeTree({
    'src/index.mjs': lines(
      "import { createRequire } from 'node:module';",
      "export { x } from './reexported.mjs';",
      "await import('./dynamic.mjs');",
      'const req = createRequire(import.meta.url);',
      "req('./required.cjs');",
      "createRequire(import.meta.url)('./inline.cjs');",
      "await import(`./template.mjs`);",
    ),
    'src/reexported.mjs': 'export const x = 1;\n' + HANDLER,
    'src/dynamic.mjs': HANDLER,
    'src/required.cjs': HANDLER,
    'src/inline.cjs': HANDLER,
    'src/template.mjs': HANDLER,
  });
  const facts = await analyze(root, 'src/index.mjs');
  assert.deepEqual(rels(root, facts.files).sort(), [
    'src/dynamic.mjs',
    'src/index.mjs',
    'src/inline.cjs',
    'src/reexported.mjs',
    'src/required.cjs',
    'src/template.mjs',
  ]);
  assert.equal(facts.handlers.length, 5);
});

test('tsconfig paths through an extends chain with comments and trailing commas', async () => {
  const root = makeTree({
    'tsconfig.base.json': lines('{', '  // shared', '  "compilerOptions": {', '    "baseUrl": ".",', '    "paths": { "@app/*": ["src/app/*"], },', '  },', '}'),
    'tsconfig.json': '{ "extends": "./tsconfig.base.json", /* more */ "compilerOptions": { "strict": true } }\n',
    'src/index.ts': "import { install } from '@app/shutdown';\ninstall();\n",
    'src/app/shutdown.ts': `export function install() {\n  ${HANDLER}}\n`,
  });
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.reachable]), [['src/app/shutdown.ts', 2, 'yes']]);
});

test('tsconfig baseUrl alone resolves non-relative imports that exist', async () => {
  const root = makeTree({
    'tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }',
    'src/index.ts': "import 'lib/term';\nimport 'express';\n",
    'src/lib/term.ts': HANDLER,
  });
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts', 'src/lib/term.ts']);
  assert.deepEqual(facts.packages, ['express']);
});

test('a workspace package import (npm workspaces, package.json exports)', async () => {
  const root = makeTree({
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*', 'apps/*'] }),
    'apps/api/package.json': JSON.stringify({ name: 'api' }),
    'apps/api/src/index.ts': "import { installShutdown } from '@mono/shutdown';\ninstallShutdown();\n",
    'packages/shutdown/package.json': JSON.stringify({ name: '@mono/shutdown', exports: { '.': { types: './src/index.ts', import: './src/index.ts' } } }),
    'packages/shutdown/src/index.ts': `export function installShutdown() {\n  ${HANDLER}}\n`,
  });
  const facts = await analyze(root, 'apps/api/src/index.ts');
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line]), [['packages/shutdown/src/index.ts', 2]]);
  assert.ok(facts.notes.some((n) => n.includes('workspace packages followed: @mono/shutdown (packages/shutdown/src/index.ts)')));
});

test('a pnpm workspace package whose main points at missing build output maps back to source', async () => {
  const root = makeTree({
    'package.json': JSON.stringify({ name: 'root', private: true }),
    'pnpm-workspace.yaml': "packages:\n  - 'libs/**'\n",
    'apps/web/main.ts': "import '@acme/term';\n",
    'libs/node/term/package.json': JSON.stringify({ name: '@acme/term', main: 'dist/index.js' }),
    'libs/node/term/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    'libs/node/term/src/index.ts': HANDLER,
  });
  const facts = await analyze(root, 'apps/web/main.ts');
  assert.deepEqual(rels(root, facts.files), ['apps/web/main.ts', 'libs/node/term/src/index.ts']);
  assert.equal(facts.handlers.length, 1);
});

test('an import cycle is visited once', async () => {
  const root = makeTree({
    'src/index.ts': "import { b } from './b.js';\nexport const a = 1;\nb();\n",
    'src/b.ts': `import { a } from './index.js';\nexport function b() { void a; ${HANDLER.trim()} }\n`,
  });
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts', 'src/b.ts']);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line]), [['src/b.ts', 2]]);
});

test('a syntax error in a module read in full is reported; the other modules are still read', async () => {
  const root = makeTree({
    'src/index.ts': "import './broken.js';\nimport './term.js';\n",
    // `process` makes it a module the analysis reads in full; a module only scanned for its imports is not checked (scan.ts).
    'src/broken.ts': 'const x = ;\nprocess.exitCode = 0;\n',
    'src/term.ts': HANDLER,
  });
  const facts = await analyze(root);
  assert.equal(facts.errors.length, 1);
  assert.equal(facts.errors[0]?.file, path.join(root, 'src/broken.ts'));
  assert.equal(facts.errors[0]?.line, 1);
  assert.equal(facts.errors[0]?.column, 11);
  assert.match(facts.errors[0]?.message ?? '', /Expression expected/);
  assert.deepEqual(brief(facts, root).map((h) => h.file), ['src/term.ts']);
});

test('a module naming require goes to the full parse at once: its syntax error is the one TypeScript\'s parse alone reports', async () => {
  const text = "const fs = require('node:fs');\nconst x = ;\nprocess.exitCode = 0;\n";
  const root = makeTree({ 'src/index.ts': "import './broken.js';\nimport './term.js';\n", 'src/broken.ts': text, 'src/term.ts': HANDLER });
  const facts = await analyze(root);
  const alone = syntaxOf(await loadParser(), path.join(root, 'src/broken.ts'), text);
  assert.ok(!alone.ok);
  assert.equal(facts.errors.length, 1);
  assert.deepEqual(
    { file: facts.errors[0]?.file, line: facts.errors[0]?.line, column: facts.errors[0]?.column, message: facts.errors[0]?.message },
    { file: path.join(root, 'src/broken.ts'), line: alone.line, column: alone.column, message: alone.message },
  );
  assert.deepEqual(brief(facts, root).map((h) => h.file), ['src/term.ts']);
});

test('a 50-level import chain is followed to the end', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 50; i++) files[`src/m${i}.ts`] = `import './m${i + 1}.js';\n`;
  files['src/m50.ts'] = HANDLER;
  const root = makeTree(files);
  const facts = await analyze(root, 'src/m0.ts');
  assert.equal(facts.files.length, 51);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.reachable]), [['src/m50.ts', 1, 'yes']]);
});

test('a 50-level re-export chain resolves the exported function', async () => {
  const files: Record<string, string> = { 'src/index.ts': "import { install } from './r0.js';\ninstall();\n" };
  for (let i = 0; i < 50; i++) files[`src/r${i}.ts`] = `export * from './r${i + 1}.js';\n`;
  files['src/r50.ts'] = `export function install() { ${HANDLER.trim()} }\n`;
  const root = makeTree(files);
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.reachable]), [['src/r50.ts', 'yes']]);
});

test('a symlink that leads outside the build context is not followed', async () => {
  const outside = makeTree({ 'evil.ts': HANDLER });
  const root = makeTree({ 'src/index.ts': "import './linked.js';\nimport '../../escape.js';\n" });
  fs.symlinkSync(path.join(outside, 'evil.ts'), path.join(root, 'src/linked.ts'));
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts']);
  assert.deepEqual(facts.handlers, []);
  assert.ok(facts.notes.some((n) => n.includes("'./linked.js' leads outside the build context")), facts.notes.join('\n'));
});

test('a symlink inside the context is followed', async () => {
  const root = makeTree({ 'src/index.ts': "import './alias.js';\n", 'lib/real.ts': HANDLER });
  fs.symlinkSync(path.join(root, 'lib/real.ts'), path.join(root, 'src/alias.ts'));
  const facts = await analyze(root);
  assert.equal(facts.handlers.length, 1);
});

test('an import that matches a file only by letter case is not followed, and noted', async () => {
  const root = makeTree({ 'src/index.ts': "import './Shutdown.js';\n", 'src/shutdown.ts': HANDLER });
  const facts = await analyze(root);
  assert.deepEqual(facts.handlers, []);
  assert.ok(facts.notes.some((n) => n.includes("'./Shutdown.js' only matches src/shutdown.ts by letter case")), facts.notes.join('\n'));
});

test('node_modules is never read; packages are listed', async () => {
  const root = makeTree({
    'src/index.ts': "import 'some-lib';\nimport fs from 'node:fs';\nvoid fs;\n",
    'node_modules/some-lib/package.json': JSON.stringify({ name: 'some-lib', main: 'index.js' }),
    'node_modules/some-lib/index.js': HANDLER,
  });
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts']);
  assert.deepEqual(facts.packages, ['fs', 'some-lib']);
  assert.deepEqual(facts.handlers, []);
  assert.ok(facts.notes.some((n) => n === 'packages not read (recognised through the library table only): some-lib'));
});

test('a missing entry is an error, not an exception', async () => {
  const root = makeTree({ 'src/Index.ts': HANDLER });
  const facts = await analyze(root);
  assert.equal(facts.errors.length, 1);
  assert.match(facts.errors[0]?.message ?? '', /src\/Index\.ts differs only by letter case/);
});

test('the cache parses a file once across runs', async () => {
  const root = makeTree({ 'src/index.ts': "import './term.js';\n", 'src/term.ts': HANDLER });
  const cache = createProgramCache();
  const first = await analyze(root, 'src/index.ts', { cache });
  fs.writeFileSync(path.join(root, 'src/term.ts'), '// changed on disk after the first run\n');
  const second = await analyze(root, 'src/term.ts', { cache });
  assert.equal(first.handlers.length, 1);
  // The second run reads term.ts from the cache: still the handler.
  assert.equal(second.handlers.length, 1);
});

test('only reachable modules are read: an unimported file is not', async () => {
  const root = makeTree({ 'src/index.ts': '', 'src/other.ts': HANDLER });
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts']);
});

test('a folder import picks the package.json exports condition for require vs import', async () => {
  const root = makeTree({
    'src/index.mjs': "import '../lib/dual';\n",
    'src/index.cjs': "require('../lib/dual');\n",
    'lib/dual/package.json': JSON.stringify({ exports: { '.': { types: './x.d.ts', require: './cjs/index.cjs', import: './esm/index.mjs' } } }),
    'lib/dual/cjs/index.cjs': "process.on('SIGINT', () => process.exit(0));\n",
    'lib/dual/esm/index.mjs': HANDLER,
  });
  const esm = await analyze(root, 'src/index.mjs');
  assert.deepEqual(rels(root, esm.files), ['src/index.mjs', 'lib/dual/esm/index.mjs']);
  const cjs = await analyze(root, 'src/index.cjs');
  assert.deepEqual(rels(root, cjs.files), ['src/index.cjs', 'lib/dual/cjs/index.cjs']);
});

test('workspaces given as { packages: [...] }, and tsconfig extends from a package and package-less', async () => {
  const root = makeTree({
    'package.json': JSON.stringify({ private: true, workspaces: { packages: ['libs/*'] } }),
    'node_modules/@tsconfig/node20/tsconfig.json': '{ "compilerOptions": { "target": "es2022" } }',
    'tsconfig.base.json': '{ "extends": "@tsconfig/node20/tsconfig.json", "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }',
    'tsconfig.json': '{ "extends": "tsconfig.base.json" }',
    'src/index.ts': "import '~/boot';\nimport 'shared-term';\n",
    'src/boot.ts': "process.on('SIGINT', () => process.exit(0));\n",
    'libs/term/package.json': JSON.stringify({ name: 'shared-term', main: 'index.ts' }),
    'libs/term/index.ts': HANDLER,
  });
  const facts = await analyze(root);
  assert.deepEqual(rels(root, facts.files), ['src/index.ts', 'src/boot.ts', 'libs/term/index.ts']);
  assert.equal(facts.handlers.length, 2);
});

test('a module required only inside a function that is never called does not run', async () => {
  const root = makeTree({
    'src/index.js': "function later() { require('./term'); }\nvoid later;\n",
    'src/term.js': HANDLER,
  });
  const facts = await analyze(root, 'src/index.js');
  assert.deepEqual(rels(root, facts.files), ['src/index.js', 'src/term.js']);
  assert.deepEqual(facts.handlers, []);
});
