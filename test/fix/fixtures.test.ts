/**
 * --fix on every fixture (on a copy; fixtures are never changed in place):
 * each fixed file still parses, every finding that had a fix is gone, no
 * error appears that was not there, and a second --fix changes nothing.
 * Each suggestion, applied alone, must do the same for its own finding.
 * Where the changed chain can run on this host, the kernel confirms it
 * stops (pid1-facts §0 method, as test/fixtures/kernel.test.ts).
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintDockerfile } from '../../src/engine/linter.js';
import { fixDockerfile } from '../../src/fix/loop.js';
import { applyEdits } from '../../src/fix/edits.js';
import { writeFileAtomic } from '../../src/fix/write.js';
import { parseProgram, sourceKind } from '../../src/fix/source.js';
import { analyzeScript } from '../../src/shell/analyze.js';
import type { Fix, LintMessage, LintResult } from '../../src/types.js';
import { cliOptionsOf, copyFixture, loadFixtures, type Fixture } from '../fixtures/fixtures.js';
import type { PoolOptions } from '../../src/engine/pool.js';
import { kernel, verifyOnKernel } from './helpers.js';

const fixtures = loadFixtures();
/** Every copy goes here, removed at the end. */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-fix-fixtures-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The fixture moved to a fresh copy, with its options pointing into the copy. */
function inCopy(fixture: Fixture): { dir: string; dockerfile: string; options: PoolOptions } {
  const dir = copyFixture(fixture.dir, scratch);
  const moved = { ...fixture, dir, dockerfile: path.join(dir, path.relative(fixture.dir, fixture.dockerfile)) };
  return { dir, dockerfile: moved.dockerfile, options: cliOptionsOf(moved) };
}

type Counts = Map<string, number>;

/**
 * A finding's identity across a fix: file, rule and severity (its line may
 * move; an init can turn a rule's error into a milder warning of the same
 * rule, which is a different finding).
 */
function keyOf(dir: string, filePath: string, m: LintMessage): string {
  return `${path.relative(dir, filePath)} ${m.ruleId} ${m.severity === 2 ? 'error' : 'warning'}`;
}

/** How many findings of each key there are (errors only, or all). */
function counts(results: LintResult[], dir: string, errorsOnly: boolean): Counts {
  const out: Counts = new Map();
  for (const r of results) {
    for (const m of r.messages) {
      if (errorsOnly && m.severity !== 2) continue;
      const key = keyOf(dir, r.filePath, m);
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/** No error that the original did not have (per file and rule), and nothing fatal that was not already (an empty Dockerfile). */
function assertNoNewError(before: LintResult[], after: LintResult[], dir: string, what: string): void {
  const fatalBefore = before.reduce((n, r) => n + r.fatalErrorCount, 0);
  assert.ok(after.reduce((n, r) => n + r.fatalErrorCount, 0) <= fatalBefore, `${what}: the Dockerfile no longer parses: ${JSON.stringify(after.map((r) => r.messages))}`);
  const was = counts(before, dir, true);
  for (const [key, n] of counts(after, dir, true)) {
    assert.ok(n <= (was.get(key) ?? 0), `${what}: new error ${key}\n${after.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)).join('\n')}`);
  }
}

/** Every changed file still parses as what it is. */
function assertParses(file: string, text: string): void {
  if (/\.(sh|bash)$/.test(file) || text.startsWith('#!/bin/')) {
    assert.ok(analyzeScript(text).ok, `${file} no longer parses as a shell script`);
  } else if (/\.[cm]?[jt]sx?$/.test(file)) {
    assert.ok(parseProgram(text, sourceKind(file).language), `${file} no longer parses`);
  }
}

/**
 * Runs the changed chain on the kernel: PID 1 must exit, and when no error
 * is left and the fixture's app has a handler that logs the signal and exits
 * 0, the container must exit 0 (a graceful stop, not npm's fast exit 1 that
 * kills the app). Says in the test's diagnostics when it could not run.
 */
async function assertStopsOnKernel(t: TestContext, fixture: Fixture, dockerfile: string, options: PoolOptions, what: string, errorsLeft: boolean): Promise<void> {
  if (!kernel.ok) {
    t.diagnostic(`${what}: not run on the kernel (${kernel.reason})`);
    return;
  }
  const expected = fixture.expected.kernel;
  const report = await verifyOnKernel(dockerfile, { ...options, ...('stopped' in expected ? { ...(expected.ready ? { ready: expected.ready } : {}), ...(expected.prepare ? { prepare: expected.prepare } : {}), ...(expected.graceMs ? { graceMs: expected.graceMs } : {}) } : {}) });
  // A chain the host cannot run (an image-only tool, a missing dependency) is not judged here.
  if ('refused' in report) {
    t.diagnostic(`${what}: not run on the kernel: ${report.refused}`);
    return;
  }
  t.diagnostic(`${what}: stopped on the kernel, exit ${report.exitCode}`);
  const context = `\nargv: ${JSON.stringify(report.hostArgv)}\nexit: ${report.exitCode} after ${report.elapsedMs ?? 'the grace period'} ms\nstdout: ${report.stdout}\nstderr: ${report.stderr}`;
  assert.equal(report.stopped, true, `${what}: the changed chain does not stop on the kernel${context}`);
  const server = path.join(path.dirname(dockerfile), 'server.js');
  const logsSignals = fs.existsSync(server) && fs.readFileSync(server, 'utf8').includes('got ${signal}');
  // Its handler exits 0; the exit code is read from the process, not from output that may come late.
  if (!errorsLeft && logsSignals) assert.equal(report.exitCode, 0, `${what}: the app did not shut down through its handler${context}`);
}

/** The changed copies to run on the kernel, by fixture: collected first, run last. */
const kernelRuns = new Map<string, KernelRun[]>();

interface KernelRun {
  dockerfile: string;
  options: PoolOptions;
  what: string;
  errorsLeft: boolean;
}

function runOnKernelLater(fixture: Fixture, run: KernelRun): void {
  kernelRuns.set(fixture.name, [...(kernelRuns.get(fixture.name) ?? []), run]);
}

describe('--fix on every fixture', { concurrency: 4 }, () => {
  for (const fixture of fixtures) {
    test(fixture.name, async () => {
      const { dir, dockerfile, options } = inCopy(fixture);
      const before = (await lintDockerfile(dockerfile, options)).results;
      const run = await fixDockerfile(dockerfile, options);
      for (const change of run.changes) {
        assert.deepEqual(writeFileAtomic(change.file, change.after), { ok: true });
        assertParses(change.file, change.after);
      }
      const after = (await lintDockerfile(dockerfile, options)).results;
      assert.deepEqual(after.map((r) => r.messages), run.results.map((r) => r.messages), 'the loop reports the findings of the written files');
      // Every finding that had a fix is gone.
      const fixed: Counts = new Map();
      for (const r of before) for (const m of r.messages) if (m.fix) fixed.set(keyOf(dir, r.filePath, m), (fixed.get(keyOf(dir, r.filePath, m)) ?? 0) + 1);
      const was = counts(before, dir, false);
      const now = counts(after, dir, false);
      for (const [key, n] of fixed) assert.ok((now.get(key) ?? 0) <= (was.get(key) ?? 0) - n, `the fixed finding ${key} is still there`);
      assertNoNewError(before, after, dir, '--fix');
      const again = await fixDockerfile(dockerfile, options);
      assert.deepEqual(again.changes, [], 'a second --fix changes nothing');
      if (run.changes.length > 0) runOnKernelLater(fixture, { dockerfile, options, what: '--fix', errorsLeft: after.some((r) => r.errorCount > 0) });
    });
  }
});

describe('each suggestion of every fixture, applied alone', { concurrency: 4 }, () => {
  for (const fixture of fixtures) {
    test(fixture.name, async () => {
      const original = inCopy(fixture);
      const before = (await lintDockerfile(original.dockerfile, original.options)).results;
      const suggestions = before.flatMap((r) => r.messages.flatMap((m) => (m.suggestions ?? []).map((s) => ({ result: r, key: keyOf(original.dir, r.filePath, m), desc: s.desc, fix: s.fix }))));
      for (const s of suggestions) {
        const { dir, dockerfile, options } = inCopy(fixture);
        const target = path.join(dir, path.relative(original.dir, s.fix.file ?? s.result.filePath));
        const output = applyEdits(fs.readFileSync(target, 'utf8'), [s.fix as Fix]).output;
        fs.writeFileSync(target, output);
        assertParses(target, output);
        const after = (await lintDockerfile(dockerfile, options)).results;
        assert.ok((counts(after, dir, false).get(s.key) ?? 0) < (counts(before, original.dir, false).get(s.key) ?? 0), `"${s.desc}": the finding ${s.key} is still there`);
        assertNoNewError(before.map((r) => ({ ...r, filePath: path.join(dir, path.relative(original.dir, r.filePath)) })), after, dir, `"${s.desc}"`);
        runOnKernelLater(fixture, { dockerfile, options, what: `"${s.desc}"`, errorsLeft: after.some((r) => r.errorCount > 0) });
      }
    });
  }
});

// Apart from the lint work above: a long synchronous stretch in this process would hold back the event that says
// PID 1 exited, and a run that stopped in time would look as if it had not.
describe('the changed chains on the kernel', { concurrency: 4 }, () => {
  for (const fixture of fixtures) {
    test(fixture.name, async (t) => {
      for (const run of kernelRuns.get(fixture.name) ?? []) await assertStopsOnKernel(t, fixture, run.dockerfile, run.options, run.what, run.errorsLeft);
    });
  }
});
