import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonc } from '../../src/program/fs-context.js';
import { globMatches as wildcardMatch } from '../../src/context/glob.js';
import { readLiteralConfig, type Lit } from '../../src/program/literal-config.js';
import { matchPath } from '../../src/program/workspaces.js';

/** Lit → plain JSON-ish value for comparisons (`'?'` for opaque parts). */
function plain(v: Lit): unknown {
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
      return v.v;
    case 'arr':
      return v.items.map(plain);
    case 'obj':
      return Object.fromEntries([...v.props].map(([k, x]) => [k, plain(x)]));
    case 'path':
      return { path: v.parts.map(plain) };
    case 'dirname':
      return '__dirname';
    default:
      return '?';
  }
}

test('JSONC: comments and trailing commas, strings containing // and commas', () => {
  assert.deepEqual(parseJsonc('{\n // c\n "a": "x // y, }", /* b */ "b": [1, 2,],\n}'), { a: 'x // y, }', b: [1, 2] });
  assert.equal(parseJsonc('{ "a": '), undefined);
});

test('literal configs: defineConfig, const references, path.resolve(__dirname), opaque parts', () => {
  const v = readLiteralConfig(`
    import { defineConfig } from 'tsup';
    const entries = ['src/a.ts', \`src/b.ts\`];
    export default defineConfig({
      entry: entries,
      outDir: path.resolve(__dirname, 'out'),
      minify: process.env.CI === 'true',
      re: /[/]\\/x/g, // a regex with slashes
      tpl: \`x\${1}\`,
      ...shared,
      method() { return 1; },
      "quoted": 1e3,
    });
  `);
  assert.deepEqual(plain(v), {
    entry: ['src/a.ts', 'src/b.ts'],
    outDir: { path: ['__dirname', 'out'] },
    minify: '?',
    re: '?',
    tpl: '?',
    quoted: 1000,
  });
});

test('literal configs: module.exports, arrays of configs, and malformed input end', () => {
  assert.deepEqual(plain(readLiteralConfig("module.exports = [{ entry: './a.ts' }, { entry: { b: './b.ts' } }];")), [
    { entry: './a.ts' },
    { entry: { b: './b.ts' } },
  ]);
  assert.equal(readLiteralConfig('const x = 1;').t, 'opaque');
  // Unbalanced input must terminate.
  for (const bad of ['export default { a: [1, 2', 'export default { a: ) } ]', 'export default [)', 'export default path.join(']) {
    readLiteralConfig(bad);
  }
});

test('wildcard and path glob matching', () => {
  assert.equal(wildcardMatch('pkg-*', 'pkg-a'), true);
  assert.equal(wildcardMatch('*.ts', 'a.tsx'), false);
  assert.equal(wildcardMatch('a?c', 'abc'), true);
  assert.equal(matchPath('packages/**', 'packages/a/b'), true);
  assert.equal(matchPath('src/**/*.ts', 'src/x.ts'), true);
  assert.equal(matchPath('src/*/x', 'src/a/b/x'), false);
  // Long inputs stay fast (no exponential backtracking).
  assert.equal(wildcardMatch('*a*a*a*a*a*a*a*b', 'a'.repeat(5000)), false);
  assert.equal(matchPath('**/**/**/**/**/z', Array(200).fill('a').join('/')), false);
});
