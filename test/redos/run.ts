/**
 * `npm run redos [-- --budget MS]`: the ReDoS check alone (npm run fuzz runs
 * it too). Exits 1 when a pattern exceeds the budget or a RegExp built at run
 * time is not in DYNAMIC_SITES. Not a test file: it does nothing under `node --test`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkAllPatterns } from './check.js';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.env.NODE_TEST_CONTEXT === undefined) {
  const { values } = parseArgs({ options: { budget: { type: 'string' } } });
  checkAllPatterns(Number(values.budget ?? 250)).then(
    ({ offenders, report }) => {
      for (const line of report) console.log(line);
      process.exitCode = offenders > 0 ? 1 : 0;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
