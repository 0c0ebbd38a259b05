/** Counterexamples the fuzzer found, kept as plain tests once fixed. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { checkLint, Scratch } from './harness.js';

describe('fuzz regressions', () => {
  const scratch = new Scratch();
  after(() => scratch.dispose());

  test('RUN \\ followed only by a comment line (dockerfile-ast threw in getHeredocs)', async () => {
    const text = 'FROM node:22\nRUN  \\\n  #\\aa\n';
    const parsed = parseDockerfile('/fuzz/Dockerfile', text);
    assert.deepEqual(parsed.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
    assert.deepEqual(parsed.instructions[1]?.heredocs, []);
    const results = await checkLint(scratch, { Dockerfile: text });
    assert.equal(results[0]?.fatalErrorCount, 0);
  });
});
