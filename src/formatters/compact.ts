/**
 * One finding per line, `file:line:col: severity rule: message`, the shape
 * editors, `grep` and GCC-style problem matchers understand. Paths are
 * relative to the current folder, as in the stylish format.
 */
import type { LintResult } from '../types.js';
import { findingsOf, messageWithSuggestions, oneLine, ruleLabel, severityName } from './findings.js';
import type { FormatContext } from './index.js';

export function formatCompact(results: LintResult[], context: FormatContext): string {
  const lines = findingsOf(results, { ...context, root: context.cwd }).map(
    (f) => `${f.path}:${f.start.line}:${f.start.column}: ${severityName(f.message)} ${ruleLabel(f.message)}: ${oneLine(messageWithSuggestions(f.message))}`,
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
