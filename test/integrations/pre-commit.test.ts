/**
 * The pre-commit hook, installed the way pre-commit installs it from a git
 * checkout of this repository: `pre-commit try-repo <this repo> pid1-lint
 * --all-files` in a sample repository, once with a failing and a passing
 * Dockerfile, once with the passing one only. Debian's pre-commit (3.0.4)
 * installs node hooks with npm install + npm pack + npm install -g.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTree } from '../model/helpers.js';
import { checkoutCopy } from './checkout.js';
import { gitRepo, requireTool, toolProblem } from './tools.js';

const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";
const FAILING = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const PASSING = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-pre-commit-'));
const cleanup: string[] = [tmp];

/**
 * The hook repository: a commit of the current work (tracked files plus new
 * ones, as they are in the working tree), so the test covers uncommitted
 * changes too; try-repo itself would only pick up changes to tracked files.
 */
function hookRepo(): { dir: string | null; problem: string | null } {
  const dir = path.join(tmp, 'pid1-lint');
  const problem = checkoutCopy(dir);
  if (problem) return { dir: null, problem };
  gitRepo(dir);
  return { dir, problem: null };
}

function tryRepo(hooks: string, sample: string) {
  const r = spawnSync('pre-commit', ['try-repo', hooks, 'pid1-lint', '--all-files', '--color', 'never'], {
    cwd: sample,
    encoding: 'utf8',
    // try-repo installs into a store of its own each time; npm from its cache when it can (CI's npm ci filled it).
    env: { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('pre-commit hook', () => {
  after(() => {
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('try-repo pid1-lint --all-files: the failing Dockerfile fails the hook, the passing one passes', (t) => {
    if (!requireTool(t, toolProblem('pre-commit') ?? toolProblem('git'))) return;
    const hooks = hookRepo();
    if (!hooks.dir) return t.skip(hooks.problem ?? '');

    const mixed = writeTree({
      'bad/Dockerfile': FAILING,
      'bad/server.js': SERVER,
      'good/Containerfile': PASSING,
      'good/server.js': SERVER,
      // Not Dockerfiles: the files regex must leave them out (the CLI would lint any file it is given).
      'good/Dockerfile.dockerignore': 'node_modules\n',
      'notes.md': 'CMD node server.js\n',
    });
    cleanup.push(mixed);
    gitRepo(mixed);
    const failing = tryRepo(hooks.dir, mixed);
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /pid1-lint \(graceful container stop\)\.+Failed/);
    assert.match(failing.output, /bad\/Dockerfile\n\s+4:5\s+error\s+.*shell-form-pid1/);
    assert.doesNotMatch(failing.output, /good\/Containerfile\n/, 'the passing file has no findings');
    assert.doesNotMatch(failing.output, /dockerignore|notes\.md/);

    const clean = writeTree({ 'good/Containerfile': PASSING, 'good/server.js': SERVER, 'api.Dockerfile': PASSING.replace('server.js ./', 'good/server.js ./server.js') });
    cleanup.push(clean);
    gitRepo(clean);
    const passing = tryRepo(hooks.dir, clean);
    assert.equal(passing.code, 0, passing.output);
    assert.match(passing.output, /pid1-lint \(graceful container stop\)\.+Passed/);
  });
});
