import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { rules } from '../../rules/index.js';
import { FINGERPRINT_KEY, formatSarif } from '../../src/formatters/sarif.js';
import { packageVersion } from '../../src/package-info.js';
import { ruleDocUrl } from '../../src/rule.js';
import { context, message, result, ROOT } from './helpers.js';

const DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD node server.js\n';
const SCRIPT = '#!/bin/sh\nnode server.js\n';

function sarif(text: string): { log: Sarif.Log; run: Sarif.Run } {
  const log = JSON.parse(text) as Sarif.Log;
  assert.equal(log.runs.length, 1, 'exactly one run');
  return { log, run: log.runs[0]! };
}

describe('sarif format', () => {
  test('one run whose driver lists every rule of the registry with its metadata and doc page', () => {
    const { log, run } = sarif(formatSarif([result('Dockerfile', [])], context()));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const driver = run.tool.driver;
    assert.deepEqual({ name: driver.name, version: driver.version, informationUri: driver.informationUri }, { name: 'pid1-lint', version: packageVersion(), informationUri: 'https://github.com/pid1-lint/pid1-lint' });
    assert.deepEqual(driver.rules?.map((r) => r.id), rules.map((r) => r.id));
    for (const [i, rule] of rules.entries()) {
      const d: Sarif.ReportingDescriptor = driver.rules![i]!;
      assert.match(d.name ?? '', /^[A-Z][A-Za-z0-9]+$/, 'name is PascalCase');
      assert.equal(d.shortDescription?.text, `${rule.meta.description}.`);
      assert.ok((d.fullDescription?.text.length ?? 0) > 20 && (d.fullDescription?.text.length ?? 0) <= 1024, `${rule.id}: fullDescription from the doc page, at most 1024 characters`);
      assert.ok(d.help?.text.includes(ruleDocUrl(rule.id)) && (d.help.markdown ?? '').includes('## How to fix'), `${rule.id}: help text and markdown from the doc page`);
      assert.equal(d.helpUri, ruleDocUrl(rule.id));
      assert.equal(d.defaultConfiguration?.level, rule.meta.defaultSeverity === 'error' ? 'error' : 'warning');
    }
    assert.equal(run.automationDetails?.id, 'pid1-lint/');
    assert.deepEqual(run.results, []);
    assert.equal(run.invocations?.[0]?.executionSuccessful, true);
  });

  test('results: rule, level, message, percent-encoded relative URI, region with snippet, fingerprint', () => {
    const results = [
      result('my app/#1/Dockerfile', [message('shell-form-pid1', 4, 5, { endColumn: 19, message: 'shell stays PID 1' }), message('exec-form-variable', 3, 1, { severity: 1, endColumn: 9 })]),
    ];
    const { run } = sarif(formatSarif(results, context({ 'my app/#1/Dockerfile': DOCKERFILE })));
    const [first, second] = run.results!;
    assert.equal(first!.ruleId, 'shell-form-pid1');
    assert.equal(run.tool.driver.rules![first!.ruleIndex!]!.id, 'shell-form-pid1', 'ruleIndex points at the rule');
    assert.equal(first!.level, 'error');
    assert.equal(second!.level, 'warning');
    assert.equal(first!.message.text, 'shell stays PID 1');
    const location = first!.locations![0]!.physicalLocation!;
    assert.equal(location.artifactLocation!.uri, 'my%20app/%231/Dockerfile');
    assert.deepEqual(location.region, { startLine: 4, startColumn: 5, endLine: 4, endColumn: 19, snippet: { text: 'node server.js' } });
    assert.match(first!.partialFingerprints![FINGERPRINT_KEY]!, /^[0-9a-f]{64}$/);
    assert.notEqual(first!.partialFingerprints![FINGERPRINT_KEY], second!.partialFingerprints![FINGERPRINT_KEY]);
    assert.equal(first!.fixes, undefined, 'no fix, no fixes');
  });

  test('fixes: the fix, then each suggestion with its description, as line/column replacements in the file they change', () => {
    const start = DOCKERFILE.indexOf('node server.js');
    const fix = { range: [start, start + 'node server.js'.length] as [number, number], text: '["node", "server.js"]' };
    const scriptFix = { file: path.join(ROOT, 'entrypoint.sh'), range: [SCRIPT.indexOf('node'), SCRIPT.indexOf('node')] as [number, number], text: 'exec ' };
    const results = [result('Dockerfile', [message('shell-form-pid1', 4, 5, { fix, suggestions: [{ desc: 'Exec from the entrypoint script instead.', fix: scriptFix }] })])];
    const { run } = sarif(formatSarif(results, context({ Dockerfile: DOCKERFILE, 'entrypoint.sh': SCRIPT })));
    const fixes = run.results![0]!.fixes!;
    assert.equal(fixes.length, 2);
    assert.match(fixes[0]!.description?.text ?? '', /shell-form-pid1/);
    assert.deepEqual(fixes[0]!.artifactChanges, [
      { artifactLocation: { uri: 'Dockerfile' }, replacements: [{ deletedRegion: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 19 }, insertedContent: { text: '["node", "server.js"]' } }] },
    ]);
    assert.equal(fixes[1]!.description!.text, 'Exec from the entrypoint script instead.');
    assert.deepEqual(fixes[1]!.artifactChanges, [
      { artifactLocation: { uri: 'entrypoint.sh' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 1 }, insertedContent: { text: 'exec ' } }] },
    ]);
    // Without the file's text the replacement is given by character offsets.
    const blind = sarif(formatSarif(results, context({}))).run.results![0]!.fixes![0]!;
    assert.deepEqual(blind.artifactChanges[0]!.replacements[0]!.deletedRegion, { charOffset: start, charLength: 14 });
  });

  test('an unreadable file is a tool notification, not a result; a file outside the repository gets a file: URI', () => {
    const outside = path.resolve('/elsewhere/Dockerfile');
    const results = [
      result('empty/Dockerfile', [message(null, 1, 1, { fatal: true, message: 'empty Dockerfile: nothing to lint' })]),
      { ...result('x', [message('shell-form-pid1', 1, 1)]), filePath: outside },
    ];
    const { run } = sarif(formatSarif(results, context()));
    assert.equal(run.results!.length, 1);
    assert.equal(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, pathToFileURL(outside).href);
    const invocation = run.invocations![0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications!.map((n) => [n.level, n.message.text, n.locations![0]!.physicalLocation!.artifactLocation!.uri]),
      [['error', 'empty Dockerfile: nothing to lint', 'empty/Dockerfile']],
    );
  });

  test('a rule outside the registry still gets a descriptor its results point at', () => {
    const { run } = sarif(formatSarif([result('Dockerfile', [message('custom-rule', 1, 1)])], context()));
    const index = run.results![0]!.ruleIndex!;
    assert.equal(run.tool.driver.rules![index]!.id, 'custom-rule');
    assert.equal(run.tool.driver.rules!.length, rules.length + 1);
  });
});
