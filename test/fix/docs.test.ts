/**
 * The "## Fix" section of every rule page shows what the fixes really do.
 * A `dockerfile` block starts an example; `title=<path>` blocks add files
 * to it; `title=fixed` (or `fixed:<path>`) is the file after --fix, and
 * `title=suggestion` (or `suggestion:<path>`) the file after applying one
 * of the rule's suggestions. Each example must show at least one of them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { lintDockerfile } from '../../src/engine/linter.js';
import { fixDockerfile } from '../../src/fix/loop.js';
import { applyEdits } from '../../src/fix/edits.js';
import { packageRoot } from '../../src/package-info.js';
import { writeTree } from '../model/helpers.js';
import { HANDLER } from './helpers.js';

interface FixExample {
  files: Record<string, string>;
  fixed: Record<string, string>;
  suggested: Record<string, string>;
}

function fixExamples(markdown: string): FixExample[] {
  const start = markdown.indexOf('\n## Fix\n');
  if (start < 0) return [];
  const rest = markdown.slice(start + 8);
  const end = rest.search(/\n## /);
  const examples: FixExample[] = [];
  for (const m of (end < 0 ? rest : rest.slice(0, end)).matchAll(/```(\w+)(?:\s+title=(\S+))?\n([\s\S]*?)```/g)) {
    const [, lang, title, body] = m as unknown as [string, string, string | undefined, string];
    if (lang === 'dockerfile' && !title) {
      examples.push({ files: { Dockerfile: body }, fixed: {}, suggested: {} });
      continue;
    }
    const example = examples.at(-1);
    if (!example || !title) continue;
    const [kind, file] = title.split(':');
    if (kind === 'fixed') example.fixed[file ?? 'Dockerfile'] = body;
    else if (kind === 'suggestion') example.suggested[file ?? 'Dockerfile'] = body;
    else example.files[title] = body;
  }
  return examples;
}

describe('rule docs: the Fix section', () => {
  for (const rule of rules) {
    test(rule.id, async () => {
      const markdown = fs.readFileSync(path.join(packageRoot(), 'rules', `${rule.id}.md`), 'utf8');
      const examples = fixExamples(markdown);
      assert.ok(examples.length > 0, 'the Fix section shows at least one example');
      for (const example of examples) {
        assert.ok(Object.keys(example.fixed).length + Object.keys(example.suggested).length > 0, `an example without its outcome:\n${example.files.Dockerfile}`);
        const modes = Object.fromEntries(Object.keys(example.files).filter((f) => f.endsWith('.sh')).map((f) => [f, 0o755]));
        const dir = writeTree({ 'server.js': HANDLER, ...example.files }, modes);
        const dockerfile = path.join(dir, 'Dockerfile');
        for (const [file, expected] of Object.entries(example.fixed)) {
          const run = await fixDockerfile(dockerfile);
          const change = run.changes.find((c) => c.file === path.join(dir, file));
          assert.equal(change?.after, expected, `--fix of ${file}:\n${example.files.Dockerfile}`);
        }
        const messages = (await lintDockerfile(dockerfile)).results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath }))).filter((m) => m.ruleId === rule.id);
        for (const [file, expected] of Object.entries(example.suggested)) {
          const outputs = messages.flatMap((m) => (m.suggestions ?? [])
            .filter((s) => path.join(dir, file) === (s.fix.file ?? m.filePath))
            .map((s) => applyEdits(fs.readFileSync(path.join(dir, file), 'utf8'), [s.fix]).output));
          assert.ok(outputs.includes(expected), `no ${rule.id} suggestion gives the documented ${file}; they give:\n${outputs.join('\n---\n')}`);
        }
      }
    });
  }
});
