import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ANNOTATION_LIMIT, formatGithub, formatGithubSummary } from '../../src/formatters/github.js';
import { ruleDocUrl } from '../../src/rule.js';
import type { LintMessage } from '../../src/types.js';
import { commands, context, message, result } from './helpers.js';

describe('github format', () => {
  test('an annotation per finding with file, lines, columns, title and the severity kept; text round-trips the escaping', () => {
    const tricky = '100% sure: a, b\r\nnext line';
    const results = [result('svc/a,b:c%.Dockerfile', [message('shell-form-pid1', 4, 5, { endColumn: 19, message: tricky }), message('exec-form-variable', 6, 1, { severity: 1, endLine: 7, endColumn: 3 })])];
    const [first, second] = commands(formatGithub(results, context()));
    assert.deepEqual(first, {
      name: 'error',
      properties: { file: 'svc/a,b:c%.Dockerfile', line: '4', endLine: '4', col: '5', endColumn: '19', title: 'pid1-lint: shell-form-pid1' },
      message: `${tricky}\n${ruleDocUrl('shell-form-pid1')}`,
    });
    assert.equal(second!.name, 'warning');
    assert.deepEqual([second!.properties.line, second!.properties.endLine], ['6', '7']);
    const raw = formatGithub(results, context()).split('\n')[0]!;
    assert.ok(raw.includes('file=svc/a%2Cb%3Ac%25.Dockerfile,'), raw);
    assert.ok(raw.includes('::100%25 sure: a, b%0D%0Anext line%0A'), raw);
  });

  test('errors first (unreadable files before findings), then by file and line; past 10 per type, a notice counts the rest', () => {
    const errors: LintMessage[] = Array.from({ length: 13 }, (_, i) => message('shell-form-pid1', i + 1, 1));
    const warnings: LintMessage[] = Array.from({ length: 12 }, (_, i) => message('exec-form-variable', i + 1, 1, { severity: 1 }));
    const results = [result('b/Dockerfile', [...warnings, ...errors]), result('a/Dockerfile', [message(null, 1, 1, { fatal: true, message: 'binary' })])];
    const all = commands(formatGithub(results, context()));
    assert.equal(all.length, 13 + 12 + 1 + 1);
    assert.equal(all[0]!.properties.file, 'a/Dockerfile', 'the unreadable file first');
    assert.equal(all[0]!.properties.title, 'pid1-lint: fatal');
    assert.deepEqual(all.slice(0, ANNOTATION_LIMIT).map((c) => c.name), Array<string>(ANNOTATION_LIMIT).fill('error'), 'the 10 shown errors are errors');
    assert.deepEqual(all.slice(1, 14).map((c) => Number(c.properties.line)), Array.from({ length: 13 }, (_, i) => i + 1));
    assert.deepEqual(all.slice(14, 26).map((c) => c.name), Array<string>(12).fill('warning'));
    const notice = all.at(-1)!;
    assert.equal(notice.name, 'notice');
    assert.match(notice.message, /^6 findings past GitHub's 10 annotations per type .* all 26\.$/);
  });

  test('no findings, no output', () => {
    assert.equal(formatGithub([result('Dockerfile', [])], context()), '');
  });

  test('the step summary is a Markdown table of every finding with links to the rule docs', () => {
    const findings: LintMessage[] = Array.from({ length: 12 }, (_, i) => message('shell-form-pid1', i + 1, 2, { message: i === 0 ? 'a | pipe in `x | y` and <b>' : `finding ${i}` }));
    const summary = formatGithubSummary([result('svc/Dockerfile', [message('exec-form-variable', 1, 1, { severity: 1 }), ...findings])], context());
    assert.match(summary, /^### pid1-lint\n\n❌ \*\*12 errors\*\* and \*\*1 warning\*\* in 1 file\.\n/);
    const rows = summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---'));
    assert.equal(rows.length, 13);
    // Cells split on unescaped pipes only, as GitHub's table parser does.
    const cells = rows.map((r) => r.slice(2, -2).split(/(?<!\\) \| /));
    assert.deepEqual(cells[0], ['❌ error', '`svc/Dockerfile:1:2`', `[shell-form-pid1](${ruleDocUrl('shell-form-pid1')})`, 'a \\| pipe in `x \\| y` and &lt;b>']);
    assert.equal(cells.at(-1)![0], '⚠️ warning', 'warnings after errors');
    assert.ok(cells.every((c) => c.length === 4));
  });

  test('a clean run says so in the summary', () => {
    assert.equal(formatGithubSummary([result('Dockerfile', []), result('api.Dockerfile', [])], context()), '### pid1-lint\n\n✅ No problems found (2 files linted).\n\n');
  });
});
