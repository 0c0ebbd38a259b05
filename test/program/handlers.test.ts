import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, analyzeSource, brief, lines, makeTree } from './helpers.js';

test('process.on with a string literal and process.exit', async () => {
  const facts = await analyzeSource(lines(
    "process.on('SIGTERM', () => {",
    '  process.exit(0);',
    '});',
  ));
  assert.deepEqual(brief(facts), [{ file: 'index.ts', line: 1, signals: ['SIGTERM'], ending: 'exits', reachable: 'yes', via: 'process.on' }]);
  assert.equal(facts.handlers[0]?.column, 1);
  assert.match(facts.handlers[0]?.endingWhy ?? '', /process\.exit \(src\/index\.ts:2\)/);
  assert.deepEqual(facts.errors, []);
});

test('signal from a const and from a template literal without substitutions', async () => {
  const facts = await analyzeSource(lines(
    "const STOP = 'SIGTERM';",
    'process.on(STOP, () => process.exit(0));',
    'process.on(`SIGINT`, () => process.exit(0));',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.signals]), [[2, ['SIGTERM']], [3, ['SIGINT']]]);
});

test('signals from an array iterated with for…of', async () => {
  const facts = await analyzeSource(lines(
    "const SIGNALS = ['SIGINT', 'SIGTERM'] as const;",
    'for (const sig of SIGNALS) {',
    '  process.on(sig, () => process.exit(0));',
    '}',
  ));
  assert.deepEqual(brief(facts), [{ file: 'index.ts', line: 3, signals: ['SIGINT', 'SIGTERM'], ending: 'exits', reachable: 'yes', via: 'process.on' }]);
});

test('signals from a Set iterated with .forEach and a named listener', async () => {
  const facts = await analyzeSource(lines(
    "const signals = new Set(['SIGTERM', 'SIGHUP']);",
    'function shutdown() {',
    '  process.exit(0);',
    '}',
    'signals.forEach((s) => process.on(s, shutdown));',
  ));
  assert.deepEqual(brief(facts), [{ file: 'index.ts', line: 5, signals: ['SIGHUP', 'SIGTERM'], ending: 'exits', reachable: 'yes', via: 'process.on' }]);
});

test('signals from the keys of an object literal (Object.keys(...).forEach)', async () => {
  const facts = await analyzeSource(lines(
    'const handlers = {',
    '  SIGTERM: () => {},',
    "  'SIGINT': () => {},",
    '};',
    'Object.keys(handlers).forEach((sig) => {',
    '  process.on(sig, () => process.exit(0));',
    '});',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.signals, h.ending]), [[6, ['SIGINT', 'SIGTERM'], 'exits']]);
});

test('signals from Object.entries in for…of destructuring', async () => {
  const facts = await analyzeSource(lines(
    'const handlers = { SIGTERM: 1, SIGUSR2: 2 };',
    'for (const [sig] of Object.entries(handlers)) {',
    '  process.on(sig, () => process.exit(0));',
    '}',
  ));
  assert.deepEqual(facts.handlers.map((h) => h.signals), [['SIGTERM', 'SIGUSR2']]);
});

test("process.env.X || 'SIGTERM' covers SIGTERM when the Dockerfile does not set X", async () => {
  const source = lines(
    "const signal = process.env.STOP_SIGNAL || 'SIGTERM';",
    'process.on(signal, () => process.exit(0));',
  );
  const unset = await analyzeSource(source);
  assert.deepEqual(unset.handlers.map((h) => [h.line, h.signals]), [[2, ['SIGTERM']]]);
  assert.ok(unset.notes.some((n) => n.includes('process.env.STOP_SIGNAL is not set by the Dockerfile ENV')));
  const withEnv = await analyzeSource(source, { env: { STOP_SIGNAL: 'SIGINT' } });
  // The `||` short-circuits on a non-empty value: the listener is for the env value only.
  assert.deepEqual(withEnv.handlers.map((h) => h.signals), [['SIGINT']]);
  assert.ok(withEnv.notes.some((n) => n.includes('process.env.STOP_SIGNAL = "SIGINT"')));
  const empty = await analyzeSource(source, { env: { STOP_SIGNAL: '' } });
  assert.deepEqual(empty.handlers.map((h) => h.signals), [['SIGTERM']]);
});

test("process.env.X ?? 'SIGTERM' inline", async () => {
  const facts = await analyzeSource("process.on(process.env.SIG ?? 'SIGTERM', () => process.exit(0));\n", { env: { OTHER: 'x' } });
  assert.deepEqual(facts.handlers.map((h) => h.signals), [['SIGTERM']]);
});

test('process imported from node:process, as a namespace, required, and via globalThis', async () => {
  const facts = await analyzeSource(lines(
    "import process from 'node:process';",
    "import * as p from 'process';",
    "const proc = require('process');",
    "process.on('SIGTERM', () => process.exit(0));",
    "p.once('SIGINT', () => p.exit(0));",
    "proc.addListener('SIGHUP', () => proc.exit(0));",
    "globalThis.process.prependListener('SIGUSR2', () => globalThis.process.exit(0));",
  ));
  assert.deepEqual(
    facts.handlers.map((h) => [h.line, h.via, h.signals, h.ending, h.once ?? false]),
    [
      [4, 'process.on', ['SIGTERM'], 'exits', false],
      [5, 'process.once', ['SIGINT'], 'exits', true],
      [6, 'process.addListener', ['SIGHUP'], 'exits', false],
      [7, 'process.prependListener', ['SIGUSR2'], 'exits', false],
    ],
  );
});

test('named import { on } from process', async () => {
  const facts = await analyzeSource(lines("import { on, exit } from 'node:process';", "on('SIGTERM', () => exit(0));"));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.signals, h.ending]), [[2, ['SIGTERM'], 'exits']]);
});

test('process.once marks once: true; prependOnceListener too', async () => {
  const facts = await analyzeSource(lines("process.once('SIGTERM', () => console.log('bye'));", "process.prependOnceListener('SIGINT', () => process.exit(0));"));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.once, h.ending]), [[1, true, 'may-hang'], [2, true, 'exits']]);
});

test('SIGINT-only handler covers only SIGINT', async () => {
  const facts = await analyzeSource("process.on('SIGINT', () => process.exit(0));\n");
  assert.deepEqual(facts.handlers.map((h) => h.signals), [['SIGINT']]);
});

test('a log-only handler may hang', async () => {
  const facts = await analyzeSource(lines("process.on('SIGTERM', () => {", "  console.log('shutting down');", '});'));
  assert.equal(facts.handlers[0]?.ending, 'may-hang');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /only logs/);
});

test('a re-raising handler is marked reraises (ends the process, dropped for PID 1)', async () => {
  const facts = await analyzeSource(lines(
    "process.once('SIGTERM', async () => {",
    '  await cleanup();',
    "  process.kill(process.pid, 'SIGTERM');",
    '});',
    'async function cleanup() {}',
  ));
  assert.equal(facts.handlers[0]?.ending, 'reraises');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /re-raises the signal with process\.kill\(process\.pid, 'SIGTERM'\) \(src\/index\.ts:3\)/);
});

test('process.kill(process.pid, "SIGKILL") ends the process', async () => {
  const facts = await analyzeSource("process.on('SIGTERM', () => process.kill(process.pid, 'SIGKILL'));\n");
  assert.equal(facts.handlers[0]?.ending, 'exits');
});

test('process.exitCode without exit may hang', async () => {
  const facts = await analyzeSource("process.on('SIGTERM', () => { process.exitCode = 0; });\n");
  assert.equal(facts.handlers[0]?.ending, 'may-hang');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /process\.exitCode/);
});

test('process.exit inside .then/.finally and await chains counts', async () => {
  const facts = await analyzeSource(lines(
    'declare const db: { close(): Promise<void> };',
    "process.on('SIGTERM', () => {",
    '  db.close().finally(() => process.exit(0));',
    '});',
    "process.on('SIGINT', async () => {",
    '  await db.close();',
    '  process.exit(0);',
    '});',
    "process.on('SIGHUP', () => db.close().then(process.exit));",
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.ending]), [[2, 'exits'], [5, 'exits'], [9, 'exits']]);
});

test('process.exit two calls deep counts, three calls deep does not', async () => {
  const facts = await analyzeSource(lines(
    "process.on('SIGTERM', () => a());",
    'function a() { b(); }',
    'function b() { process.exit(0); }',
    "process.on('SIGINT', () => c());",
    'function c() { d(); }',
    'function d() { e(); }',
    'function e() { process.exit(0); }',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.ending]), [[1, 'exits'], [4, 'unknown']]);
  assert.match(facts.handlers[1]?.endingWhy ?? '', /calls `e` \(src\/index\.ts:6\)/);
});

test('closing every server with no interval left running ends the process (heuristic)', async () => {
  const facts = await analyzeSource(lines(
    "import http from 'node:http';",
    'const server = http.createServer();',
    'server.listen(3000);',
    "process.on('SIGTERM', () => {",
    '  server.close();',
    '});',
  ));
  assert.equal(facts.handlers[0]?.ending, 'exits');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /closes every server of src\/index\.ts \(server \(line 2\)\).*heuristic/);
});

test('closing every server but leaving a setInterval running may hang', async () => {
  const facts = await analyzeSource(lines(
    "import express from 'express';",
    'const app = express();',
    'const server = app.listen(3000);',
    'setInterval(() => {}, 1000);',
    "process.on('SIGTERM', () => server.close());",
  ));
  assert.equal(facts.handlers[0]?.ending, 'may-hang');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /setInterval at src\/index\.ts:4 is never cleared/);
});

test('closing a server but not an unnamed one may hang', async () => {
  const facts = await analyzeSource(lines(
    "import http from 'node:http';",
    'const a = http.createServer();',
    'http.createServer().listen(8080);',
    "process.on('SIGTERM', () => a.close());",
  ));
  assert.equal(facts.handlers[0]?.ending, 'may-hang');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /closes some servers but not unnamed/);
});

test('an unresolvable call gives unknown', async () => {
  const facts = await analyzeSource(lines('declare const shutdown: () => void;', "process.on('SIGTERM', () => { shutdown(); });"));
  assert.equal(facts.handlers[0]?.ending, 'unknown');
});

test('a handler in a function that is never called does not count', async () => {
  const facts = await analyzeSource(lines('function setup() {', "  process.on('SIGTERM', () => process.exit(0));", '}'));
  assert.deepEqual(facts.handlers, []);
});

test('a handler under if (false) does not count', async () => {
  const facts = await analyzeSource(lines('if (false) {', "  process.on('SIGTERM', () => process.exit(0));", '}', "false && process.on('SIGINT', () => {});"));
  assert.deepEqual(facts.handlers, []);
});

test('a handler in an exported function counts only when an importer calls it', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { installShutdown, unused } from './shutdown.js';", 'installShutdown();', 'void unused;'),
    'src/shutdown.ts': lines(
      'export function installShutdown() {',
      "  process.on('SIGTERM', () => process.exit(0));",
      '}',
      'export function unused() {',
      "  process.on('SIGINT', () => process.exit(0));",
      '}',
    ),
  });
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root), [{ file: 'src/shutdown.ts', line: 2, signals: ['SIGTERM'], ending: 'exits', reachable: 'yes', via: 'process.on' }]);
});

test('a default export called through a namespace import, and a CommonJS export', async () => {
  const root = makeTree({
    'src/index.js': lines("const lib = require('./lib');", "import * as ns from './esm.js';", 'lib.setup();', 'ns.default();'),
    'src/lib.js': lines('exports.setup = function () {', "  process.on('SIGTERM', () => process.exit(0));", '};'),
    'src/esm.js': lines('export default function () {', "  process.on('SIGINT', () => process.exit(0));", '}'),
  });
  const facts = await analyze(root, 'src/index.js');
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.signals]), [['src/esm.js', 2, ['SIGINT']], ['src/lib.js', 2, ['SIGTERM']]]);
});

test('a handler in a class method counts when the class is instantiated and the method called', async () => {
  const facts = await analyzeSource(lines(
    'class App {',
    '  constructor() {',
    "    process.on('SIGINT', () => this.stop());",
    '  }',
    '  start() {',
    "    process.on('SIGTERM', () => this.stop());",
    '  }',
    '  never() {',
    "    process.on('SIGHUP', () => this.stop());",
    '  }',
    '  stop() {',
    '    process.exit(0);',
    '  }',
    '}',
    'const app = new App();',
    'app.start();',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.signals, h.ending]), [[3, ['SIGINT'], 'exits'], [6, ['SIGTERM'], 'exits']]);
});

test('this.method.bind(this) as the listener', async () => {
  const facts = await analyzeSource(lines(
    'class S {',
    "  init() { process.on('SIGTERM', this.down.bind(this)); }",
    '  down() { console.log(1); }',
    '}',
    'new S().init();',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.ending]), [[2, 'may-hang']]);
});

test('a handler in an IIFE and in an app.listen callback', async () => {
  const facts = await analyzeSource(lines(
    "import express from 'express';",
    '(async () => {',
    "  process.on('SIGTERM', () => process.exit(0));",
    '})();',
    'const app = express();',
    'app.listen(3000, () => {',
    "  process.on('SIGINT', () => process.exit(0));",
    '});',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.reachable]), [[3, 'yes'], [7, 'yes']]);
});

test('handlers in .then and setTimeout callbacks count', async () => {
  const facts = await analyzeSource(lines(
    'async function main() {}',
    'main().then(() => {',
    "  process.on('SIGTERM', () => process.exit(0));",
    '});',
    'setTimeout(() => {',
    "  process.on('SIGINT', () => process.exit(0));",
    '}, 10);',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.reachable]), [[3, 'yes'], [6, 'yes']]);
});

test('a callback passed to an unknown function is assumed reachable, with a note', async () => {
  const facts = await analyzeSource(lines(
    "import { EventEmitter } from 'node:events';",
    'const bus = new EventEmitter();',
    "bus.on('ready', () => {",
    "  process.on('SIGTERM', () => process.exit(0));",
    '});',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.reachable]), [[4, 'assumed']]);
  assert.ok(facts.notes.some((n) => n.startsWith('assumed reachable: process.on(SIGTERM) at src/index.ts:4') && n.includes('bus.on')), facts.notes.join('\n'));
});

test('a local function that calls its callback parameter reaches the callback', async () => {
  const facts = await analyzeSource(lines(
    'function run(fn: () => void) { fn(); }',
    'run(() => {',
    "  process.on('SIGTERM', () => process.exit(0));",
    '});',
  ));
  assert.deepEqual(facts.handlers.map((h) => h.reachable), ['yes']);
});

test('methods of a decorated class are assumed reachable', async () => {
  const facts = await analyzeSource(lines(
    'declare function Injectable(): ClassDecorator;',
    '@Injectable()',
    'export class Shutdown {',
    '  onModuleInit() {',
    "    process.on('SIGTERM', () => process.exit(0));",
    '  }',
    '}',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.reachable]), [[5, 'assumed']]);
  assert.ok(facts.notes.some((n) => n.includes('class Shutdown is decorated')));
});

test('a handler installed by a preload file (node -r ./term.js)', async () => {
  const root = makeTree({
    'app.js': "setInterval(() => {}, 1000);\n",
    'term.js': "process.on('SIGTERM', () => process.exit(0));\n",
  });
  const facts = await analyze(root, 'app.js', { preloads: [`${root}/term.js`] });
  assert.deepEqual(brief(facts, root), [{ file: 'term.js', line: 1, signals: ['SIGTERM'], ending: 'exits', reachable: 'yes', via: 'process.on' }]);
  assert.deepEqual(facts.preloads, [`${root}/term.js`]);
});

test('a signal passed as an argument to a local registering function', async () => {
  const facts = await analyzeSource(lines(
    'function onSignal(sig: NodeJS.Signals, fn: () => void) {',
    '  process.on(sig, fn);',
    '}',
    "onSignal('SIGTERM', () => process.exit(0));",
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.signals, h.ending]), [[2, ['SIGTERM'], 'exits']]);
});

test('an unresolvable signal name is reported with an empty list and a note', async () => {
  const facts = await analyzeSource(lines('declare function pick(): string;', 'process.on(pick(), () => process.exit(0));'));
  assert.equal(facts.handlers.length, 1);
  assert.deepEqual(facts.handlers[0]?.signals, []);
  assert.equal(facts.handlers[0]?.unresolvedSignal, 'pick()');
  assert.ok(facts.notes.some((n) => n.includes('could not be resolved')));
});

test("non-signal events ('exit', 'uncaughtException') are not handlers", async () => {
  const facts = await analyzeSource(lines("process.on('exit', () => {});", "process.on('uncaughtException', () => process.exit(1));"));
  assert.deepEqual(facts.handlers, []);
});

test('signals imported from another module', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { SIGNALS } from './signals.js';", 'for (const s of SIGNALS) process.on(s, () => process.exit(0));'),
    'src/signals.ts': "export const SIGNALS = ['SIGTERM', 'SIGQUIT'];\n",
  });
  const facts = await analyze(root);
  assert.deepEqual(facts.handlers.map((h) => h.signals), [['SIGQUIT', 'SIGTERM']]);
});

test('a Fastify app closed in the listener counts as closing its server', async () => {
  const facts = await analyzeSource(lines(
    "import Fastify from 'fastify';",
    'const app = Fastify({ logger: true });',
    'await app.listen({ port: 3000 });',
    "process.on('SIGTERM', async () => {",
    '  await app.close();',
    '});',
  ));
  assert.equal(facts.handlers[0]?.ending, 'exits');
  assert.match(facts.handlers[0]?.endingWhy ?? '', /\(app \(line 2\)\)/);
});

test("exit-hook's gracefulExit() inside a listener ends the process", async () => {
  const facts = await analyzeSource(lines("import { gracefulExit } from 'exit-hook';", "process.on('SIGTERM', () => gracefulExit());"));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.ending]), [[2, 'exits']]);
});

test('new Sub() runs the constructor inherited from its superclass', async () => {
  const facts = await analyzeSource(lines(
    'class Base {',
    "  constructor() { process.on('SIGTERM', () => process.exit(0)); }",
    '}',
    'class Sub extends Base {}',
    'new Sub();',
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.reachable]), [[2, 'yes']]);
});

test('tsc-compiled CommonJS output (interop helpers, exports.x, (0, m.f)())', async () => {
  const root = makeTree({
    'dist/main.js': lines(
      '"use strict";',
      'var __importDefault = (this && this.__importDefault) || function (mod) {',
      '    return (mod && mod.__esModule) ? mod : { "default": mod };',
      '};',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'const node_process_1 = __importDefault(require("node:process"));',
      'const shutdown_1 = require("./shutdown");',
      '(0, shutdown_1.install)();',
      'node_process_1.default.on("SIGINT", () => node_process_1.default.exit(0));',
    ),
    'dist/shutdown.js': lines(
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'exports.install = void 0;',
      'function install() {',
      '    process.on("SIGTERM", () => process.exit(0));',
      '}',
      'exports.install = install;',
    ),
  });
  const facts = await analyze(root, 'dist/main.js');
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.signals, h.ending]), [
    ['dist/main.js', 9, ['SIGINT'], 'exits'],
    ['dist/shutdown.js', 5, ['SIGTERM'], 'exits'],
  ]);
});

test('a listener built by a factory function', async () => {
  const facts = await analyzeSource(lines(
    'const exitHandler = (code: number) => () => {',
    '  process.exit(code);',
    '};',
    "process.on('SIGTERM', exitHandler(0));",
  ));
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.ending]), [[4, 'exits']]);
});

test('signals and listener passed to an exported registering function from another module', async () => {
  const root = makeTree({
    'src/index.ts': lines("import { onSignals } from './signals.js';", "onSignals(['SIGTERM', 'SIGINT'], () => process.exit(0));"),
    'src/signals.ts': lines(
      'export function onSignals(list: string[], fn: () => void) {',
      '  for (const s of list) process.on(s, fn);',
      '}',
    ),
  });
  const facts = await analyze(root);
  assert.deepEqual(brief(facts, root).map((h) => [h.file, h.line, h.signals, h.ending]), [['src/signals.ts', 2, ['SIGINT', 'SIGTERM'], 'exits']]);
});

test("a destructured env default: const { STOP_SIGNAL = 'SIGTERM' } = process.env", async () => {
  const source = lines("const { STOP_SIGNAL = 'SIGTERM' } = process.env;", 'process.on(STOP_SIGNAL, () => process.exit(0));');
  assert.deepEqual((await analyzeSource(source)).handlers.map((h) => h.signals), [['SIGTERM']]);
  assert.deepEqual((await analyzeSource(source, { env: { STOP_SIGNAL: 'SIGQUIT' } })).handlers.map((h) => h.signals), [['SIGQUIT']]);
});
