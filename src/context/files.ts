/**
 * Read-only access to the build context. Every file is read at most once per
 * run (the cache is shared across Dockerfiles), nothing outside the context
 * is read, and symlinks that lead outside it are not followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContextFs, describeError } from '../program/fs-context.js';

export { describeError };

export type FileRead = { ok: true; text: string } | { ok: false; reason: string };

/** Linux's PATH_MAX: open() fails on a longer path (ENAMETOOLONG), so no file in a container has one. */
export const PATH_MAX = 4096;

export class ContextFiles {
  private readonly texts = new Map<string, FileRead>();
  /** Texts as the program reader keeps them (null: unreadable), shared so no file is read twice. */
  private readonly sharedTexts = new Map<string, string | null>();
  private readonly roots = new Map<string, ContextFs>();

  /**
   * `texts`: file texts to use instead of what is on disk (absolute paths),
   * as `--fix` sees files it has changed but not written yet.
   */
  constructor(options: { texts?: ReadonlyMap<string, string> } = {}) {
    for (const [file, text] of options.texts ?? []) this.sharedTexts.set(path.resolve(file), text);
  }

  /** The program reader's view of one build context, sharing this run's file texts. */
  forRoot(root: string): ContextFs {
    const key = path.resolve(root);
    let cfs = this.roots.get(key);
    if (!cfs) {
      cfs = new ContextFs(key, this.sharedTexts);
      this.roots.set(key, cfs);
    }
    return cfs;
  }
  private readonly stats = new Map<string, fs.Stats | null>();
  private readonly listings = new Map<string, string[] | null>();

  /** Reads a UTF-8 file; the reason says why when it cannot (missing, EACCES, outside the context…). */
  read(file: string, root?: string): FileRead {
    const key = path.resolve(file);
    const cached = this.texts.get(key);
    if (cached) return cached;
    const shared = this.sharedTexts.get(key);
    const result: FileRead = typeof shared === 'string' ? { ok: true, text: shared } : this.readUncached(key, root);
    this.texts.set(key, result);
    if (result.ok) this.sharedTexts.set(key, result.text);
    return result;
  }

  private readUncached(file: string, root: string | undefined): FileRead {
    if (root && !this.isInside(file, root)) return { ok: false, reason: 'outside the build context' };
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
      if (st.size > 16 * 1024 * 1024) return { ok: false, reason: `too large (${st.size} bytes)` };
      const buf = fs.readFileSync(file);
      if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
      return { ok: true, text: buf.toString('utf8') };
    } catch (err) {
      return { ok: false, reason: describeError(err) };
    }
  }

  stat(file: string): fs.Stats | null {
    const key = path.resolve(file);
    if (this.stats.has(key)) return this.stats.get(key) ?? null;
    let st: fs.Stats | null;
    try {
      st = fs.statSync(key);
    } catch {
      st = null;
    }
    this.stats.set(key, st);
    return st;
  }

  isFile(file: string): boolean {
    return this.stat(file)?.isFile() ?? false;
  }

  isDirectory(file: string): boolean {
    return this.stat(file)?.isDirectory() ?? false;
  }

  exists(file: string): boolean {
    return this.stat(file) !== null;
  }

  /** Entry names of a directory, or null. */
  list(dir: string): string[] | null {
    const key = path.resolve(dir);
    if (this.listings.has(key)) return this.listings.get(key) ?? null;
    let names: string[] | null;
    try {
      names = fs.readdirSync(key);
    } catch {
      names = null;
    }
    this.listings.set(key, names);
    return names;
  }

  /**
   * True when `file` is inside `root` after resolving symlinks of the part
   * that exists (a symlink escaping the context is outside).
   */
  isInside(file: string, root: string): boolean {
    const realRoot = safeRealpath(root) ?? path.resolve(root);
    let probe = path.resolve(file);
    const tail: string[] = [];
    // Resolve the longest existing prefix; the rest cannot be a symlink.
    for (;;) {
      const real = safeRealpath(probe);
      if (real) {
        const full = path.join(real, ...tail.reverse());
        return full === realRoot || full.startsWith(realRoot + path.sep);
      }
      const parent = path.dirname(probe);
      if (parent === probe) return false;
      tail.push(path.basename(probe));
      probe = parent;
    }
  }

  /**
   * Linux is case sensitive: when `file` is missing but a sibling differs
   * only in case, return that sibling so it can be reported (never used).
   */
  caseMismatch(file: string): string | null {
    if (this.exists(file)) return null;
    const dir = path.dirname(file);
    const base = path.basename(file).toLowerCase();
    const names = this.list(dir);
    if (!names) return null;
    const found = names.find((n) => n.toLowerCase() === base);
    return found ? path.join(dir, found) : null;
  }
}

function safeRealpath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}


/** Context-relative POSIX path for messages and JSON. */
export function relativeTo(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.split(path.sep).join('/') || '.';
}

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in a worktree); null when none does. */
export function repositoryRoot(start: string): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}
