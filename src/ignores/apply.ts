/**
 * Applies inline ignore directives to one Dockerfile's findings: suppressed
 * findings move to `suppressedMessages` with the directive and its reason,
 * directives that cannot work are reported (`invalid-ignore`), and with
 * reportUnused the pid1-lint directives that suppressed nothing are reported
 * too (`unused-ignore`). They have rule ids of their own rather than ESLint's
 * null: the machine formats read a null rule id as a file that could not be
 * linted at all.
 */
import type { LintMessage, SeverityName, SuppressedMessage } from '../types.js';
import type { Rule } from '../rule.js';
import type { Pid1Model } from '../model/model.js';
import { Locator } from '../engine/locate.js';
import { dockerfileDirectives, sourceDirectives, type Directive, type DirectiveProblem, type Directives } from './directives.js';

/** A finding and the file it is reported in. */
export interface LocatedMessage {
  file: string;
  message: LintMessage;
  /** Where the finding was before it was moved to a compose service or Kubernetes container: directives there apply too. */
  origin?: { file: string; line: number };
}

/** Rule ids of the reports about directives; not rules of the registry (they cannot be configured or ignored). */
export const UNUSED_IGNORE = 'unused-ignore';
export const INVALID_IGNORE = 'invalid-ignore';

export interface IgnoreOptions {
  rules: readonly Rule[];
  /** Severity for unused pid1-lint directives; 'off' does not report them. */
  reportUnused: SeverityName;
}

export interface IgnoreOutcome {
  kept: LocatedMessage[];
  suppressed: { file: string; message: SuppressedMessage }[];
}

export function applyIgnores(model: Pid1Model, found: readonly LocatedMessage[], options: IgnoreOptions): IgnoreOutcome {
  const dockerfile = model.dockerfilePath;
  const byFile = new Map<string, Directives>([[dockerfile, dockerfileDirectives(model.parsed, options.rules)]]);
  const directivesOf = (file: string): Directives => {
    let entry = byFile.get(file);
    if (!entry) {
      const read = model.files.read(file);
      entry = read.ok ? sourceDirectives(file, read.text, options.rules) : { directives: [], problems: [] };
      byFile.set(file, entry);
    }
    return entry;
  };
  const global = (byFile.get(dockerfile) as Directives).directives.filter((d) => d.scope === 'global');
  const used = new Map<Directive, Set<string>>();
  const kept: LocatedMessage[] = [];
  const suppressed: IgnoreOutcome['suppressed'] = [];
  /** Every directive that covers the finding: all of them count as used. */
  const covering = (item: LocatedMessage, ruleId: string): Directive[] => {
    const local = [...placesOf(item)].flatMap((p) => directivesOf(p.file).directives.filter((d) => d.scope === 'lines' && covers(d, p.line)));
    return [...local, ...global].filter((d) => names(d, ruleId));
  };
  for (const item of found) {
    const ruleId = item.message.ruleId;
    // Fatal and structural messages have no rule and cannot be ignored.
    const directives = ruleId === null ? [] : covering(item, ruleId);
    if (ruleId === null || directives.length === 0) {
      kept.push(item);
      continue;
    }
    for (const d of directives) used.set(d, (used.get(d) ?? new Set()).add(ruleId));
    const suppressions = directives.map((d) => ({ kind: 'directive' as const, justification: d.reason, directive: d.text, file: d.file, line: d.line }));
    suppressed.push({ file: item.file, message: { ...item.message, suppressions } });
  }
  if (options.reportUnused !== 'off') {
    // Also the files the chain runs through and the program's sources, so a directive left there is seen.
    for (const file of chainFiles(model)) directivesOf(file);
  }
  const locate = new Locator(model);
  const report = (ruleId: string, problem: DirectiveProblem, severity: 1 | 2): LocatedMessage => {
    const loc = locate.line(problem.file, problem.line);
    const message = { ruleId, severity, message: problem.message, line: loc.start.line, column: loc.start.column, endLine: loc.end.line, endColumn: loc.end.column };
    return { file: problem.file, message };
  };
  for (const entry of byFile.values()) {
    for (const problem of entry.problems) kept.push(report(INVALID_IGNORE, problem, 1));
    if (options.reportUnused === 'off') continue;
    for (const d of entry.directives) {
      const what = d.tool === 'pid1-lint' ? unusedPart(d, used.get(d)) : null;
      if (what === null) continue;
      const problem = { file: d.file, line: d.line, message: `Unused pid1-lint ignore directive (no problems were reported from ${what})` };
      kept.push(report(UNUSED_IGNORE, problem, options.reportUnused === 'error' ? 2 : 1));
    }
  }
  return { kept, suppressed };
}

function* placesOf(item: LocatedMessage): Generator<{ file: string; line: number }> {
  yield { file: item.file, line: item.message.line };
  if (item.origin) yield item.origin;
}

function covers(d: Directive, line: number): boolean {
  return line >= d.fromLine && line <= d.toLine;
}

function names(d: Directive, ruleId: string): boolean {
  return d.rules === 'all' || d.rules.includes(ruleId);
}

/** `'a' or 'b'` for the rules a directive names that suppressed nothing; null when it is used. */
function unusedPart(d: Directive, hits: ReadonlySet<string> | undefined): string | null {
  if (d.rules === 'all') return hits ? null : 'any rule';
  const unused = d.rules.filter((r) => !hits?.has(r));
  return unused.length > 0 ? unused.map((r) => `'${r}'`).join(' or ') : null;
}

function chainFiles(model: Pid1Model): string[] {
  const files = new Set<string>(model.program?.facts?.files ?? []);
  for (const link of model.chain) {
    if (link.script) files.add(link.script.hostPath);
    if (link.program?.hostPath && link.program.hostExists) files.add(link.program.hostPath);
  }
  return [...files];
}
