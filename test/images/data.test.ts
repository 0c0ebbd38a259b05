import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkBaseImageSchema, checkBuiltinBaseImageData, defaultDataFile, loadBaseImageData, lookupImage, schemaFile } from '../../src/images/index.js';
import { packageRoot } from '../../src/package-info.js';
import type { BaseImageEntry } from '../../src/images/index.js';

/** A name each imagePattern entry answers to, to look its tag examples up. */
const PATTERN_SAMPLES: Record<string, string> = {
  'distroless-nodejs': 'gcr.io/distroless/nodejs22-debian12',
  'distroless-nodejs-nonroot': 'gcr.io/distroless/nodejs22-debian12',
  'distroless-nodejs-debug': 'gcr.io/distroless/nodejs22-debian12',
  'distroless-nodejs-debug-nonroot': 'gcr.io/distroless/nodejs22-debian12',
  ubi: 'registry.access.redhat.com/ubi9',
  'ubi-minimal': 'registry.access.redhat.com/ubi9-minimal',
  'ubi-micro': 'registry.access.redhat.com/ubi9-micro',
  'ubi-nodejs': 'registry.access.redhat.com/ubi9/nodejs-20',
  'ubi-nodejs-minimal': 'registry.access.redhat.com/ubi9/nodejs-22-minimal',
};

function tmpFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-images-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const COMPLETE: BaseImageEntry = {
  id: 'ok',
  description: 'ok image',
  match: { images: ['ok'] },
  distro: 'debian',
  shell: 'dash',
  osPackageManager: 'apt',
  entrypoint: null,
  cmd: ['bash'],
  workdir: null,
  user: null,
  stopSignal: null,
  env: { PATH: '/usr/bin:/bin' },
  inits: [],
  scripts: [],
  programs: { sh: '/bin/sh' },
  facts: ['pid1-facts §3'],
};

function badData(entries: unknown[]): string {
  return tmpFile('base-images.json', JSON.stringify({ images: entries }, null, 2));
}

describe('built-in data', () => {
  test('is found from the package root and validates', () => {
    assert.ok(fs.existsSync(path.join(packageRoot(), 'package.json')));
    assert.equal(defaultDataFile(), path.join(packageRoot(), 'data', 'base-images.json'));
    checkBaseImageSchema(defaultDataFile());
    checkBuiltinBaseImageData();
    const entries = loadBaseImageData();
    assert.ok(entries.length > 20);
    assert.equal(loadBaseImageData(), entries, 'cached once per process');
    assert.ok(Object.isFrozen(entries[0]), 'frozen, so nobody edits the shared copy');
  });

  test('every tag example leads back to its own entry, with citations', () => {
    for (const entry of loadBaseImageData()) {
      if (entry.match === undefined) continue;
      const name = entry.match.images?.[0] ?? PATTERN_SAMPLES[entry.id];
      assert.ok(name, `add a PATTERN_SAMPLES name for ${entry.id}`);
      const refs = (entry.match.tagExamples ?? [null]).map((tag) => (tag === null ? name : `${name}:${tag}`));
      for (const ref of refs) {
        const info = lookupImage(ref);
        assert.equal(info.id, entry.id, `${ref} should be ${entry.id}, got ${String(info.id)}`);
        assert.ok(info.facts.some((f) => /^pid1-facts §\d+/.test(f)), `${entry.id} cites a pid1-facts section`);
      }
      for (const other of entry.match.images ?? []) assert.equal(lookupImage(other).known, true, other);
    }
  });

  test('NOT VERIFIED is spelt one way', () => {
    const text = fs.readFileSync(defaultDataFile(), 'utf8');
    assert.doesNotMatch(text, /not verified|Not Verified|NOT-VERIFIED/);
  });
});

describe('the schema', () => {
  const schema = JSON.parse(fs.readFileSync(schemaFile(), 'utf8')) as Record<string, unknown>;

  test('is draft-07, closes every object and describes every property', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      if (obj.properties !== undefined) {
        assert.equal(obj.additionalProperties, false, `${at}: additionalProperties must be false`);
        for (const [key, prop] of Object.entries(obj.properties as Record<string, Record<string, unknown>>)) {
          assert.equal(typeof prop.description, 'string', `${at}/properties/${key} needs a description`);
        }
      }
      // Maps (env, programs) are open by design but their keys are constrained.
      if (obj.type === 'object' && obj.properties === undefined) assert.ok(obj.propertyNames, `${at}: a map needs propertyNames`);
      for (const [key, value] of Object.entries(obj)) walk(value, `${at}/${key}`);
    };
    walk(schema, '#');
  });

  test('rejects typos and bad values, naming the file and the pointer', () => {
    const cases: [unknown[], string][] = [
      [[{ ...COMPLETE, shel: 'dash' }], '/images/0/shel: unknown property "shel"'],
      [[{ ...COMPLETE, shell: 'zsh' }], '/images/0/shell: must be one of "dash", "bash", "busybox-ash", "none", "unknown"'],
      [[{ ...COMPLETE, distro: 'arch' }], '/images/0/distro: must be one of'],
      [[{ ...COMPLETE, inits: [{ name: 'tiny', path: '/tini' }] }], '/images/0/inits/0/name: must be one of'],
      [[{ ...COMPLETE, inits: [{ name: 'tini', path: 'tini' }] }], '/images/0/inits/0/path: must match pattern "^/"'],
      [[{ ...COMPLETE, programs: { node: 'node' } }], '/images/0/programs/node: must match pattern "^/"'],
      [[{ ...COMPLETE, entrypoint: 'node' }], '/images/0/entrypoint'],
      [[{ ...COMPLETE, match: { imags: ['ok'] } }], '/images/0/match/imags: unknown property "imags"'],
      [[{ ...COMPLETE, id: 'Not Kebab' }], '/images/0/id: must match pattern'],
      [[{ ...COMPLETE, scripts: [{ path: '/e.sh', behaviour: 'prepend', prepend: ['node'], interpreter: '/bin/sh' }] }], '/images/0/scripts/0/behaviour: must be one of'],
      [[{ ...COMPLETE, byNodeMajor: [{ notes: ['x'] }] }], '/images/0/byNodeMajor/0'],
      [[{ ...COMPLETE, user: undefined }], '/images/0/user: missing property "user"'],
      [[COMPLETE, COMPLETE], '/images/1/id: duplicate id "ok" (also at /images/0)'],
      [[{ ...COMPLETE, extends: 'missing' }], '/images/0/extends: unknown entry id "missing"'],
      [[{ ...COMPLETE, match: { images: ['ok'], imagePattern: '[' } }], '/images/0/match/imagePattern: invalid regular expression'],
      [[{ ...COMPLETE, match: { images: ['ok'], tags: ['\\d+'], tagExamples: ['x'] } }], '/images/0/match/tagExamples/0: "x" is not matched'],
      [[{ id: 'a', extends: 'b', match: { images: ['a'] } }, { id: 'b', extends: 'a' }], '/images/0/extends: circular extends'],
      [[{ id: 'child', extends: 'tmpl', match: { images: ['c'] } }, { id: 'tmpl', shell: 'dash' }], '/images/0: missing property "description" (not set here nor by the entries it extends)'],
    ];
    for (const [entries, expected] of cases) {
      const file = badData(entries);
      assert.throws(
        () => loadBaseImageData(file),
        (error: Error) => {
          assert.ok(error.message.includes(`${file}: ${expected}`), `expected "${file}: ${expected}" in:\n${error.message}`);
          return true;
        },
      );
    }
  });

  test('a broken file is reported with its name', () => {
    const file = tmpFile('broken.json', '{ "images": [ ');
    assert.throws(() => loadBaseImageData(file), (e: Error) => e.message.startsWith(`${file}: invalid JSON`));
    const missing = path.join(os.tmpdir(), 'pid1-no-such-dir', 'base-images.json');
    assert.throws(() => loadBaseImageData(missing), (e: Error) => e.message.startsWith(`${missing}: cannot read`));
  });

  test('accepts a minimal complete file', () => {
    const file = badData([COMPLETE, { id: 'tmpl-only', shell: 'bash' }]);
    assert.equal(loadBaseImageData(file).length, 2);
  });
});
