/** Reads this package's own package.json (for --version and the SARIF tool version). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder holding pid1-lint's package.json (works from src/ via tsc output in dist/src/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        const json = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
        if (json.name === 'pid1-lint') {
          root = dir;
          return dir;
        }
      } catch {
        // keep looking upwards
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('pid1-lint: cannot find its own package.json');
    dir = parent;
  }
}

export function packageVersion(): string {
  const json = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return json.version;
}
