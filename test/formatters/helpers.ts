/** Results built by hand (with the engine's own counting) and real parsers for the formats' output. */
import path from 'node:path';
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom';
import { resultOf } from '../../src/engine/linter.js';
import type { FormatContext } from '../../src/formatters/index.js';
import type { LintMessage, LintResult } from '../../src/types.js';

export const ROOT = path.resolve('/work/repo');

/** A finding of `ruleId` on one line; the rest defaults to an error of one character. */
export function message(ruleId: string | null, line: number, column: number, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId, severity: 2, message: `finding of ${ruleId ?? 'nothing'}`, line, column, endLine: line, endColumn: column + 1, ...extra };
}

export function result(relativePath: string, messages: LintMessage[], root = ROOT): LintResult {
  return resultOf(path.join(root, relativePath), messages);
}

export function context(sources: Record<string, string> = {}, root = ROOT, cwd = root): FormatContext {
  return { cwd, color: false, explain: false, root, sources: new Map(Object.entries(sources).map(([rel, text]) => [path.join(root, rel), text])) };
}

/** Parses XML strictly: any warning or error of the parser fails the test. */
export function parseXml(text: string): Element {
  const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
  if (!doc.documentElement) throw new Error('no document element');
  return doc.documentElement;
}

export function children(element: Element, name: string): Element[] {
  return Array.from(element.getElementsByTagName(name));
}

export function attributes(element: Element): Record<string, string> {
  return Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value]));
}
