/** Configuration through the command line: --config, --no-config, errors and exit codes, severities, options, ignores. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { commandPath, packageRoot } from '../../src/package-info.js';
import type { LintResult } from '../../src/types.js';
import { writeTree } from '../model/helpers.js';

const bin = commandPath();

function pid1lint(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SHELL_FORM = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const ALPINE_SHELL_FORM = 'FROM node:22-alpine\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";

describe('CLI configuration', () => {
  test('a malformed config: file, line, column and what is expected, on stderr; exit 2', () => {
    const dir = writeTree({ '.git/HEAD': '', '.pid1lintrc.yaml': '# pid1-lint\nrules:\n  shell-form-pid1: warning\n', Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const r = pid1lint(dir, 'Dockerfile');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^pid1-lint: invalid configuration: rules\.shell-form-pid1 at \.pid1lintrc\.yaml:3:20: expected one of off, warn, error$/m);
    assert.match(r.stderr, /Dockerfile: not linted because its configuration is invalid/);
  });

  test('Dockerfiles under a valid config are still linted when another config is broken', () => {
    const dir = writeTree({
      '.git/HEAD': '',
      'good/Dockerfile': SHELL_FORM,
      'good/server.js': SERVER,
      'bad/Dockerfile': SHELL_FORM,
      'bad/server.js': SERVER,
      'bad/.pid1lintrc.json': '{"rules": {"shell-form-pid1": "warn",}}',
    });
    const r = pid1lint(dir, '--format', 'json', '.');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\/\.pid1lintrc\.json:1:\d+: invalid JSON/);
    const results = JSON.parse(r.stdout) as LintResult[];
    assert.deepEqual(results.map((x) => path.relative(dir, x.filePath)), ['good/Dockerfile']);
    assert.equal(results[0]?.messages[0]?.ruleId, 'shell-form-pid1');
  });

  test('a broken --config stops everything; a missing one, or with --no-config, is a usage error', () => {
    const dir = writeTree({ 'cfg.yaml': 'rulez: {}\n', Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const broken = pid1lint(dir, '--config', 'cfg.yaml', 'Dockerfile');
    assert.equal(broken.code, 2);
    assert.equal(broken.stdout, '');
    assert.match(broken.stderr, /rulez at cfg\.yaml:1:1: unknown key; expected one of/);
    const missing = pid1lint(dir, '-c', 'nope.yaml', 'Dockerfile');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--config nope\.yaml: no such file/);
    const both = pid1lint(dir, '--config', 'cfg.yaml', '--no-config', 'Dockerfile');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be used together/);
  });

  test('severities from the config decide the exit code; --no-config and --config choose the file', () => {
    const dir = writeTree({
      '.git/HEAD': '',
      '.pid1lintrc.yaml': 'rules:\n  shell-form-pid1: warn\n',
      'strict.json': '{"rules": {"shell-form-pid1": "error"}}',
      'off.yml': 'rules:\n  shell-form-pid1: off\n',
      Dockerfile: SHELL_FORM,
      'server.js': SERVER,
    });
    const warned = pid1lint(dir, 'Dockerfile');
    assert.equal(warned.code, 0);
    assert.match(warned.stdout, /4:5\s+warning\s+.*shell-form-pid1/);
    assert.equal(pid1lint(dir, '--no-config', 'Dockerfile').code, 1);
    assert.equal(pid1lint(dir, '--config', 'strict.json', 'Dockerfile').code, 1);
    const off = pid1lint(dir, '-c', 'off.yml', 'Dockerfile');
    assert.equal(off.code, 0);
    assert.equal(off.stdout, '');
  });

  test('the "pid1lint" key of package.json', () => {
    const dir = writeTree({ 'package.json': JSON.stringify({ name: 'app', pid1lint: { rules: { 'shell-form-pid1': 'warn' } } }), Dockerfile: SHELL_FORM, 'server.js': SERVER });
    assert.equal(pid1lint(dir, 'Dockerfile').code, 0);
  });

  test('per-rule options: shell-form-pid1 allowImplicitExec', () => {
    const dir = writeTree({ Dockerfile: ALPINE_SHELL_FORM, 'server.js': SERVER, 'allow.yaml': 'rules:\n  shell-form-pid1: [error, { allowImplicitExec: true }]\n' });
    assert.match(pid1lint(dir, '--no-config', 'Dockerfile').stdout, /warning.*shell-form-pid1/);
    const allowed = pid1lint(dir, '--config', 'allow.yaml', 'Dockerfile');
    assert.equal(allowed.code, 0);
    assert.equal(allowed.stdout, '');
  });

  test('ignore: a Dockerfile named on the command line says why it is skipped', () => {
    const dir = writeTree({ '.pid1lintrc.yaml': 'ignore: ["legacy/**"]\n', 'legacy/Dockerfile': SHELL_FORM, 'legacy/server.js': SERVER, Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const named = pid1lint(dir, 'legacy/Dockerfile');
    assert.equal(named.code, 0);
    assert.match(named.stderr, /legacy\/Dockerfile: ignored by "legacy\/\*\*" in .*\.pid1lintrc\.yaml/);
    const all = pid1lint(dir, '--format', 'json', '.');
    assert.deepEqual((JSON.parse(all.stdout) as LintResult[]).map((x) => path.relative(dir, x.filePath)), ['Dockerfile']);
    assert.equal(all.stderr, '');
  });

  test('inline ignores: suppressed findings and their reasons in JSON; --report-unused-ignores; reportUnusedIgnores: error', () => {
    const dir = writeTree({
      Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# pid1-lint ignore=shell-form-pid1;reason=the platform runs it with tini -g\nCMD node server.js\n# pid1-lint ignore=invalid-stopsignal\nSTOPSIGNAL SIGTERM\n',
      'server.js': SERVER,
      'strict.yaml': 'reportUnusedIgnores: error\n',
    });
    const r = pid1lint(dir, '--format', 'json', 'Dockerfile');
    assert.equal(r.code, 0);
    const [result] = JSON.parse(r.stdout) as LintResult[];
    assert.deepEqual(result?.messages, []);
    assert.deepEqual(result?.suppressedMessages?.map((m) => [m.ruleId, m.line, m.suppressions[0]?.justification, m.suppressions[0]?.line]), [['shell-form-pid1', 5, 'the platform runs it with tini -g', 4]]);
    const unused = pid1lint(dir, '--report-unused-ignores', 'Dockerfile');
    assert.equal(unused.code, 0);
    assert.match(unused.stdout, /6:1\s+warning\s+Unused pid1-lint ignore directive \(no problems were reported from 'invalid-stopsignal'\)/);
    const strict = pid1lint(dir, '--config', 'strict.yaml', 'Dockerfile');
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /6:1\s+error\s+Unused pid1-lint ignore directive/);
    // A rule id of its own, so machine formats report it as a finding, not as a file that could not be linted.
    const sarif = JSON.parse(pid1lint(dir, '--report-unused-ignores', '-f', 'sarif', 'Dockerfile').stdout) as { runs: { results: { ruleId: string }[]; invocations: { executionSuccessful: boolean }[] }[] };
    assert.deepEqual(sarif.runs[0]?.results.map((x) => x.ruleId), ['unused-ignore']);
    assert.equal(sarif.runs[0]?.invocations[0]?.executionSuccessful, true);
  });

  test('worker threads (PID1_LINT_WORKERS) apply each Dockerfile\'s config, ignores and compose settings', () => {
    // Four Dockerfiles, so that two workers are really used; each folder has its own configuration.
    const dir = writeTree({
      '.git/HEAD': '',
      ...Object.fromEntries(['a', 'b', 'c', 'd'].flatMap((s) => [[`${s}/Dockerfile`, SHELL_FORM], [`${s}/server.js`, SERVER]])),
      'a/.pid1lintrc.yaml': 'rules:\n  shell-form-pid1: warn\n',
      'b/.pid1lintrc.json': '{"ignore": ["server.js"], "runtime": {"init": true}}',
      'c/Dockerfile': SHELL_FORM.replace('CMD', '# pid1-lint ignore=shell-form-pid1;reason=tested\nCMD'),
      'd/compose.yaml': 'services:\n  api:\n    build: .\n    command: ["node", "server.js"]\n',
    });
    const run = (workers: string) => {
      const r = spawnSync(process.execPath, [bin, '-f', 'json', '--explain', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PID1_LINT_WORKERS: workers } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const single = run('0');
    const pooled = run('2');
    assert.deepEqual(pooled, single);
    const results = JSON.parse(pooled.stdout) as LintResult[];
    const of = (s: string) => results.find((x) => x.filePath === path.join(dir, s, 'Dockerfile'));
    assert.deepEqual(of('a')?.messages.map((m) => [m.ruleId, m.severity]), [['shell-form-pid1', 1]]);
    assert.ok(of('b')?.pid1?.chain.some((l) => l.kind === 'init' && l.name === 'docker-init'), 'runtime.init from b\'s config');
    assert.deepEqual(of('c')?.suppressedMessages?.map((m) => m.ruleId), ['shell-form-pid1']);
    assert.deepEqual(of('d')?.services?.map((s) => s.name), ['api']);
  });

  test('--explain names the file and line each runtime setting came from: compose, Kubernetes, the config', () => {
    const EXEC_FORM = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n';
    const compose = 'services:\n  api:\n    build: .\n    image: acme/app\n    init: true\n    stop_signal: SIGTERM\n    stop_grace_period: 30s\n';
    const dir = writeTree({ '.git/HEAD': '', Dockerfile: EXEC_FORM, 'server.js': SERVER, 'compose.yaml': compose });
    const alone = pid1lint(dir, '--explain', 'Dockerfile').stdout;
    // The one deployment's settings apply to the image: each on a Runtime line with its source.
    for (const line of [
      'Runtime: init docker-init, from compose service "api" (init: true) at compose.yaml:5',
      'Runtime: stopSignal SIGTERM, from compose service "api" (stop_signal: SIGTERM) at compose.yaml:6',
      'Runtime: gracePeriodSeconds 30, from compose service "api" (stop_grace_period: 30s) at compose.yaml:7',
    ]) assert.ok(alone.includes(line), `${line}\n${alone}`);

    // A Kubernetes container that runs it differently is listed under "Run by" with each setting's line.
    const manifest = [
      'kind: Deployment',
      'metadata: { name: app }',
      'spec:',
      '  template:',
      '    spec:',
      '      terminationGracePeriodSeconds: 45',
      '      containers:',
      '        - name: web',
      '          image: acme/app:1',
      '          command: ["node"]',
      '          args: ["server.js"]',
      '          lifecycle: { stopSignal: SIGINT }',
      '',
    ].join('\n');
    fs.mkdirSync(path.join(dir, 'k8s'));
    fs.writeFileSync(path.join(dir, 'k8s/deploy.yaml'), manifest);
    const both = pid1lint(dir, '--explain', 'Dockerfile').stdout;
    assert.match(both, /- compose api compose\.yaml:2: init docker-init \(compose\.yaml:5\), stopSignal SIGTERM \(compose\.yaml:6\), gracePeriodSeconds 30 \(compose\.yaml:7\)\n/);
    assert.match(
      both,
      /- kubernetes Deployment\/app container web k8s\/deploy\.yaml:8: stopSignal SIGINT \(k8s\/deploy\.yaml:12\), entrypoint \["node"\] \(k8s\/deploy\.yaml:10\), command \["server\.js"\] \(k8s\/deploy\.yaml:11\), gracePeriodSeconds 45 \(k8s\/deploy\.yaml:6\)\n/,
    );

    // The config's own settings name the config file.
    fs.writeFileSync(path.join(dir, '.pid1lintrc.yaml'), 'runtime:\n  stopSignal: SIGQUIT\n');
    assert.match(pid1lint(dir, '--explain', 'Dockerfile').stdout, /Runtime: stopSignal SIGQUIT, from \.pid1lintrc\.yaml \(runtime\.stopSignal: SIGQUIT\) at \.pid1lintrc\.yaml:2\n/);
  });

  test('--help lists the configuration options', () => {
    const help = pid1lint(packageRoot(), '--help').stdout;
    for (const flag of ['--config FILE', '--no-config', '--report-unused-ignores', '.pid1lintrc.yaml']) assert.ok(help.includes(flag), flag);
  });
});
