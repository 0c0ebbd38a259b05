/**
 * The two-phase read (module-summary.ts, scan.ts, module-set.ts): every
 * reachable module is scanned for its imports or read with TypeScript's
 * parser alone, and parsed in full only when the analysis looks into it.
 * What it reports must not change.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { createProgramCache } from '../../src/program/analyze.js';
import { buildModuleInfo } from '../../src/program/module-info.js';
import { declaredEdges, edgesOf, needsFullParse, relevanceTest } from '../../src/program/module-summary.js';
import { scanDeclaredEdges } from '../../src/program/scan.js';
import { loadBuiltinLibraries } from '../../src/program/libraries.js';
import { loadParser, parseWith, syntaxOf } from '../../src/program/parse.js';
import { analyze, brief, lines, makeTree } from './helpers.js';

/** The edges of the light read, or null, next to those of the full parse. */
async function bothReads(file: string, text: string) {
  const parser = await loadParser();
  const syntax = syntaxOf(parser, file, text);
  assert.ok(syntax.ok);
  const full = parseWith(parser, file, text);
  assert.ok(full.ok);
  return { light: declaredEdges(parser.ts, syntax.source, text), scanned: scanDeclaredEdges(file, text), full: edgesOf(buildModuleInfo(file, text, full.ast)) };
}

test('import and export declarations: the light read finds the edges of the full parse, type-only ones left out', async () => {
  const sources: [string, string][] = [
    [
      '/p/a.ts',
      lines(
        "import a from './a';",
        "import type T from './t';",
        "import { type X, type Y } from './x';",
        "import { type P, q } from './pq';",
        "import {} from './empty';",
        '// a comment',
        "import './side';",
        "import * as ns from './ns';",
        "import d, { type E } from './de';",
        "import json from './data.json' with { type: 'json' };",
        'import {',
        '  m,',
        "} from './multi';",
        'export const v = [a, q, ns, d, json, m];',
      ),
    ],
    ['/p/b.ts', lines("export * from './s';", "export type * from './ts';", "export * as n from './n';", "export { a } from './a';", "export type { T } from './t';", "export { type U } from './u';", 'const local = 1;', 'export { local };')],
    ['/p/c.tsx', lines("import React from 'react';", "export { x } from './x';", 'export const el = <div title="it\'s">{React.version}</div>;')],
    ['/p/d.mjs', lines('#!/usr/bin/env node', "import { run } from './run.mjs';", 'await run();')],
    ['/p/bin/www', lines("import app from '../app.js';", 'app();')],
  ];
  for (const [file, text] of sources) {
    const { light, scanned, full } = await bothReads(file, text);
    assert.deepEqual(light, full, file);
    // The scanner leaves JSX to the parser; it reads every other source here as the parser does.
    assert.deepEqual(scanned, file.endsWith('.tsx') ? null : full, file);
  }
});

test('require, createRequire, import() and declare module blocks need the full parse', async () => {
  for (const text of ["import x = require('./r');\n", "const m = await import('./m');\n", "import { createRequire } from 'node:module';\nconst r = createRequire(import.meta.url);\nr('./x');\n", "declare module 'x' {\n  import y from './y';\n}\n"]) {
    const { light, scanned } = await bothReads('/p/a.ts', text);
    assert.equal(light, null, text);
    if (!needsFullParse(text)) assert.equal(scanned, null, text);
  }
});

test('the relevance test: process, signals, timers, table packages by specifier, table methods by name', async () => {
  const relevant = relevanceTest(await loadBuiltinLibraries());
  for (const text of ['process.exitCode = 1;', "const s = 'SIGTERM';", 'setInterval(tick, 1000);', "import closeWithGrace from 'close-with-grace';", "import { spawn } from 'node:child_process';", "import { setTimeout } from 'timers';", 'app.enableShutdownHooks();', "import x from 'execa/sub';"]) {
    assert.ok(relevant.test(text), text);
  }
  for (const text of ["import { next } from './next';", 'export class Repo { find() { return 1; } }', "import express2 from 'express-like';", "const processor = 'x';"]) {
    assert.ok(!relevant.test(text), text);
  }
});

test('a module nothing relevant leads to is read but not parsed in full', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { createRepo } from './repo.js';", 'createRepo();', "process.on('SIGTERM', () => process.exit(0));"),
    'src/repo.ts': lines("import { Row } from './row.js';", 'export function createRepo() {', '  return new Map<string, Row>();', '}'),
    'src/row.ts': 'export class Row {}\n',
  });
  const cache = createProgramCache();
  const facts = await analyze(root, 'src/index.ts', { cache });
  assert.deepEqual(facts.files.map((f) => path.relative(root, f)), ['src/index.ts', 'src/repo.ts', 'src/row.ts']);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.ending, h.reachable]), [['src/index.ts', 'exits', 'yes']]);
  assert.equal(cache.stats.parses, 3);
  assert.equal(cache.stats.scanned, 2, 'the other two only scanned for their imports');
  assert.equal(cache.stats.full, 1, 'only the entry is parsed in full');
});

test('a module that imports a relevant one is analysed: its calls lead to the handler', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { boot } from './boot.js';", 'boot();'),
    'src/boot.ts': lines("import { install } from './term.js';", 'export function boot() {', '  install();', '}'),
    'src/term.ts': lines('export function install() {', "  process.on('SIGTERM', () => process.exit(0));", '}'),
  });
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.reachable]), [['src/term.ts', 2, 'yes']]);
});

test('a dormant module handed a callback wakes: a callback it stores and calls later is reached', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { bus } from './bus.js';", 'bus.subscribe(() => {', "  process.on('SIGTERM', () => process.exit(0));", '});', 'bus.fire();'),
    'src/bus.ts': lines('class Bus {', '  private f?: () => void;', '  subscribe(f: () => void) {', '    this.f = f;', '  }', '  fire() {', '    this.f?.();', '  }', '}', 'export const bus = new Bus();'),
  });
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.reachable]), [['src/index.ts', 3, 'yes']]);
  assert.ok(!facts.notes.some((n) => n.startsWith('assumed reachable')), facts.notes.join('\n'));
});

test('a listener calling into a dormant module: the function is parsed and followed', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { closeDb } from './db.js';", "process.on('SIGTERM', async () => {", '  await closeDb();', '});'),
    'src/db.ts': lines("import { pool } from './pool.js';", 'export async function closeDb() {', '  await pool.end();', '}'),
    'src/pool.ts': lines("import pg from 'pg';", 'export const pool = new pg.Pool();'),
  });
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.ending]), [['src/index.ts', 'may-hang']]);
});

test('the call sites of a dormant function: only dormant calls into modules that lead to it are evaluated', async () => {
  // The listener follows step(), whose parameter's value comes from its call sites: a dormant call
  // into route.ts cannot be one (route.ts does not import step.ts), so route.ts stays unparsed;
  // the one through barrel.ts, which re-exports step, is evaluated.
  const root = makeTree({
    'src/index.ts': lines(
      "import { step } from './step.js';",
      "import { again } from './barrel.js';",
      "import { createRoute } from './route.js';",
      'const routes = [createRoute()];',
      'again();',
      'async function shutdown(signal: string) {',
      '  step(signal);',
      '  process.exit(0);',
      '}',
      "process.once('SIGTERM', shutdown);",
    ),
    'src/step.ts': lines('export function step(signal?: string): string {', '  return `step after ${signal}`;', '}'),
    'src/barrel.ts': "export { step as again } from './step.js';\n",
    'src/route.ts': lines('export function createRoute() {', '  return new Map<string, string>();', '}'),
  });
  const cache = createProgramCache();
  const facts = await analyze(root, 'src/index.ts', { cache });
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.ending, h.reachable]), [['src/index.ts', 10, 'exits', 'yes']]);
  const parsed = facts.files.length - cache.stats.scanned;
  assert.equal(cache.stats.full, 3, `index.ts, step.ts and barrel.ts in full, route.ts only scanned (${parsed} read in full or by TypeScript)`);
});
