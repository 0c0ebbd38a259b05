/**
 * Lints many Dockerfiles on worker threads: reading a program is CPU-bound
 * parsing, so a monorepo's services spread over the cores. Each worker
 * loads the parser once and keeps its own per-run caches, so a module that
 * many services share is parsed once per worker instead of once per run;
 * Dockerfiles are handed out one at a time to whichever worker is free.
 * Results come back in the order of the files, as a sequential run gives
 * them. BENCHMARKS.md has the measurements behind the thresholds.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
/** Below this many Dockerfiles per worker, loading the parser again costs more than it saves. */
const MIN_FILES_PER_WORKER = 4;
/** Each worker holds its own parser and caches (~100 MB at most, BENCHMARKS.md). */
const MAX_WORKERS = 4;
/**
 * How many workers to use: PID1_LINT_WORKERS (a number, or `auto`: one per
 * core when there is enough work). Off by default: on the 2-core machines
 * measured, workers cost more CPU and memory than they saved in wall time
 * (BENCHMARKS.md).
 */
export function workerCount(files, env = process.env) {
    const asked = env.PID1_LINT_WORKERS;
    if (asked === 'auto') {
        const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
        const count = Math.min(cores, MAX_WORKERS, Math.floor(files / MIN_FILES_PER_WORKER));
        return count >= 2 ? count : 0;
    }
    const n = Number(asked);
    return asked && Number.isInteger(n) && n > 1 ? Math.min(n, files) : 0;
}
/** Lints `files` on `count` workers, each with its own options; outcomes are in the order of the tasks. */
export function lintInWorkers(tasks, count) {
    const outcomes = new Array(tasks.length);
    let next = 0;
    let settled = 0;
    let alive = count;
    return new Promise((resolve) => {
        const settle = (index, outcome) => {
            outcomes[index] = outcome;
            if (++settled === tasks.length)
                resolve(outcomes);
        };
        for (let w = 0; w < count; w++) {
            const worker = new Worker(workerEntry());
            /** The file this worker is linting, so a crash fails exactly that one. */
            let current = null;
            const dispatch = () => {
                current = next < tasks.length ? next++ : null;
                const task = current === null ? undefined : tasks[current];
                worker.postMessage((task === undefined || current === null ? { done: true } : { index: current, ...task }));
            };
            worker.on('message', (reply) => {
                current = null;
                settle(reply.index, 'error' in reply ? { error: reply.error } : { results: reply.results });
                dispatch();
            });
            let failed = false;
            const fail = (reason) => {
                if (failed)
                    return;
                failed = true;
                if (current !== null)
                    settle(current, { error: reason });
                // The last worker gone: nobody is left to take the files not handed out yet.
                if (--alive === 0)
                    while (next < tasks.length)
                        settle(next++, { error: reason });
            };
            worker.on('error', (error) => fail(error.stack ?? error.message));
            worker.on('exit', (code) => {
                if (code !== 0)
                    fail(`worker thread exited with code ${code}`);
            });
            dispatch();
        }
    });
}
/**
 * The worker threads' entry: beside this module in dist/src/engine/, or,
 * in the bundled command (dist/bundle/cli.cjs), the bundled lint-worker.cjs.
 */
function workerEntry() {
    return import.meta.url.endsWith('.cjs') ? new URL('./lint-worker.cjs', import.meta.url) : new URL('./lint-worker.js', import.meta.url);
}
//# sourceMappingURL=pool.js.map