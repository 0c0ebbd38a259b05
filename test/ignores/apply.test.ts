/** Inline ignores applied to a Dockerfile's lint: what they suppress, where, and what is reported about them. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { defineRule } from '../../src/rule.js';
import { lintDockerfile, type LintOptions } from '../../src/engine/linter.js';
import type { LintResult } from '../../src/types.js';
import { writeTree } from '../model/helpers.js';

const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";

async function lint(files: Record<string, string>, options: LintOptions = {}) {
  const dir = writeTree(files);
  const { results } = await lintDockerfile(path.join(dir, 'Dockerfile'), options);
  const of = (name: string): LintResult | undefined => results.find((r) => r.filePath === path.join(dir, name));
  return { dir, results, of };
}

const found = (r: LintResult | undefined) => (r?.messages ?? []).map((m) => `${m.line} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId ?? '-'}: ${m.message}`);

describe('inline ignores in a Dockerfile', () => {
  test('the next instruction, over all its lines; the reason is kept with the suppressed finding', async () => {
    const { of } = await lint({
      Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# pid1-lint ignore=shell-form-pid1;reason=migrating in PLAT-12\nCMD node \\\n  server.js\n',
      'server.js': SERVER,
    });
    const result = of('Dockerfile');
    assert.deepEqual(found(result), []);
    assert.equal(result?.errorCount, 0);
    const [suppressed] = result?.suppressedMessages ?? [];
    assert.equal(suppressed?.ruleId, 'shell-form-pid1');
    assert.deepEqual(suppressed?.suppressions, [{ kind: 'directive', justification: 'migrating in PLAT-12', directive: 'pid1-lint ignore=shell-form-pid1;reason=migrating in PLAT-12', file: result?.filePath, line: 4 }]);
  });

  test('an ignore for another instruction, or another rule, does not suppress', async () => {
    const { of } = await lint({ Dockerfile: 'FROM node:22-slim\n# pid1-lint ignore=shell-form-pid1\nCOPY server.js ./\nCMD node server.js\n', 'server.js': SERVER });
    assert.equal(found(of('Dockerfile')).length, 1);
    const other = await lint({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# pid1-lint ignore=invalid-exec-form\nCMD node server.js\n', 'server.js': SERVER });
    assert.match(found(other.of('Dockerfile'))[0] ?? '', /shell-form-pid1/);
  });

  test('hadolint ignore=DL3025 and BuildKit check=skip=JSONArgsRecommended silence shell-form-pid1', async () => {
    const hadolint = await lint({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# hadolint ignore=DL3025\nCMD node server.js\n', 'server.js': SERVER });
    assert.deepEqual(found(hadolint.of('Dockerfile')), []);
    assert.equal(hadolint.of('Dockerfile')?.suppressedMessages?.[0]?.suppressions[0]?.directive, 'hadolint ignore=DL3025');
    const buildkit = await lint({ Dockerfile: '# check=skip=JSONArgsRecommended\nFROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n', 'server.js': SERVER });
    assert.deepEqual(found(buildkit.of('Dockerfile')), []);
  });

  test('global ignores cover every finding of the lint, also those in other files', async () => {
    const files = {
      Dockerfile: '# pid1-lint global ignore=entrypoint-script-exec;reason=the script is replaced at deploy\nFROM node:22-slim\nWORKDIR /app\nCOPY entrypoint.sh server.js ./\nENTRYPOINT ["./entrypoint.sh"]\n',
      'entrypoint.sh': '#!/bin/sh\nset -e\nnode server.js\n',
      'server.js': SERVER,
    };
    const { results, of } = await lint(files);
    assert.deepEqual(results.flatMap((r) => r.messages), []);
    assert.equal(of('entrypoint.sh')?.suppressedMessages?.[0]?.suppressions[0]?.justification, 'the script is replaced at deploy');
  });

  test('# pid1-lint ignore=… in an entrypoint script covers its next line', async () => {
    const files = {
      Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY entrypoint.sh server.js ./\nENTRYPOINT ["./entrypoint.sh"]\n',
      'entrypoint.sh': '#!/bin/sh\nset -e\n# pid1-lint ignore=entrypoint-script-exec\nnode server.js\n',
      'server.js': SERVER,
    };
    const { results } = await lint(files, { reportUnusedIgnores: 'warn' });
    assert.deepEqual(results.flatMap((r) => r.messages), []);
  });

  test('unknown and malformed directives are reported as warnings (invalid-ignore)', async () => {
    const { of } = await lint({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# pid1-lint ignore=no-such-rule\n# pid1-lint skip=shell-form-pid1\nCMD ["node", "server.js"]\n', 'server.js': SERVER });
    assert.deepEqual(found(of('Dockerfile')).map((f) => f.split(';')[0]), [
      '4 warning invalid-ignore: unknown rule "no-such-rule" in a pid1-lint ignore directive',
      '5 warning invalid-ignore: malformed pid1-lint directive',
    ]);
  });

  test('unused directives: reported only when asked, at the asked severity; hadolint and BuildKit ones never', async () => {
    const files = {
      Dockerfile: '# check=skip=JSONArgsRecommended\nFROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# hadolint ignore=DL3025\n# pid1-lint ignore=shell-form-pid1,invalid-exec-form\nCMD node server.js\n# pid1-lint global ignore=package-manager-pid1\n',
      'server.js': SERVER,
    };
    assert.deepEqual(found((await lint(files)).of('Dockerfile')), []);
    assert.deepEqual(found((await lint(files, { reportUnusedIgnores: 'warn' })).of('Dockerfile')), [
      "6 warning unused-ignore: Unused pid1-lint ignore directive (no problems were reported from 'invalid-exec-form')",
      "8 warning unused-ignore: Unused pid1-lint ignore directive (no problems were reported from 'package-manager-pid1')",
    ]);
    const strict = (await lint(files, { reportUnusedIgnores: 'error' })).of('Dockerfile');
    assert.equal(strict?.errorCount, 2);
    // Every directive that covers a finding is credited, and listed with it.
    assert.deepEqual(strict?.suppressedMessages?.[0]?.suppressions.map((x) => x.line), [5, 6, 1]);
  });

  test('a rule turned off leaves its directive unused', async () => {
    const { of } = await lint(
      { Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\n# pid1-lint ignore=shell-form-pid1\nCMD node server.js\n', 'server.js': SERVER },
      { severities: { 'shell-form-pid1': 'off' }, reportUnusedIgnores: 'warn' },
    );
    assert.match(found(of('Dockerfile'))[0] ?? '', /Unused pid1-lint ignore directive \(no problems were reported from 'shell-form-pid1'\)/);
  });
});

describe('inline ignores in JavaScript and TypeScript', () => {
  // The program reader reports into source files; a stand-in rule does the same here.
  const inSource = defineRule({
    id: 'source-finding',
    meta: { type: 'problem', description: 'Test', defaultSeverity: 'error', facts: ['§5'], messages: { m: 'line {{line}}' } },
    check(context) {
      const file = path.join(path.dirname(context.model.dockerfilePath), 'server.js');
      for (const line of [2, 4]) context.report({ messageId: 'm', data: { line }, loc: context.locate.line(file, line) });
    },
  });
  const ruleSet = [...rules, inSource];

  test('// pid1-lint-disable-next-line covers the next line only; -- reason is kept', async () => {
    const { of } = await lint(
      {
        Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n',
        'server.js': "// pid1-lint-disable-next-line source-finding -- drained by the pool\nprocess.on('SIGTERM', stop);\n\nspawn('x');\n",
      },
      { rules: ruleSet },
    );
    assert.deepEqual(found(of('server.js')), ['4 error source-finding: line 4']);
    assert.equal(of('server.js')?.suppressedMessages?.[0]?.suppressions[0]?.justification, 'drained by the pool');
  });

  test('unused directives in the program are reported with reportUnusedIgnores', async () => {
    const { of } = await lint(
      {
        Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n',
        'server.js': "/* pid1-lint-disable-next-line */\nprocess.on('SIGTERM', stop);\n// pid1-lint-disable-next-line invalid-stopsignal\nspawn('x');\n",
      },
      { rules: ruleSet, reportUnusedIgnores: 'warn' },
    );
    assert.deepEqual(found(of('server.js')), [
      "3 warning unused-ignore: Unused pid1-lint ignore directive (no problems were reported from 'invalid-stopsignal')",
      '4 error source-finding: line 4',
    ]);
  });

  test('the config\'s ignore drops findings in ignored files', async () => {
    const { results } = await lint(
      { Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n', 'server.js': `${SERVER}\nx();\n` },
      { rules: ruleSet, ignore: { dir: '/', patterns: ['server.js'] } },
    );
    assert.deepEqual(results.flatMap((r) => r.messages), []);
  });
});
