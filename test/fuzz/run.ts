/**
 * `npm run fuzz [-- --cases N] [-- --seed S] [-- --only TEXT] [-- --jobs J] [-- --hang-seconds S]`:
 * the fuzz properties at scale (100,000 cases by default), split by weight
 * and spread over one worker process per core, then the ReDoS check. Prints
 * a summary and exits 1 on any failure. A worker that makes no progress for
 * --hang-seconds (120) is stuck on one case: it is killed, the case's
 * repository is kept, and the run fails. Not a test file: it does nothing when
 * `node --test` loads it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { properties, runProperty, type PropertyOutcome } from './properties.js';
import { Scratch } from './harness.js';
import { checkAllPatterns } from '../redos/check.js';

interface Shard {
  cases: number;
  seed: number;
  only: string | undefined;
  index: number;
  count: number;
}

/** What a worker tells the coordinator: its scratch folder, progress (the watchdog's heartbeat), and at the end its outcomes. */
type WorkerMessage = { kind: 'scratch'; dir: string } | { kind: 'case' } | { kind: 'property'; name: string } | { kind: 'done'; outcomes: PropertyOutcome[] };

function beat(message: WorkerMessage): void {
  process.send?.(message);
}

/** Runs this worker's share of every property. */
async function runShard(shard: Shard): Promise<PropertyOutcome[]> {
  const selected = properties.filter((p) => !shard.only || p.name.includes(shard.only));
  // A skipped property's share goes to the others, so the run still reaches its case count.
  const skipped = new Set<string>();
  for (const p of selected) if (p.skip && (await p.skip()) !== null) skipped.add(p.name);
  const total = selected.filter((p) => !skipped.has(p.name)).reduce((n, p) => n + p.weight, 0);
  const scratch = new Scratch();
  // The coordinator's hang watchdog: where this worker writes its cases, and a beat per case.
  beat({ kind: 'scratch', dir: scratch.dir });
  scratch.onCase = () => beat({ kind: 'case' });
  const outcomes: PropertyOutcome[] = [];
  try {
    for (const p of selected) {
      beat({ kind: 'property', name: p.name });
      const all = skipped.has(p.name) ? 0 : Math.max(1, Math.ceil((shard.cases * p.weight) / total));
      const mine = Math.floor(all / shard.count) + (shard.index < all % shard.count ? 1 : 0);
      const started = Date.now();
      const outcome = await runProperty(p, scratch, mine, shard.seed + shard.index);
      process.stderr.write(`[worker ${shard.index + 1}/${shard.count}] ${outcome.skipped ? 'skipped' : outcome.failure ? 'FAILED' : 'ok'} ${outcome.runs} cases in ${((Date.now() - started) / 1000).toFixed(0)} s: ${p.name}\n`);
      outcomes.push(outcome);
    }
  } finally {
    scratch.dispose();
  }
  return outcomes;
}

async function coordinator(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, jobs: { type: 'string' }, 'skip-redos': { type: 'boolean' }, 'hang-seconds': { type: 'string' } },
  });
  // A worker silent this long is stuck on one case (a hang is a failure like a crash).
  const hangMs = Number(values['hang-seconds'] ?? 120) * 1000;
  const cases = Number(values.cases ?? 100_000);
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const jobs = Math.max(1, Number(values.jobs ?? os.availableParallelism()));
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) throw new Error('--cases and --seed expect whole numbers');
  console.log(`pid1-lint fuzz: ${cases} cases, seed ${seed}, ${jobs} worker(s)${values.only ? `, only "${values.only}"` : ''}`);
  const started = Date.now();
  const self = fileURLToPath(import.meta.url);
  const children: ChildProcess[] = [];
  const shards = await Promise.all(
    Array.from({ length: jobs }, (_, index) =>
      new Promise<PropertyOutcome[]>((resolve, reject) => {
        const shard: Shard = { cases, seed, only: values.only, index, count: jobs };
        const child = fork(self, [], { env: { ...process.env, PID1_FUZZ_SHARD: JSON.stringify(shard) } });
        children.push(child);
        let outcome: PropertyOutcome[] | null = null;
        let scratchDir: string | null = null;
        let property = '';
        let lastBeat = Date.now();
        let hang: string | null = null;
        const watchdog = setInterval(() => {
          if (Date.now() - lastBeat < hangMs || hang) return;
          // Keep the stuck case before the worker (and its scratch folder) goes.
          const kept = path.join(os.tmpdir(), `pid1-lint-fuzz-hang-${seed}-worker${index + 1}`);
          fs.rmSync(kept, { recursive: true, force: true });
          if (scratchDir && fs.existsSync(scratchDir)) fs.cpSync(scratchDir, kept, { recursive: true, verbatimSymlinks: true });
          hang = `worker ${index + 1} made no progress for ${hangMs / 1000} s in "${property}": a hang; the case's repository is kept in ${kept}`;
          child.kill('SIGKILL');
        }, 1000);
        child.on('message', (m: WorkerMessage) => {
          lastBeat = Date.now();
          if (m.kind === 'scratch') scratchDir = m.dir;
          else if (m.kind === 'property') property = m.name;
          else if (m.kind === 'done') outcome = m.outcomes;
        });
        child.on('exit', (code, signal) => {
          clearInterval(watchdog);
          if (outcome) resolve(outcome);
          else reject(new Error(hang ?? `worker ${index + 1} died (${signal ?? `exit ${code}`}) without a result: an uncaught exception or a crash`));
        });
      }),
    ),
  ).catch((err: unknown) => {
    // One worker hung or crashed: the run has failed; stop the others too.
    for (const child of children) child.kill('SIGKILL');
    throw err;
  });
  let failed = false;
  let ran = 0;
  console.log('\nproperty                                                                     cases  result');
  for (let i = 0; i < (shards[0]?.length ?? 0); i++) {
    const parts = shards.map((s) => s[i] as PropertyOutcome);
    const first = parts[0] as PropertyOutcome;
    const runs = parts.reduce((n, p) => n + p.runs, 0);
    ran += runs;
    const failures = parts.filter((p) => p.failure);
    failed ||= failures.length > 0;
    console.log(`${first.name.slice(0, 76).padEnd(76)} ${String(runs).padStart(6)}  ${first.skipped ? `skipped: ${first.skipped}` : failures.length ? 'FAILED' : 'ok'}`);
    for (const f of failures) console.log(`  ${f.failure?.replace(/\n/g, '\n  ')}`);
  }
  console.log(`\n${ran} cases in ${((Date.now() - started) / 1000).toFixed(0)} s: ${failed ? 'FAILURES (above)' : 'no failure'}`);
  if (!values['skip-redos']) {
    console.log('\nReDoS check (every regular expression in src/ and rules/, crafted inputs up to 64 KiB):');
    const redos = await checkAllPatterns();
    for (const line of redos.report) console.log(`  ${line}`);
    failed ||= redos.offenders > 0;
  }
  return failed ? 1 : 0;
}

// `node --test dist/test/` loads every file under test/: only run when started as the script (or as its worker).
const shardSpec = process.env.PID1_FUZZ_SHARD;
if (shardSpec && process.send) {
  const send = process.send.bind(process);
  // The coordinator is gone (interrupted): stop rather than run on unattended.
  process.on('disconnect', () => process.exit(1));
  runShard(JSON.parse(shardSpec) as Shard).then(
    (outcomes) => send({ kind: 'done', outcomes } satisfies WorkerMessage, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(3);
    },
  );
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.env.NODE_TEST_CONTEXT === undefined) {
  coordinator().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
