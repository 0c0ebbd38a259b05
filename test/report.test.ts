/** What the machine formats read besides the results (src/report.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { resultOf } from '../src/engine/linter.js';
import { sourcesOf } from '../src/report.js';
import { writeTree } from './model/helpers.js';

test('sourcesOf: a file changed by --fix-dry-run is given as fixed in memory, the others as on disk', () => {
  const dir = writeTree({ Dockerfile: 'CMD node server.js\n', 'entrypoint.sh': 'node server.js\n' });
  const finding = { ruleId: 'x', severity: 2 as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
  const fixed = { ...resultOf(path.join(dir, 'Dockerfile'), [finding]), output: 'CMD ["node", "server.js"]\n' };
  const sources = sourcesOf([fixed, resultOf(path.join(dir, 'entrypoint.sh'), [finding])]);
  assert.equal(sources.get(path.join(dir, 'Dockerfile')), 'CMD ["node", "server.js"]\n');
  assert.equal(sources.get(path.join(dir, 'entrypoint.sh')), 'node server.js\n');
});
