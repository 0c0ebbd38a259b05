import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { buildStages, composeArgv } from '../../src/dockerfile/stages.js';

const stagesOf = (text: string, target?: string) => buildStages(parseDockerfile('/x/Dockerfile', text), target ? { target } : {});

describe('stage model', () => {
  test('the final stage is the last one, or --target', () => {
    const text = 'FROM node:22 AS build\nFROM node:22-slim AS run\n';
    assert.equal(stagesOf(text).final?.name, 'run');
    assert.equal(stagesOf(text, 'BUILD').final?.name, 'build');
    assert.equal(stagesOf(text, 'nope').missingTarget, 'nope');
  });
  test('ENTRYPOINT clears the inherited CMD; a CMD set before it in the same stage is kept', () => {
    const inherited = stagesOf('FROM node:22-slim AS base\nCMD ["node", "a.js"]\nFROM base\nENTRYPOINT ["tini", "--"]\n').final;
    assert.deepEqual(composeArgv(inherited!.config), ['tini', '--']);
    const sameStage = stagesOf('FROM node:22-slim\nCMD ["node", "a.js"]\nENTRYPOINT ["tini", "--"]\n').final;
    assert.deepEqual(composeArgv(sameStage!.config), ['tini', '--', 'node', 'a.js']);
  });
  test('the base image config is inherited: node images run docker-entrypoint.sh node', () => {
    assert.deepEqual(composeArgv(stagesOf('FROM node:22\n').final!.config), ['docker-entrypoint.sh', 'node']);
  });
  test('shell form is stored with the SHELL in effect', () => {
    const s = stagesOf('FROM node:22\nSHELL ["/bin/bash", "-c"]\nCMD node a.js\n').final!;
    assert.deepEqual(s.config.cmd?.argv, ['/bin/bash', '-c', 'node a.js']);
    assert.equal(s.config.cmd?.form, 'shell');
  });
  test('FROM <stage> inherits ENV, WORKDIR, USER, SHELL and STOPSIGNAL', () => {
    const s = stagesOf('FROM node:22 AS base\nENV A=1\nWORKDIR /srv\nUSER node\nSTOPSIGNAL SIGINT\nFROM base\nWORKDIR app\n').final!;
    assert.equal(s.config.env.get('A')?.value, '1');
    assert.equal(s.config.workdir, '/srv/app');
    assert.equal(s.config.user, 'node');
    assert.equal(s.config.stopSignal?.name, 'SIGINT');
    assert.equal(s.config.cmd?.form, 'image');
  });
  test('ARG before FROM is visible in FROM only, unless declared again in the stage', () => {
    const s = stagesOf('ARG V=22\nARG DIR=/app\nFROM node:${V}-alpine\nARG DIR\nWORKDIR $DIR\nENV X=$V\n').final!;
    assert.equal(s.baseRef, 'node:22-alpine');
    assert.equal(s.config.workdir, '/app');
    assert.equal(s.config.env.get('X')?.value, '');
  });
  test('ENV wins over an ARG of the same name; ${X:-d} and ${X:+a}', () => {
    const s = stagesOf('FROM node\nARG P=arg\nENV P=env\nENV Q=${P}-${NONE:-d}-${P:+set}\n').final!;
    assert.equal(s.config.env.get('Q')?.value, 'env-d-set');
  });
  test('STOPSIGNAL is expanded and parsed; invalid values are kept for the rule', () => {
    assert.equal(stagesOf('FROM node\nARG S=quit\nSTOPSIGNAL $S\n').final!.config.stopSignal?.name, 'SIGQUIT');
    assert.equal(stagesOf('FROM node\nSTOPSIGNAL SIGFOO\n').final!.config.stopSignal?.name, null);
  });
  test('COPY destinations resolve against WORKDIR; --from names a stage or an image', () => {
    const s = stagesOf('FROM node AS build\nFROM node\nWORKDIR /app\nCOPY --from=build /src/dist ./dist\nCOPY --from=krallin/tini /tini /tini\nCOPY a b ./lib/\n').final!;
    const [fromStage, fromImage, local] = s.copies;
    assert.equal(fromStage?.from.kind, 'stage');
    assert.equal(fromStage?.dest, '/app/dist');
    assert.equal(fromStage?.destIsDir, false);
    assert.deepEqual(fromImage?.from, { kind: 'image', ref: 'krallin/tini' });
    assert.equal(local?.dest, '/app/lib');
    assert.equal(local?.destIsDir, true);
    assert.deepEqual(local?.sources, ['a', 'b']);
  });
  test('a Dockerfile without FROM has no stages', () => {
    assert.equal(stagesOf('CMD ["node"]\n').final, null);
  });
});
