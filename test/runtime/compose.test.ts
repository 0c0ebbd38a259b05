/** Compose files: which services build (or run) the image, and what they change about PID 1. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ContextFiles } from '../../src/context/files.js';
import { composeDeployment, composeFileSets, parseDuration, readComposeServices } from '../../src/runtime/compose.js';
import { RuntimeDiscovery } from '../../src/runtime/discover.js';
import { YamlFiles } from '../../src/runtime/yaml-files.js';
import { writeTree } from '../model/helpers.js';

const DOCKERFILE = 'FROM node:22-slim\nCMD ["node", "server.js"]\n';

function discover(files: Record<string, string>, dockerfile = 'Dockerfile', config: { images?: string[] } = {}) {
  const dir = writeTree({ '.git/HEAD': '', ...files });
  const context = new RuntimeDiscovery(new ContextFiles()).forDockerfile(path.join(dir, dockerfile), { images: config.images ?? [] });
  return { dir, context };
}

describe('compose files', () => {
  test('which files are read together', () => {
    assert.deepEqual(composeFileSets(['compose.yaml', 'compose.override.yaml', 'compose.prod.yaml', 'README.md']), [
      ['compose.yaml', 'compose.override.yaml'],
      ['compose.yaml', 'compose.prod.yaml'],
    ]);
    assert.deepEqual(composeFileSets(['docker-compose.yml', 'docker-compose.override.yml']), [['docker-compose.yml', 'docker-compose.override.yml']]);
    // compose.yaml wins over docker-compose.yml, as in Compose.
    assert.deepEqual(composeFileSets(['docker-compose.yml', 'compose.yaml']), [['compose.yaml']]);
    assert.deepEqual(composeFileSets(['compose.dev.yml']), [['compose.dev.yml']]);
  });

  test('durations as Compose writes them', () => {
    assert.equal(parseDuration('30s'), 30);
    assert.equal(parseDuration('1m30s'), 90);
    assert.equal(parseDuration('1.5s'), 1.5);
    assert.equal(parseDuration('500ms'), 0.5);
    assert.equal(parseDuration('2h'), 7200);
    assert.equal(parseDuration('soon'), null);
    assert.equal(parseDuration(''), null);
    assert.equal(parseDuration(30), null);
  });

  test('build: a string context, a context with dockerfile, and the default Dockerfile name', () => {
    const dir = writeTree({
      'compose.yaml': [
        'services:',
        '  a:',
        '    build: ./api',
        '  b:',
        '    build:',
        '      context: .',
        '      dockerfile: docker/web.Dockerfile',
        '  c:',
        '    build: { context: api, dockerfile: ../docker/web.Dockerfile }',
        '  d:',
        '    build: https://github.com/acme/x.git#main',
        '  e:',
        '    build: { context: ., dockerfile_inline: "FROM node" }',
        '  f:',
        '    image: nginx',
        '',
      ].join('\n'),
    });
    const services = readComposeServices(dir, new YamlFiles(new ContextFiles()), []);
    assert.deepEqual(
      services.map((s) => [s.name, s.builds && path.relative(dir, s.builds)]),
      [['a', 'api/Dockerfile'], ['b', 'docker/web.Dockerfile'], ['c', 'docker/web.Dockerfile'], ['d', null], ['e', null], ['f', null]],
    );
  });

  test('init, stop_signal, stop_grace_period, entrypoint and command, with the line each is written on', () => {
    const { dir, context } = discover({
      Dockerfile: DOCKERFILE,
      'compose.yaml': [
        'services:',
        '  api:',
        '    build: .',
        '    init: true',
        '    stop_signal: SIGINT',
        '    stop_grace_period: 1m',
        '    entrypoint: ["/usr/bin/tini", "--"]',
        '    command: node "dist/server.js" --port 80',
        '',
      ].join('\n'),
    });
    const [api] = context.deployments;
    assert.equal(api?.name, 'api');
    assert.equal(api?.label, 'compose service "api"');
    assert.deepEqual(api?.loc.start, { line: 2, column: 3 });
    const s = api!.settings;
    assert.deepEqual([s.init?.kind, s.init?.source.line, s.init?.source.description], ['docker-init', 4, 'compose service "api" (init: true)']);
    assert.deepEqual([s.stopSignal?.name, s.stopSignal?.source.line], ['SIGINT', 5]);
    assert.deepEqual([s.gracePeriodSeconds?.value, s.gracePeriodSeconds?.source.line], [60, 6]);
    assert.deepEqual(s.entrypoint?.argv, ['/usr/bin/tini', '--']);
    assert.deepEqual(s.command?.argv, ['node', 'dist/server.js', '--port', '80']);
    assert.equal(s.command?.source.file, path.join(dir, 'compose.yaml'));
  });

  test('a single deployment\'s init and stop signal apply to the image', () => {
    const { context } = discover({ Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  api:\n    build: .\n    init: true\n    stop_signal: QUIT\n' });
    assert.equal(context.image.init?.kind, 'docker-init');
    assert.equal(context.image.stopSignal?.name, 'SIGQUIT');
    assert.equal(context.image.entrypoint, undefined);
  });

  test('init: false, an empty command, an invalid stop_signal, and pid: host are not applied (notes say why)', () => {
    const { context } = discover({ Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  api:\n    build: .\n    init: false\n    stop_signal: SIGNOPE\n    stop_grace_period: later\n    pid: host\n    command:\n' });
    const [api] = context.deployments;
    assert.deepEqual(api?.settings, {});
    assert.deepEqual(api?.notes.map((n) => n.split(' ')[0]), ['stop_signal', 'stop_grace_period', 'pid:']);
  });

  test('the override file merges into the base file; a variant file is a deployment of its own', () => {
    const { context } = discover({
      Dockerfile: DOCKERFILE,
      'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/api\n  db:\n    image: postgres\n',
      'compose.override.yaml': 'services:\n  api:\n    init: true\n',
      'compose.prod.yaml': 'services:\n  api:\n    stop_signal: SIGINT\n  db:\n    image: postgres:16\n',
    });
    assert.deepEqual(
      context.deployments.map((d) => [d.name, d.settings.init?.kind ?? null, d.settings.stopSignal?.name ?? null, path.basename(d.loc.file)]),
      [
        ['api', 'docker-init', null, 'compose.override.yaml'],
        ['api (compose.prod.yaml)', null, 'SIGINT', 'compose.prod.yaml'],
      ],
    );
    // They disagree, so the image keeps the Dockerfile's own settings.
    assert.deepEqual(context.image, {});
  });

  test('compose files from the Dockerfile\'s folder up to the repository root; a service without build runs the image by name', () => {
    const { context } = discover(
      {
        'services/api/Dockerfile': DOCKERFILE,
        'compose.yaml': 'services:\n  api:\n    build: services/api\n    image: ghcr.io/acme/api:dev\n  worker:\n    image: ghcr.io/acme/api:1.4\n    command: [node, worker.js]\n  other:\n    image: ghcr.io/acme/web\n',
        'services/compose.yaml': 'services:\n  local:\n    build: { context: api }\n',
      },
      'services/api/Dockerfile',
    );
    assert.deepEqual(context.deployments.map((d) => d.name).sort(), ['api', 'local', 'worker']);
  });

  test('anchors, aliases and << merge keys, as Compose files share settings', () => {
    const { context } = discover({
      Dockerfile: DOCKERFILE,
      'compose.yaml': [
        'x-app: &app',
        '  build: .',
        '  init: true',
        'x-cmd: &cmd [node, worker.js]',
        'services:',
        '  api:',
        '    <<: *app',
        '  worker:',
        '    <<: *app',
        '    init: false',
        '    command: *cmd',
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      context.deployments.map((d) => [d.name, d.settings.init?.kind ?? null, d.settings.init?.source.line ?? null, d.settings.command?.argv ?? null]),
      [['api', 'docker-init', 3, null], ['worker', null, null, ['node', 'worker.js']]],
    );
  });

  test('aliases are followed one step at a time: a "billion laughs" compose file is not expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const { context } = discover({ Dockerfile: DOCKERFILE, 'compose.yaml': `${levels.join('\n')}\nservices:\n  api:\n    build: .\n    command: *l8\n` });
    assert.deepEqual(context.deployments[0]?.notes, ['command is neither a string nor a list of strings; ignored']);
  });

  test('a compose file that is not valid YAML is noted, not fatal', () => {
    const { context } = discover({ Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  api: [\n' });
    assert.deepEqual(context.deployments, []);
    assert.match(context.notes[0] ?? '', /compose\.yaml: not read \(invalid YAML at line 3, column 1/);
  });

  test('outside a repository only the Dockerfile\'s own folder is searched', () => {
    const dir = writeTree({ 'compose.yaml': 'services:\n  api:\n    build: app\n    init: true\n', 'app/Dockerfile': DOCKERFILE });
    const context = new RuntimeDiscovery(new ContextFiles()).forDockerfile(path.join(dir, 'app/Dockerfile'), { images: [] });
    assert.deepEqual(context.deployments, []);
  });

  test('composeDeployment reads a string entrypoint as Compose does: words, no shell', () => {
    const dir = writeTree({ 'compose.yaml': "services:\n  a:\n    build: .\n    entrypoint: sh -c 'exec node x'\n    command: node $APP --inspect\n" });
    const [service] = readComposeServices(dir, new YamlFiles(new ContextFiles()), []);
    const d = composeDeployment(service!);
    assert.deepEqual(d.settings.entrypoint?.argv, ['sh', '-c', 'exec node x']);
    assert.deepEqual(d.settings.command?.argv, ['node', '$APP', '--inspect']);
  });
});
