/** Results built by hand (with the engine's own counting) and real parsers for the formats' output. */
import assert from 'node:assert/strict';
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

export interface Command {
  name: string;
  properties: Record<string, string>;
  message: string;
}

/** Parses a workflow command the way the runner does (actions/runner ActionCommand.TryParseV2): `%25` is unescaped last. */
export function parseCommand(line: string): Command | null {
  const m = /^::([^ :]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return null;
  const unescape = (s: string, property: boolean) => {
    let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
    if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
    return out.replace(/%25/g, '%');
  };
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
  }
  return { name: m[1]!, properties, message: unescape(m[3]!, false) };
}

/** Every line of the output as a workflow command; a line that is not one fails the test. */
export function commands(text: string): Command[] {
  return text.trimEnd().split('\n').filter(Boolean).map((line) => {
    const c = parseCommand(line);
    assert.ok(c, `not a workflow command: ${line}`);
    return c;
  });
}
