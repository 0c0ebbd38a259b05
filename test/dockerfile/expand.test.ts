import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandWord } from '../../src/dockerfile/expand.js';

const vars: Record<string, string | null> = { A: 'a', EMPTY: '', UNSET_ARG: null };
const lookup = (name: string) => (name in vars ? vars[name] : undefined);

describe('expandWord (Docker variable expansion)', () => {
  const cases: [string, string][] = [
    ['$A', 'a'],
    ['${A}/bin', 'a/bin'],
    ['${MISSING:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${A:+set}', 'set'],
    ['${MISSING:+set}', ''],
    ['${A+set}', 'set'],
    ['$MISSING', ''],
    ['\\$A', '$A'],
    ["'$A'", '$A'],
    ['"$A b"', 'a b'],
    ['${MISSING:-${A}x}', 'ax'],
    ['a$', 'a$'],
  ];
  for (const [input, output] of cases) test(input, () => assert.equal(expandWord(input, lookup).value, output));
  test('a build argument without a value stays visible and is listed as unknown', () => {
    const e = expandWord('node:${UNSET_ARG}-alpine', lookup);
    assert.equal(e.value, 'node:${UNSET_ARG}-alpine');
    assert.deepEqual(e.unknown, ['UNSET_ARG']);
  });
  test('the escape directive character escapes $', () => {
    assert.equal(expandWord('`$A', lookup, '`').value, '$A');
  });
});
