/**
 * Hostile and broken input that cannot be committed as a fixture (binary,
 * huge, symlink loops, unreadable files…) or is best generated: each is
 * written to a temporary folder and linted through the CLI, asserting the
 * exact message and exit code. The small cases are fixtures (hostile-*).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandPath, packageRoot } from '../../src/package-info.js';
import type { LintResult } from '../../src/types.js';
import { runMain } from '../fuzz/harness.js';

const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";
const NODE_APP = (entry: string) => `FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "${entry}"]\n`;

const roots: string[] = [];
after(() => {
  for (const r of roots) {
    fs.chmodSync(r, 0o755);
    fs.rmSync(r, { recursive: true, force: true });
  }
});

function tree(files: Record<string, string | Buffer>, name = 'repo'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-hostile-'));
  roots.push(root);
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function lint(target: string, ...args: string[]): Promise<{ code: number; results: LintResult[]; stderr: string }> {
  const r = await runMain(['-f', 'json', ...args, target], path.dirname(target));
  return { code: r.code, results: r.stdout ? (JSON.parse(r.stdout) as LintResult[]) : [], stderr: r.stderr };
}

/** `file:line severity message` of every message, context-relative. */
function messages(results: LintResult[], base: string): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(base, r.filePath)}:${m.line} ${m.severity === 2 ? 'error' : 'warning'} ${m.message}`));
}

describe('hostile input: the Dockerfile itself', () => {
  test('binary content (NUL bytes): exit 2, named', async () => {
    const dir = tree({ Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0x00, 0xff, 0x0a]) });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 2);
    assert.deepEqual(messages(r.results, dir), ['Dockerfile:1 error not a Dockerfile: binary content (NUL bytes)']);
  });

  test('10 MB: refused with its size, exit 2, without parsing it', async () => {
    const dir = tree({ Dockerfile: `FROM node:22\n${'RUN echo 0123456789abcdef\n'.repeat(420_000)}` });
    const size = fs.statSync(path.join(dir, 'Dockerfile')).size;
    assert.ok(size > 10_000_000);
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 2);
    assert.deepEqual(messages(r.results, dir), [`Dockerfile:1 error not linted: ${size} bytes is too large for a Dockerfile (the limit is 1048576 bytes)`]);
  });

  test('10,000-line continuations: one RUN and one CMD, read as BuildKit joins them', async () => {
    const run = `RUN echo start \\\n${'  && echo step \\\n'.repeat(10_000)}  && true\n`;
    const cmd = `CMD ["node", \\\n${'  \\\n'.repeat(10_000)}  "server.js"]\n`;
    const dir = tree({ Dockerfile: `FROM node:22-slim\nWORKDIR /app\nCOPY server.js .\n${run}${cmd}`, 'server.js': SERVER });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0, messages(r.results, dir).join('\n'));
    assert.deepEqual(r.results[0]?.pid1?.argv, ['docker-entrypoint.sh', 'node', 'server.js']);
    assert.equal(r.results[0]?.pid1?.stopsOnSignal, true);
  });

  test('empty, and without FROM: exit 2 with the reason (fixtures hostile-empty-dockerfile, hostile-no-from)', async () => {
    for (const [name, message] of [
      ['hostile-empty-dockerfile', 'empty Dockerfile: nothing to lint'],
      ['hostile-no-from', 'no FROM instruction: this is not a Dockerfile Docker can build'],
    ] as const) {
      const dir = path.join(packageRoot(), 'fixtures', name);
      const r = await lint(path.join(dir, 'Dockerfile'));
      assert.equal(r.code, 2, name);
      assert.deepEqual(messages(r.results, dir), [`Dockerfile:1 error ${message}`]);
    }
  });

  test('invalid UTF-8: a warning at its line, the rest linted (fixture hostile-invalid-utf8)', async () => {
    const dir = path.join(packageRoot(), 'fixtures', 'hostile-invalid-utf8');
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(messages(r.results, dir), ['Dockerfile:2 warning invalid UTF-8 on this line: its bytes that are not UTF-8 were read as U+FFFD']);
    assert.equal(r.results[0]?.pid1?.stopsOnSignal, true);
  });

  test('a FIFO named Dockerfile is refused instead of blocking', async (t) => {
    const dir = tree({});
    const fifo = path.join(dir, 'Dockerfile');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return t.skip('mkfifo is not available here');
    const r = await lint(fifo);
    assert.equal(r.code, 2);
    assert.deepEqual(messages(r.results, dir), ['Dockerfile:1 error cannot read the Dockerfile: not a regular file']);
  });

  test('a symlink loop: exit 2, named', async () => {
    const dir = tree({});
    fs.symlinkSync('Dockerfile.b', path.join(dir, 'Dockerfile'));
    fs.symlinkSync('Dockerfile', path.join(dir, 'Dockerfile.b'));
    // Named on the command line: a usage error on stderr.
    const direct = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(direct.code, 2);
    assert.equal(direct.stderr, `pid1-lint: ${path.join(dir, 'Dockerfile')}: symlink loop\n`);
    // Found in a folder: a fatal result for that file.
    const found = await lint(dir);
    assert.equal(found.code, 2);
    assert.deepEqual(messages(found.results, dir), ['Dockerfile:1 error cannot read the Dockerfile: symlink loop', 'Dockerfile.b:1 error cannot read the Dockerfile: symlink loop']);
  });

  test('a missing path: exit 2 with the path on stderr; the other paths are still linted', async () => {
    const dir = tree({ Dockerfile: NODE_APP('server.js'), 'server.js': SERVER });
    const r = await runMain(['-f', 'json', 'no-such/Dockerfile', 'Dockerfile'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'pid1-lint: no-such/Dockerfile: no such file or folder\n');
    assert.deepEqual((JSON.parse(r.stdout) as LintResult[]).map((x) => [path.basename(x.filePath), x.errorCount]), [['Dockerfile', 0]]);
  });

  test('a folder with a broken Dockerfile and a good one: both reported, exit 2', async () => {
    const dir = tree({ 'api/Dockerfile': Buffer.from('\0\0\0'), 'web/Dockerfile': NODE_APP('server.js'), 'web/server.js': SERVER });
    const r = await lint(dir);
    assert.equal(r.code, 2);
    assert.deepEqual(messages(r.results, dir), ['api/Dockerfile:1 error not a Dockerfile: binary content (NUL bytes)']);
    assert.equal(r.results.find((x) => x.filePath.endsWith(path.join('web', 'Dockerfile')))?.pid1?.stopsOnSignal, true);
  });

  test('a directory symlink loop does not stop the search', async () => {
    const dir = tree({ 'app/Dockerfile': NODE_APP('server.js'), 'app/server.js': SERVER });
    fs.symlinkSync('..', path.join(dir, 'app', 'up'));
    const r = await lint(dir);
    assert.equal(r.code, 0);
    assert.deepEqual(r.results.map((x) => path.relative(dir, x.filePath)), [path.join('app', 'Dockerfile')]);
  });

  test('a path with spaces and non-ASCII letters', async () => {
    const dir = tree({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY ["src dir/ünï côde.js", "./"]\nCMD ["node", "ünï côde.js"]\n', 'src dir/ünï côde.js': SERVER }, 'my äpp');
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0, messages(r.results, dir).join('\n'));
    assert.equal(r.results[0]?.pid1?.entry, 'src dir/ünï côde.js');
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'src dir/ünï côde.js', line: 1, via: 'process.on' });
  });
});

describe('hostile input: the build context and the program', () => {
  test('deeply nested JSON: package.json (100,000 levels), tsconfig.json, and an exec-form CMD', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const dir = tree({
      Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n',
      'package.json': `{"scripts":{"start":"node server.js"},"deep":${deep(100_000)}}`,
      'tsconfig.json': `{"compilerOptions":{"outDir":"dist"},"deep":${deep(100_000)}}`,
      'server.js': SERVER,
    });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.results.flatMap((x) => x.messages.map((m) => m.ruleId)), ['package-manager-pid1']);
    const cmd = tree({ Dockerfile: `FROM node:22-slim\nCMD ${deep(20_000)}\n` });
    const c = await lint(path.join(cmd, 'Dockerfile'));
    assert.equal(c.code, 1);
    assert.deepEqual(c.results[0]?.messages.map((m) => [m.ruleId, m.line]), [['invalid-exec-form', 2]]);
  });

  test('a source nested too deeply for the parser: reported at the file, the rest of the graph still read', async () => {
    const dir = tree({ Dockerfile: NODE_APP('server.js'), 'server.js': "require('./deep.js');\nrequire('./stop.js');\n", 'deep.js': `module.exports = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`, 'stop.js': SERVER });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(messages(r.results, dir), ['deep.js:1 warning deep.js could not be parsed: nested too deeply to be read (the parser ran out of stack); the rest of the program was still read']);
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'stop.js', line: 1, via: 'process.on' });
  });

  test('TS/JS syntax errors in a module read in full: reported with their line, the rest of the graph still read', async () => {
    // `process` makes broken.ts a module the analysis reads in full (module-summary.ts relevanceTest).
    const dir = tree({ Dockerfile: NODE_APP('server.ts'), 'server.ts': "import './broken.js';\nimport './stop.js';\n", 'broken.ts': 'export const x = ;\nprocess.exitCode = 0;\n', 'stop.ts': SERVER });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(messages(r.results, dir), ['broken.ts:1 warning broken.ts could not be parsed: Expression expected.; the rest of the program was still read']);
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'stop.ts', line: 1, via: 'process.on' });
  });

  test('a module only scanned for its imports: a grammar error is not reported and its imports are followed; an unterminated string is', async () => {
    // Nothing hands broken.ts a value or runs it for its side effects: the analysis never looks into it (scan.ts).
    const dir = tree({
      Dockerfile: NODE_APP('server.ts'),
      'server.ts': "import { x } from './broken.js';\nimport './open.js';\nimport './stop.js';\nexport const y = x;\n",
      'broken.ts': "import { z } from './extra.js';\nexport const x = ;\nexport const w = z;\n",
      'extra.ts': 'export const z = 1;\n',
      'open.ts': "export const s = 'no end;\n",
      'stop.ts': SERVER,
    });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(messages(r.results, dir), ['open.ts:1 warning open.ts could not be parsed: Unterminated string literal.; the rest of the program was still read']);
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'stop.ts', line: 1, via: 'process.on' });
    assert.ok(r.results[0]?.pid1?.notes.includes('files read: server.ts, broken.ts, stop.ts, extra.ts'), r.results[0]?.pid1?.notes.join('\n'));
  });

  test('a binary source file is a parse error of that file, not a crash', async () => {
    const dir = tree({ Dockerfile: NODE_APP('server.js'), 'server.js': "require('./blob.js');\nrequire('./stop.js');\n", 'blob.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0xff, 0xfe, 0x28]), 'stop.js': SERVER });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    const found = messages(r.results, dir);
    assert.equal(found.length, 1);
    assert.match(found[0] as string, /^blob\.js:1 warning blob\.js could not be parsed: .+; the rest of the program was still read$/);
  });

  test('an import cycle and a 50-level import chain: every module read once, the handler at the end found', async () => {
    const files: Record<string, string> = { Dockerfile: NODE_APP('m0.js'), 'a.js': "require('./b.js');\n", 'b.js': "require('./a.js');\n" };
    for (let i = 0; i < 50; i++) files[`m${i}.js`] = `require('./a.js');\nrequire('./m${i + 1}.js');\n`;
    files['m50.js'] = SERVER;
    const dir = tree(files);
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0, messages(r.results, dir).join('\n'));
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'm50.js', line: 1, via: 'process.on' });
    const read = r.results[0]?.pid1?.notes.find((n) => n.startsWith('files read: '));
    // The note lists a dozen and counts the rest: "… and 41 more (53 in all)".
    assert.match(read ?? '', /\(53 in all\)$/, 'm0…m50, a and b, each once');
  });

  test('a source that is a symlink loop: reported, the rest still read', async () => {
    const dir = tree({ Dockerfile: NODE_APP('server.js'), 'server.js': "require('./loop.js');\nrequire('./stop.js');\n", 'stop.js': SERVER });
    fs.symlinkSync('loop2.js', path.join(dir, 'loop.js'));
    fs.symlinkSync('loop.js', path.join(dir, 'loop2.js'));
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(messages(r.results, dir), []);
    assert.ok(r.results[0]?.pid1?.notes.includes("server.js:1: './loop.js' was not found in the build context"), r.results[0]?.pid1?.notes.join('\n'));
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'stop.js', line: 1, via: 'process.on' });
  });

  test('symlinks that lead outside the build context are not followed', async () => {
    const dir = tree({ 'ctx/Dockerfile': NODE_APP('server.js'), 'outside.js': SERVER, 'ctx/lib.js': "require('./escape.js');\n" });
    fs.symlinkSync('../outside.js', path.join(dir, 'ctx', 'server.js'));
    const r = await lint(path.join(dir, 'ctx', 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(messages(r.results, path.join(dir, 'ctx')), [
      'Dockerfile:4 warning The program `node server.js` is not read: server.js leads outside the build context (a symlink), so it is not followed, so whether it handles SIGTERM is unknown',
    ]);
    assert.equal(r.results[0]?.pid1?.stopsOnSignal, null, 'the handler outside the context is not read');
  });

  test('COPY ../server.js reads the context root, as BuildKit does (fixture hostile-copy-parent)', async () => {
    const dir = path.join(packageRoot(), 'fixtures', 'hostile-copy-parent', 'ctx');
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.equal(r.results[0]?.pid1?.entry, 'server.js');
    assert.equal(r.results[0]?.pid1?.stopsOnSignal, true, 'ctx/server.js (with a handler) was read, not ../server.js');
  });

  test('a missing entry: unresolved-entrypoint names what was tried', async () => {
    const dir = tree({ Dockerfile: NODE_APP('server.js') });
    const r = await lint(path.join(dir, 'Dockerfile'));
    assert.equal(r.code, 0);
    assert.deepEqual(r.results[0]?.messages.map((m) => [m.ruleId, m.line]), [['unresolved-entrypoint', 4]]);
    assert.match(r.results[0]?.messages[0]?.message ?? '', /could not find the source of `node server\.js` in the build context \(tried server\.js/);
  });
});

describe('hostile input: unreadable files (EACCES)', () => {
  // root reads through chmod 000: run the CLI as an unprivileged user instead (nobody), when that is possible here.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const bin = commandPath();
  const canRunAsNobody = (dir: string): string | null => {
    if (process.platform !== 'linux') return 'not Linux';
    const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(bin)}); require('fs').readdirSync(${JSON.stringify(dir)})`], { ...asUser });
    return probe.status === 0 ? null : `the CLI cannot run as uid 65534 here (${probe.stderr.toString().trim().split('\n')[0] ?? 'no reason'})`;
  };
  const unreadable = (files: Record<string, string>, locked: string): string => {
    const dir = tree(files);
    for (let d = dir; d !== path.dirname(d) && d.startsWith(os.tmpdir()) && d !== os.tmpdir(); d = path.dirname(d)) fs.chmodSync(d, 0o755);
    fs.chmodSync(path.join(dir, locked), 0o000);
    return dir;
  };
  const run = (dir: string) => {
    const r = spawnSync(process.execPath, [bin, '-f', 'json', 'Dockerfile'], { cwd: dir, encoding: 'utf8', ...asUser });
    return { code: r.status, results: JSON.parse(r.stdout || '[]') as LintResult[], stderr: r.stderr };
  };

  test('an unreadable Dockerfile: exit 2, "permission denied"', (t) => {
    const dir = unreadable({ Dockerfile: NODE_APP('server.js'), 'server.js': SERVER }, 'Dockerfile');
    const why = canRunAsNobody(dir);
    if (why) return t.skip(why);
    const r = run(dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(messages(r.results, dir), ['Dockerfile:1 error cannot read the Dockerfile: permission denied']);
  });

  test('an unreadable source: reported at the file, the rest of the program still read', (t) => {
    const dir = unreadable({ Dockerfile: NODE_APP('server.js'), 'server.js': "require('./secret.js');\nrequire('./stop.js');\n", 'secret.js': 'x', 'stop.js': SERVER }, 'secret.js');
    const why = canRunAsNobody(dir);
    if (why) return t.skip(why);
    const r = run(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(messages(r.results, dir), ['secret.js:1 warning cannot read secret.js: permission denied; the rest of the program was still read']);
    assert.deepEqual(r.results[0]?.pid1?.handler, { file: 'stop.js', line: 1, via: 'process.on' });
  });
});
