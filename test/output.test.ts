/**
 * src/output.ts: the command writes its report straight to the descriptor,
 * not through Node's stream (which costs its modules' load), with the
 * stream taking over when the descriptor will not take a write now.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DescriptorOutput } from '../src/output.js';
import { commandPath } from '../src/package-info.js';
import { writeTree } from './model/helpers.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A descriptor that takes `accept(n)` bytes of each write call, or throws. */
function descriptor(accept: (call: number, length: number) => number | NodeJS.ErrnoException) {
  const chunks: Buffer[] = [];
  let calls = 0;
  const writeSync = (_fd: number, bytes: Uint8Array, offset: number): number => {
    const n = accept(calls++, bytes.length - offset);
    if (typeof n !== 'number') throw n;
    chunks.push(Buffer.from(bytes.subarray(offset, offset + n)));
    return n;
  };
  const streamed: string[] = [];
  const stream = { write: (chunk: string | Uint8Array) => streamed.push(Buffer.from(chunk).toString()) > 0 } as unknown as NodeJS.WritableStream;
  return { written: () => Buffer.concat(chunks).toString(), streamed, writeSync, stream: () => stream };
}

test('partial writes are continued until every byte is written', () => {
  const d = descriptor(() => 3);
  const out = new DescriptorOutput(1, d.stream, d.writeSync);
  assert.equal(out.write('héllo wörld'), true);
  assert.equal(d.written(), 'héllo wörld');
  assert.deepEqual(d.streamed, []);
});

test('a descriptor that will not take a write now (EAGAIN): the rest goes through the stream, in order', () => {
  const d = descriptor((call) => (call === 0 ? 4 : errno('EAGAIN')));
  const out = new DescriptorOutput(1, d.stream, d.writeSync);
  out.write('first line\n');
  out.write('second line\n');
  assert.equal(d.written(), 'firs');
  assert.deepEqual(d.streamed, ['t line\n', 'second line\n']);
});

test('a reader that went away (EPIPE) or a closed descriptor (EBADF) ends the output quietly; other errors are thrown', () => {
  for (const code of ['EPIPE', 'EBADF']) {
    const d = descriptor(() => errno(code));
    const out = new DescriptorOutput(1, d.stream, d.writeSync);
    assert.equal(out.write('report'), false);
    assert.equal(out.write('more'), false);
    assert.deepEqual(d.streamed, []);
  }
  const d = descriptor(() => errno('ENOSPC'));
  assert.throws(() => new DescriptorOutput(1, d.stream, d.writeSync).write('report'), /ENOSPC/);
});

test('the command writes its report to a pipe or a file without loading Node\'s streams', () => {
  const dir = writeTree({ Dockerfile: 'FROM node:22-slim\nCMD ["node", "-e", "0"]\n' });
  const loads = path.join(dir, 'loads.cjs');
  const modules = path.join(dir, 'modules.txt');
  fs.writeFileSync(loads, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(modules)}, process.moduleLoadList.join('\\n')));\n`);
  const toPipe = spawnSync(process.execPath, ['-r', loads, commandPath(), '-f', 'json', dir], { encoding: 'utf8', env: { ...process.env, PID1_LINT_NO_CACHE: '1' } });
  assert.equal(JSON.parse(toPipe.stdout)[0].filePath, path.join(dir, 'Dockerfile'), toPipe.stderr);
  const loaded = fs.readFileSync(modules, 'utf8').split('\n');
  assert.deepEqual(loaded.filter((m) => /^NativeModule (?:net|stream|internal\/fs\/sync_write_stream)$/.test(m)), []);
  const file = path.join(dir, 'report.json');
  const fd = fs.openSync(file, 'w');
  const toFile = spawnSync(process.execPath, [commandPath(), '-f', 'json', dir], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, PID1_LINT_NO_CACHE: '1' } });
  fs.closeSync(fd);
  assert.equal(toFile.status, toPipe.status);
  assert.equal(fs.readFileSync(file, 'utf8'), toPipe.stdout);
});
