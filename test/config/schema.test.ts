/**
 * The shipped schema (schema/pid1-lint.schema.json) is what the loader
 * validates with, generated from the rule registry and the data schemas:
 * it cannot fall behind a new rule or a new data field.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Ajv } from 'ajv';
import { rules } from '../../rules/index.js';
import { defineRule } from '../../src/rule.js';
import { buildConfigSchema, schemaPath, schemaText } from '../../src/config/schema.js';
import { loadConfig } from '../../src/config/load.js';
import { writeTree } from '../model/helpers.js';
import path from 'node:path';

const shipped = JSON.parse(fs.readFileSync(schemaPath(), 'utf8')) as Record<string, unknown>;

describe('config schema', () => {
  test('the shipped file is the generated schema (run `npm run schema` after adding a rule)', () => {
    assert.equal(fs.readFileSync(schemaPath(), 'utf8'), schemaText());
  });

  test('draft-07, self-contained, and it compiles in ajv strict mode', () => {
    assert.equal(shipped['$schema'], 'http://json-schema.org/draft-07/schema#');
    const refs = JSON.stringify(shipped).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const ref of refs) assert.match(ref, /"#\/definitions\/[^"/]+"/, `${ref} is not a local reference`);
    const ajv = new Ajv({ strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true });
    assert.doesNotThrow(() => ajv.compile(shipped));
  });

  test('its rule keys are exactly the registry, each with its description and doc link', () => {
    const properties = (shipped['properties'] as Record<string, { properties: Record<string, { description: string }> }>)['rules']!.properties;
    assert.deepEqual(Object.keys(properties), rules.map((r) => r.id));
    for (const rule of rules) {
      assert.ok(properties[rule.id]!.description.startsWith(rule.meta.description), rule.id);
      assert.match(properties[rule.id]!.description, new RegExp(`rules/${rule.id}\\.md$`));
    }
  });

  test('every property has a description, for editors', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, value] of Object.entries(props ?? {})) {
        if (!(value as { description?: string }).description) missing.push(`${at}.${key}`);
      }
    };
    walk(shipped, '');
    walk((shipped['properties'] as Record<string, unknown>)['runtime'], 'runtime');
    walk((shipped['properties'] as Record<string, unknown>)['fix'], 'fix');
    assert.deepEqual(missing, []);
  });

  test('a rule\'s options schema comes from its meta.options', () => {
    const rule = defineRule({
      id: 'test-rule',
      meta: {
        type: 'problem',
        description: 'A test rule',
        defaultSeverity: 'warn',
        facts: ['§1'],
        options: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, description: 'A limit' } } },
        messages: { m: 'm' },
      },
      check() {},
    });
    const set = [rule];
    const schema = buildConfigSchema(set);
    assert.ok(JSON.stringify(schema).includes('"limit"'));
    const dir = writeTree({ 'a.yaml': 'rules:\n  test-rule: [error, { limit: 3 }]\n', 'b.yaml': 'rules:\n  test-rule: [error, { limit: 0 }]\n' });
    const good = loadConfig(path.join(dir, 'a.yaml'), set);
    assert.ok(good.ok);
    assert.deepEqual(good.ok ? good.config.ruleOptions : null, { 'test-rule': { limit: 3 } });
    const bad = loadConfig(path.join(dir, 'b.yaml'), set);
    assert.deepEqual(bad.ok ? [] : bad.problems.map((p) => `${p.path} ${p.line}:${p.column} ${p.message}`), ['rules.test-rule[1].limit 2:31 expected a number ≥ 1']);
  });
});
