/** Every configuration option, flag and directive is documented, and the README's example config is valid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { loadConfig, formatProblem } from '../../src/config/load.js';
import { buildConfigSchema } from '../../src/config/schema.js';
import { CONFIG_NAMES } from '../../src/config/discover.js';
import { packageRoot } from '../../src/package-info.js';
import { writeTree } from '../model/helpers.js';

const readme = fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8');

test('README documents every configuration key, from the schema', () => {
  const properties = buildConfigSchema()['properties'] as Record<string, { properties?: Record<string, unknown> }>;
  const keys: string[] = [];
  for (const [key, schema] of Object.entries(properties)) {
    if (key === '$schema') continue;
    const nested = key === 'rules' ? {} : (schema.properties ?? {});
    if (Object.keys(nested).length === 0) keys.push(key);
    for (const sub of Object.keys(nested)) keys.push(`${key}.${sub}`);
  }
  for (const key of keys) assert.ok(readme.includes(`| \`${key}\` |`), `README.md has no row for \`${key}\``);
});

test('README documents the config files, the flags and the directive forms', () => {
  for (const name of CONFIG_NAMES) assert.ok(readme.includes(`\`${name}\``), name);
  for (const text of ['`-c, --config FILE`', '`--no-config`', '`--report-unused-ignores`', '# pid1-lint ignore=', '# pid1-lint global ignore=', '# hadolint ignore=DL3025', '# check=skip=JSONArgsRecommended', '// pid1-lint-disable-next-line', 'suppressedMessages', '`services`']) {
    assert.ok(readme.includes(text), text);
  }
});

test('each rule option is documented on its rule page', () => {
  for (const rule of rules) {
    const options = Object.keys((rule.meta.options?.['properties'] ?? {}) as object);
    if (options.length === 0) continue;
    const page = fs.readFileSync(path.join(packageRoot(), 'rules', `${rule.id}.md`), 'utf8');
    assert.ok(page.includes('\n## Options\n'), `rules/${rule.id}.md has an Options section`);
    for (const option of options) assert.ok(page.includes(`\`${option}\``), `rules/${rule.id}.md documents ${option}`);
  }
});

test('the README\'s example configuration is valid', () => {
  const block = /```yaml\n(# \.pid1lintrc\.yaml\n[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'the example is in README.md');
  const dir = writeTree({ '.pid1lintrc.yaml': block });
  const loaded = loadConfig(path.join(dir, '.pid1lintrc.yaml'));
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map((p) => formatProblem(p, dir)).join('\n'));
});
