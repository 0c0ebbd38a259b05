import { findingsOf, fingerprints, messageWithSuggestions, oneLine, ruleLabel, SourceLines, TOOL_NAME } from './findings.js';
export function formatGitlab(results, context) {
    const findings = findingsOf(results, context);
    const prints = fingerprints(findings, new SourceLines(context.sources));
    const issues = findings.map((f, i) => ({
        type: 'issue',
        check_name: `${TOOL_NAME}/${ruleLabel(f.message)}`,
        description: oneLine(messageWithSuggestions(f.message)),
        categories: ['Bug Risk'],
        // Errors stop a container from shutting down gracefully: "major", as ESLint's GitLab formatters map them.
        severity: f.message.severity === 2 ? 'major' : 'minor',
        fingerprint: prints[i],
        location: { path: f.path, lines: { begin: f.start.line, end: f.end.line } },
    }));
    return `${JSON.stringify(issues, null, 2)}\n`;
}
//# sourceMappingURL=gitlab.js.map