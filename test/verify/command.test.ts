/** `pid1-lint verify` as users run it: output, JSON shape, refusals and exit codes. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { commandPath, packageRoot } from '../../src/package-info.js';
import { checkCapabilities } from '../../src/verify/runner.js';

const bin = commandPath();
const fixture = (name: string) => path.join(packageRoot(), 'fixtures', name);
const capability = checkCapabilities();

function verify(args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'verify', ...args], { cwd: packageRoot(), encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('pid1-lint verify', () => {
  test('--help says that it runs the project\'s code', () => {
    const r = verify(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /RUNS THE PROJECT'S CODE/);
  });

  test('usage errors exit 2', () => {
    assert.equal(verify(['--grace', 'soon', fixture('exec-form-handler')]).code, 2);
    assert.equal(verify(['--ready', 'whenever', fixture('exec-form-handler')]).code, 2);
    assert.equal(verify(['--format', 'xml', fixture('exec-form-handler')]).code, 2);
  });

  test('a container that stops: exit 0, JSON with the documented keys', (t) => {
    if (!capability.ok) return t.skip(`needs root or unprivileged user namespaces: ${capability.reason}`);
    const r = verify(['-f', 'json', '--grace', '3000', '--ready', 'log:ready', fixture('exec-form-handler')]);
    assert.equal(r.code, 0, r.stderr);
    const [report] = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(report ?? {}).sort(), ['argv', 'dockerfile', 'elapsedMs', 'exitCode', 'exitedCleanly', 'predicted', 'signal', 'stopped']);
    assert.equal(report?.stopped, true);
    assert.equal(report?.exitCode, 0);
    assert.equal(report?.exitedCleanly, true);
    assert.deepEqual(report?.argv, ['docker-entrypoint.sh', 'node', 'server.js']);
  });

  test('a container that hangs: exit 1, SIGKILLed at the end of the grace period', (t) => {
    if (!capability.ok) return t.skip(`needs root or unprivileged user namespaces: ${capability.reason}`);
    const r = verify(['--grace', '2000', '--ready', 'log:ready', fixture('shell-form-debian')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /still running when the grace period ended: SIGKILLed \(exit code 137\)/);
    assert.match(r.stdout, /as the linter predicted/);
  });

  test('what cannot run is refused with the reason: exit 2', (t) => {
    if (!capability.ok) return t.skip(`needs root or unprivileged user namespaces: ${capability.reason}`);
    const r = verify(['-f', 'json', fixture('tini-missing'), fixture('pm2-runtime')]);
    assert.equal(r.code, 2);
    const reports = JSON.parse(r.stdout) as { refused?: string }[];
    assert.match(reports[0]?.refused ?? '', /tini is not in the image/);
    assert.match(reports[1]?.refused ?? '', /pm2-runtime is not installed on this host/);
  });

  test('--prepare failing is a refusal that shows the command output', (t) => {
    if (!capability.ok) return t.skip(`needs root or unprivileged user namespaces: ${capability.reason}`);
    const r = verify(['--prepare', 'echo building; exit 3', fixture('exec-form-handler')]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /--prepare "echo building; exit 3" failed \(exit 3\): building/);
  });
});
