/**
 * dist/src, dist/rules and dist/bundle are committed (pre-commit and the
 * GitHub Action run from a git checkout, with no build step): they must be
 * the build of the committed sources. `npm test` builds before the tests run, so a stale
 * commit shows as changed or new files under dist/ here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/package-info.js';
import { gitTopLevel } from '../../src/report.js';
import { run } from './tools.js';

const COMMITTED = ['dist/src', 'dist/rules', 'dist/bundle'];
/** scripts/bundle.ts's output: no source file of its own. */
const BUNDLE = ['dist/bundle/pid1-lint.cjs', 'dist/bundle/cli.cjs', 'dist/bundle/lint-worker.cjs', 'dist/bundle/typescript-estree.cjs', 'dist/bundle/typescript.cjs', 'dist/bundle/typescript.LICENSE.txt'];
/** What the build reads: when these have uncommitted changes, dist/ cannot match a commit yet. */
const INPUTS = ['src', 'rules', 'scripts/bundle.ts', 'scripts/typescript-parser.ts', 'scripts/semver-satisfies.cts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const FIX = 'run `npm run build` and commit dist/ with the sources (git add dist/src dist/rules dist/bundle)';

/** dist/src/a/b.js → src/a/b.ts */
function sourceOf(built: string): string {
  return built.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

test('the committed dist/ is the build of the committed sources', (t) => {
  const root = packageRoot();
  if (gitTopLevel(path.join(root, 'package.json')) !== root) return t.skip('not a git checkout');
  const git = (...args: string[]) => run('git', args, { cwd: root });
  const dirty = git('status', '--porcelain', '--', ...INPUTS).trim();
  if (dirty) {
    t.diagnostic(`skipped: uncommitted changes in the sources (${dirty.split('\n').length} files); commit dist/ together with them`);
    return t.skip('uncommitted source changes');
  }
  const changed = git('status', '--porcelain', '--untracked-files=all', '--', ...COMMITTED)
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ status: line.slice(0, 2), file: line.slice(3) }))
    // Untracked output of a source deleted since is a local leftover, not part of any commit.
    .filter((c) => c.status !== '??' || BUNDLE.includes(c.file) || fs.existsSync(path.join(root, sourceOf(c.file))));
  assert.deepEqual(changed.map((c) => `${c.status} ${c.file}`), [], `dist/ is stale: ${FIX}`);
  const orphans = git('ls-files', '--', ...COMMITTED)
    .split('\n')
    .filter((f) => f.endsWith('.js') && !fs.existsSync(path.join(root, sourceOf(f))));
  assert.deepEqual(orphans, [], `dist/ has files whose source is gone: git rm them`);
  const tracked = git('ls-files', '--', ...COMMITTED).split('\n').filter(Boolean);
  for (const file of ['dist/src/cli.js', ...BUNDLE]) assert.ok(tracked.includes(file), `${file} is not committed: ${FIX}`);
  const mode = git('ls-files', '-s', 'dist/bundle/pid1-lint.cjs').split(' ')[0];
  assert.equal(mode, '100755', 'the command is committed executable');
});
