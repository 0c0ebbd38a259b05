/**
 * GitLab Code Quality JSON (the `codequality` report of a job's artifacts):
 * one issue per finding, with a fingerprint that stays the same across
 * pipelines so merge requests show only new and fixed findings.
 */
import type { LintResult } from '../types.js';
import { findingsOf, fingerprints, messageWithSuggestions, oneLine, ruleLabel, SourceLines, TOOL_NAME } from './findings.js';
import type { FormatContext } from './index.js';

interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(results: LintResult[], context: FormatContext): string {
  const findings = findingsOf(results, context);
  const prints = fingerprints(findings, new SourceLines(context.sources));
  const issues = findings.map((f, i): CodeQualityIssue => ({
    type: 'issue',
    check_name: `${TOOL_NAME}/${ruleLabel(f.message)}`,
    description: oneLine(messageWithSuggestions(f.message)),
    categories: ['Bug Risk'],
    // Errors stop a container from shutting down gracefully: "major", as ESLint's GitLab formatters map them.
    severity: f.message.severity === 2 ? 'major' : 'minor',
    fingerprint: prints[i] as string,
    location: { path: f.path, lines: { begin: f.start.line, end: f.end.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
