/**
 * A worker thread of the pool (pool.ts): lints the Dockerfiles it is sent,
 * one at a time, with caches shared by all the files it gets.
 */
import { parentPort } from 'node:worker_threads';
import { enableCompileCache } from '../cache/compile-cache.js';
import { ContextFiles } from '../context/files.js';
import { lintDockerfile } from './linter.js';
import type { WorkerReply, WorkerTask } from './pool.js';

enableCompileCache();
const files = new ContextFiles();
const port = parentPort;
port?.on('message', (task: WorkerTask) => {
  if ('done' in task) {
    // Closing the port lets the thread end normally (and the code cache be written).
    port.close();
    return;
  }
  lintDockerfile(task.file, { ...task.options, files })
    .then((lint): WorkerReply => ({ index: task.index, results: lint.results }))
    .catch((err: unknown): WorkerReply => ({ index: task.index, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
    .then((reply) => port.postMessage(reply));
});
