/** Reading inline ignore directives: pid1-lint's own, hadolint's, BuildKit's, and JS/TS comments. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../rules/index.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { dockerfileDirectives, isJavaScript, sourceDirectives, type Directive } from '../../src/ignores/directives.js';

const view = (d: Directive) => ({ tool: d.tool, scope: d.scope, from: d.fromLine, to: d.toLine, rules: d.rules, reason: d.reason });

function inDockerfile(text: string) {
  return dockerfileDirectives(parseDockerfile('/x/Dockerfile', text), rules);
}

describe('Dockerfile directives', () => {
  test('ignore=rule,rule;reason=… covers every line of the next instruction', () => {
    const { directives, problems } = inDockerfile('FROM node:22\n# pid1-lint ignore=shell-form-pid1, exec-form-variable ; reason=runs under tini -g; see ADR 7\n\nCMD node \\\n  server.js\nSTOPSIGNAL TERM\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(directives.map(view), [
      { tool: 'pid1-lint', scope: 'lines', from: 4, to: 5, rules: ['shell-form-pid1', 'exec-form-variable'], reason: 'runs under tini -g; see ADR 7' },
    ]);
  });

  test('global ignore covers the whole lint; no reason is an empty reason', () => {
    const { directives } = inDockerfile('# pid1-lint global ignore=package-manager-pid1\nFROM node:22\nCMD ["npm", "start"]\n');
    assert.deepEqual(directives.map(view), [{ tool: 'pid1-lint', scope: 'global', from: 1, to: Number.MAX_SAFE_INTEGER, rules: ['package-manager-pid1'], reason: '' }]);
  });

  test('hadolint DL3025 is read as shell-form-pid1; other hadolint codes are not ours', () => {
    const { directives } = inDockerfile('FROM node:22\n# hadolint ignore=DL3008,DL3025\nCMD node server.js\n# hadolint global ignore=DL3025\n# hadolint ignore=DL3008\nRUN apt-get install x\n');
    assert.deepEqual(directives.map(view), [
      { tool: 'hadolint', scope: 'lines', from: 3, to: 3, rules: ['shell-form-pid1'], reason: '' },
      { tool: 'hadolint', scope: 'global', from: 1, to: Number.MAX_SAFE_INTEGER, rules: ['shell-form-pid1'], reason: '' },
    ]);
  });

  test('BuildKit # check=skip=JSONArgsRecommended (and skip=all) is a file-wide shell-form-pid1 ignore', () => {
    const one = inDockerfile('# syntax=docker/dockerfile:1\n# check=skip=StageNameCasing,JSONArgsRecommended;error=true\nFROM node:22\nCMD node server.js\n');
    assert.deepEqual(one.directives.map(view), [{ tool: 'buildkit', scope: 'global', from: 1, to: Number.MAX_SAFE_INTEGER, rules: ['shell-form-pid1'], reason: '' }]);
    assert.deepEqual(inDockerfile('# check=skip=all\nFROM node:22\n').directives.map((d) => d.rules), [['shell-form-pid1']]);
    assert.deepEqual(inDockerfile('# check=error=true\nFROM node:22\n').directives, []);
    // After the first instruction it is a comment, not a directive, for BuildKit and for us.
    assert.deepEqual(inDockerfile('FROM node:22\n# check=skip=JSONArgsRecommended\nCMD node x\n').directives, []);
  });

  test('unknown rules and malformed directives are problems at their line', () => {
    const { directives, problems } = inDockerfile('FROM node:22\n# pid1-lint ignore=shell-form-pid1,no-such-rule\nCMD node x\n# pid1-lint ignore\n# pid1-lint ignore=;reason=x\n');
    assert.deepEqual(directives.map((d) => d.rules), [['shell-form-pid1']]);
    assert.deepEqual(problems.map((p) => [p.line, p.message.split(';')[0]]), [
      [2, 'unknown rule "no-such-rule" in a pid1-lint ignore directive'],
      [4, 'malformed pid1-lint directive'],
      [5, 'this pid1-lint directive names no rule'],
    ]);
  });

  test('a directive with no instruction after it covers nothing', () => {
    const { directives } = inDockerfile('FROM node:22\nCMD node x\n# pid1-lint ignore=shell-form-pid1\n');
    assert.deepEqual(directives.map((d) => [d.fromLine, d.toLine]), [[0, -1]]);
  });
});

describe('directives in other files', () => {
  test('JS/TS: // pid1-lint-disable-next-line rule[, rule] -- reason, also in block comments; no rule means every rule', () => {
    const text = [
      "// pid1-lint-disable-next-line shell-form-pid1, exec-form-variable -- the pool drains itself",
      "process.on('SIGTERM', stop);",
      "/* pid1-lint-disable-next-line */",
      'spawn(x);',
      'foo(); // pid1-lint-disable-next-line invalid-stopsignal',
      'bar();',
    ].join('\n');
    const { directives, problems } = sourceDirectives('/x/src/server.ts', text, rules);
    assert.deepEqual(problems, []);
    assert.deepEqual(directives.map(view), [
      { tool: 'pid1-lint', scope: 'lines', from: 2, to: 2, rules: ['shell-form-pid1', 'exec-form-variable'], reason: 'the pool drains itself' },
      { tool: 'pid1-lint', scope: 'lines', from: 4, to: 4, rules: 'all', reason: '' },
      { tool: 'pid1-lint', scope: 'lines', from: 6, to: 6, rules: ['invalid-stopsignal'], reason: '' },
    ]);
    const unknown = sourceDirectives('/x/a.mjs', '// pid1-lint-disable-next-line handler-hangs\nx();\n', rules);
    assert.match(unknown.problems[0]?.message ?? '', /unknown rule "handler-hangs"/);
  });

  test('scripts and YAML: # pid1-lint ignore=… covers the next line that holds something', () => {
    const text = 'services:\n  # pid1-lint ignore=package-manager-pid1;reason=dev only\n\n  # another comment\n  worker:\n    command: npm start\n';
    const { directives } = sourceDirectives('/x/compose.yaml', text, rules);
    assert.deepEqual(directives.map(view), [{ tool: 'pid1-lint', scope: 'lines', from: 5, to: 5, rules: ['package-manager-pid1'], reason: 'dev only' }]);
    const global = sourceDirectives('/x/entrypoint.sh', '#!/bin/sh\n# pid1-lint global ignore=entrypoint-script-exec\nnode x\n', rules);
    assert.deepEqual(global.directives, []);
    assert.match(global.problems[0]?.message ?? '', /read only in Dockerfiles/);
  });

  test('what counts as JavaScript: the extension, or a node shebang on an extension-less file', () => {
    assert.equal(isJavaScript('/a/server.cjs', ''), true);
    assert.equal(isJavaScript('/a/src/main.mts', ''), true);
    assert.equal(isJavaScript('/a/bin/server', '#!/usr/bin/env node'), true);
    assert.equal(isJavaScript('/a/bin/entry', '#!/bin/sh'), false);
    assert.equal(isJavaScript('/a/entry.sh', '#!/usr/bin/env node'), false);
  });
});
