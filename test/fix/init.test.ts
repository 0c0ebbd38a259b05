/**
 * addInitFix, the Dockerfile fix the lead's unhandled-stop-signal and
 * zombie-reaping rules report: distro-aware install, before any USER
 * switch, keeping the ENTRYPOINT, and the result confirmed on the kernel.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildModel, type Pid1Model } from '../../src/model/model.js';
import { addInitFix, initToRecommend } from '../../src/fix/init.js';
import { initOrHandler } from '../../src/fix/remedy.js';
import { applyEdits } from '../../src/fix/edits.js';
import { lintDockerfile } from '../../src/engine/linter.js';
import { writeTree } from '../model/helpers.js';
import { HANDLER, kernel, verifyOnKernel } from './helpers.js';
import { copyFixture, fixturesDir } from '../fixtures/fixtures.js';

function modelOf(text: string, files: Record<string, string> = {}): Pid1Model {
  const dir = writeTree({ Dockerfile: text, 'server.js': HANDLER, ...files });
  return buildModel({ dockerfilePath: path.join(dir, 'Dockerfile'), text });
}

function withInit(text: string): string | null {
  const model = modelOf(text);
  const init = addInitFix(model);
  return init ? applyEdits(text, [init.fix]).output : null;
}

const APT = 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*';
const HELPER = 'FROM debian:bookworm-slim AS tini\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\n\n';

describe('addInitFix', () => {
  const rows: [string, string, string | null][] = [
    ['Debian (apt): /usr/bin/tini, in front of the image\'s docker-entrypoint.sh',
      'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      `FROM node:22-slim\n${APT}\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`],
    ['Alpine (apk): /sbin/tini',
      'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      'FROM node:22-alpine\nRUN apk add --no-cache tini\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n'],
    ['installed before the USER switch',
      'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
      `FROM node:22-slim\n${APT}\nWORKDIR /app\nCOPY . .\nUSER node\nENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`],
    ['the stage starts as a non-root user (set in its base stage): tini-static from a helper stage, with COPY',
      'FROM node:22-slim AS base\nUSER node\n\nFROM base\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      `FROM node:22-slim AS base\nUSER node\n\n${HELPER}FROM base\nCOPY --from=tini /usr/bin/tini-static /usr/bin/tini\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`],
    ['distroless (no shell, no package manager): the helper stage, in front of /nodejs/bin/node',
      'FROM gcr.io/distroless/nodejs22-debian12\nWORKDIR /app\nCOPY server.js ./\nCMD ["server.js"]\n',
      `${HELPER}FROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=tini /usr/bin/tini-static /usr/bin/tini\nWORKDIR /app\nCOPY server.js ./\nENTRYPOINT ["/usr/bin/tini", "--", "/nodejs/bin/node"]\nCMD ["server.js"]\n`],
    ['the stage\'s own exec-form ENTRYPOINT is kept behind tini',
      'FROM node:22-slim\nCOPY . .\nENTRYPOINT ["node", "server.js"]\n',
      `FROM node:22-slim\n${APT}\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--", "node", "server.js"]\n`],
    ['a CMD inherited from another stage is written again (a new ENTRYPOINT resets it)',
      'FROM node:22-slim AS base\nCOPY . .\nCMD ["node", "server.js"]\n\nFROM base\nENV NODE_ENV=production\n',
      `FROM node:22-slim AS base\nCOPY . .\nCMD ["node", "server.js"]\n\nFROM base\n${APT}\nENV NODE_ENV=production\nENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`],
    ['an init the image already has is used (denoland/deno ships /tini; a user ENTRYPOINT dropped it)',
      'FROM denoland/deno:2.1.4\nCOPY main.ts .\nENTRYPOINT ["deno", "run", "main.ts"]\n',
      'FROM denoland/deno:2.1.4\nCOPY main.ts .\nENTRYPOINT ["/tini", "--", "deno", "run", "main.ts"]\n'],
    ['Chainguard ships dumb-init without using it: it is used',
      'FROM cgr.dev/chainguard/node:latest\nCOPY server.js ./\nCMD ["server.js"]\n',
      'FROM cgr.dev/chainguard/node:latest\nCOPY server.js ./\nENTRYPOINT ["/usr/bin/dumb-init", "--", "/usr/bin/node"]\nCMD ["server.js"]\n'],
    ['a base image nothing is known about: the helper stage (tini-static runs anywhere)',
      'FROM registry.example.com/node-base:22\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      `${HELPER}FROM registry.example.com/node-base:22\nCOPY --from=tini /usr/bin/tini-static /usr/bin/tini\nCOPY . /app\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "/app/server.js"]\n`],
    ['the directive lines and CRLF line breaks stay',
      '# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM node:22-alpine\r\nCMD ["node", "server.js"]\r\n',
      '# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM node:22-alpine\r\nRUN apk add --no-cache tini\r\nENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]\r\nCMD ["node", "server.js"]\r\n'],
    ['a helper stage goes below the parser directives, which must stay first',
      '# syntax=docker/dockerfile:1\n# escape=`\nFROM gcr.io/distroless/nodejs22-debian12\nCMD ["server.js"]\n',
      `# syntax=docker/dockerfile:1\n# escape=\`\n${HELPER}FROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=tini /usr/bin/tini-static /usr/bin/tini\nENTRYPOINT ["/usr/bin/tini", "--", "/nodejs/bin/node"]\nCMD ["server.js"]\n`],
    ['a shell-form ENTRYPOINT: exec form first (shell-form-pid1), no init fix', 'FROM node:22-slim\nENTRYPOINT node server.js\n', null],
    ['an init already in the chain: nothing to add', 'FROM node:22-alpine\nRUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n', null],
    ['a helper stage would shift a stage number used by COPY --from=1: no fix',
      'FROM node:22 AS build\nRUN echo\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=0 /x /x\nCOPY --from=1 /y /y\nCMD ["server.js"]\n', null],
  ];
  for (const [name, before, after] of rows) {
    test(name, () => assert.equal(withInit(before), after));
  }

  test('after the fix, pid1-lint sees the init as PID 1 in front of the program', async () => {
    const dir = writeTree({ Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n', 'server.js': HANDLER });
    const file = path.join(dir, 'Dockerfile');
    const { model } = await lintDockerfile(file);
    fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), [addInitFix(model as Pid1Model)?.fix as never]).output);
    const { results, model: fixed } = await lintDockerfile(file);
    assert.deepEqual(results.flatMap((r) => r.messages), []);
    assert.deepEqual(fixed?.chain.map((l) => `${l.kind}:${l.name}`), ['init:tini', 'script:docker-entrypoint.sh', 'node:node']);
    assert.equal(fixed?.pid1Index, 0);
  });

  test('on the kernel: exec-form-no-handler hangs until SIGKILL; with the init it stops (143, facts §4 tini-node-none)', { skip: kernel.ok ? false : `needs PID namespaces: ${kernel.ok ? '' : kernel.reason}` }, async () => {
    const dir = copyFixture(path.join(fixturesDir, 'exec-form-no-handler'));
    const file = path.join(dir, 'Dockerfile');
    const { model } = await lintDockerfile(file);
    const init = addInitFix(model as Pid1Model);
    assert.ok(init);
    fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), [init.fix]).output);
    const report = await verifyOnKernel(file);
    assert.ok(!('refused' in report), 'refused' in report ? report.refused : '');
    if ('refused' in report) return;
    assert.equal(report.stopped, true, report.stderr);
    assert.equal(report.exitCode, 143);
  });
});

describe('initToRecommend: the init a message names, as the fix would put it in front', () => {
  const rows: [string, string, ReturnType<typeof initToRecommend>][] = [
    ['Debian (apt)', 'FROM node:22-slim\nCMD ["node", "server.js"]\n', { name: 'tini', path: '/usr/bin/tini', inImage: false }],
    ['Alpine (apk)', 'FROM node:22-alpine\nCMD ["node", "server.js"]\n', { name: 'tini', path: '/sbin/tini', inImage: false }],
    ['no package manager: tini-static copied to /usr/bin/tini', 'FROM gcr.io/distroless/nodejs22-debian12\nCMD ["server.js"]\n', { name: 'tini', path: '/usr/bin/tini', inImage: false }],
    ['an init the image already has', 'FROM denoland/deno:2.1.4\nENTRYPOINT ["deno", "run", "main.ts"]\n', { name: 'tini', path: '/tini', inImage: true }],
    ['Alpine, no fix possible (non-root base, COPY --from=1): where apk installs it',
      'FROM node:22-alpine AS base\nUSER node\n\nFROM base\nCOPY --from=1 /y /y\nCMD ["node", "server.js"]\n', { name: 'tini', path: '/sbin/tini', inImage: false }],
    ['no fix possible, no package manager: Debian\'s path',
      'FROM node:22 AS build\nRUN echo\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=1 /y /y\nCMD ["server.js"]\n', { name: 'tini', path: '/usr/bin/tini', inImage: false }],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => assert.deepEqual(initToRecommend(modelOf(text)), expected));
  }
  test('the no-fix rows really have no fix', () => {
    for (const [, text] of rows.slice(-2)) assert.equal(addInitFix(modelOf(text)), null);
  });
});

describe('initOrHandler (--fix-type)', () => {
  const init = { desc: 'init', fix: { range: [0, 0] as [number, number], text: 'i' } };
  const handler = { desc: 'handler', fix: { range: [0, 0] as [number, number], text: 'h', file: '/app/server.js' } };
  test('init (the default): the init is the fix, the handler a suggestion', () => {
    assert.deepEqual(initOrHandler('init', init, handler), { fix: init.fix, suggest: [handler] });
  });
  test('handler: the handler is the fix, the init a suggestion', () => {
    assert.deepEqual(initOrHandler('handler', init, handler), { fix: handler.fix, suggest: [init] });
  });
  test('only one of them: the init stays a fix, the handler stays a suggestion unless chosen', () => {
    assert.deepEqual(initOrHandler('init', null, handler), { suggest: [handler] });
    assert.deepEqual(initOrHandler('handler', init, null), { fix: init.fix, suggest: [] });
    assert.deepEqual(initOrHandler('handler', null, handler), { fix: handler.fix, suggest: [] });
  });
});
