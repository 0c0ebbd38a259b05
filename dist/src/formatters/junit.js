import { findingsOf, messageWithSuggestions, oneLine, ruleById, ruleLabel, rootOf, repoPath, severityName, TOOL_NAME } from './findings.js';
import { ruleDocUrl } from '../rule.js';
import { XML_DECLARATION, xmlAttributes, xmlEscape } from './xml.js';
export function formatJunit(results, context) {
    const suites = [];
    let tests = 0;
    let failures = 0;
    let errors = 0;
    for (const result of results) {
        const suiteName = repoPath(result.filePath, rootOf(context));
        const cases = [];
        let suiteFailures = 0;
        let suiteErrors = 0;
        for (const f of findingsOf([result], context)) {
            const rule = ruleLabel(f.message);
            const where = `${f.path}:${f.start.line}:${f.start.column}`;
            const text = oneLine(messageWithSuggestions(f.message));
            const doc = ruleById(f.message.ruleId) ? `\n${ruleDocUrl(rule)}` : '';
            const kind = f.message.fatal ? 'error' : 'failure';
            if (f.message.fatal)
                suiteErrors++;
            else
                suiteFailures++;
            cases.push(`    <testcase${xmlAttributes({ classname: `${TOOL_NAME}.${rule}`, name: `${where} ${rule}`, file: f.path, line: f.start.line, time: 0 })}>`, `      <${kind}${xmlAttributes({ type: f.message.fatal ? 'fatal' : severityName(f.message), message: text })}>${xmlEscape(`${where}: ${severityName(f.message)} ${rule}: ${text}${doc}`)}</${kind}>`, '    </testcase>');
        }
        if (cases.length === 0)
            cases.push(`    <testcase${xmlAttributes({ classname: TOOL_NAME, name: `${suiteName}: no problems`, file: suiteName, time: 0 })}/>`);
        const suiteTests = Math.max(1, suiteFailures + suiteErrors);
        tests += suiteTests;
        failures += suiteFailures;
        errors += suiteErrors;
        suites.push(`  <testsuite${xmlAttributes({ name: suiteName, tests: suiteTests, failures: suiteFailures, errors: suiteErrors, time: 0 })}>`, ...cases, '  </testsuite>');
    }
    return [XML_DECLARATION, `<testsuites${xmlAttributes({ name: TOOL_NAME, tests, failures, errors, time: 0 })}>`, ...suites, '</testsuites>', ''].join('\n');
}
//# sourceMappingURL=junit.js.map