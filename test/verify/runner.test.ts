/**
 * Kernel tests of the verify runner: each case runs a tiny app as the init of
 * a fresh PID namespace and must reproduce the outcome recorded in
 * shared/knowledge/pid1-facts.md (case ids in the test names).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkCapabilities, runPid1, RunError } from '../../src/verify/runner.js';
import type { RunOutcome, RunSpec } from '../../src/verify/runner.js';

// HANDLER modes as in facts §0's app.js (the subset the cases need).
const APP = `'use strict';
const mode = process.env.HANDLER || 'none';
const log = (m) => console.log('app: ' + m);
if (mode === 'exit0') process.on('SIGTERM', () => { log('got SIGTERM'); process.exit(0); });
if (mode === 'noexit') process.on('SIGTERM', () => log('got SIGTERM'));
if (mode === 'sigint') process.on('SIGINT', () => { log('got SIGINT'); process.exit(0); });
if (process.env.ORPHAN === '1') require('node:child_process').spawn('sh', ['-c', 'sleep 0.5 & exit 0'], { stdio: 'ignore' });
if (process.env.PORT) require('node:http').createServer((_q, r) => r.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
setInterval(() => {}, 1000);
log('ready');
`;

const cap = checkCapabilities();
const skip = cap.ok ? false : `needs root or unprivileged user namespaces: ${cap.reason}`;
if (skip) console.log(`# skipping kernel tests of the verify runner: ${skip}`);

const GRACE_MS = 2500;
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`;
let dir = '';
let app = '';

/** Host PIDs of processes that carry `marker` in their environment (every process of a run inherits it). */
function leftovers(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(marker)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

interface Case {
  argv: string[];
  handler?: string;
  env?: Record<string, string>;
  spec?: Partial<RunSpec>;
}

/** Runs one case and asserts that nothing of it is left on the host. */
async function run(c: Case): Promise<RunOutcome> {
  const marker = `PID1_LINT_TEST_RUN=${randomUUID()}`;
  const [key = '', value = ''] = marker.split('=');
  const env = { PATH, HANDLER: c.handler ?? 'none', [key]: value, ...c.env };
  try {
    return await runPid1({ argv: c.argv, cwd: dir, env, signal: 'SIGTERM', graceMs: GRACE_MS, ready: { kind: 'log', pattern: 'app: ready' }, ...c.spec });
  } finally {
    assert.deepEqual(leftovers(marker), [], 'processes of the run are left behind');
  }
}

const pid1Cmdline = (o: RunOutcome): string | undefined => o.snapshot.processes.find((p) => p.nspid === 1)?.cmdline;

function assertHung(o: RunOutcome): void {
  assert.equal(o.stopped, false);
  assert.equal(o.killedAtGrace, true);
  assert.equal(o.exitedCleanly, false);
  assert.equal(o.elapsedMs, null);
  assert.equal(o.exitCode, 137);
  assert.doesNotMatch(o.stderr, /sigprocmask/, 'the unshare quirk line is harness noise');
}

function assertStopped(o: RunOutcome, exitCode: number): void {
  assert.equal(o.stopped, true, `expected a stop, got ${JSON.stringify(o)}`);
  assert.equal(o.killedAtGrace, false);
  assert.equal(o.exitedCleanly, true);
  assert.equal(typeof o.elapsedMs, 'number');
  assert.equal(o.exitCode, exitCode);
}

describe('runPid1 on the kernel (facts §2–§5)', { concurrency: true, skip }, () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pid1-lint-verify-'));
    app = join(dir, 'app.cjs');
    writeFileSync(app, APP);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('node-none: TERM swallowed, SIGKILL at grace → 137', async () => {
    const o = await run({ argv: ['node', app] });
    assertHung(o);
    assert.equal(pid1Cmdline(o), `node ${app}`);
    // Node's own TERM handler is what swallows it (facts §5).
    assert.ok(o.snapshot.pid1Signals.caught.includes('SIGTERM'));
    assert.deepEqual(o.snapshot.pid1Signals.ignored, ['SIGPIPE', 'SIGXFSZ']);
    assert.match(o.stdout, /app: ready/);
  });

  test('node-exit0: stopped, 0', async () => {
    const o = await run({ argv: ['node', app], handler: 'exit0' });
    assertStopped(o, 0);
    assert.match(o.stdout, /got SIGTERM/);
  });

  test('node-noexit: handler runs, process stays → 137', async () => {
    const o = await run({ argv: ['node', app], handler: 'noexit' });
    assertHung(o);
    assert.match(o.stdout, /got SIGTERM/);
  });

  test('node-sigint-only with SIGTERM: not stopped', async () => {
    assertHung(await run({ argv: ['node', app], handler: 'sigint' }));
  });

  test('node-sigint-only with STOPSIGNAL SIGINT: stopped, 0', async () => {
    const o = await run({ argv: ['node', app], handler: 'sigint', spec: { signal: 'SIGINT' } });
    assertStopped(o, 0);
    assert.match(o.stdout, /got SIGINT/);
  });

  test('dash-c: sh stays PID 1 and ignores TERM → 137, app never signalled', async () => {
    const o = await run({ argv: ['/bin/sh', '-c', `node ${app}`], handler: 'exit0', spec: { shell: 'dash' } });
    assertHung(o);
    assert.deepEqual(
      o.snapshot.processes.map((p) => [p.nspid, p.cmdline]),
      [
        [1, `/bin/sh -c node ${app}`],
        [2, `node ${app}`],
      ],
    );
    assert.doesNotMatch(o.stdout, /got SIGTERM/);
  });

  test('dash-c-exec: node is PID 1 → stopped, 0', async () => {
    const o = await run({ argv: ['/bin/sh', '-c', `exec node ${app}`], handler: 'exit0' });
    assertStopped(o, 0);
    assert.equal(pid1Cmdline(o), `node ${app}`);
  });

  test('busybox-c (alpine-sim): ash execs the last command → stopped, 0', async () => {
    const o = await run({ argv: ['/bin/sh', '-c', `node ${app}`], handler: 'exit0', spec: { shell: 'busybox-ash' } });
    assertStopped(o, 0);
    assert.equal(o.snapshot.processes.length, 1);
    assert.equal(pid1Cmdline(o), `node ${app}`);
    assert.match(o.stdout, /got SIGTERM/);
  });

  test('tini-node-none: node not PID 1, TERM kills it → 143 (signal given as a number)', async () => {
    const o = await run({ argv: ['tini', '--', 'node', app], spec: { signal: 15 } });
    assertStopped(o, 143);
    assert.equal(pid1Cmdline(o), `tini -- node ${app}`);
  });

  test('tini-dash-c: tini signals only sh → 143, the app never got TERM', async () => {
    const o = await run({ argv: ['tini', '--', '/bin/sh', '-c', `node ${app}`], handler: 'exit0' });
    assertStopped(o, 143);
    assert.match(o.stdout, /app: ready/);
    assert.doesNotMatch(o.stdout, /got SIGTERM/);
  });

  test('dumbinit-node-exit0: stopped, 0', async () => {
    const o = await run({ argv: ['dumb-init', 'node', app], handler: 'exit0' });
    assertStopped(o, 0);
    assert.match(o.stdout, /got SIGTERM/);
  });

  test('node-zombie: node PID 1 does not reap the orphaned sleep', async () => {
    const o = await run({ argv: ['node', app], handler: 'exit0', env: { ORPHAN: '1' }, spec: { settleMs: 2000 } });
    assert.ok(o.zombiesBeforeSignal >= 1, JSON.stringify(o.snapshot.processes));
    assert.ok(o.snapshot.processes.some((p) => p.state === 'Z' && p.cmdline === '[sleep]'));
    assertStopped(o, 0);
  });

  test('tini-zombie: tini reaps it', async () => {
    const o = await run({ argv: ['tini', '--', 'node', app], handler: 'exit0', env: { ORPHAN: '1' }, spec: { settleMs: 2000 } });
    assert.equal(o.zombiesBeforeSignal, 0, JSON.stringify(o.snapshot.processes));
    assertStopped(o, 0);
  });

  test('binds: a host tini placed at another path, private to the run', async () => {
    const target = join(dir, 'tini-here');
    writeFileSync(target, '');
    chmodSync(target, 0o755);
    const o = await run({ argv: [target, '--', 'node', app], spec: { binds: [{ source: '/usr/bin/tini', target }], ready: { kind: 'log', pattern: '/^app: rea.y$/m' } } });
    assertStopped(o, 143);
    assert.equal(readFileSync(target, 'utf8'), '', 'the bind mount must not leak to the host');
  });

  test('port ready probe', async () => {
    const port = await freePort();
    const o = await run({ argv: ['node', app], handler: 'exit0', env: { PORT: String(port) }, spec: { ready: { kind: 'port', port } } });
    assertStopped(o, 0);
  });

  test('user-namespace mode gives the same verdict', async (t) => {
    const probe = spawnSync('unshare', ['--user', '--map-root-user', '--pid', '--fork', '--mount-proc', 'true']);
    if (probe.status !== 0) {
      t.skip(`unprivileged user namespaces unavailable: ${probe.stderr.toString().trim()}`);
      return;
    }
    assertHung(await run({ argv: ['node', app], spec: { mode: 'userns' } }));
    assertStopped(await run({ argv: ['node', app], handler: 'exit0', spec: { mode: 'userns' } }), 0);
  });

  test('PID 1 inherits no ignored or blocked signals (node itself ignores PIPE and XFSZ)', async () => {
    const err = await run({ argv: ['grep', '^Sig', '/proc/self/status'], spec: { ready: { kind: 'log', pattern: 'never' } } }).then(
      () => assert.fail('grep exits by itself'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof RunError && err.code === 'exited-early', String(err));
    assert.equal(err.exitCode, 0);
    assert.match(err.stdout, /^SigIgn:\s+0+$/m);
    assert.match(err.stdout, /^SigBlk:\s+0+$/m);
  });

  test('a crash before ready is an error with its exit code and output', async () => {
    await assert.rejects(run({ argv: ['node', '-e', 'console.error("boom"); process.exit(3)'] }), (e: unknown) => {
      assert.ok(e instanceof RunError);
      assert.equal(e.code, 'exited-early');
      assert.equal(e.exitCode, 3);
      assert.match(e.stderr, /boom/);
      return true;
    });
  });

  test('a ready probe that never passes is an error, and the namespace is gone', async () => {
    await assert.rejects(
      run({ argv: ['node', app], spec: { ready: { kind: 'log', pattern: 'never printed' }, readyTimeoutMs: 500 } }),
      (e: unknown) => e instanceof RunError && e.code === 'not-ready' && /app: ready/.test(e.stdout),
    );
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
