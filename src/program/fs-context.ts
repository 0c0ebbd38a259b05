/**
 * Read-only, cached access to the build context. Every path the program
 * analysis touches goes through here, so two promises hold in one place:
 * nothing outside the context is read (symlinks are resolved first), and a
 * path only "exists" when its case matches exactly, as on the Linux image.
 */
import fs from 'node:fs';
import { PATH_MAX } from '../context/files.js';
import { sha1 } from '../hash.js';
import path from 'node:path';

export type PathStatus =
  | { status: 'file' | 'dir'; path: string }
  | { status: 'missing' }
  /** The path is lexically outside the context, or a symlink on the way leads outside. */
  | { status: 'outside'; real: string };

/** Files larger than this are not parsed (minified bundles, generated code). */
export const MAX_SOURCE_BYTES = 2_000_000;

/**
 * What a reader was asked while a journal was open, as question numbers of
 * its ContextFs (kind, NUL, path…), each answered when first asked in the run
 * (`ContextFs.journalEntries`). Replayed on a later run, the same answers mean
 * the context looks the same to whoever asked (program/result-cache.ts).
 * A value worked out once and shared (`derived`) keeps its own journal, which
 * the journals of all who use it hold as a part rather than a copy. Numbers,
 * not strings: a run holds tens of thousands of questions in thousands of journals.
 */
export class Journal {
  readonly asked: number[] = [];
  readonly parts = new Set<Journal>();
}

/** A path's status, a folder's listing, a text, why it could not be read, a size. */
type QuestionKind = 'c' | 'l' | 't' | 'f' | 's';

export class ContextFs {
  readonly root: string;
  private readonly rootReal: string | null;
  private readonly dirs = new Map<string, Set<string> | null>();
  private readonly statuses = new Map<string, PathStatus>();
  /** The real path of each folder found inside the context (a child's is its parent's plus its name, unless it is a symlink). */
  private readonly realDirs = new Map<string, string>();
  private readonly texts: Map<string, string | null>;
  private readonly jsons = new Map<string, unknown>();
  /** Why a file inside the context could not be read (permission denied…), for the report. */
  private readonly failures = new Map<string, string>();
  /** Open journals: every answer goes into each (answers from memory too). */
  private readonly journals = new Set<Journal>();
  private readonly digests = new Map<string, string>();
  private readonly listingAnswers = new Map<string, string>();
  /** Journal questions by number, with their answers as first given in this run. */
  private readonly questions: string[] = [];
  private readonly answers: string[] = [];
  private readonly questionNumbers = new Map<string, Map<string, number>>();
  private readonly derivedValues = new Map<string, Map<string, { value: unknown; journal: Journal | null }>>();

  /** `texts` may be shared with the Dockerfile model's reader, so each file is read once per run. */
  constructor(root: string, texts: Map<string, string | null> = new Map()) {
    this.root = path.resolve(root);
    this.rootReal = safeRealpath(this.root);
    this.texts = texts;
  }

  /** Context-relative POSIX path, for notes and `tried` lists. */
  rel(p: string): string {
    const r = path.relative(this.root, p);
    return (r === '' ? '.' : r).split(path.sep).join('/');
  }

  lexicallyInside(p: string): boolean {
    const r = path.relative(this.root, path.resolve(p));
    return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
  }

  /** Directory entries (exact names), or null when the directory cannot be read. */
  list(dir: string): Set<string> | null {
    const key = path.resolve(dir);
    if (this.journals.size > 0) this.note('l', key);
    return this.listing(key);
  }

  // The private readers below answer the public ones without a journal entry of their own: a
  // public question's answer covers what it asked on the way (an exact-case listing, a status).

  private listing(key: string): Set<string> | null {
    let entries = this.dirs.get(key);
    if (entries === undefined) {
      entries = null;
      if (this.lexicallyInside(key) && this.status(key).status === 'dir') {
        try {
          entries = new Set(fs.readdirSync(key));
        } catch {
          entries = null;
        }
      }
      this.dirs.set(key, entries);
    }
    return entries;
  }

  /**
   * What is at `p`: a file or directory inside the context (exact case at
   * every level below the root), missing, or outside.
   */
  check(p: string): PathStatus {
    const abs = path.resolve(p);
    if (this.journals.size > 0) this.note('c', abs);
    return this.status(abs);
  }

  private status(abs: string): PathStatus {
    const cached = this.statuses.get(abs);
    if (cached) return cached;
    const result = this.checkUncached(abs);
    this.statuses.set(abs, result);
    return result;
  }

  private checkUncached(abs: string): PathStatus {
    if (!this.lexicallyInside(abs) || this.rootReal === null) return { status: 'outside', real: abs };
    // No file has a longer path; checking it level by level would cost time quadratic in its length.
    if (abs.length > PATH_MAX) return { status: 'missing' };
    // A folder's real path is known (the root's, or its parent's plus its name): only a symlink needs resolving,
    // not a walk over every level of every new path.
    let real: string | null = this.rootReal;
    if (abs !== this.root) {
      // Exact-case lookup in the parent listing: a case-insensitive host
      // (macOS, Windows) would otherwise report a path Linux cannot open.
      const parentDir = path.dirname(abs);
      const parent = this.listing(parentDir);
      if (!parent || !parent.has(path.basename(abs))) return { status: 'missing' };
      const parentReal = this.realDirs.get(parentDir);
      real = parentReal === undefined ? null : path.join(parentReal, path.basename(abs));
    }
    let stat = statOf(abs, false);
    if (!stat) return { status: 'missing' };
    if (stat.isSymbolicLink() || real === null) {
      real = safeRealpath(abs);
      if (real === null) return { status: 'missing' };
      const relReal = path.relative(this.rootReal, real);
      if (relReal.startsWith('..') || path.isAbsolute(relReal)) return { status: 'outside', real };
      if (stat.isSymbolicLink()) stat = statOf(abs, true);
      if (!stat) return { status: 'missing' };
    }
    if (stat.isFile()) return { status: 'file', path: abs };
    if (stat.isDirectory()) {
      this.realDirs.set(abs, real);
      return { status: 'dir', path: abs };
    }
    return { status: 'missing' };
  }

  isFile(p: string): boolean {
    return this.check(p).status === 'file';
  }

  isDir(p: string): boolean {
    return this.check(p).status === 'dir';
  }

  /**
   * When `p` is missing, a path inside the context that differs from it only
   * by letter case (the Linux image would not find `p`).
   */
  caseInsensitiveMatch(p: string): string | null {
    const abs = path.resolve(p);
    if (!this.lexicallyInside(abs) || abs === this.root) return null;
    const parts = path.relative(this.root, abs).split(path.sep);
    let current = this.root;
    for (const part of parts) {
      const entries = this.list(current);
      if (!entries) return null;
      let next: string | undefined;
      if (entries.has(part)) next = part;
      else {
        const lower = part.toLowerCase();
        for (const entry of entries) {
          if (entry.toLowerCase() === lower) {
            next = entry;
            break;
          }
        }
      }
      if (next === undefined) return null;
      current = path.join(current, next);
    }
    return current === abs || this.check(current).status === 'missing' ? null : current;
  }

  /** UTF-8 text of a file inside the context (null: missing, outside, too large or unreadable). */
  readText(p: string, maxBytes = MAX_SOURCE_BYTES): string | null {
    const abs = path.resolve(p);
    if (this.journals.size > 0) this.note('t', abs, maxBytes);
    return this.text(abs, maxBytes);
  }

  private text(abs: string, maxBytes: number): string | null {
    if (this.texts.has(abs)) return this.texts.get(abs) ?? null;
    let text: string | null = null;
    if (this.status(abs).status === 'file') {
      try {
        const size = fs.statSync(abs).size;
        text = size > maxBytes ? null : fs.readFileSync(abs, 'utf8');
      } catch (err) {
        text = null;
        this.failures.set(abs, describeError(err));
      }
    }
    this.texts.set(abs, text);
    return text;
  }

  /** Why readText gave null for a file that exists (permission denied…), or null. */
  readFailure(p: string): string | null {
    const abs = path.resolve(p);
    if (this.journals.size > 0) this.note('f', abs);
    return this.failures.get(abs) ?? null;
  }

  fileSize(p: string): number | null {
    const abs = path.resolve(p);
    if (this.journals.size > 0) this.note('s', abs);
    return this.size(abs);
  }

  private size(abs: string): number | null {
    try {
      return this.status(abs).status === 'file' ? fs.statSync(abs).size : null;
    } catch {
      return null;
    }
  }

  /** JSON or JSONC (comments, trailing commas) parsed, or undefined. */
  readJson(p: string): unknown {
    const abs = path.resolve(p);
    // Asked even when the JSON is known: a journal records the text.
    const text = this.readText(abs, 5_000_000);
    if (this.jsons.has(abs)) return this.jsons.get(abs);
    let value: unknown = undefined;
    if (text !== null) value = parseJsonc(text);
    this.jsons.set(abs, value);
    return value;
  }

  /**
   * A value worked out from the context (a parsed tsconfig, a resolution),
   * made once per reader. On a hit, the questions its making asked go into
   * the open journals as if asked again: a journal must hold everything its
   * analysis depended on, whoever asked first.
   */
  derived<T>(kind: string, key: string, make: () => T): T {
    let values = this.derivedValues.get(kind);
    if (!values) {
      values = new Map();
      this.derivedValues.set(kind, values);
    }
    const hit = values.get(key);
    // Made while no journal was open, its questions are unknown: made again, listening, when one is.
    if (hit && (hit.journal !== null || this.journals.size === 0)) {
      if (hit.journal) for (const journal of this.journals) journal.parts.add(hit.journal);
      return hit.value as T;
    }
    if (this.journals.size === 0) {
      const value = make();
      values.set(key, { value, journal: null });
      return value;
    }
    // Its questions go to its own journal only; the open ones take it as a part.
    const own = new Journal();
    const open = [...this.journals];
    this.journals.clear();
    this.journals.add(own);
    let value: T;
    try {
      value = make();
    } finally {
      this.journals.clear();
      for (const journal of open) {
        this.journals.add(journal);
        journal.parts.add(own);
      }
    }
    values.set(key, { value, journal: own });
    return value;
  }

  /** Opens a journal: from now until `closeJournal`, every question and answer goes into it. */
  openJournal(): Journal {
    const journal = new Journal();
    this.journals.add(journal);
    return journal;
  }

  closeJournal(journal: Journal): void {
    this.journals.delete(journal);
  }

  /**
   * Asks a journal's questions again: true when every answer is the same
   * (then whatever was concluded from them still holds).
   */
  replay(journal: Iterable<[string, string]>): boolean {
    for (const [question, answer] of journal) {
      const [kind = '', p = '', maxBytes] = question.split('\0');
      if (this.answer(kind, p, Number(maxBytes ?? MAX_SOURCE_BYTES)) !== answer) return false;
    }
    return true;
  }

  private note(kind: QuestionKind, abs: string, maxBytes?: number): void {
    let numbers = this.questionNumbers.get(kind);
    if (!numbers) {
      numbers = new Map();
      this.questionNumbers.set(kind, numbers);
    }
    const key = maxBytes === undefined ? abs : `${abs}\0${maxBytes}`;
    let number = numbers.get(key);
    if (number === undefined) {
      number = this.questions.push(`${kind}\0${key}`) - 1;
      this.answers.push(this.answer(kind, abs, maxBytes ?? MAX_SOURCE_BYTES));
      numbers.set(key, number);
    }
    for (const journal of this.journals) journal.asked.push(number);
  }

  /** Every question of a journal with its answer: its own and its parts', each once. */
  journalEntries(journal: Journal): [string, string][] {
    const numbers = new Set<number>();
    const seen = new Set<Journal>();
    const stack: Journal[] = [journal];
    for (let next = stack.pop(); next; next = stack.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      for (const number of next.asked) numbers.add(number);
      stack.push(...next.parts);
    }
    return [...numbers].map((number) => [this.questions[number] as string, this.answers[number] as string]);
  }

  /** The answer to a journal question, as text: a status, a listing, a text's digest, a size. */
  private answer(kind: string, p: string, maxBytes: number): string {
    switch (kind) {
      case 'c': {
        const status = this.status(p);
        return status.status === 'outside' ? `outside ${status.real}` : status.status;
      }
      case 'l': {
        // Folders do not change during a run: each listing is written out once.
        let answer = this.listingAnswers.get(p);
        if (answer === undefined) {
          const entries = this.listing(p);
          answer = entries ? [...entries].sort().join('/') : 'unreadable';
          this.listingAnswers.set(p, answer);
        }
        return answer;
      }
      case 't': {
        const text = this.text(p, maxBytes);
        return text === null ? 'none' : this.digest(p, text);
      }
      case 'f':
        return this.failures.get(p) ?? 'none';
      case 's':
        return String(this.size(p));
      default:
        return `unknown question ${kind ?? ''}`;
    }
  }

  private digest(abs: string, text: string): string {
    let digest = this.digests.get(abs);
    if (digest === undefined) {
      digest = sha1(text);
      this.digests.set(abs, digest);
    }
    return digest;
  }
}

/** A path's status, following a final symlink or not; undefined when there is nothing (or it cannot be read). */
function statOf(p: string, followSymlink: boolean): fs.Stats | undefined {
  try {
    return (followSymlink ? fs.statSync : fs.lstatSync)(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function safeRealpath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * Parses JSON with comments and trailing commas (tsconfig.json is JSONC).
 * A single linear scan; returns undefined instead of throwing.
 */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(stripJsonc(text)) as unknown;
  } catch {
    return undefined;
  }
}

export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      out += text.slice(start, i);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === ',') {
      // Trailing comma: drop it when the next significant character closes.
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j] ?? '')) j++;
        if (text[j] === '/' && text[j + 1] === '/') {
          while (j < n && text[j] !== '\n') j++;
        } else if (text[j] === '/' && text[j + 1] === '*') {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? n : end + 2;
        } else break;
      }
      if (text[j] !== '}' && text[j] !== ']') out += ',';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A read error in words, for messages: ENOENT, EACCES, EISDIR and ELOOP are named; the rest keep their own message. */
export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symlink loop';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
