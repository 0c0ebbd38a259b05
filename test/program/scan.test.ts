/**
 * The scanner (src/program/scan.ts) must find exactly the import edges that
 * TypeScript's parse finds (module-summary.ts `declaredEdges`) whenever it
 * gives an answer, and give none (null: the module is parsed) where it
 * cannot be sure. Checked on hand-written cases, on every source of this
 * repository and of a few dependencies, and on seeded mutations of them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { declaredEdges, needsFullParse, type SummaryEdge } from '../../src/program/module-summary.js';
import { loadParser, syntaxOf, type Parser } from '../../src/program/parse.js';
import { scanDeclaredEdges } from '../../src/program/scan.js';
import { packageRoot } from '../../src/package-info.js';

const edges = (...e: [string, number][]): SummaryEdge[] => e.map(([spec, line]) => ({ spec, kind: 'import', line }));

/** TypeScript's edges of a module it parses without an error (null when it needs the full parse). */
function parsed(parser: Parser, file: string, text: string): SummaryEdge[] | null | 'error' {
  const syntax = syntaxOf(parser, file, text);
  return syntax.ok ? declaredEdges(parser.ts, syntax.source, text) : 'error';
}

test('import forms: type-only ones elided, as TypeScript reads the `type` modifier', async () => {
  const parser = await loadParser();
  const cases: [string, SummaryEdge[]][] = [
    ["import a from './a';", edges(['./a', 1])],
    ["import type T from './t';", []],
    ["import type from './default-named-type';", edges(['./default-named-type', 1])],
    ["import type, { b } from './type-and-b';", edges(['./type-and-b', 1])],
    ["import type * as ns from './ns-types';", []],
    ["import { type X, type Y } from './x';", []],
    ["import { type } from './name-type';", edges(['./name-type', 1])],
    ["import { type as } from './as-type-only';", []],
    ["import { type as t } from './type-renamed';", edges(['./type-renamed', 1])],
    ["import { type A as B } from './a-renamed';", []],
    ["import { type P, q } from './pq';", edges(['./pq', 1])],
    ["import d, { type E } from './de';", edges(['./de', 1])],
    ["import {} from './empty';", edges(['./empty', 1])],
    ["import './side';", edges(['./side', 1])],
    ["import * as ns from './ns';", edges(['./ns', 1])],
    ["import d2, * as ns2 from './dns';", edges(['./dns', 1])],
    ["import { 'a-b' as ab } from './string-name';", edges(['./string-name', 1])],
    ["import json from './data.json' with { type: 'json' };", edges(['./data.json', 1])],
    ['import A = B.C;', []],
    ["const u = import.meta.url;\nimport late from './late';", edges(['./late', 2])],
    ["export * from './s';", edges(['./s', 1])],
    ["export * as n from './n';", edges(['./n', 1])],
    ["export type * from './ts';", []],
    ["export type * as tn from './tn';", []],
    ["export { a } from './ea';", edges(['./ea', 1])],
    ["export { type U } from './u';", edges(['./u', 1])],
    ["export type { T } from './et';", []],
    ['const local = 1;\nexport { local };', []],
    ['export type Alias = { a: string };\nexport default class K {}', []],
    ['export import Q = B.C;', []],
    ["export { local2 }\n(function () {})();\nimport after from './after-iife';", edges(['./after-iife', 3])],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(parsed(parser, '/p/a.ts', text), expected, `TypeScript: ${text}`);
    assert.deepEqual(scanDeclaredEdges('/p/a.ts', text), expected, `scanner: ${text}`);
  }
});

test('what is not a declaration: words in comments, strings, templates and regular expressions, properties', async () => {
  const parser = await loadParser();
  const text = [
    "// import a from './comment';",
    "/* export * from './block-comment' */",
    "const s = \"import b from './string'\";",
    "const t = `import c from './template' ${`nested ${'}'} import d from './inner'`} end`;",
    "const r = /import e from '.\\/regex'[\"'`]/g;",
    'const o = { import: 1, export: 2 };',
    'o.import; o.export;',
    'class C { export() { return 1 / 2; } import = 3; }',
    'const half = 10 / 2 / 1;',
    "import f from './real';",
  ].join('\n');
  const expected = edges(['./real', 10]);
  assert.deepEqual(parsed(parser, '/p/a.ts', text), expected);
  assert.deepEqual(scanDeclaredEdges('/p/a.ts', text), expected);
});

test('lines as TypeScript counts them: CRLF, CR, comments, templates and strings spanning lines, a hashbang', async () => {
  const parser = await loadParser();
  const text = "#!/usr/bin/env node\r\n/* one\r\ntwo */\rconst t = `a\nb`;\nconst s = 'x\\\ny';\nimport a from './a';\r\n\r\nexport * from './b';\n";
  const expected = edges(['./a', 8], ['./b', 10]);
  assert.deepEqual(parsed(parser, '/p/a.mjs', text), expected);
  assert.deepEqual(scanDeclaredEdges('/p/a.mjs', text), expected);
});

test('left to the parser (null): JSX, blocks with declarations of their own, anything unterminated or unbalanced, text outside literals it does not know', () => {
  const unsure: [string, string][] = [
    ['/p/a.tsx', "import a from './a';"],
    ['/p/a.jsx', "import a from './a';"],
    ['/p/a.js', "import a from './a';\nconst el = <div>it's</div>;"],
    ['/p/a.ts', "declare module 'x' {\n  import y from './y';\n}"],
    ['/p/a.ts', 'namespace N {\n  export const x = 1;\n}'],
    ['/p/a.ts', 'declare global {\n  interface Window { x: number }\n}'],
    ['/p/a.ts', "const s = 'no end;\n"],
    ['/p/a.ts', 'const t = `no end;\n'],
    ['/p/a.ts', '/* no end\n'],
    ['/p/a.ts', 'function f() {\n'],
    ['/p/a.ts', 'const a = [1, 2);'],
    ['/p/a.ts', 'const café = 1;'],
    ['/p/a.ts', 'const \\u0061 = 1;'],
    ['/p/a.ts', "import { a } from './a\\u0062';"],
    ['/p/a.ts', "function f() {\n  import x from './nested';\n}"],
    ['/p/a.ts', "import a, b from './two-defaults';"],
    ['/p/a.ts', `const deep = ${'['.repeat(600)}${']'.repeat(600)};`],
    ['/p/a.ts', 'x\u0000y'],
  ];
  for (const [file, text] of unsure) assert.equal(scanDeclaredEdges(file, text), null, `${file}: ${text}`);
});

/** Every source below the given folders (no declaration files), with its text. */
function sources(roots: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const root of roots) {
    for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      const file = path.join(root, rel);
      if (!/\.(?:[mc]?[jt]s)$/.test(file) || file.endsWith('.d.ts') || !fs.statSync(file).isFile()) continue;
      out.push([file, fs.readFileSync(file, 'utf8')]);
    }
  }
  return out;
}

const CORPUS = ['src', 'test', 'bench', 'scripts', 'rules', 'node_modules/ajv/lib', 'node_modules/@typescript-eslint/typescript-estree/dist', 'node_modules/dockerfile-ast/lib'].map((d) => path.join(packageRoot(), d)).filter((d) => fs.existsSync(d));

test('on this repository and some dependencies: the scanner finds what TypeScript finds, or leaves the module to it', async () => {
  const parser = await loadParser();
  let compared = 0;
  for (const [file, text] of sources(CORPUS)) {
    if (needsFullParse(text)) continue;
    const scanned = scanDeclaredEdges(file, text);
    if (scanned === null) continue;
    assert.deepEqual(scanned, parsed(parser, file, text), file);
    compared++;
  }
  assert.ok(compared > 200, `only ${compared} sources compared`);
});

test('seeded mutations of those sources: wherever TypeScript parses the result without an error, the scanner agrees or stays out', async () => {
  const parser = await loadParser();
  const corpus = sources(CORPUS.slice(0, 2)).map(([, text]) => text).filter((t) => !needsFullParse(t));
  const pieces = ["'", '"', '`', '/', '*', '{', '}', '(', ')', '[', ']', '\n', '\r', ' ', 'import ', 'export ', 'type ', ' from ', "'./x'", '${', '//', '/*', '*/', '\\', 'as ', ',', ';', '=', 'namespace N ', 'declare module "m" ', '/re/', 'return /x/', ') /', '<div>', 'é', '#!x\n'];
  let seed = 20261129;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  let agreed = 0;
  for (let i = 0; i < 3000; i++) {
    let text = corpus[random(corpus.length)] ?? '';
    for (let edits = 1 + random(3); edits > 0; edits--) {
      const at = random(text.length + 1);
      const op = random(3);
      if (op === 0) text = text.slice(0, at) + (pieces[random(pieces.length)] ?? '') + text.slice(at);
      else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + random(5));
      else {
        const from = random(text.length + 1);
        text = text.slice(0, at) + text.slice(from, from + random(40)) + text.slice(at);
      }
    }
    if (needsFullParse(text)) continue;
    const file = random(2) === 0 ? '/m/a.ts' : '/m/a.js';
    const scanned = scanDeclaredEdges(file, text);
    if (scanned === null) continue;
    const expected = parsed(parser, file, text);
    // A grammar error TypeScript reports in a module the scanner reads is the accepted loss (scan.ts).
    if (expected === 'error') continue;
    assert.deepEqual(scanned, expected, `mutation ${i}:\n${text}`);
    agreed++;
  }
  assert.ok(agreed > 300, `only ${agreed} mutations compared`);
});
