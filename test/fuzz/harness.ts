/**
 * What every fuzz case checks, shared by the seeded run in `npm test` and by
 * `npm run fuzz`: a generated repository is written to a scratch folder and
 * linted in-process (lintDockerfile) or through the CLI's main(); nothing may
 * throw, results must be well formed, exit codes must say what happened, and
 * linting must not change a single file.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { lintDockerfile } from '../../src/engine/linter.js';
import { main } from '../../src/cli.js';
import { TOO_DEEP } from '../../src/program/parse.js';
import type { LintResult } from '../../src/types.js';
import type { Edit, Repo } from './arbitraries.js';

/** One scratch folder per process, emptied between cases (cheaper than a new temp folder each time). */
export class Scratch {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-fuzz-'));
  readonly dir = path.join(this.root, 'repo');
  /** Called before each case is written (the fuzz workers' heartbeat to the hang watchdog). */
  onCase: (() => void) | undefined;

  write(repo: Repo): string {
    this.onCase?.();
    fs.rmSync(this.dir, { recursive: true, force: true });
    for (const [name, content] of Object.entries(repo)) {
      const file = path.join(this.dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    return path.join(this.dir, 'Dockerfile');
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Path → sha1 of every file under `dir` (symlinks by target), to prove nothing was written. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isSymbolicLink()) out.set(full, `-> ${fs.readlinkSync(full)}`);
      else out.set(full, createHash('sha1').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** The exit code the CLI derives from results (fatal → 2, errors → 1, else 0). */
export function exitCodeOf(results: LintResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.fatalErrorCount > 0)) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

/** Results are ESLint-shaped and self-consistent; no message hides a caught internal error. */
export function assertWellFormed(results: LintResult[], dockerfile: string): void {
  assert.ok(results.length >= 1, 'at least the Dockerfile has a result');
  assert.equal(results[0]?.filePath, dockerfile, 'the Dockerfile result comes first');
  for (const r of results) {
    assert.ok(path.isAbsolute(r.filePath), `absolute filePath: ${r.filePath}`);
    let errors = 0;
    let warnings = 0;
    let fatal = 0;
    for (const m of r.messages) {
      assert.ok(m.severity === 1 || m.severity === 2, `severity ${m.severity}`);
      assert.equal(typeof m.message, 'string');
      assert.ok(m.message.length > 0, 'a message says something');
      assert.doesNotMatch(m.message, /internal error|Maximum call stack|Cannot read propert|is not a function|is not iterable|\[object Object\]/i, `a bug surfaced in a message: ${m.message}`);
      for (const n of [m.line, m.column, m.endLine, m.endColumn]) assert.ok(Number.isInteger(n) && n >= 1, `positions are 1-based integers: ${JSON.stringify(m)}`);
      if (m.severity === 2) errors++;
      else warnings++;
      if (m.fatal) fatal++;
    }
    assert.equal(r.errorCount, errors);
    assert.equal(r.warningCount, warnings);
    assert.equal(r.fatalErrorCount, fatal);
  }
  const main = results[0] as LintResult;
  if (main.fatalErrorCount === 0) {
    assert.ok(main.pid1, 'a lintable Dockerfile carries its pid1 report');
    assert.doesNotThrow(() => JSON.stringify(main.pid1), 'the pid1 report is plain data');
  }
}

/** In-process lint of one repository: must not throw, must be well formed, must not write. */
export async function checkLint(scratch: Scratch, repo: Repo): Promise<LintResult[]> {
  const dockerfile = scratch.write(repo);
  const before = snapshot(scratch.dir);
  const { results } = await lintDockerfile(dockerfile);
  assertWellFormed(results, dockerfile);
  assert.deepEqual(snapshot(scratch.dir), before, 'linting wrote to the repository');
  return results;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI's main() in-process, with captured output. */
export async function runMain(args: string[], cwd: string): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, { stdout, stderr, cwd, env: { NO_COLOR: '1' }, isTTY: false });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** Exit 0/1 for lintable input; 2 only with a message that names the file; never an internal error. */
export function assertCliOutcome(run: CliRun, dockerfile: string, inProcess: LintResult[] | null): void {
  assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `exit code ${run.code}`);
  assert.doesNotMatch(run.stderr, /internal error/, 'no internal error');
  const results = JSON.parse(run.stdout) as LintResult[];
  if (inProcess) assert.equal(run.code === 2 ? 2 : Math.min(run.code, 1), exitCodeOf(inProcess) === 2 ? 2 : exitCodeOf(inProcess), 'CLI and in-process agree');
  if (run.code === 2) {
    const fatal = results.find((r) => r.fatalErrorCount > 0);
    assert.ok(fatal, `exit 2 comes with a fatal message (stderr: ${run.stderr})`);
    assert.equal(fatal.filePath, dockerfile, 'the fatal message names the file');
  }
}

/**
 * Whether the CLI has `--fix` (issue 4). The fix properties switch on by
 * themselves once it lands; until then they are skipped with this reason.
 */
export async function fixSupport(): Promise<{ supported: boolean; reason: string }> {
  const help = await runMain(['--help'], process.cwd());
  return /--fix\b/.test(help.stdout) ? { supported: true, reason: '' } : { supported: false, reason: 'the CLI has no --fix yet (issue 4): the --fix properties are skipped' };
}

/**
 * --fix writes exactly the files --fix-dry-run shows changed (and the dry
 * run writes nothing), nothing when a plain lint reported no fix at all,
 * never removes a file, leaves every Dockerfile parseable (no new fatal
 * error), and a second --fix changes nothing. The files are not limited to
 * those the plain lint's fixes name: the passes reach what each pass
 * reports, as ESLint's do (`exec` added to a script makes node PID 1, and
 * the next pass gives it the init its missing handler calls for).
 */
export async function checkFix(scratch: Scratch, repo: Repo): Promise<void> {
  const dockerfile = scratch.write(repo);
  const before = snapshot(scratch.dir);
  const pre = (await lintDockerfile(dockerfile)).results;
  const fixable = pre.some((r) => r.messages.some((m) => m.fix));
  const dry = await runMain(['--fix-dry-run', '-f', 'json', dockerfile], scratch.dir);
  assert.doesNotMatch(dry.stderr, /internal error/);
  assert.deepEqual(snapshot(scratch.dir), before, '--fix-dry-run wrote a file');
  const shown = new Set((JSON.parse(dry.stdout) as LintResult[]).flatMap((r) => (r.output !== undefined ? [r.filePath] : [])));
  const first = await runMain(['--fix', '-f', 'json', dockerfile], scratch.dir);
  assert.doesNotMatch(first.stderr, /internal error/);
  const afterFirst = snapshot(scratch.dir);
  const changed = [...afterFirst.keys()].filter((file) => before.get(file) !== afterFirst.get(file));
  if (!fixable) assert.deepEqual(changed, [], 'no finding had a fix, yet --fix changed files');
  for (const file of changed) assert.ok(shown.has(file), `--fix changed ${file}, which --fix-dry-run did not show`);
  for (const file of before.keys()) assert.ok(afterFirst.has(file), `--fix removed ${file}`);
  if (exitCodeOf(pre) !== 2) assert.notEqual(exitCodeOf((await lintDockerfile(dockerfile)).results), 2, '--fix left a Dockerfile that no longer parses');
  await runMain(['--fix', '-f', 'json', dockerfile], scratch.dir);
  assert.deepEqual(snapshot(scratch.dir), afterFirst, 'a second --fix changed something');
}

/**
 * Program analyses kept between runs (src/program/result-cache.ts) never go
 * stale: lint a repository (which keeps its analysis), edit it, and the next
 * lint (kept analysis, or redone when an answer changed) reports exactly what
 * a lint that keeps nothing reports.
 */
export async function checkKeptAnalyses(scratch: Scratch, repo: Repo, change: Edit): Promise<void> {
  const dockerfile = scratch.write(repo);
  await lintDockerfile(dockerfile);
  const names = Object.keys(repo).filter((name) => name !== 'Dockerfile');
  const picked = names.length > 0 && change.kind !== 'none' ? names[change.pick % names.length] : undefined;
  if (change.kind === 'rewrite' && picked) fs.writeFileSync(path.join(scratch.dir, picked), change.text);
  if (change.kind === 'add') {
    fs.mkdirSync(path.dirname(path.join(scratch.dir, change.name)), { recursive: true });
    fs.writeFileSync(path.join(scratch.dir, change.name), change.text);
  }
  if (change.kind === 'remove' && picked) fs.rmSync(path.join(scratch.dir, picked), { force: true, recursive: true });
  const kept = (await lintDockerfile(dockerfile)).results;
  const saved = process.env.PID1_LINT_NO_CACHE;
  process.env.PID1_LINT_NO_CACHE = '1';
  try {
    const fresh = (await lintDockerfile(dockerfile)).results;
    // Where a walker ran out of stack, the outcome depends on how warm V8 is, run to run: nothing to compare.
    if ([kept, fresh].some((results) => JSON.stringify(results).includes(TOO_DEEP))) return;
    assert.deepEqual(kept, fresh, 'the run with the kept analysis reports what a fresh analysis reports');
  } finally {
    if (saved === undefined) delete process.env.PID1_LINT_NO_CACHE;
    else process.env.PID1_LINT_NO_CACHE = saved;
  }
}
