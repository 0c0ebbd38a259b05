/**
 * The SARIF of every fixture, and of a hand-made report with fixes, odd paths
 * and an unreadable file, passes Microsoft's SARIF Multitool with GitHub's
 * and the SARIF spec's rules (`validate --rule-kind "Gh;Sarif"`): no errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Sarif from 'sarif';
import { lintDockerfile } from '../../src/engine/linter.js';
import { writeReports } from '../../src/report.js';
import type { LintResult } from '../../src/types.js';
import { loadFixtures, optionsOf } from '../fixtures/fixtures.js';
import { message, result } from '../formatters/helpers.js';
import { requireTool, run, toolProblem } from './tools.js';

/** The Multitool binary, made executable in a copy when install scripts (its chmod) were not run. */
function multitool(tmp: string): { path: string | null; problem: string | null } {
  let binary: string;
  try {
    binary = createRequire(import.meta.url)('@microsoft/sarif-multitool-linux') as string;
  } catch (err) {
    return { path: null, problem: `@microsoft/sarif-multitool-linux is not installed (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` };
  }
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    const copy = path.join(tmp, 'Sarif.Multitool');
    fs.copyFileSync(binary, copy);
    fs.chmodSync(copy, 0o755);
    binary = copy;
  }
  return { path: binary, problem: toolProblem(binary) };
}

function report(results: LintResult[], file: string, dockerfiles: string[], cwd: string): void {
  writeReports(results, { format: 'sarif', outputFile: file, dockerfiles, cwd, env: {}, color: false, explain: false }, process.stdout);
}

describe('SARIF Multitool', () => {
  test('validate --rule-kind "Gh;Sarif" finds no error in the SARIF of any fixture', async (t) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-sarif-'));
    const tool = multitool(tmp);
    if (!requireTool(t, tool.problem)) return;
    const inputs = path.join(tmp, 'in');
    fs.mkdirSync(inputs);
    const fixtures = loadFixtures();
    for (const fixture of fixtures) {
      const { results } = await lintDockerfile(fixture.dockerfile, optionsOf(fixture));
      report(results, path.join(inputs, `${fixture.name}.sarif`), [fixture.dockerfile], fixture.dir);
    }
    // What no fixture has (yet): fixes and suggestions, URIs needing encoding, an unreadable file, a file outside the repository.
    const root = fs.mkdtempSync(path.join(tmp, 'repo-'));
    fs.mkdirSync(path.join(root, '.git'));
    const text = 'FROM node:22\nCMD node server.js\n';
    const dockerfile = path.join(root, 'my app', 'Dockerfile');
    fs.mkdirSync(path.dirname(dockerfile));
    fs.writeFileSync(dockerfile, text);
    const at = text.indexOf('node server.js');
    const made = [
      result('my app/Dockerfile', [
        message('shell-form-pid1', 2, 5, { endColumn: 19, fix: { range: [at, at + 14], text: '["node", "server.js"]' }, suggestions: [{ desc: 'Keep the shell and exec node.', fix: { range: [at, at], text: 'exec ' } }] }),
      ], root),
      result('empty/Dockerfile', [message(null, 1, 1, { fatal: true, message: 'empty Dockerfile: nothing to lint' })], root),
      result('outside/Dockerfile', [message('exec-form-variable', 1, 1, { severity: 1 })], tmp),
    ];
    report(made, path.join(inputs, 'hand-made.sarif'), [dockerfile], root);

    const out = path.join(tmp, 'validation.sarif');
    // Notes too: every file gets some (e.g. SARIF2003), which proves it was read. A file the
    // Multitool cannot deserialize (an unknown enum value) silently empties the whole report.
    // It also prints every note, dozens per fixture: more than spawnSync's 1 MiB default buffer.
    run(tool.path as string, ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '--output', out, path.join(inputs, '*.sarif')], { cwd: tmp, maxBuffer: 256 * 1024 * 1024 });
    const validation = JSON.parse(fs.readFileSync(out, 'utf8')) as Sarif.Log;
    const findings = validation.runs.flatMap((r) => r.results ?? []);
    const fileOf = (r: Sarif.Result) => path.basename(decodeURIComponent(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''));
    const describe = (r: Sarif.Result) => `${r.level ?? 'warning'} ${r.ruleId} in ${fileOf(r)}: ${JSON.stringify(r.message.arguments ?? r.message.text)}`;
    const inputFiles = fs.readdirSync(inputs).sort();
    assert.equal(inputFiles.length, fixtures.length + 1);
    assert.deepEqual([...new Set(findings.map(fileOf))].sort(), inputFiles, 'the Multitool read every file');
    for (const r of findings.filter((x) => x.level === 'warning')) t.diagnostic(describe(r));
    assert.deepEqual(findings.filter((r) => r.level === 'error').map(describe), [], `Multitool errors in ${inputFiles.length} SARIF files`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
