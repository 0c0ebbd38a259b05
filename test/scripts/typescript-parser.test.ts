/**
 * The bundled command parses with dist/bundle/typescript.cjs, TypeScript
 * less the parts no parse runs (scripts/typescript-parser.ts). It must read
 * every module as the installed TypeScript does: the same ESTree, the same
 * syntax error at the same place, the same import edges — without once
 * needing the installed TypeScript behind it (src/program/parse.ts `complete`).
 * The corpus: every JS/TS file of this package's sources, tests, fixtures
 * and scripts, and three broken copies of each (cut at a third, cut at two
 * thirds, first `{` removed), which give syntax errors of every kind.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import type * as TS from 'typescript';
import { commandPath, packageRoot } from '../../src/package-info.js';
import { declaredEdges } from '../../src/program/module-summary.js';
import { parseWith, syntaxOf, type Parser } from '../../src/program/parse.js';
import { typeScriptParser } from '../../scripts/typescript-parser.js';
import { writeTree } from '../model/helpers.js';

const root = packageRoot();
const require = createRequire(import.meta.url);
const bundle = path.join(root, 'dist', 'bundle');
type EstreeOf = (ts: typeof TS) => { parse: Parser['parse'] };

const estreeOf = require(path.join(bundle, 'typescript-estree.cjs')) as EstreeOf;
const installedTs = require('typescript') as typeof TS;
const parserOnlyTs = require(path.join(bundle, 'typescript.cjs')) as typeof TS;
const installed: Parser = { ts: installedTs, parse: estreeOf(installedTs).parse, version: 'installed' };
/** Files for which the parser-only TypeScript asked for the installed one (there must be none). */
const neededInstalled: string[] = [];
const parseWithParserOnly = estreeOf(parserOnlyTs).parse;
/** The parser-only TypeScript, noting each time it asks for the installed one. */
const parserOnly = (file: string): Parser => ({ ts: parserOnlyTs, parse: parseWithParserOnly, version: 'parser-only', complete: () => (neededInstalled.push(file), installed) });

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

function sourcesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourcesUnder(file, out);
    else if (SOURCE.test(entry.name)) out.push(file);
  }
  return out;
}

function corpus(): { file: string; text: string }[] {
  const files = ['src', 'test', 'fixtures', 'scripts', 'bench'].flatMap((d) => sourcesUnder(path.join(root, d)));
  return files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const brace = text.indexOf('{');
    return [
      { file, text },
      { file, text: text.slice(0, Math.floor(text.length / 3)) },
      { file, text: text.slice(0, Math.floor((text.length * 2) / 3)) },
      { file, text: brace < 0 ? `${text})` : text.slice(0, brace) + text.slice(brace + 1) },
    ];
  });
}

/** A tree as text, its BigInt and RegExp literal values included. */
function serialized(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof RegExp ? String(v) : v));
}

test('the parser-only TypeScript reads every module of the corpus as the installed one does', () => {
  assert.equal(parserOnlyTs.version, installedTs.version, 'made from the installed TypeScript');
  const cases = corpus();
  assert.ok(cases.length > 1000, `a corpus of ${cases.length} texts`);
  let errors = 0;
  for (const { file, text } of cases) {
    const expected = parseWith(installed, file, text);
    const actual = parseWith(parserOnly(file), file, text);
    if (!expected.ok) errors++;
    assert.equal(serialized(actual), serialized(expected), `${file} (${text.length} chars): typescript-estree's result`);
    const expectedSyntax = syntaxOf(installed, file, text);
    const actualSyntax = syntaxOf(parserOnly(file), file, text);
    const edges = (r: ReturnType<typeof syntaxOf>, ts: typeof TS) => (r.ok ? declaredEdges(ts, r.source, text) : r);
    assert.deepEqual(edges(actualSyntax, parserOnlyTs), edges(expectedSyntax, installedTs), `${file} (${text.length} chars): TypeScript's parse alone`);
  }
  assert.ok(errors > cases.length / 4, `syntax errors among them: ${errors} of ${cases.length}`);
  assert.deepEqual(neededInstalled, [], 'the parser-only TypeScript never needed the installed one');
});

test('what is left out: the type checker, emitter and language service; the scanner, parser and node methods stay', () => {
  const typescriptJs = require.resolve('typescript');
  const { kept, dropped, code } = typeScriptParser(fs.readFileSync(typescriptJs, 'latin1'), installedTs.version);
  for (const section of ['src/compiler/checker.ts', 'src/compiler/emitter.ts', 'src/compiler/program.ts', 'src/services/completions.ts', 'src/compiler/transformers/ts.ts']) {
    assert.ok(dropped.includes(section), `${section} left out`);
  }
  for (const section of ['src/compiler/scanner.ts', 'src/compiler/parser.ts', 'src/compiler/utilities.ts', 'src/services/services.ts']) {
    assert.ok(kept.includes(section), `${section} kept`);
  }
  assert.equal(code, fs.readFileSync(path.join(bundle, 'typescript.cjs'), 'latin1'), 'dist/bundle/typescript.cjs is made from the installed typescript.js');
  assert.match(code.slice(0, 2000), /Apache License/, 'TypeScript’s licence header stays');
  assert.throws(() => typeScriptParser('/*! Apache License */\nvar ts = {};\n// src/compiler/parser.ts\n', '0.0.0'), /not the layout/, 'another layout is refused, not half cut');
});

test('a parse that reaches a left-out part is made again with the installed TypeScript', () => {
  const missing = (): never => {
    throw new ReferenceError('createTypeChecker is not defined');
  };
  const broken: Parser = { ts: { ...installedTs, createSourceFile: missing } as typeof TS, parse: missing, version: 'broken', complete: () => installed };
  const text = 'import { a } from "./a";\nexport const b = a;\n';
  assert.deepEqual(parseWith(broken, 'm.ts', text), parseWith(installed, 'm.ts', text));
  assert.deepEqual(syntaxOf(broken, 'm.ts', text).ok, true);
  // A syntax error is the input's, not a missing part: reported as it is.
  const syntaxError = Object.assign(new Error("';' expected."), { lineNumber: 1, column: 4 });
  let asked = 0;
  const failing: Parser = { ...broken, parse: () => { throw syntaxError; }, complete: () => (asked++, installed) };
  assert.deepEqual(parseWith(failing, 'm.ts', 'let x y'), { ok: false, message: "';' expected.", line: 1, column: 5 });
  assert.equal(asked, 0);
  // No installed TypeScript to fall back on: the error is reported as it is.
  const stranded: Parser = { ...broken, complete: () => { throw new Error("Cannot find module 'typescript'"); } };
  assert.deepEqual(parseWith(stranded, 'm.ts', text), { ok: false, message: 'createTypeChecker is not defined' });
});

test('the command reads a program, and suggests its fix, with the parser-only TypeScript alone', () => {
  // No SIGTERM handler: a finding whose fix is built from the program's parse (src/fix/source.ts).
  const app = writeTree({
    'package.json': '{ "type": "module" }\n',
    Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    'server.js': "import http from 'node:http';\nhttp.createServer((req, res) => res.end('ok')).listen(8080);\n",
  });
  // Prints every CommonJS file the command loaded, at exit.
  const loads = path.join(app, 'loads.cjs');
  fs.writeFileSync(loads, "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));\n");
  const r = spawnSync(process.execPath, ['-r', loads, commandPath(), '-f', 'json', app], { encoding: 'utf8', env: { ...process.env, PID1_LINT_NO_CACHE: '1' } });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; suggestions?: unknown[] }[] }[];
  const finding = result?.messages.find((m) => m.ruleId === 'unhandled-stop-signal');
  assert.ok(finding?.suggestions?.length, `a finding with a suggested fix: ${r.stdout}`);
  const loaded = JSON.parse(r.stderr) as string[];
  assert.ok(loaded.includes(path.join(bundle, 'typescript.cjs')), 'the parser-only TypeScript is loaded');
  assert.deepEqual(loaded.filter((f) => f.includes(`${path.sep}node_modules${path.sep}typescript`) || f.includes('typescript-estree' + path.sep)), [], 'neither the installed TypeScript nor typescript-estree');
});

test('the command, should its parser-only TypeScript lack a part a parse reaches, reads the program with the installed one', () => {
  const app = writeTree({
    'package.json': '{ "type": "module" }\n',
    Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    'server.js': "import { stop } from './stop.js';\nprocess.on('SIGTERM', stop);\n",
    'stop.js': 'export function stop() { process.exit(0); }\n',
  });
  // The parser-only TypeScript as if its parser were a left-out part.
  const lacking = path.join(app, 'lacking.cjs');
  fs.writeFileSync(
    lacking,
    `const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  const ts = load.call(this, request, ...rest);
  if (!request.endsWith('/typescript.cjs')) return ts;
  return new Proxy(ts, { get: (t, name) => (name === 'createSourceFile' ? () => { throw new ReferenceError('createSourceFile is not defined'); } : t[name]) });
};
process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));
`,
  );
  const env = { ...process.env, PID1_LINT_NO_CACHE: '1' };
  const expected = spawnSync(process.execPath, [commandPath(), '-f', 'json', app], { encoding: 'utf8', env });
  const actual = spawnSync(process.execPath, ['-r', lacking, commandPath(), '-f', 'json', app], { encoding: 'utf8', env });
  assert.equal(actual.stdout, expected.stdout);
  assert.equal(actual.status, expected.status);
  const loaded = JSON.parse(actual.stderr) as string[];
  assert.ok(loaded.includes(require.resolve('typescript')), 'the installed TypeScript was loaded');
});
