/** Reads this package's own package.json (for --version, data files and the SARIF tool version). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let packageRootCache: string | undefined;

/**
 * The folder holding pid1-lint's package.json, found by walking up from this
 * module: the compiled file sits at dist/src/images/, the source at src/images/.
 */
export function packageRoot(): string {
  if (packageRootCache !== undefined) return packageRootCache;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  let firstWithManifest: string | undefined;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      firstWithManifest ??= dir;
      // A stray package.json (e.g. {"type":"module"} in dist/) must not stop the walk.
      if (readPackageName(manifest) === 'pid1-lint') return (packageRootCache = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (firstWithManifest === undefined) throw new Error('pid1-lint: cannot find package.json above ' + fileURLToPath(import.meta.url));
  return (packageRootCache = firstWithManifest);
}

function readPackageName(manifest: string): unknown {
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

export function packageVersion(): string {
  return manifest(packageRoot()).version;
}

/**
 * The `pid1-lint` command of the package at `root` (package.json "bin": for
 * this one, the bundled CLI, dist/bundle/pid1-lint.cjs).
 */
export function commandPath(root = packageRoot()): string {
  return path.join(root, manifest(root).bin['pid1-lint'] ?? 'dist/bundle/pid1-lint.cjs');
}

function manifest(root: string): { version: string; bin: Record<string, string> } {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
}
