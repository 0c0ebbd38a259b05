/** --fix, --fix-dry-run and --fix-type as users run them: the built bin, its output, exit codes and the files on disk. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { commandPath } from '../../src/package-info.js';
import type { LintResult } from '../../src/types.js';
import { writeTree } from '../model/helpers.js';
import { HANDLER } from './helpers.js';

const bin = commandPath();

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SHELL_FORM = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const FIXED = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n';

/** A file's mtime set in the past, so any write shows. */
function aged(file: string): number {
  const past = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, past, past);
  return fs.statSync(file).mtimeMs;
}

describe('pid1-lint --fix', () => {
  test('writes the fix, reports what is left, exits 0 when nothing is; a second run writes nothing', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': HANDLER });
    const file = path.join(dir, 'Dockerfile');
    const r = run(['--fix', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.doesNotMatch(r.stdout, /shell-form-pid1/);
    const mtime = aged(file);
    assert.equal(run(['--fix', '.'], dir).code, 0);
    assert.equal(fs.statSync(file).mtimeMs, mtime, 'nothing to fix: the file is not rewritten');
  });

  test('without --fix nothing is written', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': HANDLER });
    const file = path.join(dir, 'Dockerfile');
    const mtime = aged(file);
    assert.equal(run(['.'], dir).code, 1);
    assert.equal(fs.statSync(file).mtimeMs, mtime);
  });

  test('fixes an entrypoint script and keeps it executable', () => {
    const dir = writeTree({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./entrypoint.sh"]\n', 'entrypoint.sh': '#!/bin/sh\nnode server.js\n', 'server.js': HANDLER }, { 'entrypoint.sh': 0o755 });
    assert.equal(run(['--fix', '.'], dir).code, 0);
    const script = path.join(dir, 'entrypoint.sh');
    assert.equal(fs.readFileSync(script, 'utf8'), '#!/bin/sh\nexec node server.js\n');
    assert.equal(fs.statSync(script).mode & 0o777, 0o755);
  });

  test('keeps the BOM, CRLF line breaks and the escape directive', () => {
    const text = '\uFEFF# escape=`\r\nFROM node:22-slim\r\nWORKDIR /app\r\nCOPY server.js ./\r\nCMD node server.js # start\r\n';
    const dir = writeTree({ Dockerfile: text, 'server.js': HANDLER });
    // The comment makes exec form a suggestion: --fix leaves the file alone; the suggestion is listed.
    const listed = run(['--fix', '.'], dir);
    assert.match(listed.stdout, /suggestion {2}Use exec form, with the comment on a line of its own/);
    const invalid = '\uFEFF# escape=`\r\nFROM node:22-slim\r\nWORKDIR /app\r\nCOPY server.js ./\r\nCMD ["node", `\r\n  "server.js"] # start\r\n';
    fs.writeFileSync(path.join(dir, 'Dockerfile'), invalid);
    assert.equal(run(['--fix', '.'], dir).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), '\uFEFF# escape=`\r\nFROM node:22-slim\r\nWORKDIR /app\r\nCOPY server.js ./\r\n# start\r\nCMD ["node", "server.js"]\r\n');
  });

  test('a read-only file is reported with exit 2; the other Dockerfiles are still fixed', () => {
    const dir = writeTree({ 'a/Dockerfile': SHELL_FORM, 'a/server.js': HANDLER, 'b/Dockerfile': SHELL_FORM, 'b/server.js': HANDLER }, { 'a/Dockerfile': 0o444 });
    const r = run(['--fix', 'a', 'b'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write the fixes to a\/Dockerfile: the file is read-only/);
    assert.equal(fs.readFileSync(path.join(dir, 'a', 'Dockerfile'), 'utf8'), SHELL_FORM);
    assert.equal(fs.readFileSync(path.join(dir, 'b', 'Dockerfile'), 'utf8'), FIXED);
  });

  test('usage errors exit 2', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': HANDLER });
    const both = run(['--fix', '--fix-dry-run', '.'], dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be used together/);
    const type = run(['--fix-type', 'problem', '.'], dir);
    assert.equal(type.code, 2);
    assert.match(type.stderr, /--fix-type expects init or handler/);
    assert.equal(run(['--fix-type', 'handler', '--fix-dry-run', '.'], dir).code, 0);
  });
});

test('--fix-type reaches the worker threads (PID1_LINT_WORKERS) as it does a run without them', () => {
  const files: Record<string, string> = {};
  for (const name of ['a', 'b']) Object.assign(files, { [`${name}/Dockerfile`]: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n', [`${name}/server.js`]: "setInterval(() => {}, 1000);\n" });
  const dir = writeTree(files);
  for (const workers of ['0', '2']) {
    const results = JSON.parse(run(['--fix-type', 'handler', '--format', 'json', 'a', 'b'], dir, { PID1_LINT_WORKERS: workers }).stdout) as LintResult[];
    const fixed = results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'unhandled-stop-signal').map((m) => path.basename(m.fix?.file ?? ''));
    assert.deepEqual(fixed, ['server.js', 'server.js'], `PID1_LINT_WORKERS=${workers}: the listener in the program is the fix`);
  }
});

test('config fix.type chooses the fix; --fix-type overrides it', () => {
  const dir = writeTree({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n', 'server.js': 'setInterval(() => {}, 1000);\n', '.pid1lintrc.yaml': 'fix:\n  type: handler\n' });
  const fixedFile = (args: string[]) => {
    const results = JSON.parse(run([...args, '--fix-dry-run', '--format', 'json', '.'], dir).stdout) as LintResult[];
    return results.filter((r) => r.output !== undefined).map((r) => path.basename(r.filePath));
  };
  assert.deepEqual(fixedFile([]), ['server.js'], 'the config asks for the handler');
  assert.deepEqual(fixedFile(['--fix-type', 'init']), ['Dockerfile'], '--fix-type wins over the config');
});

describe('pid1-lint --fix-dry-run', () => {
  test('prints a unified diff that patch applies, and writes nothing', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': HANDLER });
    const file = path.join(dir, 'Dockerfile');
    const mtime = aged(file);
    const r = run(['--fix-dry-run', '.'], dir);
    assert.equal(r.code, 0, 'exit code as after the fix');
    assert.equal(fs.statSync(file).mtimeMs, mtime);
    const diff = r.stdout.slice(r.stdout.indexOf('--- a/Dockerfile'));
    assert.equal(diff, '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,4 +1,4 @@\n FROM node:22-slim\n WORKDIR /app\n COPY server.js ./\n-CMD node server.js\n+CMD ["node", "server.js"]\n');
    const patched = spawnSync('patch', ['-p1', '--dry-run'], { cwd: dir, input: diff, encoding: 'utf8' });
    assert.equal(patched.status, 0, patched.stderr + patched.stdout);
  });

  test('--output-file gets the diffs with the report; nothing on stdout', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': HANDLER });
    const r = run(['--fix-dry-run', '-o', 'report.txt', '.'], dir);
    assert.equal(r.stdout, '');
    assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /\n-CMD node server\.js\n\+CMD \["node", "server\.js"\]\n$/);
  });

  test('--format json carries output and diff per changed file, and lists suggestions', () => {
    const dir = writeTree({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD node server.js\n', 'server.js': HANDLER, 'other/Dockerfile': 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD node migrate.js && node server.js\n', 'other/server.js': HANDLER });
    const r = run(['--fix-dry-run', '--format', 'json', '.', 'other'], dir);
    const results = JSON.parse(r.stdout) as LintResult[];
    const fixed = results.find((x) => x.filePath === path.join(dir, 'Dockerfile'));
    assert.equal(fixed?.output, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n');
    assert.match(fixed?.diff ?? '', /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n/);
    const other = results.find((x) => x.filePath === path.join(dir, 'other', 'Dockerfile'));
    assert.equal(other?.output, undefined, 'only a suggestion: nothing changes');
    assert.deepEqual(other?.messages[0]?.suggestions?.map((s) => s.fix.text), ['CMD node migrate.js && exec node server.js']);
    assert.equal(r.code, 1);
  });
});
