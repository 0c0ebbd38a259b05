import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSignalMask, signalName } from '../../src/signals.js';
import { dockerExitCode, runPid1, RunError } from '../../src/verify/runner.js';

describe('signals', () => {
  test('decodeSignalMask decodes node PID 1 masks (facts §5)', () => {
    // SigCgt of a plain `node app.js` = INT,USR1,SEGV,TERM,33; SigIgn = PIPE,XFSZ.
    assert.deepEqual(decodeSignalMask('0000000100004602'), ['SIGINT', 'SIGUSR1', 'SIGSEGV', 'SIGTERM', '33']);
    assert.deepEqual(decodeSignalMask('0000000001001000'), ['SIGPIPE', 'SIGXFSZ']);
    assert.deepEqual(decodeSignalMask('0000000000000000'), []);
  });

  test('signalName keeps glibc-reserved signals numeric and names real-time ones as Docker does', () => {
    assert.equal(signalName(15), 'SIGTERM');
    assert.equal(signalName(33), '33');
    assert.equal(signalName(34), 'SIGRTMIN');
    assert.equal(signalName(37), 'SIGRTMIN+3');
  });
});

describe('dockerExitCode', () => {
  test('own code passes through', () => {
    assert.equal(dockerExitCode(0, null, false, ''), 0);
    assert.equal(dockerExitCode(1, null, false, 'boom\n'), 1);
  });
  test('death by signal N is 128+N (unshare re-raises it)', () => {
    assert.equal(dockerExitCode(null, 'SIGTERM', false, ''), 143);
    assert.equal(dockerExitCode(null, 'SIGKILL', false, ''), 137);
  });
  test('unshare quirk after SIGKILL is 137 (facts §0)', () => {
    assert.equal(dockerExitCode(1, null, true, ''), 137);
    assert.equal(dockerExitCode(1, null, false, 'unshare: sigprocmask unblock failed: Invalid argument\n'), 137);
  });
});

describe('runPid1 spec validation', () => {
  const base = { cwd: '/', env: {}, signal: 'SIGTERM', graceMs: 100, ready: { kind: 'delay', ms: 0 } } as const;
  const badSpec = (e: unknown): boolean => e instanceof RunError && e.code === 'bad-spec';
  test('empty argv', async () => {
    await assert.rejects(runPid1({ ...base, argv: [] }), badSpec);
  });
  test('missing cwd', async () => {
    await assert.rejects(runPid1({ ...base, argv: ['true'], cwd: '/nonexistent/pid1-lint' }), badSpec);
  });
  test('unknown signal', async () => {
    await assert.rejects(runPid1({ ...base, argv: ['true'], signal: 'SIGNOPE' }), badSpec);
  });
});
