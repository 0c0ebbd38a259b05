/**
 * Which configuration applies to a Dockerfile: the nearest one, looking in
 * the Dockerfile's folder and then each parent up to the repository root
 * (the filesystem root outside a repository). In one folder the first of
 * CONFIG_NAMES wins; package.json counts only with a "pid1lint" key. Files
 * are not merged: the nearest one is the whole configuration, as with tally
 * and .hadolint.yaml.
 */
import path from 'node:path';
import { ContextFiles, repositoryRoot } from '../context/files.js';
import { isRecord } from '../program/fs-context.js';
import { PACKAGE_KEY } from './load.js';

export const CONFIG_NAMES = ['.pid1lintrc.json', '.pid1lintrc.yaml', '.pid1lintrc.yml', 'pid1lint.config.json', 'package.json'] as const;

export class ConfigFinder {
  private readonly byFolder = new Map<string, string | null>();

  /** `files`: the run's shared reads, so each candidate is looked at once per run. */
  constructor(private readonly files: ContextFiles = new ContextFiles()) {}

  /** The config file for a Dockerfile, or null. */
  find(dockerfile: string): string | null {
    const start = path.dirname(path.resolve(dockerfile));
    const stop = repositoryRoot(start);
    const visited: string[] = [];
    const search = (): string | null => {
      for (let dir = start; ; dir = path.dirname(dir)) {
        const cached = this.byFolder.get(dir);
        if (cached !== undefined) return cached;
        visited.push(dir);
        const here = configIn(dir, this.files);
        if (here || dir === stop || dir === path.dirname(dir)) return here;
      }
    };
    const found = search();
    for (const dir of visited) this.byFolder.set(dir, found);
    return found;
  }
}

function configIn(dir: string, files: ContextFiles): string | null {
  for (const name of CONFIG_NAMES) {
    const file = path.join(dir, name);
    if (!files.isFile(file)) continue;
    if (name !== 'package.json' || hasConfigKey(file, files)) return file;
  }
  return null;
}

/** A package.json that does not parse still counts when it mentions the key, so its error is reported. */
function hasConfigKey(file: string, files: ContextFiles): boolean {
  const read = files.read(file);
  if (!read.ok) return false;
  const { text } = read;
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) && PACKAGE_KEY in json;
  } catch {
    return text.includes(`"${PACKAGE_KEY}"`);
  }
}
