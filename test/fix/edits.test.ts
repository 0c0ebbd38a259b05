import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lineBreakOf, mergeEdits } from '../../src/fix/edits.js';

describe('applyEdits', () => {
  test('applies edits in offset order, whatever order they come in', () => {
    const r = applyEdits('abcdef', [{ range: [4, 5], text: 'E' }, { range: [0, 1], text: 'A' }]);
    assert.equal(r.output, 'AbcdEf');
    assert.equal(r.applied.length, 2);
  });

  test('skips an edit that overlaps one already applied, or inserts where another edit ends (ESLint)', () => {
    const first = { range: [0, 3] as [number, number], text: 'X' };
    const overlapping = { range: [2, 4] as [number, number], text: 'Y' };
    const touching = { range: [3, 3] as [number, number], text: 'Z' };
    const r = applyEdits('abcdef', [overlapping, first, touching]);
    assert.equal(r.output, 'Xdef');
    assert.deepEqual(r.skipped, [overlapping, touching]);
  });

  test('two insertions at one place: the second is left for the next pass', () => {
    const r = applyEdits('ab', [{ range: [1, 1], text: '1' }, { range: [1, 1], text: '2' }]);
    assert.equal(r.output, 'a1b');
    assert.equal(r.skipped.length, 1);
  });

  test('reversed or out-of-bounds ranges are skipped, not applied', () => {
    const r = applyEdits('abc', [{ range: [2, 1], text: 'x' }, { range: [1, 9], text: 'y' }]);
    assert.equal(r.output, 'abc');
    assert.equal(r.skipped.length, 2);
  });

  test('a BOM stays first: an edit at offset 0 goes after it', () => {
    const r = applyEdits('\uFEFFFROM x\n', [{ range: [0, 0], text: '# syntax=docker/dockerfile:1\n' }]);
    assert.equal(r.output, '\uFEFF# syntax=docker/dockerfile:1\nFROM x\n');
  });

  test('inserted line breaks follow the file: CRLF files stay CRLF', () => {
    const text = 'FROM x\r\nCMD a\r\n';
    const r = applyEdits(text, [{ range: [8, 13], text: '# c\nCMD ["a"]' }]);
    assert.equal(r.output, 'FROM x\r\n# c\r\nCMD ["a"]\r\n');
    assert.equal(applyEdits('a\nb\n', [{ range: [0, 1], text: 'x\ny' }]).output, 'x\ny\nb\n');
  });
});

describe('lineBreakOf', () => {
  test('the majority line break; LF for a file without one', () => {
    assert.equal(lineBreakOf('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(lineBreakOf('a\nb\r\nc\n'), '\n');
    assert.equal(lineBreakOf('abc'), '\n');
  });
});

describe('mergeEdits', () => {
  test('one fix spanning all edits, with the text between them kept (ESLint mergeFixes)', () => {
    const text = 'FROM x\nWORKDIR /a\nCMD y\n';
    const fix = mergeEdits(text, [{ range: [18, 23], text: 'CMD ["y"]' }, { range: [6, 6], text: '\nRUN z' }], '/f');
    assert.deepEqual(fix, { range: [6, 23], text: '\nRUN z\nWORKDIR /a\nCMD ["y"]', file: '/f' });
    assert.equal(applyEdits(text, [fix]).output, 'FROM x\nRUN z\nWORKDIR /a\nCMD ["y"]\n');
  });

  test('insertions at one place keep their order; overlapping edits are a programming error', () => {
    assert.equal(mergeEdits('ab', [{ range: [1, 1], text: '1' }, { range: [1, 1], text: '2' }]).text, '12');
    assert.throws(() => mergeEdits('abc', [{ range: [0, 2], text: '' }, { range: [1, 3], text: '' }]), /must not overlap/);
    assert.throws(() => mergeEdits('abc', []), /no edits/);
  });
});
