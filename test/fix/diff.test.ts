/**
 * The unified diffs --fix-dry-run prints: the same text GNU `diff -u`
 * prints for typical fixes, and for arbitrary changes a diff that `patch`
 * applies to give exactly the new text (where several edit scripts are
 * equally short, GNU diff may pick another one).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unifiedDiff } from '../../src/fix/diff.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-diff-'));
const labels = { oldLabel: 'a/Dockerfile', newLabel: 'b/Dockerfile' };

function gnuDiff(before: string, after: string): string {
  fs.writeFileSync(path.join(dir, 'old'), before);
  fs.writeFileSync(path.join(dir, 'new'), after);
  return spawnSync('diff', ['-u', '--label', labels.oldLabel, '--label', labels.newLabel, 'old', 'new'], { cwd: dir, encoding: 'utf8' }).stdout;
}

function patched(before: string, diff: string): { ok: boolean; text: string; stderr: string } {
  const file = path.join(dir, 'target');
  fs.writeFileSync(file, before);
  fs.writeFileSync(path.join(dir, 'change.diff'), diff);
  const r = spawnSync('patch', ['--quiet', '--forward', file, path.join(dir, 'change.diff')], { encoding: 'utf8' });
  return { ok: r.status === 0, text: fs.readFileSync(file, 'utf8'), stderr: r.stderr + r.stdout };
}

const hasTools = spawnSync('diff', ['--version']).status === 0 && spawnSync('patch', ['--version']).status === 0;

describe('unifiedDiff', { skip: hasTools ? false : 'needs GNU diff and patch' }, () => {
  const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nENV A=1\nENV B=2\nENV C=3\nENV D=4\nEXPOSE 3000\nCMD node server.js\n';
  const cases: [string, string, string][] = [
    ['one line replaced', dockerfile, dockerfile.replace('CMD node server.js', 'CMD ["node", "server.js"]')],
    ['a line inserted after FROM and one replaced far below (two hunks)', dockerfile, dockerfile.replace('FROM node:22-slim\n', 'FROM node:22-slim\nRUN apt-get install -y tini\n').replace('CMD node', 'CMD exec node')],
    ['a comment moved to its own line', 'FROM x\nCMD ["a"] # start\n', 'FROM x\n# start\nCMD ["a"]\n'],
    ['no newline at the end of either file', 'FROM x\nCMD a', 'FROM x\nCMD ["a"]'],
    ['a newline added at the end', 'FROM x\nCMD a', 'FROM x\nCMD a\n'],
    ['a newline removed at the end', 'FROM x\nCMD a\n', 'FROM x\nCMD a'],
    ['from an empty file', '', 'FROM x\n'],
    ['to an empty file', 'FROM x\n', ''],
    ['CRLF lines', 'FROM x\r\nCMD a\r\n', 'FROM x\r\nCMD ["a"]\r\n'],
  ];
  for (const [name, before, after] of cases) {
    test(`${name}: as diff -u prints it, and patch applies it`, () => {
      const diff = unifiedDiff(before, after, labels);
      assert.equal(diff, gnuDiff(before, after));
      const result = patched(before, diff);
      assert.ok(result.ok, result.stderr);
      assert.equal(result.text, after);
    });
  }

  test('equal texts: no diff at all', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', labels), '');
  });

  test('arbitrary changes (deterministic pseudo-random): patch turns the old text into the new one', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 60; round++) {
      const before = Array.from({ length: Math.floor(random() * 20) }, () => `line ${Math.floor(random() * 5)}`);
      const after = before.filter(() => random() > 0.25).flatMap((l) => (random() > 0.8 ? [l, `new ${Math.floor(random() * 3)}`] : [l]));
      const a = before.join('\n') + (random() > 0.3 ? '\n' : '');
      const b = after.join('\n') + (random() > 0.3 ? '\n' : '');
      const diff = unifiedDiff(a, b, labels);
      if (a === b) {
        assert.equal(diff, '');
        continue;
      }
      const result = patched(a, diff);
      assert.ok(result.ok, `round ${round}: ${result.stderr}\n${diff}`);
      assert.equal(result.text, b, `round ${round}:\n${diff}`);
    }
  });
});
