/** The command line, run as users run it: the built bin, its output and exit codes. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { commandPath, packageRoot, packageVersion } from '../src/package-info.js';
import type { LintResult } from '../src/types.js';
import { writeTree } from './model/helpers.js';

const bin = commandPath();

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? packageRoot(), env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SHELL_FORM = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const ALPINE_SHELL_FORM = 'FROM node:22-alpine\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const CLEAN = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n';
const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";

describe('pid1-lint CLI', () => {
  test('--help and --version', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: pid1-lint/);
    assert.match(help.stdout, /--max-warnings/);
    const version = run(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), packageVersion());
  });

  test('usage errors exit 2 with a message', () => {
    const unknown = run(['--nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--nope/);
    assert.equal(run(['--format', 'xml', 'fixtures/exec-form-handler']).code, 2);
    assert.equal(run(['--max-warnings', 'many', 'fixtures/exec-form-handler']).code, 2);
    assert.equal(run(['--context', '/no/such/dir', 'fixtures/exec-form-handler']).code, 2);
  });

  test('errors exit 1; the stylish output names file, line, column, severity and rule', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const r = run([path.join(dir, 'Dockerfile')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Dockerfile\n\s+4:5\s+error\s+.*shell-form-pid1/);
    assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour without a terminal');
  });

  test('warnings exit 0, unless --max-warnings is exceeded; --quiet hides them', () => {
    const dir = writeTree({ Dockerfile: ALPINE_SHELL_FORM, 'server.js': SERVER });
    const file = path.join(dir, 'Dockerfile');
    assert.equal(run([file]).code, 0);
    const strict = run(['--max-warnings', '0', file]);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /too many warnings/);
    assert.equal(run(['--max-warnings', '1', file]).code, 0);
    const quiet = run(['--quiet', file]);
    assert.equal(quiet.code, 0);
    assert.doesNotMatch(quiet.stdout, /warning/);
  });

  test('colour: --color, FORCE_COLOR, NO_COLOR, --no-color', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const file = path.join(dir, 'Dockerfile');
    assert.match(run(['--color', file]).stdout, /\u001b\[31merror/);
    assert.match(run([file], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(run([file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(run(['--no-color', file], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  test('--format json is ESLint-shaped and carries the pid1 report', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const r = run(['--format', 'json', path.join(dir, 'Dockerfile')]);
    assert.equal(r.code, 1);
    const results = JSON.parse(r.stdout) as LintResult[];
    assert.equal(results.length, 1);
    const [result] = results as [LintResult];
    assert.equal(result.filePath, path.join(dir, 'Dockerfile'));
    assert.deepEqual(Object.keys(result).sort(), ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'pid1', 'warningCount'].sort());
    const [message] = result.messages;
    assert.deepEqual(
      { ruleId: message?.ruleId, severity: message?.severity, line: message?.line, column: message?.column, endLine: message?.endLine, endColumn: message?.endColumn },
      { ruleId: 'shell-form-pid1', severity: 2, line: 4, column: 5, endLine: 4, endColumn: 19 },
    );
    const pid1 = result.pid1!;
    assert.deepEqual(pid1.chain.map((l) => l.kind), ['script', 'shell', 'node']);
    assert.deepEqual(pid1.argv, ['docker-entrypoint.sh', '/bin/sh', '-c', 'node server.js']);
    assert.equal(pid1.stopSignal, 'SIGTERM');
    assert.equal(pid1.stopsOnSignal, false);
    assert.equal(pid1.entry, 'server.js');
    // The program has a SIGTERM handler; it never receives the signal because dash stays PID 1.
    assert.deepEqual(pid1.handler, { file: 'server.js', line: 1, via: 'process.on' });
    assert.equal(pid1.appSignal, null);
    assert.equal(pid1.chain[1]?.file, 'Dockerfile');
    assert.equal(pid1.chain[1]?.line, 4);
  });

  test('--explain shows the chain link by link, the stop walk-through and the verdict', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const r = run(['--explain', path.join(dir, 'Dockerfile')]);
    assert.match(r.stdout, /PID-1 chain:\n\s+1\. script docker-entrypoint\.sh/);
    assert.match(r.stdout, /2\. shell dash: \/bin\/sh -c "node server\.js" Dockerfile:4 .*← PID 1/);
    assert.match(r.stdout, /On SIGTERM:\n\s+- dash as PID 1 has no handler/);
    assert.match(r.stdout, /Stops on the signal: no/);
  });

  test('folders: finds Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile; skips node_modules, .git, .dockerignore', () => {
    const dir = writeTree({
      Dockerfile: CLEAN, 'api.Dockerfile': CLEAN, 'svc/Dockerfile.prod': CLEAN, 'svc/Containerfile': CLEAN,
      'Dockerfile.dockerignore': 'x', 'node_modules/pkg/Dockerfile': CLEAN, '.git/Dockerfile': CLEAN, 'server.js': SERVER, 'svc/server.js': SERVER,
    });
    const r = run(['--format', 'json', dir]);
    const files = (JSON.parse(r.stdout) as LintResult[]).map((x) => path.relative(dir, x.filePath)).sort();
    assert.deepEqual(files, ['Dockerfile', 'api.Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.prod']);
  });

  test('bad input: a missing path, an empty file, a binary file and a file with no FROM exit 2 with a message naming them; the rest is still linted', () => {
    const dir = writeTree({ 'Dockerfile': CLEAN, 'server.js': SERVER, 'empty/Dockerfile': '', 'nofrom/Dockerfile': 'CMD ["node"]\n' });
    fs.writeFileSync(path.join(dir, 'bin.Dockerfile'), Buffer.from([0, 1, 2, 255]));
    const r = run(['--format', 'json', dir, path.join(dir, 'missing')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing: no such file or folder/);
    const results = JSON.parse(r.stdout) as LintResult[];
    const byName = Object.fromEntries(results.map((x) => [path.relative(dir, x.filePath), x.messages.map((m) => m.message).join(' | ')]));
    assert.match(byName['empty/Dockerfile'] ?? '', /empty Dockerfile/);
    assert.match(byName['nofrom/Dockerfile'] ?? '', /no FROM/);
    assert.match(byName['bin.Dockerfile'] ?? '', /binary/);
    assert.equal(byName.Dockerfile, '');
  });

  test('--target and --context', () => {
    const dir = writeTree({ 'app/Dockerfile': 'FROM node:22-slim AS dev\nCMD node server.js\nFROM node:22-slim\nCOPY app/server.js ./\nCMD ["node", "server.js"]\n', 'app/server.js': SERVER });
    const file = path.join(dir, 'app', 'Dockerfile');
    assert.equal(run([file, '--context', dir]).code, 0);
    const dev = run([file, '--target', 'dev']);
    assert.equal(dev.code, 1);
    assert.match(dev.stdout, /shell-form-pid1/);
    const missing = run([file, '--target', 'nope']);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /--target nope: no such stage \(stages: dev\)/);
  });

  test('TypeScript is loaded only when a program is read', () => {
    const probe = writeTree({
      'probe.cjs': "process.on('exit', () => { const loaded = Object.keys(require.cache).some((k) => /node_modules[\\\\/]typescript[\\\\/]/.test(k)); require('node:fs').writeSync(2, `TS_LOADED=${loaded}\\n`); });\n",
    });
    const env = { NODE_OPTIONS: `--require ${path.join(probe, 'probe.cjs')}` };
    const noProgram = writeTree({ Dockerfile: 'FROM python:3.12-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n', 'app.py': 'print(1)\n' });
    assert.match(run([path.join(noProgram, 'Dockerfile')], { env }).stderr, /TS_LOADED=false/);
    const program = writeTree({ Dockerfile: CLEAN, 'server.js': SERVER });
    assert.match(run([path.join(program, 'Dockerfile')], { env }).stderr, /TS_LOADED=true/);
  });

  test('linting never writes into the project', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const before = fs.readdirSync(dir).sort();
    run([dir]);
    assert.deepEqual(fs.readdirSync(dir).sort(), before);
  });
});
