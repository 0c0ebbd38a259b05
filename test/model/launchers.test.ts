import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { initName, parseInit, parseNodeArgs, parsePackageManager, parseShell, parseWrapper, toolFromScriptPath } from '../../src/model/launchers.js';

describe('init command lines', () => {
  test('tini options: -g, -s, -e, bundled, and --', () => {
    const inv = parseInit(['/sbin/tini', '-sg', '-e', '143', '--', 'node', 'a.js'], {});
    assert.equal(inv?.group, true);
    assert.equal(inv?.subreaper, true);
    assert.deepEqual(inv?.remapExit, [143]);
    assert.deepEqual(inv?.child, ['node', 'a.js']);
  });
  test('tini environment: TINI_SUBREAPER, TINI_KILL_PROCESS_GROUP', () => {
    const inv = parseInit(['tini', '--', 'node'], { TINI_SUBREAPER: '1', TINI_KILL_PROCESS_GROUP: '1' });
    assert.equal(inv?.group, true);
    assert.equal(inv?.subreaper, true);
  });
  test('dumb-init: group by default, --single-child, --rewrite', () => {
    assert.equal(parseInit(['dumb-init', 'node'], {})?.group, true);
    assert.equal(parseInit(['dumb-init', '--single-child', '--', 'node'], {})?.group, false);
    assert.equal(parseInit(['dumb-init', 'node'], { DUMB_INIT_SETSID: '0' })?.group, false);
    assert.deepEqual([...(parseInit(['dumb-init', '--rewrite', '15:2', 'node'], {})?.rewrite ?? [])], [[15, 2]]);
    assert.deepEqual([...(parseInit(['dumb-init', '--rewrite=15:3', 'node'], {})?.rewrite ?? [])], [[15, 3]]);
  });
  test('names', () => {
    assert.equal(initName('/usr/bin/tini-static'), 'tini');
    assert.equal(initName('/tini-amd64'), 'tini');
    assert.equal(initName('/init'), 's6-overlay');
    assert.equal(initName('/sbin/docker-init'), 'docker-init');
    assert.equal(initName('node'), null);
  });
});

describe('shells', () => {
  test('-c with positional parameters', () => {
    assert.deepEqual(parseShell(['/bin/sh', '-c', 'exec "$@"', 'sh', 'node']), { name: 'sh', command: 'exec "$@"', script: null, params: ['sh', 'node'] });
  });
  test('bundled options (-ec) and busybox sh', () => {
    assert.equal(parseShell(['bash', '-ec', 'node a'])?.command, 'node a');
    assert.equal(parseShell(['busybox', 'sh', '-c', 'node a'])?.name, 'busybox');
  });
  test('a script file', () => {
    assert.deepEqual(parseShell(['bash', './run.sh', 'x']), { name: 'bash', command: null, script: './run.sh', params: ['x'] });
  });
});

describe('node', () => {
  test('preloads and the script', () => {
    const inv = parseNodeArgs(['-r', './a.js', '--import=./b.mjs', '--require', 'c', '--max-old-space-size=512', 'dist/main.js', '--port', '3']);
    assert.deepEqual(inv.requires, ['./a.js', 'c']);
    assert.deepEqual(inv.imports, ['./b.mjs']);
    assert.equal(inv.script, 'dist/main.js');
    assert.deepEqual(inv.args, ['--port', '3']);
  });
  test('-e, --watch, and no script', () => {
    assert.equal(parseNodeArgs(['-e', 'x()']).inline, 'x()');
    assert.equal(parseNodeArgs(['--watch', 'a.js']).watch, true);
    assert.equal(parseNodeArgs([]).script, null);
  });
  test('tools named by their file', () => {
    assert.equal(toolFromScriptPath('node_modules/next/dist/bin/next'), 'next');
    assert.equal(toolFromScriptPath('./node_modules/.bin/tsx'), 'tsx');
    assert.equal(toolFromScriptPath('dist/main.js'), null);
  });
});

describe('package managers', () => {
  const cases: [string[], Record<string, unknown>][] = [
    [['npm', 'start'], { action: 'run', script: 'start' }],
    [['npm', 'run', 'serve', '--', '-p', '3'], { action: 'run', script: 'serve', extraArgs: ['-p', '3'] }],
    [['npm', '--prefix', 'api', 'start'], { action: 'run', script: 'start', dir: 'api' }],
    [['npm', 'run-script', 'x'], { action: 'run', script: 'x' }],
    [['npm', 't'], { action: 'run', script: 'test' }],
    [['npm', 'exec', '--', 'tsx', 'a.ts'], { action: 'exec', execArgv: ['tsx', 'a.ts'] }],
    [['npx', '--yes', 'tsx', 'a.ts'], { action: 'exec', execArgv: ['tsx', 'a.ts'] }],
    [['yarn', 'start'], { action: 'run', script: 'start' }],
    [['yarn', 'serve'], { action: 'run', script: 'serve' }],
    [['yarn', 'workspace', 'api', 'start'], { action: 'run', script: 'start', workspace: 'api' }],
    [['yarn', 'install'], { action: 'other' }],
    [['pnpm', '--filter', 'api', 'start'], { action: 'run', script: 'start', workspace: 'api' }],
    [['pnpm', 'dev'], { action: 'run', script: 'dev' }],
    [['pnpm', 'exec', 'tsx', 'a.ts'], { action: 'exec', execArgv: ['tsx', 'a.ts'] }],
    [['corepack', 'pnpm', 'start'], { delegate: ['pnpm', 'start'] }],
  ];
  for (const [argv, expected] of cases) {
    test(argv.join(' '), () => {
      const inv = parsePackageManager(argv);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual((inv as unknown as Record<string, unknown>)[k], v, k);
    });
  }
});

describe('wrappers', () => {
  test('env with assignments execs the rest', () => {
    assert.deepEqual(parseWrapper(['env', '-i', 'A=1', 'node', 'a.js']), { name: 'env', relation: 'exec', child: ['node', 'a.js'], env: { A: '1' } });
  });
  test('gosu and su-exec take a user first', () => {
    assert.deepEqual(parseWrapper(['gosu', 'node', 'node', 'a.js'])?.child, ['node', 'a.js']);
  });
  test('su -c spawns a shell', () => {
    assert.deepEqual(parseWrapper(['su', 'node', '-c', 'node a.js']), { name: 'su', relation: 'spawn', child: ['sh', '-c', 'node a.js'], env: {} });
  });
  test('cross-env: leading assignments (quotes removed), then the command it spawns and relays to', () => {
    assert.deepEqual(parseWrapper(['cross-env', 'NODE_ENV=production', "PORT='3000'", 'node', '--require', 'tsx/cjs', 'server.ts']), {
      name: 'cross-env', relation: 'spawn', relays: true, child: ['node', '--require', 'tsx/cjs', 'server.ts'], env: { NODE_ENV: 'production', PORT: '3000' },
    });
  });
  test('dotenv-cli: options with values, -v assignments, `--`, or the first operand', () => {
    assert.deepEqual(parseWrapper(['dotenv', '-e', '../../.env', '-v', 'A=1', '--', 'cross-env', 'B=2', 'node', 'x.js']), {
      name: 'dotenv', relation: 'spawn', relays: true, child: ['cross-env', 'B=2', 'node', 'x.js'], env: { A: '1' },
    });
    assert.deepEqual(parseWrapper(['/app/node_modules/.bin/dotenv', '-c', '--', 'node', 'x.js'])?.child, ['node', 'x.js']);
    assert.deepEqual(parseWrapper(['dotenv', '-c', 'production', '--', 'node', 'x.js'])?.child, ['node', 'x.js']);
  });
});
