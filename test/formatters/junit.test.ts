import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJunit } from '../../src/formatters/junit.js';
import { ruleDocUrl } from '../../src/rule.js';
import { attributes, children, context, message, parseXml, result } from './helpers.js';

describe('junit format', () => {
  test('a suite per file, a failing case per finding, a passing case for a clean file, an <error> for an unreadable one', () => {
    const results = [
      result('svc/Dockerfile', [message('shell-form-pid1', 4, 5), message('exec-form-variable', 6, 1, { severity: 1 })]),
      result('clean/Dockerfile', []),
      result('broken/Dockerfile', [message(null, 1, 1, { fatal: true, message: 'no FROM instruction' })]),
    ];
    const root = parseXml(formatJunit(results, context()));
    assert.equal(root.tagName, 'testsuites');
    assert.deepEqual(
      { tests: root.getAttribute('tests'), failures: root.getAttribute('failures'), errors: root.getAttribute('errors') },
      { tests: '4', failures: '2', errors: '1' },
    );
    const suites = children(root, 'testsuite');
    assert.deepEqual(
      suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures'), s.getAttribute('errors')]),
      [['svc/Dockerfile', '2', '2', '0'], ['clean/Dockerfile', '1', '0', '0'], ['broken/Dockerfile', '1', '0', '1']],
    );
    const [first, second] = children(suites[0]!, 'testcase');
    assert.equal(first!.getAttribute('classname'), 'pid1-lint.shell-form-pid1');
    assert.equal(first!.getAttribute('file'), 'svc/Dockerfile');
    assert.equal(first!.getAttribute('line'), '4');
    const failure = children(first!, 'failure')[0]!;
    assert.deepEqual(attributes(failure), { type: 'error', message: 'finding of shell-form-pid1' });
    assert.match(failure.textContent ?? '', /^svc\/Dockerfile:4:5: error shell-form-pid1: finding of shell-form-pid1\n/);
    assert.ok(failure.textContent?.endsWith(ruleDocUrl('shell-form-pid1')), 'the failure links the rule doc');
    assert.equal(children(second!, 'failure')[0]!.getAttribute('type'), 'warning');
    const clean = children(suites[1]!, 'testcase');
    assert.equal(clean.length, 1);
    assert.equal(clean[0]!.childNodes.length, 0, 'a clean file passes');
    const broken = children(suites[2]!, 'error')[0]!;
    assert.deepEqual(attributes(broken), { type: 'fatal', message: 'no FROM instruction' });
  });
});
