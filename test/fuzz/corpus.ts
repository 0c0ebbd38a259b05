/**
 * The seed corpus the fuzzer mutates: every fixture repository, read as
 * text (expected.json is the fixture's verdict, not part of the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../fixtures/fixtures.js';

export interface SeedRepo {
  name: string;
  /** Context-relative POSIX path → text. Always has a `Dockerfile` entry (the one the fixture lints). */
  files: Record<string, string>;
}

export type FileKind = 'dockerfile' | 'package' | 'script' | 'source' | 'other';

export function kindOf(file: string): FileKind {
  const base = path.posix.basename(file);
  if (base === 'Dockerfile' || base.endsWith('.Dockerfile')) return 'dockerfile';
  if (base === 'package.json') return 'package';
  if (base.endsWith('.sh')) return 'script';
  if (/\.[cm]?[jt]sx?$/.test(base)) return 'source';
  return 'other';
}

let cached: SeedRepo[] | undefined;

export function loadCorpus(): SeedRepo[] {
  cached ??= fs
    .readdirSync(fixturesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => readRepo(e.name))
    .filter((r): r is SeedRepo => r !== null);
  return cached;
}

function readRepo(name: string): SeedRepo | null {
  const root = path.join(fixturesDir, name);
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && rel !== 'expected.json') files[rel] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  const expectedFile = path.join(root, 'expected.json');
  const expected = fs.existsSync(expectedFile) ? (JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { dockerfile?: string }) : {};
  const dockerfile = expected.dockerfile ?? 'Dockerfile';
  const text = files[dockerfile];
  if (text === undefined) return null;
  // The fuzzer always lints `Dockerfile`; a fixture's differently named one takes that name.
  files.Dockerfile = text;
  return { name, files };
}

/** Every seed file of one kind, for the per-kind generators. */
export function seedTexts(kind: FileKind): string[] {
  const out = new Set<string>();
  for (const repo of loadCorpus()) for (const [file, text] of Object.entries(repo.files)) if (kindOf(file) === kind) out.add(text);
  return [...out];
}
