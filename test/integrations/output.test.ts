/** The report options of the command line: --output-file, --sarif-file, the step summary and repository-relative paths. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { formatters } from '../../src/formatters/index.js';
import { commandPath, packageRoot } from '../../src/package-info.js';
import { writeTree } from '../model/helpers.js';
import { children, parseXml } from '../formatters/helpers.js';
import { gitRepo } from './tools.js';

const bin = commandPath();
const SHELL_FORM = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n';
const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', GITHUB_STEP_SUMMARY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('report options', () => {
  test('--help lists every format of the formatter map', () => {
    const help = cli(['--help'], packageRoot()).stdout;
    for (const name of Object.keys(formatters)) assert.match(help, new RegExp(`\\b${name}\\b`));
    assert.match(help, /--output-file/);
    assert.match(help, /--sarif-file/);
  });

  test('--format github with --sarif-file, run from a subfolder: paths are relative to the git top level; the step summary is appended', () => {
    const dir = writeTree({ 'svc/Dockerfile': SHELL_FORM, 'svc/server.js': SERVER });
    gitRepo(dir);
    const summary = path.join(dir, '..', `${path.basename(dir)}-summary.md`);
    fs.writeFileSync(summary, 'earlier step\n');
    const r = cli(['--format', 'github', '--sarif-file', '../reports/pid1.sarif', '.'], path.join(dir, 'svc'), { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=svc\/Dockerfile,line=4,endLine=4,col=5,endColumn=19,title=pid1-lint%3A shell-form-pid1::/);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'pid1.sarif'), 'utf8')) as Sarif.Log;
    assert.equal(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'svc/Dockerfile');
    const md = fs.readFileSync(summary, 'utf8');
    assert.ok(md.startsWith('earlier step\n### pid1-lint\n'), 'appended, not overwritten');
    assert.match(md, /\| ❌ error \| `svc\/Dockerfile:4:5` \| \[shell-form-pid1\]/);
  });

  test('--output-file writes the report there and nothing to stdout; other formats leave the step summary alone', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const summary = path.join(dir, 'summary.md');
    const r = cli(['-f', 'checkstyle', '-o', 'out/report.xml', 'Dockerfile'], dir, { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1, 'the exit code does not depend on where the report goes');
    assert.equal(r.stdout, '');
    const root = parseXml(fs.readFileSync(path.join(dir, 'out', 'report.xml'), 'utf8'));
    assert.deepEqual(children(root, 'file').map((f) => f.getAttribute('name')), ['Dockerfile'], 'outside a git repository, relative to the current folder');
    assert.equal(fs.existsSync(summary), false);
  });

  test('an unwritable report or an empty file name exits 2 with a message', () => {
    const dir = writeTree({ Dockerfile: SHELL_FORM, 'server.js': SERVER });
    const blocked = cli(['-f', 'json', '-o', 'Dockerfile/report.json', 'Dockerfile'], dir);
    assert.equal(blocked.code, 2);
    assert.match(blocked.stderr, /cannot write .*report\.json/);
    assert.equal(cli(['--sarif-file', '', 'Dockerfile'], dir).code, 2);
    const summary = cli(['-f', 'github', 'Dockerfile'], dir, { GITHUB_STEP_SUMMARY: path.join(dir, 'Dockerfile', 'x') });
    assert.equal(summary.code, 2);
    assert.match(summary.stderr, /GITHUB_STEP_SUMMARY/);
  });
});
