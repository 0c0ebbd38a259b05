import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, type WriteIo } from '../../src/fix/write.js';
import { writeTree } from '../model/helpers.js';

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  test('replaces the text and keeps the mode (an executable script stays executable)', () => {
    const dir = writeTree({ 'entrypoint.sh': '#!/bin/sh\nnode server.js\n' }, { 'entrypoint.sh': 0o750 });
    const file = path.join(dir, 'entrypoint.sh');
    assert.deepEqual(writeFileAtomic(file, '#!/bin/sh\nexec node server.js\n'), { ok: true });
    assert.equal(fs.readFileSync(file, 'utf8'), '#!/bin/sh\nexec node server.js\n');
    assert.equal(fs.statSync(file).mode & 0o7777, 0o750);
    assert.deepEqual(leftovers(dir), []);
  });

  test('writes the text byte for byte: BOM and CRLF survive', () => {
    const dir = writeTree({ Dockerfile: 'x' });
    const file = path.join(dir, 'Dockerfile');
    writeFileAtomic(file, '\uFEFFFROM x\r\nCMD ["a"]\r\n');
    assert.deepEqual([...fs.readFileSync(file).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFFFROM x\r\nCMD ["a"]\r\n');
  });

  test('a read-only file is reported, not replaced (even when running as root)', () => {
    const dir = writeTree({ Dockerfile: 'FROM x\n' }, { Dockerfile: 0o444 });
    const file = path.join(dir, 'Dockerfile');
    assert.deepEqual(writeFileAtomic(file, 'changed'), { ok: false, reason: 'the file is read-only' });
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM x\n');
  });

  test('a missing file or a folder is reported', () => {
    const dir = writeTree({ 'a/x': '' });
    assert.deepEqual(writeFileAtomic(path.join(dir, 'missing'), 'x'), { ok: false, reason: 'file not found' });
    assert.deepEqual(writeFileAtomic(path.join(dir, 'a'), 'x'), { ok: false, reason: 'not a regular file' });
  });

  test('when the rename fails the original is untouched and the temporary file is removed', () => {
    const dir = writeTree({ Dockerfile: 'FROM x\n' });
    const file = path.join(dir, 'Dockerfile');
    const failingRename: WriteIo = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    const outcome = writeFileAtomic(file, 'changed', failingRename);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /EXDEV/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM x\n');
    assert.deepEqual(leftovers(dir), []);
  });

  test('a symlinked file: the target changes and the link stays a link', () => {
    const dir = writeTree({ 'real/Dockerfile': 'FROM x\n' });
    const link = path.join(dir, 'Dockerfile');
    fs.symlinkSync(path.join(dir, 'real', 'Dockerfile'), link);
    assert.deepEqual(writeFileAtomic(link, 'FROM y\n'), { ok: true });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'Dockerfile'), 'utf8'), 'FROM y\n');
  });
});
