/**
 * Checkstyle XML, which Jenkins (warnings-ng), reviewdog and many CI
 * dashboards read: one <file> per linted file, one <error> per finding.
 */
import type { LintResult } from '../types.js';
import { findingsOf, messageWithSuggestions, oneLine, ruleLabel, rootOf, repoPath, severityName, TOOL_NAME } from './findings.js';
import type { FormatContext } from './index.js';
import { XML_DECLARATION, xmlAttributes } from './xml.js';

export function formatCheckstyle(results: LintResult[], context: FormatContext): string {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const result of results) {
    out.push(`  <file${xmlAttributes({ name: repoPath(result.filePath, rootOf(context)) })}>`);
    for (const f of findingsOf([result], context)) {
      const attributes = {
        line: f.start.line,
        column: f.start.column,
        severity: severityName(f.message),
        message: oneLine(messageWithSuggestions(f.message)),
        source: `${TOOL_NAME}.${ruleLabel(f.message)}`,
      };
      out.push(`    <error${xmlAttributes(attributes)}/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>', '');
  return out.join('\n');
}
