import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { checkBuiltinLibraries, dataFile, loadBuiltinLibraries, validateExtraLibraries } from '../../src/program/libraries.js';
import { analyzeSource, lines } from './helpers.js';

function one(facts: Awaited<ReturnType<typeof analyzeSource>>): { line: number; via: string; signals: string[]; ending: string; library?: string; once?: boolean } {
  assert.equal(facts.handlers.length, 1, JSON.stringify(facts.handlers));
  const h = facts.handlers[0];
  assert.ok(h);
  const out: { line: number; via: string; signals: string[]; ending: string; library?: string; once?: boolean } = {
    line: h.line,
    via: h.via,
    signals: [...h.signals].sort(),
    ending: h.ending,
  };
  if (h.library) out.library = h.library;
  if (h.once) out.once = h.once;
  return out;
}

test('the built-in table matches its schema, and every entry cites evidence', async () => {
  await checkBuiltinLibraries();
  const entries = await loadBuiltinLibraries();
  assert.ok(entries.length >= 15);
  for (const e of entries) assert.ok(e.evidence.length > 10, e.id);
  const schema = JSON.parse(fs.readFileSync(dataFile('shutdown-libraries.schema.json'), 'utf8')) as { description: string };
  assert.match(schema.description, /extraLibraries/);
});

test('terminus without useExit0 re-raises (dropped by PID 1)', async () => {
  const facts = await analyzeSource(lines(
    "import http from 'node:http';",
    "import { createTerminus } from '@godaddy/terminus';",
    'const server = http.createServer();',
    'createTerminus(server, { onSignal: async () => {} });',
    'server.listen(3000);',
  ));
  assert.deepEqual(one(facts), { line: 4, via: '@godaddy/terminus', signals: ['SIGTERM'], ending: 'reraises', library: 'godaddy-terminus' });
  assert.match(facts.handlers[0]?.endingWhy ?? '', /useExit0 is not set: without useExit0: true, terminus re-raises/);
});

test('terminus with useExit0: true exits; signal/signals options change the signals', async () => {
  const facts = await analyzeSource(lines(
    "const { createTerminus } = require('@godaddy/terminus');",
    'const options = { signal: "SIGINT", signals: ["SIGUSR2"], useExit0: true };',
    'createTerminus(require("http").createServer(), options);',
  ));
  assert.deepEqual(one(facts), { line: 3, via: '@godaddy/terminus', signals: ['SIGINT', 'SIGUSR2'], ending: 'exits', library: 'godaddy-terminus' });
});

test('terminus with a non-literal useExit0 is unknown', async () => {
  const facts = await analyzeSource(lines(
    "import * as terminus from '@godaddy/terminus';",
    'declare const flag: boolean;',
    'terminus.createTerminus({} as never, { useExit0: flag });',
  ));
  assert.equal(one(facts).ending, 'unknown');
});

test('NestJS enableShutdownHooks() without useProcessExit re-raises (dropped by PID 1), with every ShutdownSignal', async () => {
  const facts = await analyzeSource(lines(
    "import { NestFactory } from '@nestjs/core';",
    'async function bootstrap() {',
    '  const app = await NestFactory.create({} as never);',
    '  app.enableShutdownHooks();',
    '  await app.listen(3000);',
    '}',
    'bootstrap();',
  ));
  const h = one(facts);
  assert.equal(h.line, 4);
  assert.equal(h.via, '@nestjs/core');
  assert.equal(h.ending, 'reraises');
  assert.equal(h.signals.length, 11);
  assert.ok(h.signals.includes('SIGTERM'));
});

test('NestJS enableShutdownHooks([...], { useProcessExit: true }) exits, signals from the enum', async () => {
  const facts = await analyzeSource(lines(
    "import { NestFactory } from '@nestjs/core';",
    "import { ShutdownSignal } from '@nestjs/common';",
    'async function bootstrap() {',
    '  const app = await NestFactory.create({} as never);',
    '  app.enableShutdownHooks([ShutdownSignal.SIGTERM, ShutdownSignal.SIGINT], { useProcessExit: true });',
    '}',
    'void bootstrap();',
  ));
  assert.deepEqual(one(facts), { line: 5, via: '@nestjs/core', signals: ['SIGINT', 'SIGTERM'], ending: 'exits', library: 'nestjs-shutdown-hooks' });
});

test('NestJS without enableShutdownHooks installs no handler, and says so', async () => {
  const facts = await analyzeSource(lines(
    "import { NestFactory } from '@nestjs/core';",
    'NestFactory.create({} as never).then((app) => app.listen(3000));',
  ));
  assert.deepEqual(facts.handlers, []);
  assert.ok(facts.notes.some((n) => n.includes('no reachable app.enableShutdownHooks() call')), facts.notes.join('\n'));
});

test('lightship, close-with-grace, exit-hook and async-exit-hook exit', async () => {
  const facts = await analyzeSource(lines(
    "import { createLightship } from 'lightship';",
    "import closeWithGrace from 'close-with-grace';",
    "import exitHook, { asyncExitHook } from 'exit-hook';",
    "const asyncHook = require('async-exit-hook');",
    'await createLightship({ signals: ["SIGTERM"] });',
    'closeWithGrace({ delay: 500 }, async () => {});',
    'exitHook(() => {});',
    'asyncExitHook(async () => {}, { wait: 300 });',
    'asyncHook((done: () => void) => done());',
  ));
  assert.deepEqual(
    facts.handlers.map((h) => [h.line, h.library, h.ending, h.once ?? false, h.signals.length]),
    [
      [5, 'lightship', 'exits', false, 1],
      [6, 'close-with-grace', 'exits', true, 11],
      [7, 'exit-hook', 'exits', true, 2],
      [8, 'exit-hook', 'exits', true, 2],
      [9, 'async-exit-hook', 'exits', false, 4],
    ],
  );
});

test('http-graceful-shutdown exits by default, may hang with forceExit: false, and reads its signals string', async () => {
  const facts = await analyzeSource(lines(
    "import gracefulShutdown from 'http-graceful-shutdown';",
    "import http from 'node:http';",
    'const a = http.createServer();',
    'const b = http.createServer();',
    "gracefulShutdown(a, { signals: 'SIGINT SIGTERM SIGUSR2' });",
    'gracefulShutdown(b, { forceExit: false });',
  ));
  assert.deepEqual(
    facts.handlers.map((h) => [h.line, [...h.signals].sort(), h.ending]),
    [
      [5, ['SIGINT', 'SIGTERM', 'SIGUSR2'], 'exits'],
      [6, ['SIGINT', 'SIGTERM'], 'may-hang'],
    ],
  );
});

test('signal-exit observes, then re-raises once its listeners are gone (dropped by PID 1)', async () => {
  const facts = await analyzeSource(lines("import { onExit } from 'signal-exit';", 'onExit(() => { console.log("bye"); });'));
  const h = one(facts);
  assert.equal(h.ending, 'reraises');
  assert.ok(h.signals.includes('SIGTERM') && h.signals.includes('SIGHUP'));
  const v3 = await analyzeSource(lines("const onExit = require('signal-exit');", 'onExit(() => {});'));
  assert.equal(one(v3).ending, 'reraises');
});

test('death ends the process only if its callback exits; the curried options form', async () => {
  const facts = await analyzeSource(lines(
    "const ON_DEATH = require('death');",
    'ON_DEATH((signal: string) => { console.log(signal); });',
    'ON_DEATH({ SIGHUP: true, SIGQUIT: false })(() => { process.exit(0); });',
  ));
  assert.deepEqual(
    facts.handlers.map((h) => [h.line, [...h.signals].sort(), h.ending]),
    [
      [2, ['SIGINT', 'SIGQUIT', 'SIGTERM'], 'may-hang'],
      [3, ['SIGHUP', 'SIGINT', 'SIGTERM'], 'exits'],
    ],
  );
});

test('Next.js standalone server.js: startServer handles SIGINT/SIGTERM unless NEXT_MANUAL_SIG_HANDLE is set', async () => {
  const source = lines(
    "const path = require('path');",
    "require('next');",
    "const { startServer } = require('next/dist/server/lib/start-server');",
    'startServer({ dir: path.join(__dirname), isDev: false, port: 3000 }).catch((err) => {',
    '  console.error(err);',
    '  process.exit(1);',
    '});',
  );
  const facts = await analyzeSource(source);
  assert.deepEqual(one(facts), { line: 4, via: 'next/dist/server/lib/start-server', signals: ['SIGINT', 'SIGTERM'], ending: 'exits', library: 'next-standalone' });
  const manual = await analyzeSource(source, { env: { NEXT_MANUAL_SIG_HANDLE: 'true' } });
  assert.deepEqual(manual.handlers, []);
  assert.ok(manual.notes.some((n) => n.includes('NEXT_MANUAL_SIG_HANDLE="true" is set')));
});

test('a custom Next.js server, Fastify and Express install nothing (notes only)', async () => {
  const facts = await analyzeSource(lines(
    "import next from 'next';",
    "import Fastify from 'fastify';",
    "import express from 'express';",
    'const nextApp = next({ dev: false });',
    'const app = Fastify();',
    'const e = express();',
    'void nextApp; void app; void e;',
  ));
  assert.deepEqual(facts.handlers, []);
  for (const id of ['next-custom-server at src/index.ts:4', 'fastify at src/index.ts:5', 'express at src/index.ts:6']) {
    assert.ok(facts.notes.some((n) => n.startsWith(id)), `${id}\n${facts.notes.join('\n')}`);
  }
});

test('@nestjs/terminus is noted as a health-check module (NOT VERIFIED)', async () => {
  const facts = await analyzeSource(lines("import { TerminusModule } from '@nestjs/terminus';", 'void TerminusModule;'));
  assert.deepEqual(facts.handlers, []);
  assert.ok(facts.notes.some((n) => n.includes('@nestjs/terminus') && n.includes('NOT VERIFIED')));
});

test('a library call in dead code does not count; a library callback is reached', async () => {
  const facts = await analyzeSource(lines(
    "import closeWithGrace from 'close-with-grace';",
    'function never() { closeWithGrace(() => {}); }',
    'void never;',
    'closeWithGrace(async () => {',
    "  process.on('SIGUSR2', () => process.exit(0));",
    '});',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.via, h.reachable]), [[4, 'close-with-grace', 'yes'], [5, 'process.on', 'yes']]);
});

test('extraLibraries: a valid entry is used, an invalid one is noted', async () => {
  const extra = {
    id: 'my-shutdown',
    packages: ['@acme/shutdown'],
    role: 'signal-handler',
    calls: [{ import: 'install' }],
    signals: { default: ['SIGTERM'] },
    ending: { kind: 'exits', why: 'acme exits' },
    summary: 'in-house shutdown helper',
    evidence: 'our own tests',
  };
  const facts = await analyzeSource(lines("import { install } from '@acme/shutdown';", 'install();'), { extraLibraries: [extra, { id: 'broken' }] });
  assert.deepEqual(one(facts), { line: 2, via: '@acme/shutdown', signals: ['SIGTERM'], ending: 'exits', library: 'my-shutdown' });
  assert.ok(facts.notes.some((n) => n.startsWith('extraLibraries[1] (broken) ignored')));
  const checked = await validateExtraLibraries([{ ...extra, role: 'signal-handler', signals: undefined }]);
  assert.equal(checked.entries.length, 0);
  assert.equal(checked.problems.length, 1);
});
