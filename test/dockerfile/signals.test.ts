import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalSignal, parseSignal } from '../../src/signals.js';

describe('STOPSIGNAL values, as Docker parses them', () => {
  const valid: [string, string, number][] = [
    ['SIGTERM', 'SIGTERM', 15],
    ['term', 'SIGTERM', 15],
    ['sigint', 'SIGINT', 2],
    ['15', 'SIGTERM', 15],
    ['9', 'SIGKILL', 9],
    ['RTMIN+3', 'SIGRTMIN+3', 37],
    ['SIGRTMAX', 'SIGRTMAX', 64],
    ['SIGIOT', 'SIGABRT', 6],
  ];
  for (const [raw, name, number] of valid) test(`${raw} is ${name}`, () => assert.deepEqual(parseSignal(raw), { name, number }));
  for (const raw of ['SIGFOO', '0', '65', '9x', '', 'RTMIN+40', 'SIG']) {
    test(`${JSON.stringify(raw)} is rejected`, () => assert.equal(parseSignal(raw), null));
  }
  test('canonicalSignal', () => {
    assert.equal(canonicalSignal('quit'), 'SIGQUIT');
    assert.equal(canonicalSignal('nope'), null);
  });
});
