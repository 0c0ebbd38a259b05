/**
 * The multipass loop with small rules made for the purpose: overlapping
 * fixes take two passes, fixes that undo each other stop the loop, a fix
 * that never settles stops at MAX_FIX_PASSES, fixes of other files are
 * collected, and nothing outside the build context is touched.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineRule, type Rule, type RuleContext } from '../../src/rule.js';
import { fixDockerfile, MAX_FIX_PASSES, withChanges } from '../../src/fix/loop.js';
import { lintDockerfile } from '../../src/engine/linter.js';
import { initOrHandler } from '../../src/fix/remedy.js';
import type { Fix } from '../../src/types.js';
import { writeTree } from '../model/helpers.js';

/** A rule that reports once, with the fix `make` returns (nothing when it returns null). */
function fixingRule(id: string, make: (context: RuleContext<'m'>) => Fix | null, fixable = true): Rule {
  return defineRule({
    id,
    meta: { type: 'problem', description: id, defaultSeverity: 'error', facts: ['§3'], fixable, messages: { m: id } },
    check(context) {
      const fix = make(context);
      if (fix) context.report({ messageId: 'm', loc: context.locate.top(), fix });
    },
  }) as Rule;
}

const cmdOf = (context: RuleContext<'m'>) => context.model.parsed.instructions.find((i) => i.keyword === 'CMD');

/** `CMD a` → `CMD ["a"]` (the whole instruction). */
const toJson = fixingRule('to-json', (context) => {
  const cmd = cmdOf(context);
  return cmd && !cmd.json ? { range: [cmd.start, cmd.end], text: `CMD ${JSON.stringify([cmd.rest])}` } : null;
});

/** A comment line above CMD: its insertion point touches to-json's range, so one waits for the next pass. */
const note = fixingRule('note', (context) => {
  const cmd = cmdOf(context);
  return cmd && !context.model.parsed.text.includes('# note') ? { range: [cmd.start, cmd.start], text: '# note\n' } : null;
});

function dockerfileIn(text: string, extra: Record<string, string> = {}): string {
  return path.join(writeTree({ Dockerfile: text, ...extra }), 'Dockerfile');
}

describe('fixDockerfile', () => {
  test('overlapping fixes: one per pass, in two passes; the results are those of the final text', async () => {
    const file = dockerfileIn('FROM node:22-slim\nCMD a\n');
    const run = await fixDockerfile(file, { rules: [note, toJson] });
    assert.equal(run.passes, 2);
    assert.equal(run.circular, false);
    assert.deepEqual(run.changes.map((c) => c.after), ['FROM node:22-slim\n# note\nCMD ["a"]\n']);
    assert.deepEqual(run.results.flatMap((r) => r.messages), []);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM node:22-slim\nCMD a\n', 'nothing is written');
  });

  test('fixes that undo each other stop after the text comes back (circular)', async () => {
    const flip = fixingRule('flip', (context) => {
      const cmd = cmdOf(context);
      if (!cmd?.json) return null;
      return { range: [cmd.start, cmd.end], text: `CMD ${JSON.stringify([cmd.json[0] === 'a' ? 'b' : 'a'])}` };
    });
    const run = await fixDockerfile(dockerfileIn('FROM x\nCMD ["a"]\n'), { rules: [flip] });
    assert.equal(run.circular, true);
    assert.equal(run.passes, 2);
    assert.deepEqual(run.changes, [], 'back to the original text: no change');
  });

  test(`a fix that never settles stops after ${MAX_FIX_PASSES} passes`, async () => {
    const grow = fixingRule('grow', (context) => ({ range: [context.model.parsed.text.length, context.model.parsed.text.length], text: '#' }));
    const run = await fixDockerfile(dockerfileIn('FROM x\n'), { rules: [grow] });
    assert.equal(run.passes, MAX_FIX_PASSES);
    assert.equal(run.changes[0]?.after, `FROM x\n${'#'.repeat(MAX_FIX_PASSES)}`);
    assert.equal(run.results[0]?.messages.length, 1, 'the results are those of the last text');
  });

  test('a fix of another file in the build context is applied to that file; one outside the context is ignored', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-outside-'));
    fs.writeFileSync(path.join(outside, 'x.sh'), 'echo\n');
    const file = dockerfileIn('FROM x\n', { 'entrypoint.sh': 'node a.js\n' });
    const script = path.join(path.dirname(file), 'entrypoint.sh');
    const run = await fixDockerfile(file, {
      rules: [
        fixingRule('script', (context) => (context.model.files.read(script).ok && (context.model.files.read(script) as { text: string }).text.startsWith('exec') ? null : { range: [0, 0], text: 'exec ', file: script })),
        fixingRule('escape', () => ({ range: [0, 0], text: 'changed ', file: path.join(outside, 'x.sh') })),
      ],
    });
    assert.deepEqual(run.changes.map((c) => [path.basename(c.file), c.after]), [['entrypoint.sh', 'exec node a.js\n']]);
    assert.equal(fs.readFileSync(path.join(outside, 'x.sh'), 'utf8'), 'echo\n');
  });

  test('a Dockerfile that cannot be linted is not fixed', async () => {
    const run = await fixDockerfile(dockerfileIn(''), { rules: [toJson] });
    assert.deepEqual(run.changes, []);
    assert.equal(run.results[0]?.fatalErrorCount, 1);
  });

  test('a file that is not UTF-8 is never changed: its other bytes would come back as U+FFFD', async () => {
    const file = dockerfileIn('');
    const bytes = Buffer.concat([Buffer.from('FROM node:22-slim\n# caf'), Buffer.from([0xe9]), Buffer.from('\nCMD a\n')]);
    fs.writeFileSync(file, bytes);
    const run = await fixDockerfile(file, { rules: [toJson] });
    assert.deepEqual(run.changes, []);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  test('withChanges: output and diff on each changed file, a result added for a file with no finding left', async () => {
    const file = dockerfileIn('FROM x\n', { 'entrypoint.sh': 'node a.js\n' });
    const dir = path.dirname(file);
    const results = withChanges([{ filePath: file, messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }],
      [{ file: path.join(dir, 'entrypoint.sh'), before: 'node a.js\n', after: 'exec node a.js\n' }], dir);
    assert.equal(results.length, 2);
    assert.equal(results[1]?.output, 'exec node a.js\n');
    assert.equal(results[1]?.diff, '--- a/entrypoint.sh\n+++ b/entrypoint.sh\n@@ -1 +1 @@\n-node a.js\n+exec node a.js\n');
    assert.equal(results[0]?.output, undefined);
  });
});

describe('--fix-type reaches the rules', () => {
  // A rule with both remedies, as unhandled-stop-signal reports them.
  const both = defineRule({
    id: 'both',
    meta: { type: 'problem', description: 'both', defaultSeverity: 'error', facts: ['§4'], fixable: true, hasSuggestions: true, messages: { m: 'm' } },
    check(context) {
      const init = { desc: 'init', fix: { range: [0, 0] as [number, number], text: '# init\n' } };
      const handler = { desc: 'handler', fix: { range: [0, 0] as [number, number], text: '# handler\n' } };
      context.report({ messageId: 'm', loc: context.locate.top(), ...initOrHandler(context.fixType, init, handler) });
    },
  }) as Rule;

  test('init by default; handler when asked', async () => {
    const file = dockerfileIn('FROM x\n');
    const byDefault = (await lintDockerfile(file, { rules: [both] })).results[0]?.messages[0];
    assert.equal(byDefault?.fix?.text, '# init\n');
    assert.deepEqual(byDefault?.suggestions?.map((s) => s.desc), ['handler']);
    const handler = (await lintDockerfile(file, { rules: [both], fixType: 'handler' })).results[0]?.messages[0];
    assert.equal(handler?.fix?.text, '# handler\n');
    assert.deepEqual(handler?.suggestions?.map((s) => s.desc), ['init']);
  });
});

describe('the linter checks what rules declare (as ESLint)', () => {
  test('a fix from a rule without meta.fixable is a programming error', async () => {
    const sneaky = fixingRule('sneaky', () => ({ range: [0, 0], text: 'x' }), false);
    await assert.rejects(lintDockerfile(dockerfileIn('FROM x\n'), { rules: [sneaky] }), /meta\.fixable/);
  });
});

describe('fixDockerfile never writes through a symlink that leaves the build context', () => {
  test('a fix of a linked file whose target is outside is ignored', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-outside-'));
    fs.writeFileSync(path.join(outside, 'real.sh'), 'node a.js\n');
    const file = dockerfileIn('FROM x\n');
    const link = path.join(path.dirname(file), 'entrypoint.sh');
    fs.symlinkSync(path.join(outside, 'real.sh'), link);
    const run = await fixDockerfile(file, { rules: [fixingRule('script', () => ({ range: [0, 0], text: 'exec ', file: link }))] });
    assert.deepEqual(run.changes, []);
  });
});
