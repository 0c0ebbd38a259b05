import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { buildStages } from '../../src/dockerfile/stages.js';
import { installedInits } from '../../src/model/inits.js';

const inits = (text: string) => installedInits(buildStages(parseDockerfile('/x/Dockerfile', text)).final!).map((i) => `${i.name} ${i.path}`);

describe('where inits come from (facts §8)', () => {
  test('apt installs tini and tini-static in /usr/bin', () => {
    assert.deepEqual(inits('FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends tini\n'), ['tini /usr/bin/tini', 'tini /usr/bin/tini-static']);
  });
  test('apk installs tini in /sbin, dumb-init in /usr/bin', () => {
    assert.deepEqual(inits('FROM alpine\nRUN apk add --no-cache tini dumb-init\n'), ['tini /sbin/tini', 'dumb-init /usr/bin/dumb-init']);
  });
  test('ADD of a release URL, curl -o, and heredocs', () => {
    assert.deepEqual(inits('FROM node\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini\n'), ['tini /tini']);
    assert.deepEqual(inits('FROM node\nRUN curl -fsSLo /usr/local/bin/dumb-init https://github.com/Yelp/dumb-init/releases/download/v1.2.5/dumb-init_1.2.5_x86_64\n'), ['dumb-init /usr/local/bin/dumb-init']);
    assert.deepEqual(inits('FROM debian\nRUN <<EOF\napt-get install -y tini\nEOF\n'), ['tini /usr/bin/tini', 'tini /usr/bin/tini-static']);
  });
  test('COPY --from a stage that installed it places it at the destination', () => {
    assert.deepEqual(inits('FROM debian AS t\nRUN apt-get install -y tini\nFROM node\nCOPY --from=t /usr/bin/tini /tini\n'), ['tini /tini']);
  });
  test('an install in a stage outside the final image does not count; FROM <stage> inherits', () => {
    assert.deepEqual(inits('FROM debian AS t\nRUN apt-get install -y tini\nFROM node\n'), []);
    assert.deepEqual(inits('FROM debian AS t\nRUN apt-get install -y tini\nFROM t\n'), ['tini /usr/bin/tini', 'tini /usr/bin/tini-static']);
  });
  test('the base image ships it (denoland/deno: /tini)', () => {
    assert.deepEqual(inits('FROM denoland/deno:2.1.4\n'), ['tini /tini']);
  });
  test('apt install of something else is not an init', () => {
    assert.deepEqual(inits('FROM debian\nRUN apt-get install -y curl tini-doc\n'), []);
  });
});
