/**
 * Pass-through wrappers from the library table (role wraps-function):
 * `_.once(fn)`, `once(fn)`, `onetime(fn)`, `util.promisify(fn)` return a
 * function that runs fn, so a listener given as one is judged by fn.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, analyzeSource, lines, makeTree } from './helpers.js';

/** [line, signals, ending] of every handler. */
function endings(facts: Awaited<ReturnType<typeof analyzeSource>>): [number, string[], string][] {
  return facts.handlers.map((h) => [h.line, h.signals, h.ending]);
}

test('_.once(fn) listener registered for each signal in an array (jsdelivr/globalping term-listener)', async () => {
  const facts = await analyzeSource(lines(
    "const _ = require('lodash');",
    "const http = require('node:http');",
    'const server = http.createServer((req, res) => res.end()).listen(3000);',
    'const listener = _.once((signal) => {',
    '  server.close();',
    '  setTimeout(() => process.exit(0), 1000);',
    '});',
    "['SIGINT', 'SIGTERM'].forEach((signal) => process.on(signal, listener));",
  ));
  assert.deepEqual(endings(facts), [[8, ['SIGINT', 'SIGTERM'], 'exits']]);
  assert.match(facts.handlers[0]?.endingWhy ?? '', /^`_\.once\(…\)` runs the function it wraps, which calls process\.exit \(src\/index\.ts:6\)/);
});

test('every spelling of the once wrappers is unwrapped', async () => {
  const spellings: [string, string][] = [
    ["import _ from 'lodash';", '_.once'],
    ["import * as _ from 'lodash';", '_.once'],
    ["import { once } from 'lodash';", 'once'],
    ["import { once } from 'lodash-es';", 'once'],
    ["const once = require('lodash').once;", 'once'],
    ["const { once } = require('lodash');", 'once'],
    ["import once from 'lodash.once';", 'once'],
    ["import once from 'lodash/once';", 'once'],
    ["import once from 'lodash/once.js';", 'once'],
    ["const once = require('once');", 'once'],
    ["const once = require('once');", 'once.strict'],
    ["import onetime from 'onetime';", 'onetime'],
    ["const onetime = require('onetime').default;", 'onetime'],
  ];
  for (const [imp, call] of spellings) {
    const facts = await analyzeSource(lines(imp, `process.on('SIGTERM', ${call}(() => process.exit(0)));`));
    assert.deepEqual(endings(facts), [[2, ['SIGTERM'], 'exits']], `${imp} ${call}(…)`);
  }
});

test('the wrapped function decides: a once-wrapped log-only listener may hang', async () => {
  const facts = await analyzeSource(lines(
    "import once from 'once';",
    "process.on('SIGTERM', once(() => console.log('bye')));",
  ));
  assert.deepEqual(endings(facts), [[2, ['SIGTERM'], 'may-hang']]);
  assert.match(facts.handlers[0]?.endingWhy ?? '', /`once\(…\)` runs the function it wraps, which only logs/);
});

test('a wrapped shutdown function called from the listener is followed; other lodash calls are not wrappers', async () => {
  const facts = await analyzeSource(lines(
    "import _ from 'lodash';",
    'const shutdown = _.once(async () => {',
    '  process.exit(0);',
    '});',
    "process.on('SIGTERM', () => shutdown());",
    "process.on('SIGINT', _.debounce(() => process.exit(0), 10));",
  ));
  assert.deepEqual(endings(facts), [[5, ['SIGTERM'], 'exits'], [6, ['SIGINT'], 'unknown']]);
});

test('util.promisify stays a wrapper (now through the table)', async () => {
  const facts = await analyzeSource(lines(
    "import { promisify } from 'node:util';",
    'function stop(cb: () => void) { process.exit(0); }',
    'const stopAsync = promisify(stop);',
    "process.on('SIGTERM', async () => { await stopAsync(); });",
  ));
  assert.deepEqual(endings(facts), [[4, ['SIGTERM'], 'exits']]);
});

test('the function given to a wrapper is reached only when the wrapper result runs', async () => {
  const root = makeTree({
    'src/index.ts': lines(
      "import once from 'lodash/once';",
      "const neverCalled = once(() => process.on('SIGTERM', () => process.exit(0)));",
      "const init = once(() => process.on('SIGINT', () => process.exit(0)));",
      'init();',
    ),
  });
  const facts = await analyze(root);
  assert.deepEqual(facts.handlers.map((h) => [h.line, h.signals, h.reachable]), [[3, ['SIGINT'], 'yes']]);
});

test('extra libraries can declare their own wrappers', async () => {
  const facts = await analyzeSource(
    lines("import { runOnce } from '@acme/utils';", "process.on('SIGTERM', runOnce(() => process.exit(0)));"),
    {
      extraLibraries: [
        { id: 'acme-run-once', packages: ['@acme/utils'], role: 'wraps-function', calls: [{ import: 'runOnce' }], wrappedArg: 0, summary: 'runs fn once', evidence: 'in-house' },
      ],
    },
  );
  assert.deepEqual(endings(facts), [[2, ['SIGTERM'], 'exits']]);
});

test('compiled output: interop helpers and `(0, once_1.default)(fn)`', async () => {
  const root = makeTree({
    'server.js': lines(
      "var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { default: mod }; };",
      "const once_1 = __importDefault(require('lodash/once'));",
      "const lodash_1 = __importDefault(require('lodash'));",
      "process.on('SIGTERM', (0, once_1.default)(() => process.exit(0)));",
      "process.on('SIGINT', lodash_1.default.once(() => { process.exit(0); }));",
    ),
  });
  const facts = await analyze(root, 'server.js');
  assert.deepEqual(endings(facts), [[4, ['SIGTERM'], 'exits'], [5, ['SIGINT'], 'exits']]);
  assert.match(facts.handlers[0]?.endingWhy ?? '', /^`once_1\.default\(…\)` runs/);
});
