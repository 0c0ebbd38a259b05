/**
 * Preloaded (`node --require`) into every process the benchmark measures,
 * the `node -e 0` baseline included: at exit it writes the process's own
 * resource usage (getrusage covers all its threads; maxRSS is the peak) to
 * the file PID1_BENCH_RUSAGE names. Node reports no rusage for children,
 * and GNU time may not be installed.
 */
// CommonJS on purpose: an ESM (--import) preload would start the ESM loader in the `node -e 0` baseline.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('node:fs');

const target = process.env.PID1_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
