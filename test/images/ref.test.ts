import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseName, parseImageRef } from '../../src/images/index.js';
import type { ImageRef } from '../../src/images/index.js';

const SHA = 'sha256:' + 'a1'.repeat(32);

function ref(registry: string | null, repository: string, tag: string | null = null, digest: string | null = null, variables: string[] = []) {
  return { registry, repository, tag, digest, variables };
}

function parsed(text: string): Omit<ImageRef, 'raw'> | null {
  const r = parseImageRef(text);
  if (r === null) return null;
  assert.equal(r.raw, text);
  const { raw: _raw, ...rest } = r;
  return rest;
}

describe('parseImageRef', () => {
  test('Docker Hub names, official images without library/', () => {
    assert.deepEqual(parsed('node'), ref(null, 'node'));
    assert.deepEqual(parsed('node:22'), ref(null, 'node', '22'));
    assert.deepEqual(parsed('library/node:22-alpine'), ref(null, 'node', '22-alpine'));
    assert.deepEqual(parsed('docker.io/library/node'), ref(null, 'node'));
    assert.deepEqual(parsed('docker.io/node:lts'), ref(null, 'node', 'lts'));
    assert.deepEqual(parsed('index.docker.io/library/node:22'), ref(null, 'node', '22'));
    assert.deepEqual(parsed('registry-1.docker.io/library/node'), ref(null, 'node'));
    assert.deepEqual(parsed('oven/bun:1.1-alpine'), ref(null, 'oven/bun', '1.1-alpine'));
    assert.deepEqual(parsed('docker.io/bitnami/node:22'), ref(null, 'bitnami/node', '22'));
    // library/ is only the official namespace when it is the whole path.
    assert.deepEqual(parsed('library/a/b'), ref(null, 'library/a/b'));
  });

  test('other registries keep their path', () => {
    assert.deepEqual(parsed('gcr.io/distroless/nodejs22-debian12:nonroot'), ref('gcr.io', 'distroless/nodejs22-debian12', 'nonroot'));
    assert.deepEqual(parsed('cgr.dev/chainguard/node:latest-dev'), ref('cgr.dev', 'chainguard/node', 'latest-dev'));
    assert.deepEqual(parsed('mirror.gcr.io/library/node:22'), ref('mirror.gcr.io', 'library/node', '22'));
    assert.deepEqual(parsed('public.ecr.aws/docker/library/node:22'), ref('public.ecr.aws', 'docker/library/node', '22'));
    assert.deepEqual(parsed('My.Registry.IO/team/app'), ref('my.registry.io', 'team/app'));
    assert.deepEqual(parsed('[::1]:5000/foo'), ref('[::1]:5000', 'foo'));
  });

  test('ports, localhost, tags and digests', () => {
    assert.deepEqual(parsed(`localhost:5000/foo/bar:1.0@${SHA}`), ref('localhost:5000', 'foo/bar', '1.0', SHA));
    assert.deepEqual(parsed('registry:5000/x'), ref('registry:5000', 'x'));
    assert.deepEqual(parsed('registry:5000/x:5000'), ref('registry:5000', 'x', '5000'));
    assert.deepEqual(parsed('localhost/foo'), ref('localhost', 'foo'));
    // Without a slash, localhost is an image name and 5000 its tag, as Docker reads it.
    assert.deepEqual(parsed('localhost:5000'), ref(null, 'localhost', '5000'));
    assert.deepEqual(parsed(`node@${SHA}`), ref(null, 'node', null, SHA));
    assert.deepEqual(parsed(`node:22@${SHA}`), ref(null, 'node', '22', SHA));
    assert.deepEqual(parsed('  node:22  '), ref(null, 'node', '22'));
  });

  test('unexpanded build args are kept and named', () => {
    assert.deepEqual(parsed('node:${NODE_VERSION}-alpine'), ref(null, 'node', '${NODE_VERSION}-alpine', null, ['NODE_VERSION']));
    assert.deepEqual(parsed('node:$V'), ref(null, 'node', '$V', null, ['V']));
    assert.deepEqual(parsed('${BASE_IMAGE}'), ref(null, '${BASE_IMAGE}', null, null, ['BASE_IMAGE']));
    assert.deepEqual(parsed('${BASE_IMAGE}:${TAG}'), ref(null, '${BASE_IMAGE}', '${TAG}', null, ['BASE_IMAGE', 'TAG']));
    assert.deepEqual(parsed('${REGISTRY}/node:22'), ref('${REGISTRY}', 'node', '22', null, ['REGISTRY']));
    assert.deepEqual(parsed('$REGISTRY/library/node'), ref('$REGISTRY', 'library/node', null, null, ['REGISTRY']));
    assert.deepEqual(parsed('node:${V:-22}-slim'), ref(null, 'node', '${V:-22}-slim', null, ['V']));
    assert.deepEqual(parsed('node@${DIGEST}'), ref(null, 'node', null, '${DIGEST}', ['DIGEST']));
  });

  test('garbage returns null', () => {
    for (const bad of [
      '',
      '   ',
      ':',
      '@',
      'node:',
      'node@',
      'node@sha256:abc',
      'a b',
      'node::22',
      '-node',
      'node/',
      '/node',
      'Node:22',
      'FOO',
      'node:$',
      'node:22:23',
      'node:-x',
      'foo//bar',
      'node@@' + SHA,
      '\u0000',
    ]) {
      assert.equal(parseImageRef(bad), null, JSON.stringify(bad));
    }
  });

  test('never throws, whatever it gets', () => {
    const inputs: unknown[] = [undefined, null, 42, {}, [], '\uE0000\uE000', '${', '$}', '${}', 'a'.repeat(10_000), '@'.repeat(50), '\ud800'];
    for (const input of inputs) assert.doesNotThrow(() => parseImageRef(input as string));
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: 1 + (i % 17) }, (_, j) => 'aZ0:/@.$_-{}[] '.charAt((i * 7 + j * 13) % 16)).join('');
      assert.doesNotThrow(() => parseImageRef(s), s);
    }
  });
});

describe('normaliseName', () => {
  const name = (text: string): string => {
    const r = parseImageRef(text);
    assert.ok(r, text);
    return normaliseName(r).name;
  };

  test('Docker Hub mirrors read as Docker Hub', () => {
    assert.equal(name('mirror.gcr.io/library/node'), 'node');
    assert.equal(name('public.ecr.aws/docker/library/node:22'), 'node');
    assert.equal(name('mirror.gcr.io/bitnami/node'), 'bitnami/node');
    assert.equal(name('public.ecr.aws/bitnami/node'), 'public.ecr.aws/bitnami/node');
  });

  test('registries stay part of the name', () => {
    assert.equal(name('gcr.io/distroless/nodejs22-debian12'), 'gcr.io/distroless/nodejs22-debian12');
    assert.equal(name('localhost:5000/node'), 'localhost:5000/node');
  });

  test('a build-arg registry is read as Docker Hub and flagged', () => {
    const r = parseImageRef('${REGISTRY}/library/node:22');
    assert.ok(r);
    assert.deepEqual(normaliseName(r), { name: 'node', registryIsVariable: true, mirror: null });
  });
});
