/** The rules table in README.md is the one the rule metadata generates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { packageRoot } from '../../src/package-info.js';
import { withRulesTable } from '../../scripts/rules-table.js';

test('README.md rules table is up to date with rules/index.ts', () => {
  const readme = fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8');
  assert.equal(readme, withRulesTable(readme, rules), 'the rules table in README.md is stale: run `npm run docs:rules`');
  for (const rule of rules) assert.ok(readme.includes(`[${rule.id}](rules/${rule.id}.md)`), `${rule.id} is in the table`);
});
