/**
 * action.yml, run the way a GitHub runner runs a composite action: its `run:`
 * steps under `bash --noprofile --norc -eo pipefail`, inputs through `env:`,
 * in a workspace, with the runner's environment variables and per-step
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. The action comes from a copy
 * of this repository and installs its own runtime dependencies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type * as Sarif from 'sarif';
import { writeTree } from '../model/helpers.js';
import { parseCommand, type Command } from '../formatters/helpers.js';
import { checkoutCopy } from './checkout.js';
import { gitRepo } from './tools.js';

interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  annotations: Command[];
  summary: string;
  outputs: Record<string, string>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-action-'));
const actionPath = path.join(tmp, 'action');
let skipReason: string | null = null;

/** Only `${{ inputs.x }}` and `${{ steps.id.outputs.x }}`: anything else would need a real runner. */
function evaluate(expression: string, inputs: Record<string, string>, steps: Record<string, Record<string, string>>): string {
  return expression.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (output) return steps[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`expression not supported by this test runner: ${expr}`);
  });
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    assert.ok(eq > 0 && !line.includes('<<'), `unexpected GITHUB_OUTPUT line: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

function runAction(workspace: string, given: Record<string, string>): ActionRun {
  const action = YAML.parse(fs.readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as ActionYml;
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `unknown input ${name}`);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']));
  const runnerTemp = fs.mkdtempSync(path.join(tmp, 'runner-'));
  const steps: Record<string, Record<string, string>> = {};
  const result: ActionRun = { code: 0, stdout: '', stderr: '', annotations: [], summary: '', outputs: {} };
  for (const [i, step] of action.runs.steps.entries()) {
    const files = { output: path.join(runnerTemp, `output-${i}`), summary: path.join(runnerTemp, `summary-${i}`) };
    for (const f of Object.values(files)) fs.writeFileSync(f, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      npm_config_prefer_offline: 'true',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: path.join(runnerTemp, 'env'),
      GITHUB_PATH: path.join(runnerTemp, 'path'),
      GITHUB_REPOSITORY: 'example/service',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: runnerTemp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v), inputs, steps)])),
    };
    const script = path.join(runnerTemp, `step-${i}.sh`);
    fs.writeFileSync(script, step.run as string);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    result.stdout += r.stdout;
    result.stderr += r.stderr;
    result.summary += fs.readFileSync(files.summary, 'utf8');
    if (step.id) steps[step.id] = readOutputs(files.output);
    result.code = r.status ?? -1;
    if (result.code !== 0) break;
  }
  result.annotations = result.stdout.split('\n').map(parseCommand).filter((c): c is Command => c !== null);
  result.outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, evaluate(spec.value, inputs, steps)]));
  return result;
}

const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";
const FILES = {
  'svc/Dockerfile': 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n',
  'svc/server.js': SERVER,
  'edge/Dockerfile': 'FROM node:22-alpine\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n',
  'edge/server.js': SERVER,
  'ok/Dockerfile': 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n',
  'ok/server.js': SERVER,
};

describe('GitHub Action (action.yml)', () => {
  let workspace = '';
  before(() => {
    skipReason = checkoutCopy(actionPath);
    workspace = writeTree(FILES);
    gitRepo(workspace);
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('action.yml is a composite action of bash steps that never splice ${{ }} into a script', (t) => {
    if (skipReason) return t.skip(skipReason);
    const action = YAML.parse(fs.readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as ActionYml;
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'format', 'paths', 'sarif-file']);
    assert.equal(action.inputs.format?.default, 'github');
    for (const step of action.runs.steps) {
      assert.equal(step.uses, undefined, 'no other action: the runner would fetch it');
      assert.equal(step.shell, 'bash');
      assert.ok(step.run && !step.run.includes('${{'), `step "${step.name}" must take inputs through env:`);
    }
  });

  test('fail-on error (default): annotations for errors and warnings, the step summary, the SARIF file, exit 1', (t) => {
    if (skipReason) return t.skip(skipReason);
    const r = runAction(workspace, { paths: 'svc\nedge ok', 'sarif-file': 'reports/pid1-lint.sarif' });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      r.annotations.map((a) => [a.name, a.properties.file, a.properties.line, a.properties.title]),
      [['error', 'svc/Dockerfile', '4', 'pid1-lint: shell-form-pid1'], ['warning', 'edge/Dockerfile', '4', 'pid1-lint: shell-form-pid1']],
    );
    assert.match(r.summary, /^### pid1-lint\n\n❌ \*\*1 error\*\* and \*\*1 warning\*\* in 2 files\./);
    assert.match(r.summary, /\| ❌ error \| `svc\/Dockerfile:4:5` \|/);
    const sarifPath = path.join(workspace, 'reports', 'pid1-lint.sarif');
    const log = JSON.parse(fs.readFileSync(sarifPath, 'utf8')) as Sarif.Log;
    assert.deepEqual(log.runs[0]!.results!.map((x) => [x.level, x.locations![0]!.physicalLocation!.artifactLocation!.uri]), [['error', 'svc/Dockerfile'], ['warning', 'edge/Dockerfile']]);
    assert.deepEqual(r.outputs, { 'sarif-file': 'reports/pid1-lint.sarif', 'exit-code': '1' });
  });

  test('fail-on error passes on warnings; fail-on warning fails on them', (t) => {
    if (skipReason) return t.skip(skipReason);
    const lenient = runAction(workspace, { paths: 'edge' });
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.deepEqual(lenient.annotations.map((a) => a.name), ['warning']);
    assert.equal(lenient.outputs['sarif-file'], '', 'no SARIF unless asked');
    const strict = runAction(workspace, { paths: 'edge', 'fail-on': 'warning' });
    assert.equal(strict.code, 1);
    assert.deepEqual(strict.annotations.map((a) => a.name), ['warning']);
  });

  test('fail-on none reports errors without failing; usage errors still fail', (t) => {
    if (skipReason) return t.skip(skipReason);
    const r = runAction(workspace, { 'fail-on': 'none' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.outputs['exit-code'], '1');
    assert.deepEqual(r.annotations.map((a) => a.name).sort(), ['error', 'warning']);
    assert.match(r.summary, /1 error/);
    const missing = runAction(workspace, { paths: 'no-such-dir', 'fail-on': 'none' });
    assert.equal(missing.code, 2);
    const bad = runAction(workspace, { 'fail-on': 'sometimes' });
    assert.equal(bad.code, 2);
    assert.match(bad.annotations[0]?.message ?? '', /fail-on must be error, warning or none/);
  });

  test('a clean workspace passes with a summary saying so', (t) => {
    if (skipReason) return t.skip(skipReason);
    const r = runAction(workspace, { paths: 'ok' });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.annotations, []);
    assert.match(r.summary, /✅ No problems found/);
  });
});
