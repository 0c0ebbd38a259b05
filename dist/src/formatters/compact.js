import { findingsOf, messageWithSuggestions, oneLine, ruleLabel, severityName } from './findings.js';
export function formatCompact(results, context) {
    const lines = findingsOf(results, { ...context, root: context.cwd }).map((f) => `${f.path}:${f.start.line}:${f.start.column}: ${severityName(f.message)} ${ruleLabel(f.message)}: ${oneLine(messageWithSuggestions(f.message))}`);
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
//# sourceMappingURL=compact.js.map