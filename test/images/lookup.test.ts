import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupImage, validateBaseImageEntries } from '../../src/images/index.js';
import type { BaseImageEntry, ImageInfo } from '../../src/images/index.js';

const SHA = 'sha256:' + '0f'.repeat(32);
const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function expectImage(ref: string, id: string, nodeMajor: number | null = null): ImageInfo {
  const info = lookupImage(ref);
  assert.equal(info.known, true, `${ref}: ${info.description}`);
  assert.equal(info.id, id, ref);
  assert.deepEqual(info.candidates, [id], ref);
  assert.equal(info.nodeMajor, nodeMajor, `${ref} nodeMajor`);
  assert.ok(info.facts.some((f) => f.startsWith('pid1-facts §')), `${ref} cites pid1-facts`);
  return info;
}

describe('node', () => {
  const debian: [string, number | null][] = [
    ['node', null],
    ['node:latest', null],
    ['node:22', 22],
    ['node:22.11', 22],
    ['node:22.11.0', 22],
    ['node:lts', null],
    ['node:current', null],
    ['node:hydrogen', 18],
    ['node:iron', 20],
    ['node:jod', 22],
    ['node:krypton', 24],
    ['node:22-bookworm', 22],
    ['node:22-bullseye', 22],
    ['node:26-trixie', 26],
    ['node:bookworm', null],
    ['node:lts-bookworm', null],
    ['node:iron-bookworm', 20],
  ];
  const slim: [string, number | null][] = [
    ['node:22-slim', 22],
    ['node:slim', null],
    ['node:22-bookworm-slim', 22],
    ['node:20.11.1-bullseye-slim', 20],
    ['node:26-trixie-slim', 26],
    ['node:lts-slim', null],
    ['node:jod-slim', 22],
  ];
  const alpine: [string, number | null][] = [
    ['node:22-alpine', 22],
    ['node:22-alpine3.20', 22],
    ['node:alpine', null],
    ['node:alpine3.24', null],
    ['node:22.11.0-alpine3.21', 22],
    ['node:lts-alpine', null],
    ['node:iron-alpine', 20],
  ];

  test('Debian tags: dash, apt, docker-entrypoint.sh + node', () => {
    for (const [tag, major] of debian) {
      const info = expectImage(tag, 'node-debian', major);
      assert.equal(info.distro, 'debian');
      assert.equal(info.shell, 'dash');
      assert.equal(info.osPackageManager, 'apt');
      assert.equal(info.programs.bash, '/bin/bash');
    }
  });

  test('slim tags', () => {
    for (const [tag, major] of slim) {
      const info = expectImage(tag, 'node-slim', major);
      assert.equal(info.shell, 'dash');
      assert.equal(info.osPackageManager, 'apt');
    }
  });

  test('Alpine tags: busybox ash, apk, no bash', () => {
    for (const [tag, major] of alpine) {
      const info = expectImage(tag, 'node-alpine', major);
      assert.equal(info.distro, 'alpine');
      assert.equal(info.shell, 'busybox-ash');
      assert.equal(info.osPackageManager, 'apk');
      assert.equal(info.programs.bash, undefined);
      assert.ok(info.notes.some((n) => n.includes('NOT VERIFIED')), 'Alpine busybox caveat');
    }
    assert.equal(lookupImage('node:22-alpine').description, 'official node image, Alpine variant (node 22)');
  });

  test('image config and the entrypoint script', () => {
    for (const [tag] of [...debian, ...slim, ...alpine]) {
      const info = lookupImage(tag);
      assert.deepEqual(info.entrypoint, ['docker-entrypoint.sh'], tag);
      assert.deepEqual(info.cmd, ['node'], tag);
      assert.deepEqual(info.scripts, [
        { path: '/usr/local/bin/docker-entrypoint.sh', behaviour: 'prepend-unless-command', prepend: ['node'], interpreter: '/bin/sh' },
      ]);
      assert.deepEqual(info.inits, []);
      assert.equal(info.user, null);
      assert.equal(info.workdir, null);
      assert.equal(info.stopSignal, null);
      assert.equal(info.env.PATH, DEBIAN_PATH);
      for (const p of ['node', 'npm', 'npx']) assert.equal(info.programs[p], `/usr/local/bin/${p}`, `${tag} ${p}`);
      assert.equal(info.programs.sh, '/bin/sh');
      assert.ok(info.facts.some((f) => f.includes('f27d936') && f.includes('L73–76')), tag);
    }
  });

  test('yarn and corepack follow the node major', () => {
    for (const tag of ['node:22', 'node:24-alpine', 'node:20-slim', 'node:iron']) {
      const info = lookupImage(tag);
      assert.equal(info.programs.yarn, '/usr/local/bin/yarn', tag);
      assert.equal(info.programs.corepack, '/usr/local/bin/corepack', tag);
      assert.equal(info.env.YARN_VERSION, '1.22.22', tag);
      assert.ok(info.facts.some((f) => f.includes('yarn 1.22.22')), tag);
    }
    for (const tag of ['node:26', 'node:26-trixie', 'node:26-alpine']) {
      const info = lookupImage(tag);
      assert.equal(info.programs.yarn, undefined, tag);
      assert.equal(info.programs.corepack, undefined, tag);
      assert.ok(info.facts.some((f) => f.includes('no yarn')), tag);
      assert.ok(info.notes.some((n) => n.includes('corepack') && n.includes('NOT VERIFIED')), tag);
    }
    const n25 = lookupImage('node:25-alpine');
    assert.equal(n25.programs.yarn, undefined);
    assert.ok(n25.notes.some((n) => n.startsWith('node 25') && n.includes('NOT VERIFIED')));
    for (const tag of ['node', 'node:lts', 'node:current-alpine']) {
      const info = lookupImage(tag);
      assert.equal(info.programs.yarn, undefined, tag);
      assert.ok(info.notes.some((n) => n.includes('node major is not in the tag')), tag);
    }
  });

  test('digests', () => {
    expectImage(`node:22@${SHA}`, 'node-debian', 22);
    expectImage(`node:22-alpine@${SHA}`, 'node-alpine', 22);
    const pinned = expectImage(`node@${SHA}`, 'node-debian', null);
    assert.equal(pinned.ref?.digest, SHA);
    assert.ok(pinned.notes.some((n) => n.includes('pinned by digest')));
  });

  test('registries and mirrors', () => {
    for (const name of [
      'docker.io/library/node',
      'docker.io/node',
      'index.docker.io/library/node',
      'mirror.gcr.io/library/node',
      'public.ecr.aws/docker/library/node',
    ]) {
      expectImage(`${name}:22-alpine`, 'node-alpine', 22);
      expectImage(name, 'node-debian', null);
    }
    assert.ok(lookupImage('mirror.gcr.io/library/node').notes.some((n) => n.includes('mirror')));
    // Another registry's "node" is not the official image.
    assert.equal(lookupImage('registry.example.com/node:22').known, false);
    assert.equal(lookupImage('ghcr.io/someone/node:22').known, false);
  });
});

describe('other Node.js images', () => {
  test('distroless nodejs: every major, Debian release and tag', () => {
    for (const major of [18, 20, 22, 24, 26]) {
      for (const debian of [11, 12, 13]) {
        const name = `gcr.io/distroless/nodejs${major}-debian${debian}`;
        const cases: [string, string, string, string][] = [
          ['', 'distroless-nodejs', '0', '/'],
          [':latest', 'distroless-nodejs', '0', '/'],
          [':nonroot', 'distroless-nodejs-nonroot', '65532', '/home/nonroot'],
          [':debug', 'distroless-nodejs-debug', '0', '/'],
          [':debug-nonroot', 'distroless-nodejs-debug-nonroot', '65532', '/home/nonroot'],
          [':nonroot-arm64', 'distroless-nodejs-nonroot', '65532', '/home/nonroot'],
        ];
        for (const [tag, id, user, workdir] of cases) {
          const info = expectImage(name + tag, id, major);
          assert.deepEqual(info.entrypoint, ['/nodejs/bin/node']);
          assert.equal(info.cmd, null);
          assert.equal(info.shell, 'none');
          assert.equal(info.distro, 'distroless');
          assert.equal(info.osPackageManager, null);
          assert.equal(info.user, user);
          assert.equal(info.workdir, workdir);
          assert.equal(info.programs.node, '/nodejs/bin/node');
          assert.equal(info.programs.npm, undefined);
          if (id.includes('debug')) {
            assert.equal(info.programs.sh, '/busybox/sh');
            assert.ok(info.env.PATH?.endsWith(':/busybox'));
            assert.ok(info.notes.some((n) => n.includes('/bin/sh') && n.includes('NOT VERIFIED')));
          } else {
            assert.equal(info.programs.sh, undefined);
          }
        }
      }
    }
    assert.equal(lookupImage('gcr.io/distroless/nodejs22-debian12:nonsense').known, false);
  });

  test('chainguard node: dumb-init shipped, not used', () => {
    for (const ref of ['cgr.dev/chainguard/node', 'cgr.dev/chainguard/node:latest', `cgr.dev/chainguard/node@${SHA}`]) {
      const info = expectImage(ref, 'chainguard-node');
      assert.deepEqual(info.entrypoint, ['/usr/bin/node']);
      assert.deepEqual(info.cmd, ['--help']);
      assert.equal(info.user, '65532');
      assert.equal(info.workdir, '/app');
      assert.equal(info.distro, 'wolfi');
      assert.equal(info.shell, 'busybox-ash');
      assert.deepEqual(info.inits, [{ name: 'dumb-init', path: '/usr/bin/dumb-init' }]);
      assert.ok(info.notes.some((n) => n.includes('presence is not use')));
      assert.ok(info.notes.some((n) => n.includes('dumb-init path') && n.includes('NOT VERIFIED')));
      assert.equal(info.programs.bash, undefined);
    }
    const dev = expectImage('cgr.dev/chainguard/node:latest-dev', 'chainguard-node-dev');
    assert.equal(dev.osPackageManager, 'apk');
    for (const p of ['bash', 'yarn', 'pnpm']) assert.ok(dev.programs[p], p);
    assert.deepEqual(dev.entrypoint, ['/usr/bin/node']);
    assert.equal(dev.inits[0]?.name, 'dumb-init');
    assert.ok(!dev.notes.some((n) => n.includes('no apk-tools')), 'the standard-only note does not leak into -dev');
  });

  test('bitnami node', () => {
    for (const [ref, major] of [
      ['bitnami/node', null],
      ['bitnami/node:22', 22],
      ['docker.io/bitnami/node:24.9.0-debian-12-r7', 24],
    ] as const) {
      const info = expectImage(ref, 'bitnami-node', major);
      assert.equal(info.entrypoint, null);
      assert.deepEqual(info.cmd, ['node']);
      assert.equal(info.workdir, '/app');
      assert.equal(info.shell, 'dash');
      assert.equal(info.osPackageManager, 'apt');
      assert.equal(info.programs.node, '/opt/bitnami/node/bin/node');
    }
  });

  test('oven/bun', () => {
    const script = { path: '/usr/local/bin/docker-entrypoint.sh', behaviour: 'prepend-unless-command', prepend: ['/usr/local/bin/bun'], interpreter: '/bin/sh' };
    for (const [ref, id, shell] of [
      ['oven/bun', 'bun-debian', 'dash'],
      ['oven/bun:1.1', 'bun-debian', 'dash'],
      ['oven/bun:1.1.38-debian', 'bun-debian', 'dash'],
      ['oven/bun:slim', 'bun-slim', 'dash'],
      ['oven/bun:1-slim', 'bun-slim', 'dash'],
      ['oven/bun:alpine', 'bun-alpine', 'busybox-ash'],
      ['oven/bun:1.1-alpine', 'bun-alpine', 'busybox-ash'],
    ] as const) {
      const info = expectImage(ref, id);
      assert.equal(info.shell, shell);
      assert.deepEqual(info.entrypoint, ['/usr/local/bin/docker-entrypoint.sh']);
      assert.deepEqual(info.cmd, ['/usr/local/bin/bun']);
      assert.deepEqual(info.scripts, [script]);
      assert.equal(info.programs.bun, '/usr/local/bin/bun');
    }
    assert.equal(lookupImage('oven/bun:slim').programs.node, '/usr/local/bun-node-fallback-bin/node');
    for (const ref of ['oven/bun:distroless', 'oven/bun:1.1-distroless']) {
      const info = expectImage(ref, 'bun-distroless');
      assert.deepEqual(info.entrypoint, ['/usr/local/bin/bun']);
      assert.equal(info.cmd, null);
      assert.equal(info.shell, 'none');
      assert.deepEqual(info.scripts, []);
    }
  });

  test('denoland/deno: tini at /tini', () => {
    for (const [ref, id, shell] of [
      ['denoland/deno', 'deno-debian', 'dash'],
      ['denoland/deno:2.1.4', 'deno-debian', 'dash'],
      ['denoland/deno:debian', 'deno-debian', 'dash'],
      ['denoland/deno:debian-2.1.4', 'deno-debian', 'dash'],
      ['denoland/deno:ubuntu', 'deno-ubuntu', 'dash'],
      ['denoland/deno:alpine', 'deno-alpine', 'busybox-ash'],
      ['denoland/deno:alpine-2.1.4', 'deno-alpine', 'busybox-ash'],
      ['ghcr.io/denoland/deno:alpine-2.1.4', 'deno-alpine', 'busybox-ash'],
    ] as const) {
      const info = expectImage(ref, id);
      assert.equal(info.shell, shell);
      assert.deepEqual(info.entrypoint, ['/tini', '--', 'docker-entrypoint.sh']);
      assert.deepEqual(info.cmd, ['eval', "console.log('Welcome to Deno!')"]);
      assert.deepEqual(info.inits, [{ name: 'tini', path: '/tini' }]);
      assert.equal(info.scripts[0]?.behaviour, 'prepend-if-option-or-subcommand');
      assert.deepEqual(info.scripts[0]?.prepend, ['deno']);
      assert.ok(info.scripts[0]?.subcommands?.includes('run'));
    }
    for (const ref of ['denoland/deno:distroless', 'denoland/deno:distroless-2.1.4']) {
      const info = expectImage(ref, 'deno-distroless');
      assert.deepEqual(info.entrypoint, ['/tini', '--', '/bin/deno']);
      assert.deepEqual(info.cmd, ['eval', "console.log('Welcome to Deno!')"]);
      assert.equal(info.shell, 'none');
      assert.deepEqual(info.inits, [{ name: 'tini', path: '/tini' }]);
    }
    expectImage('denoland/deno:bin-2.1.4', 'deno-bin');
  });
});

describe('OS base images', () => {
  const cases: [string, string, string, string | null, string[] | null][] = [
    ['debian', 'debian', 'dash', 'apt', ['bash']],
    ['debian:bookworm-slim', 'debian', 'dash', 'apt', ['bash']],
    ['ubuntu:24.04', 'ubuntu', 'dash', 'apt', ['/bin/bash']],
    ['alpine:3.20', 'alpine', 'busybox-ash', 'apk', ['/bin/sh']],
    ['busybox', 'busybox', 'busybox-ash', null, ['sh']],
    ['busybox:1.36-musl', 'busybox', 'busybox-ash', null, ['sh']],
    ['scratch', 'scratch', 'none', null, null],
    ['fedora:41', 'fedora', 'bash', 'dnf', ['/bin/bash']],
    ['amazonlinux:2023', 'amazonlinux-2023', 'bash', 'dnf', ['/bin/bash']],
    ['amazonlinux', 'amazonlinux-2023', 'bash', 'dnf', ['/bin/bash']],
    ['amazonlinux:2', 'amazonlinux-2', 'bash', 'yum', ['/bin/bash']],
    ['registry.access.redhat.com/ubi9', 'ubi', 'bash', 'dnf', ['/bin/bash']],
    ['registry.access.redhat.com/ubi8/ubi:8.10', 'ubi', 'bash', 'dnf', ['/bin/bash']],
    ['registry.access.redhat.com/ubi10', 'ubi', 'bash', 'dnf', ['/bin/bash']],
    ['registry.access.redhat.com/ubi9-minimal', 'ubi-minimal', 'bash', 'microdnf', ['/bin/bash']],
    ['registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'ubi-minimal', 'bash', 'microdnf', ['/bin/bash']],
    ['registry.access.redhat.com/ubi8-minimal', 'ubi-minimal', 'bash', 'microdnf', ['/bin/bash']],
    ['registry.access.redhat.com/ubi9-micro', 'ubi-micro', 'none', null, null],
    ['registry.access.redhat.com/ubi9/ubi-micro', 'ubi-micro', 'none', null, null],
  ];

  test('shell, package manager and default CMD', () => {
    for (const [ref, id, shell, pm, cmd] of cases) {
      const info = expectImage(ref, id);
      assert.equal(info.shell, shell, ref);
      assert.equal(info.osPackageManager, pm, ref);
      assert.deepEqual(info.cmd, cmd, ref);
      assert.equal(info.entrypoint, null, ref);
    }
    assert.equal(lookupImage('registry.access.redhat.com/ubi9-micro').programs.sh, undefined);
    assert.ok(lookupImage('registry.access.redhat.com/ubi9').notes.some((n) => n.includes('NOT VERIFIED')));
  });

  test('UBI Node.js images', () => {
    const full = expectImage('registry.access.redhat.com/ubi9/nodejs-20', 'ubi-nodejs', 20);
    assert.deepEqual(full.entrypoint, ['container-entrypoint']);
    assert.deepEqual(full.cmd, ['/bin/sh', '-c', '$STI_SCRIPTS_PATH/usage']);
    assert.equal(full.user, '1001');
    assert.equal(full.workdir, '/opt/app-root/src');
    assert.equal(full.shell, 'bash');
    assert.equal(full.osPackageManager, 'dnf');
    assert.equal(full.programs.node, '/usr/bin/node');
    const minimal = expectImage('registry.access.redhat.com/ubi9/nodejs-22-minimal:latest', 'ubi-nodejs-minimal', 22);
    assert.equal(minimal.osPackageManager, 'microdnf');
    assert.equal(minimal.entrypoint, null);
    expectImage('registry.access.redhat.com/ubi8/nodejs-18', 'ubi-nodejs', 18);
    expectImage('registry.redhat.io/rhel9/nodejs-22', 'ubi-nodejs', 22);
  });
});

describe('unexpanded build args', () => {
  test('a wildcard tag that fits one variant', () => {
    const info = expectImage('node:${NODE_VERSION}-alpine', 'node-alpine', null);
    assert.equal(info.shell, 'busybox-ash');
    assert.deepEqual(info.ref?.variables, ['NODE_VERSION']);
    assert.ok(info.notes.some((n) => n.includes('unexpanded build arg')));
    expectImage('node:$V-bookworm-slim', 'node-slim', null);
    expectImage('oven/bun:${BUN_VERSION}-alpine', 'bun-alpine');
    expectImage('denoland/deno:distroless-${DENO_VERSION}', 'deno-distroless');
    expectImage('gcr.io/distroless/nodejs22-debian12:${TAG}-nonroot', 'distroless-nodejs-debug-nonroot', 22);
  });

  test('a wildcard tag that fits several variants keeps what they share', () => {
    const info = lookupImage('node:${NODE_VERSION}');
    assert.equal(info.known, true);
    assert.equal(info.id, null);
    assert.deepEqual(info.candidates, ['node-alpine', 'node-slim', 'node-debian']);
    assert.equal(info.shell, 'unknown');
    assert.equal(info.distro, null);
    assert.equal(info.osPackageManager, null);
    assert.deepEqual(info.entrypoint, ['docker-entrypoint.sh']);
    assert.deepEqual(info.cmd, ['node']);
    assert.equal(info.scripts.length, 1);
    assert.equal(info.programs.node, '/usr/local/bin/node');
    assert.equal(info.programs.bash, undefined);
    assert.equal(info.description, 'official node image, variant not known');
    assert.ok(info.notes.some((n) => n.includes('what /bin/sh is differs')));

    const major = lookupImage('node:22-${VARIANT}');
    assert.equal(major.nodeMajor, 22);
    assert.equal(major.programs.yarn, '/usr/local/bin/yarn');
    assert.deepEqual(major.candidates, ['node-alpine', 'node-slim', 'node-debian']);

    const debianOnly = lookupImage('node:${V}-bookworm${SUFFIX}');
    assert.deepEqual(debianOnly.candidates, ['node-slim', 'node-debian']);
    assert.equal(debianOnly.shell, 'dash');
  });

  test('a build-arg registry reads as Docker Hub, with a note', () => {
    const info = expectImage('${REGISTRY}/node:22-alpine', 'node-alpine', 22);
    assert.ok(info.notes.some((n) => n.includes('registry is an unexpanded build arg')));
    expectImage('$REGISTRY/library/node:22', 'node-debian', 22);
  });

  test('a build-arg image name is unknown', () => {
    for (const ref of ['${BASE_IMAGE}', '${BASE_IMAGE}:22', 'node${SUFFIX}:22', 'gcr.io/distroless/nodejs${V}-debian12']) {
      const info = lookupImage(ref);
      assert.equal(info.known, false, ref);
      assert.equal(info.shell, 'unknown');
      assert.equal(info.description, `unknown image ${ref}`);
    }
  });

  test('a wildcard no variant fits is unknown', () => {
    assert.equal(lookupImage('node:${V}-windowsservercore').known, false);
  });
});

describe('unknown images', () => {
  test('nothing is known, nothing is guessed', () => {
    for (const ref of ['foo/bar', 'myregistry.io/team/app:1.0', 'python:3.12', 'node:not-a-real-tag', '!!!', '', 'Node:22']) {
      const info = lookupImage(ref);
      assert.equal(info.known, false, ref);
      assert.equal(info.id, null);
      assert.deepEqual(info.candidates, []);
      assert.equal(info.description, `unknown image ${ref}`);
      assert.equal(info.shell, 'unknown');
      assert.equal(info.distro, null);
      assert.equal(info.entrypoint, null);
      assert.equal(info.cmd, null);
      assert.deepEqual(info.env, {});
      assert.deepEqual(info.inits, []);
      assert.deepEqual(info.scripts, []);
      assert.deepEqual(info.programs, {});
      assert.deepEqual(info.facts, []);
      assert.equal(info.nodeMajor, null);
    }
    assert.equal(lookupImage('!!!').ref, null);
    assert.deepEqual(lookupImage('foo/bar').notes, []);
    assert.ok(lookupImage('node:not-a-real-tag').notes[0]?.includes('not one pid1-lint knows'));
  });
});

describe('extra entries', () => {
  test('a user entry replaces the built-in of the same id and can extend it', () => {
    const extra = validateBaseImageEntries(
      [
        {
          id: 'node-alpine',
          extends: 'node-alpine',
          match: { images: ['node'], tags: ['.*alpine.*'], tagExamples: ['22-alpine'] },
          entrypoint: ['/sbin/tini', '--', 'docker-entrypoint.sh'],
          inits: [{ name: 'tini', path: '/sbin/tini' }],
          notes: ['our Alpine mirror adds tini'],
        },
      ],
      '.pid1-lintrc.json',
      '/baseImages',
    );
    const info = lookupImage('node:22-alpine', extra);
    assert.equal(info.id, 'node-alpine');
    assert.deepEqual(info.entrypoint, ['/sbin/tini', '--', 'docker-entrypoint.sh']);
    assert.deepEqual(info.inits, [{ name: 'tini', path: '/sbin/tini' }]);
    assert.equal(info.shell, 'busybox-ash', 'inherited');
    assert.equal(info.nodeMajor, null, 'the user tag pattern has no nodeMajor group');
    assert.ok(info.notes.includes('our Alpine mirror adds tini'));
    assert.ok(info.facts.some((f) => f.includes('L73–76')), 'facts inherited from node-common');
    // Without extra, the built-in is untouched.
    assert.deepEqual(lookupImage('node:22-alpine').inits, []);
  });

  test('a user entry wins over a built-in that matches the same reference', () => {
    const extra: BaseImageEntry[] = [
      { id: 'pinned-node', extends: 'node-debian', match: { images: ['node'], tags: ['22'], tagExamples: ['22'] }, user: 'node' },
      { id: 'corp-base', extends: 'node-slim', match: { images: ['registry.corp.example/base/node'] }, description: 'corp node base' },
    ];
    assert.equal(lookupImage('node:22', extra).id, 'pinned-node');
    assert.equal(lookupImage('node:22', extra).user, 'node');
    assert.equal(lookupImage('node:24', extra).id, 'node-debian');
    const corp = lookupImage('registry.corp.example/base/node:2024.1', extra);
    assert.equal(corp.id, 'corp-base');
    assert.equal(corp.description, 'corp node base');
    assert.equal(corp.shell, 'dash');
    assert.equal(lookupImage('registry.corp.example/base/node').known, false, 'not without extra');
    // Wildcards prefer user entries too.
    assert.deepEqual(lookupImage('node:${V}', extra).candidates, ['pinned-node']);
  });

  test('a complete user entry needs no extends', () => {
    const extra = validateBaseImageEntries(
      [
        {
          id: 'in-house',
          description: 'in-house runtime',
          match: { images: ['ghcr.io/acme/runtime'] },
          distro: 'debian',
          shell: 'bash',
          osPackageManager: null,
          entrypoint: ['/usr/bin/tini', '--'],
          cmd: null,
          workdir: '/srv',
          user: '10001',
          stopSignal: 'SIGINT',
          env: { PATH: '/usr/bin:/bin' },
          inits: [{ name: 'tini', path: '/usr/bin/tini' }],
          scripts: [],
          programs: { node: '/usr/bin/node' },
          facts: [],
        },
      ],
      'pid1-lint.config.json',
    );
    const info = lookupImage('ghcr.io/acme/runtime:1', extra);
    assert.equal(info.id, 'in-house');
    assert.equal(info.stopSignal, 'SIGINT');
  });

  test('invalid user entries are rejected with the source and pointer', () => {
    const cases: [unknown, RegExp][] = [
      [[{ id: 'x', extends: 'node-debian', match: { images: ['x'] }, shel: 'dash' }], /cfg\.json: \/base\/0\/shel: unknown property "shel"/],
      [[{ id: 'x', extends: 'node-debian', match: { images: ['x'] }, shell: 'zsh' }], /cfg\.json: \/base\/0\/shell: must be one of "dash"/],
      [[{ id: 'x', extends: 'nope', match: { images: ['x'] } }], /cfg\.json: \/base\/0\/extends: unknown entry id "nope"/],
      [[{ id: 'x', match: { images: ['x'] }, shell: 'dash' }], /cfg\.json: \/base\/0\/description: missing property "description"/],
      [[{ id: 'x', extends: 'node-debian', match: { images: ['x'], tags: ['('], tagExamples: ['a'] } }], /\/base\/0\/match\/tags\/0: invalid regular expression/],
      [[{ id: 'x', extends: 'node-debian', match: { images: ['x'], tags: ['\\d+'], tagExamples: ['abc'] } }], /\/base\/0\/match\/tagExamples\/0: "abc" is not matched/],
      [[{ id: 'x', extends: 'node-debian', match: { images: ['x'], tags: ['\\d+'] } }], /\/base\/0\/match: .*tagExamples/],
      [{ id: 'x' }, /cfg\.json: \/base: must be array/],
    ];
    for (const [data, message] of cases) {
      assert.throws(() => validateBaseImageEntries(data, 'cfg.json', '/base'), message, JSON.stringify(data));
    }
  });
});
