import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { formatCompact } from '../../src/formatters/compact.js';
import { context, message, result, ROOT } from './helpers.js';

const LINE = /^(.+):(\d+):(\d+): (error|warning) (\S+): (.*)$/;

describe('compact format', () => {
  test('one `file:line:col: severity rule: message` line per finding, paths relative to the current folder', () => {
    const results = [
      result('svc/Dockerfile', [message('shell-form-pid1', 4, 5), message('exec-form-variable', 6, 1, { severity: 1, message: 'two\nlines' })]),
      result('svc/entrypoint.sh', [message('entrypoint-script-exec', 3, 1)]),
      result('clean/Dockerfile', []),
    ];
    const output = formatCompact(results, context({}, ROOT, path.join(ROOT, 'svc')));
    const rows = output.trimEnd().split('\n').map((l) => LINE.exec(l)?.slice(1));
    assert.deepEqual(rows, [
      ['Dockerfile', '4', '5', 'error', 'shell-form-pid1', 'finding of shell-form-pid1'],
      ['Dockerfile', '6', '1', 'warning', 'exec-form-variable', 'two lines'],
      ['entrypoint.sh', '3', '1', 'error', 'entrypoint-script-exec', 'finding of entrypoint-script-exec'],
    ]);
  });

  test('a file outside the current folder is shown by its absolute path; an unreadable file is `fatal`', () => {
    const output = formatCompact([result('other/Dockerfile', [message(null, 1, 1, { fatal: true, message: 'empty Dockerfile' })])], context({}, ROOT, path.join(ROOT, 'svc')));
    assert.equal(output, `${path.join(ROOT, 'other/Dockerfile')}:1:1: error fatal: empty Dockerfile\n`);
  });

  test('missing or broken positions become 1 instead of breaking the line shape', () => {
    const output = formatCompact([result('Dockerfile', [message('shell-form-pid1', Number.NaN, 0, { endLine: -3 })])], context());
    assert.equal(output, 'Dockerfile:1:1: error shell-form-pid1: finding of shell-form-pid1\n');
  });

  test('no findings, no output', () => {
    assert.equal(formatCompact([result('Dockerfile', [])], context()), '');
  });
});
