/**
 * Every rule has its doc page next to it, the page agrees with the rule's
 * metadata, and its examples do what they claim: each ❌ example makes the
 * rule report, each ✅ example does not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { lintDockerfile } from '../src/engine/linter.js';
import { packageRoot } from '../src/package-info.js';

const rulesDir = path.join(packageRoot(), 'rules');
const REQUIRED = ['## What it checks', '## Why it matters', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## How to fix', '## Fix'];

interface Example {
  files: Record<string, string>;
}

/** Code blocks under a heading: a `dockerfile` block starts an example; `title=path` blocks add files to it. */
function examplesUnder(markdown: string, heading: string): Example[] {
  const start = markdown.indexOf(heading);
  if (start < 0) return [];
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const examples: Example[] = [];
  for (const m of section.matchAll(/```(\w+)(?:\s+title=(\S+))?\n([\s\S]*?)```/g)) {
    const [, lang, title, body] = m as unknown as [string, string, string | undefined, string];
    if (lang === 'dockerfile') examples.push({ files: { Dockerfile: body } });
    else if (title && examples.length > 0) (examples.at(-1) as Example).files[title] = body;
  }
  return examples;
}

async function lintExample(example: Example): Promise<{ ruleId: string | null; message: string }[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-doc-'));
  try {
    for (const [name, content] of Object.entries(example.files)) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
    }
    if (!example.files['server.js']) fs.writeFileSync(path.join(dir, 'server.js'), "process.on('SIGTERM', () => process.exit(0));\n");
    return (await lintDockerfile(path.join(dir, 'Dockerfile'))).results.flatMap((r) => r.messages);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('rule docs', () => {
  test('the registry lists exactly the rule files, each named after its id', () => {
    const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(rules.map((r) => r.id).sort(), files.sort());
    assert.deepEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort(), 'rules/index.ts is alphabetical');
  });

  for (const rule of rules) {
    test(rule.id, async () => {
      const file = path.join(rulesDir, `${rule.id}.md`);
      assert.ok(fs.existsSync(file), `rules/${rule.id}.md is missing`);
      const markdown = fs.readFileSync(file, 'utf8');
      assert.ok(markdown.startsWith(`# ${rule.id}\n`), 'the page starts with the rule id as its title');
      assert.ok(markdown.includes(`\n> ${rule.meta.description}\n`), 'the page quotes meta.description');
      for (const heading of REQUIRED) assert.ok(markdown.includes(`\n${heading}\n`), `missing "${heading}"`);
      assert.ok(rule.meta.facts.length > 0, 'the rule cites the facts it rests on');
      assert.ok(/\| Facts \| .*pid1-facts §/.test(markdown), 'the page cites pid1-facts');
      const bad = examplesUnder(markdown, '### ❌ Incorrect');
      const good = examplesUnder(markdown, '### ✅ Correct');
      assert.ok(bad.length > 0 && good.length > 0, 'the page has incorrect and correct examples');
      for (const example of bad) {
        const found = await lintExample(example);
        assert.ok(found.some((m) => m.ruleId === rule.id), `❌ example does not trigger ${rule.id}:\n${example.files.Dockerfile}\nfound: ${JSON.stringify(found)}`);
      }
      for (const example of good) {
        const found = (await lintExample(example)).filter((m) => m.ruleId === rule.id);
        assert.deepEqual(found, [], `✅ example triggers ${rule.id}:\n${example.files.Dockerfile}`);
      }
    });
  }
});
