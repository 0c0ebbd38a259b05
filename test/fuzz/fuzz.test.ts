/**
 * The fuzz properties, seeded and small (CI): the same generators and checks
 * as `npm run fuzz`, a few hundred cases in all. A failure prints fast-check's
 * seed and shrunk counterexample; replay it with `npm run fuzz -- --seed S`.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { properties, runProperty } from './properties.js';
import { Scratch } from './harness.js';

const SEED = 20_260_801;
/** Cases in all for the CI run, split by weight (each property gets at least 3). */
const BUDGET = 400;

describe('fuzz (seeded, small)', () => {
  const scratch = new Scratch();
  after(() => scratch.dispose());
  const total = properties.reduce((n, p) => n + p.weight, 0);
  for (const p of properties) {
    test(p.name, async (t) => {
      const outcome = await runProperty(p, scratch, Math.max(3, Math.round((BUDGET * p.weight) / total)), SEED);
      if (outcome.skipped) {
        t.diagnostic(`skipped: ${outcome.skipped}`);
        t.skip(outcome.skipped);
        return;
      }
      assert.equal(outcome.failure, null, outcome.failure ?? '');
    });
  }
});
