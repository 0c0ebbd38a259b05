import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCheckstyle } from '../../src/formatters/checkstyle.js';
import { attributes, children, context, message, parseXml, result } from './helpers.js';

describe('checkstyle format', () => {
  test('one <file> per linted file with repository-relative names, one <error> per finding', () => {
    const results = [
      result('svc/Dockerfile', [message('shell-form-pid1', 4, 5), message('exec-form-variable', 6, 2, { severity: 1 })]),
      result('clean/Dockerfile', []),
    ];
    const root = parseXml(formatCheckstyle(results, context()));
    assert.equal(root.tagName, 'checkstyle');
    const files = children(root, 'file');
    assert.deepEqual(files.map((f) => f.getAttribute('name')), ['svc/Dockerfile', 'clean/Dockerfile']);
    assert.deepEqual(children(files[0]!, 'error').map(attributes), [
      { line: '4', column: '5', severity: 'error', message: 'finding of shell-form-pid1', source: 'pid1-lint.shell-form-pid1' },
      { line: '6', column: '2', severity: 'warning', message: 'finding of exec-form-variable', source: 'pid1-lint.exec-form-variable' },
    ]);
    assert.equal(children(files[1]!, 'error').length, 0);
  });

  test('markup, quotes and characters XML cannot carry survive as text', () => {
    const text = 'CMD ["node", "a&b.js"] <x> \'q\' \u0001 end';
    const root = parseXml(formatCheckstyle([result('odd <name>/Dockerfile', [message('shell-form-pid1', 1, 1, { message: text })])], context()));
    assert.equal(children(root, 'file')[0]!.getAttribute('name'), 'odd <name>/Dockerfile');
    assert.equal(children(root, 'error')[0]!.getAttribute('message'), 'CMD ["node", "a&b.js"] <x> \'q\' \\u0001 end');
  });

  test('an unreadable file is an error from source pid1-lint.fatal', () => {
    const root = parseXml(formatCheckstyle([result('Dockerfile', [message(null, 1, 1, { fatal: true, message: 'binary' })])], context()));
    assert.equal(children(root, 'error')[0]!.getAttribute('source'), 'pid1-lint.fatal');
  });
});
