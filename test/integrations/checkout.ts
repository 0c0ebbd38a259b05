/** A copy of this repository as a git checkout of it would have it, for tests that install or run it like users do. */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/package-info.js';
import { gitTopLevel } from '../../src/report.js';
import { run } from './tools.js';

/**
 * The files git tracks plus the ones it would add (not ignored), copied from
 * the working tree: what a commit of the current work would contain, built
 * dist/ included. Null (with the reason) outside a git checkout.
 */
export function checkoutCopy(dest: string): string | null {
  const root = packageRoot();
  if (gitTopLevel(path.join(root, 'package.json')) !== root) return 'not a git checkout of pid1-lint';
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root }).split('\0').filter(Boolean);
  for (const rel of listed) {
    const from = path.join(root, rel);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dest, rel));
  }
  return null;
}
