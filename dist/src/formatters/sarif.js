/**
 * SARIF 2.1.0 for GitHub code scanning (upload-sarif), reviewdog and other
 * SARIF viewers: exactly one run (GitHub rejects several runs of one
 * category), the whole rule registry in tool.driver.rules, repository-relative
 * URIs, full regions, stable partialFingerprints, and `fixes` from a
 * finding's fix and suggestions (reviewdog turns them into PR suggestions).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageVersion } from '../package-info.js';
import { ruleDocUrl } from '../rule.js';
import { findingsOf, fingerprints, repoPath, rootOf, ruleById, ruleIdsOf, SourceLines, TOOL_NAME, TOOL_URI } from './findings.js';
import { ruleDocText } from './rule-docs.js';
/** Our own fingerprint key: GitHub computes its primaryLocationLineHash itself on upload. */
export const FINGERPRINT_KEY = 'pid1-lint/v1';
export function formatSarif(results, context) {
    const findings = findingsOf(results, context);
    const lines = new SourceLines(context.sources);
    const prints = fingerprints(findings, lines);
    const ruleIds = ruleIdsOf(results);
    const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
    const sarifResults = [];
    // A file that could not be linted is not a finding of a rule: SARIF reports it as a tool notification.
    const notifications = [];
    findings.forEach((f, i) => {
        const location = { physicalLocation: { artifactLocation: { uri: artifactUri(f.file, rootOf(context)) }, region: withSnippet(region(f.start, f.end), lines.index(f.file)) } };
        const { ruleId } = f.message;
        if (ruleId === null) {
            notifications.push({ level: 'error', message: { text: f.message.message }, locations: [location] });
            return;
        }
        const result = {
            ruleId,
            ruleIndex: ruleIndex.get(ruleId),
            level: f.message.severity === 2 ? 'error' : 'warning',
            message: { text: f.message.message },
            locations: [location],
            partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
        };
        const fixes = fixesOf(f, lines, rootOf(context));
        if (fixes.length > 0)
            result.fixes = fixes;
        sarifResults.push(result);
    });
    const version = packageVersion();
    const run = {
        tool: { driver: { name: TOOL_NAME, version, semanticVersion: version, informationUri: TOOL_URI, rules: ruleIds.map(descriptor) } },
        automationDetails: { id: `${TOOL_NAME}/` },
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
    };
    const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
    return `${JSON.stringify(log, null, 2)}\n`;
}
function region(start, end) {
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}
/** The region's own text, so viewers can show the code without the repository. */
function withSnippet(r, index) {
    if (!index)
        return r;
    const offset = (line, column) => index.offsetAt(line - 1, column - 1);
    const text = index.text.slice(offset(r.startLine, r.startColumn), offset(r.endLine, r.endColumn));
    return text ? { ...r, snippet: { text } } : r;
}
/** A relative URI reference (each segment percent-encoded) inside the repository; a file: URI outside it. */
function artifactUri(file, root) {
    const shown = repoPath(file, root);
    if (path.isAbsolute(shown) || shown.startsWith('/'))
        return pathToFileURL(file).href;
    return shown.split('/').map(encodeURIComponent).join('/');
}
function fixesOf(f, lines, root) {
    const fixes = [];
    const rule = f.message.ruleId ?? '';
    if (f.message.fix)
        fixes.push(toSarifFix(`Apply the ${rule} fix (pid1-lint --fix).`, f.message.fix, f, lines, root));
    for (const s of f.message.suggestions ?? [])
        fixes.push(toSarifFix(s.desc, s.fix, f, lines, root));
    return fixes;
}
function toSarifFix(description, fix, f, lines, root) {
    const file = fix.file ?? f.file;
    const index = lines.index(file);
    // Lines and columns where the text is known (reviewdog needs startLine); character offsets otherwise.
    const deletedRegion = index
        ? region(index.positionAt(fix.range[0]), index.positionAt(fix.range[1]))
        : { charOffset: fix.range[0], charLength: Math.max(0, fix.range[1] - fix.range[0]) };
    const uri = artifactUri(file, root);
    return {
        description: { text: description },
        artifactChanges: [{ artifactLocation: { uri }, replacements: [{ deletedRegion, insertedContent: { text: fix.text } }] }],
    };
}
function descriptor(id) {
    const rule = ruleById(id);
    const name = id.replace(/(^|[-_])([a-z0-9])/g, (_, _sep, c) => c.toUpperCase());
    if (!rule)
        return { id, name, shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id }, defaultConfiguration: { level: 'warning' } };
    const description = `${rule.meta.description}.`;
    const doc = ruleDocText(id);
    const level = rule.meta.defaultSeverity === 'error' ? 'error' : 'warning';
    const url = ruleDocUrl(id);
    return {
        id,
        name,
        shortDescription: { text: description },
        fullDescription: { text: doc?.why || description },
        help: {
            text: `${doc?.howToFix || description}\n\nDocumentation: ${url}`,
            markdown: doc ? `${doc.markdown}\n\n[Documentation](${url})` : `${description}\n\n[Documentation](${url})`,
        },
        helpUri: url,
        defaultConfiguration: { level },
        properties: { tags: ['reliability', 'docker', rule.meta.type], 'problem.severity': level },
    };
}
//# sourceMappingURL=sarif.js.map