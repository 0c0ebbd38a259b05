/**
 * `npm run fuzz [-- --cases N] [-- --seed S] [-- --only TEXT] [-- --jobs J]`:
 * the fuzz properties at scale (100,000 cases by default), split by weight
 * and spread over one worker process per core, then the ReDoS check. Prints
 * a summary and exits 1 on any failure. Not a test file: it does nothing when
 * `node --test` loads it.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
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

/** Runs this worker's share of every property. */
async function runShard(shard: Shard): Promise<PropertyOutcome[]> {
  const selected = properties.filter((p) => !shard.only || p.name.includes(shard.only));
  // A skipped property's share goes to the others, so the run still reaches its case count.
  const skipped = new Set<string>();
  for (const p of selected) if (p.skip && (await p.skip()) !== null) skipped.add(p.name);
  const total = selected.filter((p) => !skipped.has(p.name)).reduce((n, p) => n + p.weight, 0);
  const scratch = new Scratch();
  const outcomes: PropertyOutcome[] = [];
  try {
    for (const p of selected) {
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
    options: { cases: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, jobs: { type: 'string' }, 'skip-redos': { type: 'boolean' } },
  });
  const cases = Number(values.cases ?? 100_000);
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const jobs = Math.max(1, Number(values.jobs ?? os.availableParallelism()));
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) throw new Error('--cases and --seed expect whole numbers');
  console.log(`pid1-lint fuzz: ${cases} cases, seed ${seed}, ${jobs} worker(s)${values.only ? `, only "${values.only}"` : ''}`);
  const started = Date.now();
  const self = fileURLToPath(import.meta.url);
  const shards = await Promise.all(
    Array.from({ length: jobs }, (_, index) =>
      new Promise<PropertyOutcome[]>((resolve, reject) => {
        const shard: Shard = { cases, seed, only: values.only, index, count: jobs };
        const child = fork(self, [], { env: { ...process.env, PID1_FUZZ_SHARD: JSON.stringify(shard) }, });
        let outcome: PropertyOutcome[] | null = null;
        child.on('message', (m) => (outcome = m as PropertyOutcome[]));
        child.on('exit', (code, signal) => (outcome ? resolve(outcome) : reject(new Error(`worker ${index + 1} died (${signal ?? `exit ${code}`}) without a result: an uncaught exception or a crash`))));
      }),
    ),
  );
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
    (outcomes) => send(outcomes, () => process.exit(0)),
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
