/** Counterexamples the fuzzer found, kept as plain tests once fixed. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { parseShell } from '../../src/shell/parse.js';
import { TOO_DEEP } from '../../src/program/parse.js';
import { checkFix, checkLint, Scratch } from './harness.js';

describe('fuzz regressions', () => {
  const scratch = new Scratch();
  after(() => scratch.dispose());

  test('RUN \\ followed only by a comment line (dockerfile-ast threw in getHeredocs)', async () => {
    const text = 'FROM node:22\nRUN  \\\n  #\\aa\n';
    const parsed = parseDockerfile('/fuzz/Dockerfile', text);
    assert.deepEqual(parsed.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
    assert.deepEqual(parsed.instructions[1]?.heredocs, []);
    const results = await checkLint(scratch, { Dockerfile: text });
    assert.equal(results[0]?.fatalErrorCount, 0);
  });

  test('a script ending in an unterminated `a=(`: no empty command, so --fix does not add `exec ` on every run (seed 20261130)', async () => {
    const script = '#!/bin/sh\na=(\n';
    const parsed = parseShell(script);
    assert.deepEqual(parsed.list.items, [], 'the parse stops at the error: no command made of an empty word');
    assert.match(parsed.errors[0]?.message ?? '', /unterminated array assignment/);
    const repo = { Dockerfile: 'FROM node:22\nCOPY ["./","/usr/local/bin/"]\n', 'docker-entrypoint.sh': script };
    await checkFix(scratch, repo);
  });

  test('a script path of 44,000 characters (seed 20261129 hung for minutes): not looked up, and said why', async () => {
    const long = `dist/${'src/ser'.repeat(6300)}ver.js`;
    const results = await checkLint(scratch, {
      Dockerfile: `FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "${long}"]\n`,
      'src/server.ts': 'export {};\n',
    });
    const finding = results[0]?.messages.find((m) => m.ruleId === 'unresolved-entrypoint');
    assert.match(finding?.message ?? '', /more than Linux allows \(PATH_MAX 4096\): node cannot open it/);
  });

  test('a package.json holding `null` beside a program with no handler (seed 291130: the handler suggestion read its "type")', async () => {
    const results = await checkLint(scratch, {
      Dockerfile: 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      'package.json': 'null',
      'server.js': 'setInterval(() => {}, 1000);\n',
    });
    const finding = results[0]?.messages.find((m) => m.ruleId === 'unhandled-stop-signal');
    assert.ok(finding, 'the finding is reported, not an internal error');
    assert.ok(finding.suggestions?.some((s) => /process\.on\('SIGTERM'/.test(s.fix.text)), 'with its CommonJS handler suggestion');
  });

  test('brackets nested 1,250 deep: "nested too deeply" every time, not a syntax error once V8 is warm (seed 291129, kept analyses)', async () => {
    const source = `const http = ${'require('.repeat(1250)}'http'${')'.repeat(1249)};\n`;
    const repo = { Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', 'server.js': source };
    const messages = async () => (await checkLint(scratch, repo)).flatMap((r) => r.messages.map((m) => m.message));
    const first = await messages();
    assert.ok(first.some((m) => m.includes(TOO_DEEP)), first.join('\n'));
    for (let i = 0; i < 3; i++) assert.deepEqual(await messages(), first);
  });
});
