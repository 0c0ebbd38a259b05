/**
 * What the machine formats share: one flat list of findings with
 * repository-relative POSIX paths, the rule metadata behind each finding,
 * source lines for snippets, and fingerprints that survive line moves.
 */
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { sha256Hex } from '../hash.js';
import { LineIndex } from '../positions.js';
import type { Rule } from '../rule.js';
import type { LintMessage, LintResult, Position } from '../types.js';
import type { FormatContext } from './index.js';

export const TOOL_NAME = 'pid1-lint';
export const TOOL_URI = 'https://github.com/pid1-lint/pid1-lint';
/** What a message without a rule (an unreadable or unparsable file) is called where a rule id is expected. */
export const FATAL_ID = 'fatal';

export interface Finding {
  /** Absolute path of the file the finding is in. */
  file: string;
  /** Relative to the repository root, POSIX; absolute (POSIX) when the file is outside it. */
  path: string;
  message: LintMessage;
  /** The finding's range, clamped to valid 1-based positions with the end never before the start. */
  start: Position;
  end: Position;
}

const byId = new Map<string, Rule>(rules.map((r) => [r.id, r]));

/** The registry's rule with this id (a finding may come from a rule outside it, e.g. in tests). */
export function ruleById(id: string | null): Rule | undefined {
  return id === null ? undefined : byId.get(id);
}

/** Every rule of the registry, then the ids the results use that are not in it, each once. */
export function ruleIdsOf(results: LintResult[]): string[] {
  const ids = rules.map((r) => r.id);
  const seen = new Set(ids);
  for (const r of results) {
    for (const m of r.messages) {
      if (m.ruleId !== null && !seen.has(m.ruleId)) {
        seen.add(m.ruleId);
        ids.push(m.ruleId);
      }
    }
  }
  return ids;
}

export function rootOf(context: FormatContext): string {
  return context.root ?? context.cwd;
}

/** `services/api/Dockerfile` for a file inside the root; the absolute POSIX path otherwise. */
export function repoPath(file: string, root: string): string {
  const rel = path.relative(root, file);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : path.resolve(file)).split(path.sep).join('/');
}

/** Every finding of the results, in result order, with its repository path. */
export function findingsOf(results: LintResult[], context: FormatContext): Finding[] {
  const root = rootOf(context);
  const out: Finding[] = [];
  for (const result of results) {
    const filePath = repoPath(result.filePath, root);
    for (const message of result.messages) {
      const start = { line: atLeastOne(message.line), column: atLeastOne(message.column) };
      let end = { line: atLeastOne(message.endLine), column: atLeastOne(message.endColumn) };
      if (end.line < start.line || (end.line === start.line && end.column < start.column)) end = { ...start };
      out.push({ file: result.filePath, path: filePath, message, start, end });
    }
  }
  return out;
}

/** Every format wants whole 1-based positions; a missing or broken one becomes 1. */
function atLeastOne(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/** Errors before warnings, unreadable files first, then by path and position: what a reader should see first. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    b.message.severity - a.message.severity ||
    Number(Boolean(b.message.fatal)) - Number(Boolean(a.message.fatal)) ||
    comparePaths(a.path, b.path) ||
    a.start.line - b.start.line ||
    a.start.column - b.start.column
  );
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function ruleLabel(message: LintMessage): string {
  return message.ruleId ?? FATAL_ID;
}

export function severityName(message: LintMessage): 'error' | 'warning' {
  return message.severity === 2 ? 'error' : 'warning';
}

/**
 * The message followed by its suggestions, one `Suggestion:` line each: the
 * formats that carry only text list them too (JSON and SARIF have fields).
 */
export function messageWithSuggestions(message: LintMessage): string {
  return [message.message, ...(message.suggestions ?? []).map((s) => `Suggestion: ${s.desc}`)].join('\n');
}

/** Messages may span lines; one-line formats join them. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Source text access with one line index per file. */
export class SourceLines {
  private readonly indexes = new Map<string, LineIndex | null>();

  constructor(private readonly sources: ReadonlyMap<string, string> | undefined) {}

  index(file: string): LineIndex | null {
    let index = this.indexes.get(file);
    if (index === undefined) {
      const text = this.sources?.get(file);
      index = text === undefined ? null : new LineIndex(text);
      this.indexes.set(file, index);
    }
    return index;
  }

  /** The text of a 1-based line, or null when the file's text is not known. */
  lineText(file: string, line: number): string | null {
    return this.index(file)?.lineText(line) ?? null;
  }
}

/**
 * A fingerprint per finding that stays the same when lines move and when the
 * repository is checked out elsewhere: rule id, repository path and the
 * finding's line with white space folded (the message when the text is not
 * known), plus a counter for identical lines in the same file.
 */
export function fingerprints(findings: Finding[], lines: SourceLines): string[] {
  const order = findings.map((_, i) => i).sort((i, j) => positionOrder(findings[i] as Finding, findings[j] as Finding));
  const seen = new Map<string, number>();
  const out: string[] = new Array<string>(findings.length);
  for (const i of order) {
    const f = findings[i] as Finding;
    const snippet = lines.lineText(f.file, f.start.line);
    const key = [ruleLabel(f.message), f.path, snippet === null ? `message:${oneLine(f.message.message)}` : snippet.replace(/\s+/g, ' ').trim()].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out[i] = sha256Hex(`${key}\0${occurrence}`);
  }
  return out;
}

function positionOrder(a: Finding, b: Finding): number {
  return comparePaths(a.path, b.path) || a.start.line - b.start.line || a.start.column - b.start.column || comparePaths(ruleLabel(a.message), ruleLabel(b.message));
}

export function countBySeverity(findings: Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.message.severity === 2).length;
  return { errors, warnings: findings.length - errors };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
