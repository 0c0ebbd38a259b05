/**
 * External tools the integration tests drive (SARIF Multitool, pre-commit,
 * git). A missing tool skips its test with the reason printed; under CI
 * (CI=true, as .ci/run is started) it fails instead, since .ci/run installs them.
 */
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export function requireTool(t: TestContext, problem: string | null): boolean {
  if (problem === null) return true;
  assert.ok(!process.env.CI, `${problem} (CI installs it: see .ci/run)`);
  t.diagnostic(`skipped: ${problem}`);
  t.skip(problem);
  return false;
}

/** Why `command --version` does not run, or null when it does. */
export function toolProblem(command: string, args = ['--version']): string | null {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) return `${command} cannot run: ${r.error.message}`;
  return r.status === 0 ? null : `${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`;
}

/** Runs a command and fails the test, with its output, when it exits non-zero. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} exited ${r.status}${r.error ? ` (${r.error.message})` : ''}:\n${String(r.stdout)}\n${String(r.stderr)}`);
  return String(r.stdout);
}

/** A throwaway git repository with these files committed. */
export function gitRepo(dir: string): void {
  const git = (...args: string[]) => run('git', args, { cwd: dir });
  git('init', '-q');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-qm', 'fixture', '--no-gpg-sign');
}
