/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per
 * finding, with GitHub's escaping. The runner keeps only 10 annotations of
 * each type per step, so findings come most important first, a notice counts
 * the ones past the limit, and formatGithubSummary gives the complete list
 * as Markdown for `$GITHUB_STEP_SUMMARY`.
 */
import { ruleDocUrl } from '../rule.js';
import type { LintResult } from '../types.js';
import { byImportance, countBySeverity, findingsOf, messageWithSuggestions, oneLine, plural, ruleById, ruleLabel, severityName, TOOL_NAME, type Finding } from './findings.js';
import type { FormatContext } from './index.js';

/** Annotations GitHub shows per type and step (actions/runner `_maxCountPerIssueType`). */
export const ANNOTATION_LIMIT = 10;
/** Step summaries larger than 1 MiB fail to upload; keep well below. */
const SUMMARY_BUDGET = 1_000_000;

type Properties = Record<string, string | number | undefined>;

export function formatGithub(results: LintResult[], context: FormatContext): string {
  const findings = findingsOf(results, context).sort(byImportance);
  const lines = findings.map(annotation);
  const { errors, warnings } = countBySeverity(findings);
  const unannotated = Math.max(0, errors - ANNOTATION_LIMIT) + Math.max(0, warnings - ANNOTATION_LIMIT);
  if (unannotated > 0) {
    lines.push(
      workflowCommand('notice', { title: TOOL_NAME }, `${plural(unannotated, 'finding')} past GitHub's ${ANNOTATION_LIMIT} annotations per type are in the log above; the step summary lists all ${findings.length}.`),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotation(f: Finding): string {
  const rule = ruleLabel(f.message);
  const doc = ruleById(f.message.ruleId) ? `\n${ruleDocUrl(rule)}` : '';
  const properties = { file: f.path, line: f.start.line, endLine: f.end.line, col: f.start.column, endColumn: f.end.column, title: `${TOOL_NAME}: ${rule}` };
  return workflowCommand(severityName(f.message), properties, `${messageWithSuggestions(f.message)}${doc}`);
}

/** `::name key=value,…::message`; properties without a value are left out, as the toolkit does. */
export function workflowCommand(name: 'error' | 'warning' | 'notice', properties: Properties, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** `%` first, so the runner (which unescapes `%25` last) gets the text back unchanged. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Every finding as a Markdown table, for the job summary. */
export function formatGithubSummary(results: LintResult[], context: FormatContext): string {
  const findings = findingsOf(results, context).sort(byImportance);
  const heading = `### ${TOOL_NAME}\n\n`;
  if (findings.length === 0) return `${heading}✅ No problems found (${plural(results.length, 'file')} linted).\n\n`;
  const { errors, warnings } = countBySeverity(findings);
  const files = new Set(findings.map((f) => f.path)).size;
  const out = [`${heading}${errors > 0 ? '❌' : '⚠️'} **${plural(errors, 'error')}** and **${plural(warnings, 'warning')}** in ${plural(files, 'file')}.\n`, '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |'];
  let size = Buffer.byteLength(out.join('\n'));
  for (const [i, f] of findings.entries()) {
    const row = summaryRow(f);
    size += Buffer.byteLength(row) + 1;
    if (size > SUMMARY_BUDGET) {
      out.push('', `…and ${plural(findings.length - i, 'more finding')}: the summary would pass GitHub's 1 MiB limit (use --format sarif or json for the complete list).`);
      break;
    }
    out.push(row);
  }
  return `${out.join('\n')}\n\n`;
}

function summaryRow(f: Finding): string {
  const rule = ruleLabel(f.message);
  const ruleCell = ruleById(f.message.ruleId) ? `[${rule}](${ruleDocUrl(rule)})` : rule;
  const severity = f.message.severity === 2 ? '❌ error' : '⚠️ warning';
  return `| ${severity} | ${cell(`\`${f.path}:${f.start.line}:${f.start.column}\``)} | ${ruleCell} | ${cell(oneLine(f.message.message))} |`;
}

/**
 * A table cell: `|` escaped everywhere (GFM splits cells on it even inside
 * code spans), and `<` outside code spans so message text is never read as HTML.
 */
function cell(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;') : part))
    .join('`')
    .replace(/\|/g, '\\|');
}
