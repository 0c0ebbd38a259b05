import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate } from '../src/rule.js';

test('interpolate fills placeholders', () => {
  assert.equal(interpolate('a {{x}} b', { x: 1 }), 'a 1 b');
});
