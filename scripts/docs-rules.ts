/** `npm run docs:rules`: rewrites the rules table in README.md from the rule metadata. */
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { packageRoot } from '../src/package-info.js';
import { withRulesTable } from './rules-table.js';

const readme = path.join(packageRoot(), 'README.md');
const before = fs.readFileSync(readme, 'utf8');
const after = withRulesTable(before, rules);
if (after === before) console.log('README.md: the rules table is up to date');
else {
  fs.writeFileSync(readme, after);
  console.log(`README.md: rules table rewritten (${rules.length} rules)`);
}
