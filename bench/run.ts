/**
 * `npm run bench`: generates the workloads under .bench/ (gitignored), runs
 * the built CLI on each as a fresh process several times, interleaved with
 * `node -e 0` so both see the same machine load, and prints medians of wall
 * time, CPU time (user + system), peak RSS and modules per second, each as
 * a ratio to `node -e 0`. `--write` puts the tables into BENCHMARKS.md.
 *
 *   npm run bench -- [--runs 9] [--heavy-runs 3] [--only REGEX] [--quick]
 *                    [--baseline GIT-REV]... [--write]
 *
 * Nothing here asserts on time: the numbers are for people to read.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commandPath } from '../src/package-info.js';
import { generateDockerfileOnly, generateMonorepo, generateService, type Workload } from './workloads.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (this file runs from dist/bench/). */
const repo = path.resolve(here, '../..');
const benchDir = path.join(repo, '.bench');
const RUSAGE = path.join(here, 'rusage.cjs');

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  code: number;
  stderr: string;
}

interface Case {
  id: string;
  /** What the row says. */
  label: string;
  phase: 'light' | 'heavy';
  /** Arguments after `node`. */
  argv: string[];
  env?: Record<string, string>;
  /** Run before every measured run (e.g. empty the code cache). */
  before?: () => void;
  /** A heavy case that needs an earlier run (light cases all get one): one unmeasured run first. */
  warmup?: boolean;
  workload?: Workload;
  /** The target this row is held against, as a ratio of `node -e 0` wall time or absolute limits. */
  target?: { wallRatio?: number; wallMs?: number; rssMb?: number };
}

interface Row {
  c: Case;
  samples: Sample[];
  modulesRead: { union: number | null; reads: number } | null;
  /** Parses and cache hits, from the in-process harness (`stats: {…}` on stderr). */
  stats: { parses: number; scanned?: number; hits: number; stored: number; full: number; dropped: number } | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

let runCounter = 0;

/** Runs `node <argv>` once with the rusage preload; stdout goes to `outFile`. */
function measure(c: Case, outFile: string): Promise<Sample> {
  const rusageFile = path.join(benchDir, 'tmp', `rusage-${process.pid}-${runCounter++}.json`);
  const out = fs.openSync(outFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--require', RUSAGE, ...c.argv], {
    cwd: repo,
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, ...c.env, PID1_BENCH_RUSAGE: rusageFile },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      fs.closeSync(out);
      // Exit codes 0 and 1 are lint outcomes; anything else is a broken run.
      if (code !== 0 && code !== 1) {
        reject(new Error(`${c.id}: exit code ${String(code)}\n${stderr.slice(0, 2000)}`));
        return;
      }
      const usage = JSON.parse(fs.readFileSync(rusageFile, 'utf8')) as { userMs: number; systemMs: number; maxRssKb: number };
      fs.rmSync(rusageFile, { force: true });
      resolve({ wallMs, cpuMs: usage.userMs + usage.systemMs, rssMb: usage.maxRssKb / 1024, code: code ?? 0, stderr });
    });
  });
}

/**
 * The modules a JSON run read, from every Dockerfile's `files read:` note:
 * how many it names in all (`reads`, added up over the Dockerfiles), and
 * the union of the files named, made absolute (each is relative to its
 * context) when no note had to shorten its list (`a, b and 40 more`).
 */
function modulesRead(outFile: string): { union: number | null; reads: number } | null {
  let results: { filePath: string; pid1?: { context: string; notes: string[] } }[];
  try {
    results = JSON.parse(fs.readFileSync(outFile, 'utf8')) as typeof results;
  } catch {
    return null;
  }
  const read = new Set<string>();
  let reads = 0;
  let complete = true;
  for (const r of results) {
    if (!r.pid1) continue;
    const context = path.resolve(path.dirname(r.filePath), r.pid1.context);
    for (const note of r.pid1.notes) {
      const m = /^files read: (.*)$/.exec(note);
      if (!m?.[1] || m[1] === 'none') continue;
      const shortened = / and \d+ more \((\d+) in all\)$/.exec(m[1]);
      const names = (shortened ? m[1].slice(0, shortened.index) : m[1]).split(', ');
      reads += shortened ? Number(shortened[1]) : names.length;
      if (shortened) complete = false;
      for (const f of names) read.add(path.resolve(context, f));
    }
  }
  return { union: complete ? read.size : null, reads };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${os.release()}, Node ${process.version}; load average at the end ${load} (1/5/15 min)`;
}

/** A build of an older commit (for before/after rows): its files under .bench/, sharing node_modules. */
function buildRevision(rev: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: repo, encoding: 'utf8' }).trim();
  const dir = path.join(benchDir, `rev-${sha}`);
  if (!fs.existsSync(path.join(dir, 'dist/src/cli.js'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', sha], { cwd: repo, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    console.error(`building ${sha} in ${path.relative(repo, dir)}…`);
    execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { stdio: 'inherit' });
    // Builds that bundle the command (scripts/bundle.ts) do it after tsc.
    const bundle = path.join(dir, 'dist/scripts/bundle.js');
    if (fs.existsSync(bundle)) execFileSync(process.execPath, [bundle], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

let edits = 0;
/** Edits one module of a workload (a different trailing comment each time), as a commit to the service would. */
function touchModule(w: Workload): void {
  const src = path.join(path.dirname(w.target), 'src');
  const file = fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort()[0];
  if (file === undefined) throw new Error(`no module to edit in ${src}`);
  const full = path.join(src, file);
  const text = fs.readFileSync(full, 'utf8').replace(/\n\/\/ bench edit \d+\n$/, '\n');
  fs.writeFileSync(full, `${text}// bench edit ${++edits}\n`);
}

function ms(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`;
}

function ratio(n: number, base: number): string {
  return `${(n / base).toFixed(2)}×`;
}

function verdict(row: Row, base: { wallMs: number }): string {
  const t = row.c.target;
  if (!t) return '';
  const wall = median(row.samples.map((s) => s.wallMs));
  const rss = median(row.samples.map((s) => s.rssMb));
  const checks: string[] = [];
  if (t.wallRatio !== undefined) checks.push(`${wall / base.wallMs <= t.wallRatio ? '✅' : '❌'} ≤ ${t.wallRatio}×`);
  if (t.wallMs !== undefined) checks.push(`${wall <= t.wallMs ? '✅' : '❌'} ≤ ${t.wallMs / 1000} s`);
  if (t.rssMb !== undefined) checks.push(`${rss <= t.rssMb ? '✅' : '❌'} ≤ ${t.rssMb} MB`);
  return checks.join(', ');
}

function table(rows: Row[], base: Sample[]): string {
  const b = { wallMs: median(base.map((s) => s.wallMs)), cpuMs: median(base.map((s) => s.cpuMs)), rssMb: median(base.map((s) => s.rssMb)) };
  const lines = [
    '| Case | Runs | Wall | × node | CPU | × node | Peak RSS | × node | Modules | Modules/s | Parses | Target |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
    `| \`node -e 0\` | ${base.length} | ${ms(b.wallMs)} | 1× | ${ms(b.cpuMs)} | 1× | ${b.rssMb.toFixed(0)} MB | 1× | | | | |`,
  ];
  for (const row of rows) {
    const wall = median(row.samples.map((s) => s.wallMs));
    const cpu = median(row.samples.map((s) => s.cpuMs));
    const rss = median(row.samples.map((s) => s.rssMb));
    // The union of the modules read, or (when the notes list only some) how many each program read, added up.
    const w = row.c.workload;
    const read = row.modulesRead;
    const modules = read?.union ?? read?.reads ?? 0;
    const expected = read?.union === null ? (w?.reads ?? 0) : (w?.reachable ?? 0);
    const unit = read?.union === null ? ' reads' : '';
    const modulesCell = modules === expected ? `${modules}${unit}` : `${modules}${unit} (expected ${expected})`;
    const rate = modules > 0 && w ? `${Math.round(w.reachable / (wall / 1000))}` : '';
    const parses = row.stats ? `${row.stats.parses} (${row.stats.scanned ?? 0} scanned) + ${row.stats.stored} kept, ${row.stats.full} full` : '';
    lines.push(`| ${row.c.label} | ${row.samples.length} | ${ms(wall)} | ${ratio(wall, b.wallMs)} | ${ms(cpu)} | ${ratio(cpu, b.cpuMs)} | ${rss.toFixed(0)} MB | ${ratio(rss, b.rssMb)} | ${modules || expected ? modulesCell : ''} | ${rate} | ${parses} | ${verdict(row, b)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '9' },
      'heavy-runs': { type: 'string', default: '3' },
      only: { type: 'string' },
      quick: { type: 'boolean' },
      baseline: { type: 'string', multiple: true },
      write: { type: 'boolean' },
    },
  });
  const runs = Number(values.quick ? 3 : values.runs);
  const heavyRuns = Number(values.quick ? 1 : values['heavy-runs']);
  fs.mkdirSync(path.join(benchDir, 'tmp'), { recursive: true });
  fs.mkdirSync(path.join(benchDir, 'out'), { recursive: true });

  console.error('generating workloads in .bench/…');
  const work = path.join(benchDir, 'workloads');
  const dockerfileOnly = generateDockerfileOnly(work, 'dockerfile-only');
  const smallService = generateService(work, 'small-service', 20);
  const monorepos = (values.quick ? [1] : [1, 5, 10]).map((k) => generateMonorepo(work, `monorepo-${k}k`, { services: 20 * k, modulesPerService: 50 }));

  const builds: { tag: string; dir: string }[] = [{ tag: '', dir: repo }];
  for (const rev of values.baseline ?? []) builds.push({ tag: ` @ ${rev}`, dir: buildRevision(rev) });

  const coldCache = path.join(benchDir, 'cache-cold');
  const cases: Case[] = [];
  for (const { tag, dir } of builds) {
    const cli = commandPath(dir);
    const lint = (w: Workload): string[] => [cli, '-f', 'json', w.target];
    // A cache folder per build: two builds in one folder would each find the other's kept analyses and summaries, and read again.
    const warm = { PID1_LINT_CACHE_DIR: path.join(benchDir, `cache-warm${tag ? `-${tag.replace(/\W+/g, '')}` : ''}`) };
    const main = tag === '';
    // An older build lints its own copy of the service: the main build's edited row edits the shared one each round,
    // which would make an older build's "unchanged" row a read-again row.
    const small = main ? smallService : generateService(work, `small-service-${tag.replace(/\W+/g, '')}`, 20);
    cases.push(
      { id: `version${tag}`, label: `\`pid1-lint --version\`${tag}`, phase: 'light', argv: [cli, '--version'], env: warm },
      { id: `dockerfile-only${tag}`, label: `Dockerfile only${tag}`, phase: 'light', argv: lint(dockerfileOnly), env: warm, workload: dockerfileOnly, ...(main ? { target: { wallRatio: 1.5 } } : {}) },
      { id: `small${tag}`, label: `small service, 20 modules, unchanged since an earlier run (its caches kept)${tag}`, phase: 'light', argv: lint(small), env: warm, workload: small, ...(main ? { target: { wallRatio: 3 } } : {}) },
      // No target line: "cold" in issue 7 is a new process with the cache folder earlier runs left (BENCHMARKS.md, Targets).
      { id: `small-empty-cache${tag}`, label: `small service, empty cache folder (first run)${tag}`, phase: 'light', argv: lint(small), env: { PID1_LINT_CACHE_DIR: coldCache }, before: () => fs.rmSync(coldCache, { recursive: true, force: true }), workload: small },
    );
    if (main) {
      cases.push(
        // Only for this build: an older one's edit would make this build's next run read the program again.
        { id: 'small-edited', label: 'small service, one module edited since the earlier run (program read again)', phase: 'light', argv: lint(small), env: warm, before: () => touchModule(small), workload: small, target: { wallRatio: 3 } },
        { id: 'dockerfile-only-unbundled', label: 'Dockerfile only, unbundled (`node dist/src/cli.js`)', phase: 'light', argv: [path.join(dir, 'dist/src/cli.js'), '-f', 'json', dockerfileOnly.target], env: warm, workload: dockerfileOnly },
        { id: 'small-no-cache', label: 'small service, cache off (`PID1_LINT_NO_CACHE=1`)', phase: 'light', argv: lint(small), env: { PID1_LINT_NO_CACHE: '1' }, workload: small },
        { id: 'dockerfile-only-eager', label: 'Dockerfile only, parser loaded at startup (as if not lazy)', phase: 'light', argv: ['--import', path.join(here, 'eager-parser.js'), ...lint(dockerfileOnly)], env: warm, workload: dockerfileOnly },
        // No code cache: what any first run that reads a program pays before it parses anything (the empty-cache row's floor).
        { id: 'typescript-floor', label: "`require('typescript')` alone, no code cache (no lint: the installed TypeScript, which the command no longer loads)", phase: 'light', argv: ['-e', `require(${JSON.stringify(createRequire(path.join(dir, 'package.json')).resolve('typescript'))})`] },
        // The same for what the command loads (lever 27): the floor under a first run that reads a program.
        { id: 'parser-floor', label: 'the command\'s parsers alone, no code cache (no lint: `dist/bundle/typescript.cjs` and typescript-estree\'s bundle, the floor under a first run that reads a program)', phase: 'light', argv: ['-e', `require(${JSON.stringify(path.join(dir, 'dist/bundle/typescript-estree.cjs'))})(require(${JSON.stringify(path.join(dir, 'dist/bundle/typescript.cjs'))}))`] },
      );
    }
    // An older build runs the smallest monorepo only: the larger ones would take it minutes and gigabytes.
    // What is kept between runs besides the code cache: program analyses (src/program/result-cache.ts) and module
    // summaries. Each monorepo has its own cache folder, so one row's forgetting is not the next row's.
    const forget = (dir: string, what: 'analyses' | 'both') => () => {
      fs.rmSync(path.join(dir, 'programs'), { recursive: true, force: true });
      if (what === 'both') fs.rmSync(path.join(dir, 'summaries.bin'), { force: true });
    };
    for (const m of main ? monorepos : monorepos.slice(0, 1)) {
      const target = main && m.reachable > 9000 ? { target: { wallMs: 10_000, rssMb: 400 } } : {};
      const label = `${m.name.replace('monorepo-', 'monorepo ')}: ${m.dockerfiles} services, ${m.reachable} modules`;
      const dir = path.join(benchDir, `cache-${m.name}${tag ? `-${tag.replace(/\W+/g, '')}` : ''}`);
      const env = { PID1_LINT_CACHE_DIR: dir };
      if (!main) {
        cases.push({ id: `${m.name}${tag}`, label: `${label}, nothing kept${tag}`, phase: 'heavy', argv: lint(m), env, before: forget(dir, 'both'), workload: m });
        continue;
      }
      cases.push(
        { id: m.name, label: `${label}, unchanged since an earlier run (analyses kept)`, phase: 'heavy', argv: lint(m), env, warmup: true, workload: m, ...target },
        // Every program changed (analyses not kept), every module unchanged (summaries kept).
        { id: `${m.name}-summaries`, label: `${label}, every program read again, module summaries kept`, phase: 'heavy', argv: lint(m), env, before: forget(dir, 'analyses'), warmup: true, workload: m, ...target },
        // What a run pays when every module is new to it.
        { id: `${m.name}-nothing-kept`, label: `${label}, nothing kept (every module new)`, phase: 'heavy', argv: lint(m), env, before: forget(dir, 'both'), workload: m, ...target },
      );
    }
    if (main) {
      // TypeScript's parse of every module, once, and nothing else: what the walk cost before it scanned (BENCHMARKS.md, lever 20).
      const largest = monorepos.at(-1) as Workload;
      cases.push({
        id: `${largest.name}-parse-floor`,
        label: `${largest.name.replace('monorepo-', 'monorepo ')}: TypeScript's parser alone on its ${largest.reachable} modules (no lint: what parsing them all costs)`,
        phase: 'heavy',
        argv: [path.join(here, 'parse-floor.js'), largest.target],
        env: { PID1_LINT_CACHE_DIR: path.join(benchDir, 'cache-parse-floor') },
        warmup: true,
      });
      // The read-once and worker levers show as well on the smallest monorepo, at a tenth of the time.
      const smallest = monorepos[0] as Workload;
      const harness = path.join(here, 'harness.js');
      // Programs read again (no kept analyses), as the levers are about reading them; summaries kept.
      const levers = path.join(benchDir, 'cache-levers');
      const forgetAnalyses = forget(levers, 'analyses');
      const leverEnv = { PID1_LINT_CACHE_DIR: levers };
      cases.push(
        { id: 'workers-2', label: `${smallest.name}, 2 worker threads (\`PID1_LINT_WORKERS=2\`), programs read again`, phase: 'heavy', argv: lint(smallest), env: { ...leverEnv, PID1_LINT_WORKERS: '2' }, before: forgetAnalyses, warmup: true, workload: smallest },
        { id: 'harness-shared', label: `${smallest.name}, in-process, one cache for all Dockerfiles (as the CLI), programs read again`, phase: 'heavy', argv: [harness, 'shared', smallest.target], env: leverEnv, before: forgetAnalyses, workload: smallest },
        { id: 'harness-per-dockerfile', label: `${smallest.name}, in-process, a fresh cache per Dockerfile (shared files read and parsed again)`, phase: 'heavy', argv: [harness, 'per-dockerfile', smallest.target], env: leverEnv, before: forgetAnalyses, workload: smallest },
      );
    }
  }
  const only = values.only ? new RegExp(values.only) : null;
  const selected = cases.filter((c) => !only || only.test(c.id));
  const nodeCase: Case = { id: 'node', label: '`node -e 0`', phase: 'light', argv: ['-e', '0'] };

  const sections: string[] = [];
  for (const phase of ['light', 'heavy'] as const) {
    const phaseCases = selected.filter((c) => c.phase === phase);
    if (phaseCases.length === 0) continue;
    const rounds = phase === 'light' ? runs : heavyRuns;
    const rows = new Map<Case, Row>(phaseCases.map((c) => [c, { c, samples: [], modulesRead: null, stats: null }]));
    const base: Sample[] = [];
    const outFile = (c: Case) => path.join(benchDir, 'out', `${c.id.replace(/\W+/g, '_')}.json`);
    const record = (row: Row, sample: Sample) => {
      row.modulesRead ??= modulesRead(outFile(row.c));
      const stats = /^stats: (.*)$/m.exec(sample.stderr)?.[1];
      if (stats) row.stats = JSON.parse(stats) as Row['stats'];
    };
    // Light cases get one unmeasured run each (it fills the page cache and the code cache), heavy
    // ones when they measure what an earlier run left.
    for (const c of phaseCases) {
      if (phase === 'heavy' && !c.warmup) continue;
      c.before?.();
      record(rows.get(c) as Row, await measure(c, outFile(c)));
    }
    for (let round = 0; round < rounds; round++) {
      console.error(`${phase} round ${round + 1}/${rounds}`);
      base.push(await measure(nodeCase, path.join(benchDir, 'out', 'node.txt')));
      for (const c of phaseCases) {
        c.before?.();
        const row = rows.get(c) as Row;
        const sample = await measure(c, outFile(c));
        record(row, sample);
        row.samples.push(sample);
      }
    }
    sections.push(table([...rows.values()], base));
  }
  const report = `Machine: ${machine()}.\nMedians; each table's \`node -e 0\` row was measured in the same rounds, interleaved with its cases.\n\n${sections.join('\n\n')}\n`;
  process.stdout.write(report);
  fs.writeFileSync(path.join(benchDir, 'last-run.md'), report);
  if (values.write) {
    const file = path.join(repo, 'BENCHMARKS.md');
    const text = fs.readFileSync(file, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
    fs.writeFileSync(file, `${text.slice(0, i + start.length)}\n${report}${text.slice(j)}`);
    console.error('BENCHMARKS.md updated');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
