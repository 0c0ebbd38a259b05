import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeSource, lines } from './helpers.js';

type Facts = Awaited<ReturnType<typeof analyzeSource>>;

function kids(facts: Facts): [number, string, string | undefined, string][] {
  return facts.children.map((c) => [c.line, c.via, c.command, c.reachable]);
}

test('child_process spawn detection: named import, node: prefix, namespace, require', async () => {
  const facts = await analyzeSource(lines(
    "import { spawn } from 'node:child_process';",
    "import * as cp from 'child_process';",
    "const { execSync } = require('child_process');",
    "spawn('sh', ['-c', 'sleep 10 &']);",
    "cp.fork('./worker.js');",
    "execSync('ls');",
    "require('node:child_process').exec('date');",
  ));
  assert.deepEqual(kids(facts), [
    [4, 'child_process.spawn', 'sh', 'yes'],
    [5, 'child_process.fork', './worker.js', 'yes'],
    [6, 'child_process.execSync', 'ls', 'yes'],
    [7, 'child_process.exec', 'date', 'yes'],
  ]);
  assert.equal(facts.children[0]?.column, 1);
});

test('detached children and promisified exec', async () => {
  const facts = await analyzeSource(lines(
    "import { spawn, exec } from 'child_process';",
    "import { promisify } from 'node:util';",
    'const run = promisify(exec);',
    "spawn('chromium', [], { detached: true, stdio: 'ignore' }).unref();",
    "await run('ls');",
  ));
  assert.deepEqual(kids(facts), [
    [4, 'child_process.spawn', 'chromium', 'yes'],
    [5, 'child_process.exec', 'ls', 'yes'],
  ]);
  assert.equal(facts.children[0]?.detached, true);
  assert.equal(facts.children[1]?.detached, undefined);
});

test('a launcher call in a function never called is not reported', async () => {
  const facts = await analyzeSource(lines("import { spawn } from 'node:child_process';", "function later() { spawn('x'); }", 'void later;'));
  assert.deepEqual(facts.children, []);
});

test('a launcher called from a reached function is reported', async () => {
  const facts = await analyzeSource(lines(
    "import { execFile } from 'node:child_process';",
    "function convert() { execFile('convert', ['a.png', 'b.jpg']); }",
    "process.on('SIGUSR2', () => convert());",
  ));
  assert.deepEqual(kids(facts), [[2, 'child_process.execFile', 'convert', 'yes']]);
});

test('execa, cross-spawn and zx', async () => {
  const facts = await analyzeSource(lines(
    "import { execa } from 'execa';",
    "import spawn from 'cross-spawn';",
    "import { $ } from 'zx';",
    "await execa('npm', ['run', 'x']);",
    "spawn.sync('git', ['status']);",
    'await $`ls -la`;',
  ));
  assert.deepEqual(kids(facts), [
    [4, 'execa.execa', 'npm', 'yes'],
    [5, 'cross-spawn.sync', 'git', 'yes'],
    [6, 'zx.$', 'ls -la', 'yes'],
  ]);
});

test('puppeteer and playwright browser launches', async () => {
  const facts = await analyzeSource(lines(
    "import puppeteer from 'puppeteer';",
    "import { chromium } from 'playwright';",
    'const a = await puppeteer.launch();',
    'const b = await chromium.launch({ headless: true });',
    'void a; void b;',
  ));
  assert.deepEqual(kids(facts), [
    [3, 'puppeteer.launch', undefined, 'yes'],
    [4, 'playwright.chromium.launch', undefined, 'yes'],
  ]);
});
