/**
 * Many Dockerfiles in one run (a monorepo): what the run relies on for
 * speed, checked without timing anything. Files shared by services are
 * parsed once per run; worker threads give the same output as one thread.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { generateMonorepo } from '../../bench/workloads.js';
import { ContextFiles } from '../../src/context/files.js';
import { discoverDockerfiles } from '../../src/discover.js';
import { lintDockerfile } from '../../src/engine/linter.js';
import { workerCount } from '../../src/engine/pool.js';
import { commandPath } from '../../src/package-info.js';
import { createProgramCache } from '../../src/program/analyze.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-many-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
// Three services importing the shared workspace packages (the benchmark's generator, made small).
const repo = generateMonorepo(root, 'repo', { services: 3, modulesPerService: 8 });

describe('many Dockerfiles', () => {
  test('a file shared by services is read and parsed once per run; files nothing imports are not read', async () => {
    const files = new ContextFiles();
    const programCache = createProgramCache(files);
    const dockerfiles = discoverDockerfiles([repo.target], root).files;
    assert.equal(dockerfiles.length, 3);
    for (const file of dockerfiles) await lintDockerfile(file, { files, programCache });
    const read = programCache.modulesRead;
    assert.equal(read.size, repo.reachable, 'every reachable module, and only those');
    assert.ok(![...read].some((f) => f.endsWith('.test.ts')), 'tests nothing imports are not read');
    assert.equal(programCache.stats.parses, repo.reachable, 'each module parsed once');
    assert.ok(programCache.stats.hits >= 2 * 20, `the shared package's modules are reused: ${JSON.stringify(programCache.stats)}`);
  });

  test('worker threads give the output of one thread', () => {
    const run = (workers: string) => {
      const r = spawnSync(process.execPath, [commandPath(), '-f', 'json', repo.target], { encoding: 'utf8', env: { ...process.env, PID1_LINT_WORKERS: workers } });
      assert.equal(r.stderr, '');
      return { code: r.status, stdout: r.stdout };
    };
    const single = run('0');
    assert.equal((JSON.parse(single.stdout) as unknown[]).length, 3);
    assert.deepEqual(run('2'), single);
  });

  test('workers only when asked: PID1_LINT_WORKERS=N, or auto with enough Dockerfiles', () => {
    assert.equal(workerCount(200, {}), 0);
    assert.equal(workerCount(200, { PID1_LINT_WORKERS: '3' }), 3);
    assert.equal(workerCount(2, { PID1_LINT_WORKERS: '3' }), 2);
    assert.equal(workerCount(200, { PID1_LINT_WORKERS: '1' }), 0);
    assert.equal(workerCount(3, { PID1_LINT_WORKERS: 'auto' }), 0);
  });
});
