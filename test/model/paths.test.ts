import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ContextFiles } from '../../src/context/files.js';
import { parseDockerignore } from '../../src/context/dockerignore.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { buildStages } from '../../src/dockerfile/stages.js';
import { PathMapper } from '../../src/model/paths.js';
import { globMatches } from '../../src/context/glob.js';
import { writeTree } from './helpers.js';

function mapper(dir: string, dockerfile: string, ignore?: string) {
  const model = buildStages(parseDockerfile(path.join(dir, 'Dockerfile'), dockerfile));
  const m = new PathMapper({ contextDir: dir, files: new ContextFiles(), dockerignore: ignore ? parseDockerignore(ignore) : null });
  return (p: string) => {
    const r = m.map(model.final!, p);
    return 'host' in r ? { host: path.relative(dir, r.host), exists: r.exists, built: r.built } : { reason: r.reason };
  };
}

describe('container path → build context', () => {
  const dir = writeTree({ 'server.js': '', 'src/index.ts': '', 'src/lib/a.ts': '', 'bin/run.js': '', 'entry.sh': '' });
  test('COPY . . into WORKDIR', () => {
    const map = mapper(dir, 'FROM node\nWORKDIR /app\nCOPY . .\n');
    assert.deepEqual(map('/app/server.js'), { host: 'server.js', exists: true, built: false });
    assert.deepEqual(map('/app/dist/main.js'), { host: 'dist/main.js', exists: false, built: true });
  });
  test('a file into a folder, and a file renamed', () => {
    const map = mapper(dir, 'FROM node\nWORKDIR /app\nCOPY server.js ./\nCOPY entry.sh /usr/local/bin/docker-entrypoint\n');
    assert.deepEqual(map('/app/server.js'), { host: 'server.js', exists: true, built: false });
    assert.deepEqual(map('/usr/local/bin/docker-entrypoint'), { host: 'entry.sh', exists: true, built: false });
    // Not copied, but under a folder the context fills: made in the image (built).
    assert.deepEqual(map('/app/other.js'), { host: 'other.js', exists: false, built: true });
    assert.ok('reason' in map('/srv/other.js'));
  });
  test('a folder copied to a named destination', () => {
    const map = mapper(dir, 'FROM node\nCOPY src /app/source\n');
    assert.deepEqual(map('/app/source/lib/a.ts'), { host: 'src/lib/a.ts', exists: true, built: false });
  });
  test('COPY --from follows the other stage, where the file was built', () => {
    const map = mapper(dir, 'FROM node AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY --from=build /src/dist ./dist\nCOPY --from=build /src/server.js ./\n');
    assert.deepEqual(map('/app/dist/main.js'), { host: 'dist/main.js', exists: false, built: true });
    assert.deepEqual(map('/app/server.js'), { host: 'server.js', exists: true, built: false });
  });
  test('a later COPY wins; a glob places matching names', () => {
    const map = mapper(dir, 'FROM node\nWORKDIR /app\nCOPY bin/run.js ./server.js\nCOPY src/*.ts ./\n');
    assert.deepEqual(map('/app/server.js'), { host: 'bin/run.js', exists: true, built: false });
    assert.deepEqual(map('/app/index.ts'), { host: 'src/index.ts', exists: true, built: false });
  });
  test('files excluded by .dockerignore are not in the image', () => {
    const map = mapper(dir, 'FROM node\nWORKDIR /app\nCOPY . .\n', 'bin\n!bin/keep.js\n');
    assert.deepEqual(map('/app/bin/run.js'), { host: 'bin/run.js', exists: false, built: true });
  });
  test('ADD of a URL and COPY from an image are not in the context', () => {
    const map = mapper(dir, 'FROM node\nADD https://example.com/tini /tini\nCOPY --from=krallin/tini /tini /t2\n');
    assert.match((map('/tini') as { reason: string }).reason, /ADD/);
    assert.match((map('/t2') as { reason: string }).reason, /image/);
  });
  test('glob matching is linear and correct', () => {
    assert.ok(globMatches('*.ts', 'index.ts'));
    assert.ok(!globMatches('*.ts', 'index.js'));
    assert.ok(globMatches('[a-c]?.js', 'b1.js'));
    assert.ok(!globMatches('[!a]*', 'abc'));
    assert.ok(!globMatches('a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)));
  });
});
