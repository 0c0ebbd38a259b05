/** Kubernetes manifests and skaffold.yaml: which containers run the image, and what they change about PID 1. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ContextFiles } from '../../src/context/files.js';
import { RuntimeDiscovery } from '../../src/runtime/discover.js';
import { imageMatches, SCAN_LIMITS } from '../../src/runtime/kubernetes.js';
import { writeTree } from '../model/helpers.js';

const DOCKERFILE = 'FROM node:22-slim\nCMD ["node", "server.js"]\n';

function discover(files: Record<string, string>, images: string[] = [], dockerfile = 'Dockerfile') {
  const dir = writeTree({ '.git/HEAD': '', [dockerfile]: DOCKERFILE, ...files });
  return { dir, context: new RuntimeDiscovery(new ContextFiles()).forDockerfile(path.join(dir, dockerfile), { images }) };
}

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  'spec:',
  '  template:',
  '    spec:',
  '      shareProcessNamespace: true',
  '      terminationGracePeriodSeconds: 60',
  '      containers:',
  '        - name: sidecar',
  '          image: envoyproxy/envoy:v1.30',
  '        - name: web',
  '          image: ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  '          command: ["node"]',
  '          args: ["dist/server.js"]',
  '          lifecycle:',
  '            stopSignal: SIGUSR2',
  '',
].join('\n');

describe('Kubernetes manifests', () => {
  test('image names match without tag or digest; a name without registry matches any registry', () => {
    assert.equal(imageMatches('ghcr.io/acme/api:1.2', ['ghcr.io/acme/api']), true);
    assert.equal(imageMatches('ghcr.io/acme/api@sha256:' + 'a'.repeat(64), ['acme/api']), true);
    assert.equal(imageMatches('docker.io/library/node:22', ['node']), true);
    assert.equal(imageMatches('quay.io/acme/api', ['ghcr.io/acme/api']), false);
    assert.equal(imageMatches('ghcr.io/acme/api-worker', ['ghcr.io/acme/api']), false);
    assert.equal(imageMatches('api', ['ghcr.io/acme/api']), false);
  });

  test('shareProcessNamespace, command/args, lifecycle.stopSignal and terminationGracePeriodSeconds', () => {
    const { context } = discover({ 'deploy/api.yaml': DEPLOYMENT }, ['ghcr.io/acme/api']);
    assert.equal(context.deployments.length, 1);
    const [web] = context.deployments;
    assert.equal(web?.name, 'Deployment/api container web');
    assert.equal(web?.label, 'Kubernetes Deployment "api", container "web"');
    assert.equal(web?.loc.start.line, 13);
    const s = web!.settings;
    assert.deepEqual([s.init?.kind, s.init?.source.line], ['shared-pid-namespace', 8]);
    assert.deepEqual([s.entrypoint?.argv, s.entrypoint?.source.line], [['node'], 15]);
    assert.deepEqual([s.command?.argv, s.command?.source.line], [['dist/server.js'], 16]);
    assert.deepEqual([s.stopSignal?.name, s.stopSignal?.source.line], ['SIGUSR2', 18]);
    assert.deepEqual([s.gracePeriodSeconds?.value, s.gracePeriodSeconds?.source.line], [60, 9]);
    assert.match(web?.notes.join(' ') ?? '', /ContainerStopSignals feature gate/);
  });

  test('multi-document files, every workload kind, and List', () => {
    const container = (name: string) => `containers:\n  - name: ${name}\n    image: acme/api:1\n`;
    const indent = (text: string, n: number) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
    const docs = [
      `kind: Pod\nmetadata: { name: p }\nspec:\n${indent(container('c'), 2)}`,
      `kind: StatefulSet\nmetadata: { name: s }\nspec:\n  template:\n    spec:\n${indent(container('c'), 6)}`,
      `kind: DaemonSet\nmetadata: { name: d }\nspec:\n  template:\n    spec:\n${indent(container('c'), 6)}`,
      `kind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n${indent(container('c'), 6)}`,
      `kind: CronJob\nmetadata: { name: cj }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${indent(container('c'), 10)}`,
      `kind: Service\nmetadata: { name: svc }\nspec:\n  ports: [{ port: 80 }]\n`,
      `kind: List\nitems:\n  - kind: ReplicaSet\n    metadata: { name: rs }\n    spec:\n      template:\n        spec:\n${indent(container('c'), 10)}`,
    ];
    const { context } = discover({ 'k8s/all.yaml': docs.join('---\n') }, ['acme/api']);
    assert.deepEqual(context.deployments.map((d) => d.name), [
      'Pod/p container c', 'StatefulSet/s container c', 'DaemonSet/d container c', 'Job/j container c', 'CronJob/cj container c', 'ReplicaSet/rs container c',
    ]);
  });

  test('the image name comes from compose, from skaffold.yaml, or from the config', () => {
    const manifest = 'kind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: registry.local/api:abc\n';
    assert.equal(discover({ 'k8s/pod.yaml': manifest }).context.deployments.length, 0, 'no name: no match');
    assert.equal(discover({ 'k8s/pod.yaml': manifest }, ['registry.local/api']).context.deployments.length, 1);
    const compose = discover({ 'k8s/pod.yaml': manifest, 'compose.yaml': 'services:\n  api:\n    build: .\n    image: registry.local/api\n' });
    assert.deepEqual(compose.context.deployments.map((d) => d.kind), ['compose', 'kubernetes']);
    const skaffold = [
      'apiVersion: skaffold/v4beta11',
      'kind: Config',
      'build:',
      '  artifacts:',
      '    - image: registry.local/other',
      '      context: other',
      '    - image: registry.local/api',
      '      context: services/api',
      '      docker: { dockerfile: Dockerfile }',
      'profiles:',
      '  - name: prod',
      '    build:',
      '      artifacts:',
      '        - image: registry.local/api-prod',
      '          context: services/api',
      '',
    ].join('\n');
    const viaSkaffold = discover({ 'k8s/pod.yaml': manifest, 'skaffold.yaml': skaffold }, [], 'services/api/Dockerfile');
    assert.deepEqual(viaSkaffold.context.deployments.map((d) => d.name), ['Pod/p container c']);
  });

  test('the scan skips dependency, VCS and hidden folders and files that are not YAML; broken YAML is noted', () => {
    const pod = 'kind: Pod\nmetadata: { name: NAME }\nspec:\n  containers:\n    - name: c\n      image: acme/api\n';
    const { context } = discover(
      {
        'node_modules/x/pod.yaml': pod.replace('NAME', 'nm'),
        '.github/pod.yaml': pod.replace('NAME', 'hidden'),
        'k8s/pod.json': pod.replace('NAME', 'json'),
        'k8s/pod.yml': pod.replace('NAME', 'yml'),
        'k8s/chart.yaml': 'spec:\n  containers:\n    - name: a\n   image: {{ .Values.image }}\n',
      },
      ['acme/api'],
    );
    assert.deepEqual(context.deployments.map((d) => d.name), ['Pod/yml container c']);
    assert.ok(context.notes.some((n) => /chart\.yaml: not read as a Kubernetes manifest/.test(n)), context.notes.join('\n'));
  });

  test('the scan is bounded, and says so', () => {
    const saved = SCAN_LIMITS.files;
    SCAN_LIMITS.files = 2;
    try {
      const pod = 'kind: Pod\nmetadata: { name: NAME }\nspec:\n  containers:\n    - name: c\n      image: acme/api\n';
      const { context } = discover({ 'a.yaml': pod.replace('NAME', 'a'), 'b.yaml': pod.replace('NAME', 'b'), 'c.yaml': pod.replace('NAME', 'c') }, ['acme/api']);
      assert.deepEqual(context.deployments.map((d) => d.name), ['Pod/a container c', 'Pod/b container c']);
      assert.ok(context.notes.some((n) => /the scan of .* stopped at 2 YAML files/.test(n)));
    } finally {
      SCAN_LIMITS.files = saved;
    }
  });
});
