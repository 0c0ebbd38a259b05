/**
 * How runtime settings reach the verdict: what every deployment agrees on
 * applies to the image; a deployment that starts PID 1 differently is judged
 * on its own chain, its new findings reported at it, its report in `services`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { defineRule } from '../../src/rule.js';
import { Project } from '../../src/config/project.js';
import { ContextFiles } from '../../src/context/files.js';
import { lintDockerfile } from '../../src/engine/linter.js';
import type { LintResult } from '../../src/types.js';
import { writeTree } from '../model/helpers.js';

const SERVER = "process.on('SIGTERM', () => process.exit(0));\n";
const EXEC_FORM = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json server.js entrypoint.sh ./\nCMD ["node", "server.js"]\n';
const PACKAGE = '{ "name": "app", "scripts": { "start": "node server.js" } }\n';

async function lint(files: Record<string, string>, options: { rules?: typeof rules } = {}) {
  const scripts = Object.fromEntries(Object.keys(files).filter((f) => f.endsWith('.sh')).map((f) => [f, 0o755]));
  const dir = writeTree({ '.git/HEAD': '', 'server.js': SERVER, 'package.json': PACKAGE, ...files }, scripts);
  const file = path.join(dir, 'Dockerfile');
  const answer = new Project({ files: new ContextFiles(), ...options }).forDockerfile(file);
  assert.equal(answer.kind, 'lint');
  const { results } = await lintDockerfile(file, answer.kind === 'lint' ? answer.options : {});
  const of = (name: string): LintResult | undefined => results.find((r) => r.filePath === path.join(dir, name));
  return { dir, results, of, image: of('Dockerfile')! };
}

const findings = (r: LintResult | undefined) => (r?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);

describe('runtime settings in the verdict', () => {
  test('one compose service with init: true: the image runs under docker-init, and --explain says where that comes from', async () => {
    const { image } = await lint({ Dockerfile: EXEC_FORM, 'compose.yaml': 'services:\n  api:\n    build: .\n    init: true\n' });
    assert.deepEqual(image.pid1?.chain.map((l) => `${l.kind}:${l.name}`), ['init:docker-init', 'script:docker-entrypoint.sh', 'node:node']);
    assert.deepEqual(image.pid1?.runtime, [{ setting: 'init', value: 'docker-init', source: 'compose service "api" (init: true)', at: 'compose.yaml:4' }]);
    assert.deepEqual(image.services?.map((s) => [s.kind, s.name, s.line, s.judged]), [['compose', 'api', 2, false]]);
    assert.equal(image.services?.[0]?.pid1, undefined);
  });

  test('the Dockerfile\'s own finding stays with the image, once', async () => {
    const { results, image } = await lint({
      Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n',
      'compose.yaml': 'services:\n  api:\n    build: .\n    init: true\n  dev:\n    build: .\n',
    });
    assert.deepEqual(results.map((r) => path.basename(r.filePath)), ['Dockerfile']);
    assert.deepEqual(findings(image).map((f) => f.split(': ')[0]), ['4:5 shell-form-pid1']);
    assert.deepEqual(image.services?.map((s) => [s.name, s.judged]), [['api', true], ['dev', false]]);
  });

  test('a service that overrides the command is judged on its own chain, at its command line', async () => {
    const { of, image } = await lint({
      Dockerfile: EXEC_FORM,
      'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/app\n  worker:\n    image: acme/app\n    command: npm start\n',
    });
    assert.deepEqual(findings(image), []);
    const [finding] = findings(of('compose.yaml'));
    assert.match(finding ?? '', /^7:5 package-manager-pid1: compose service "worker": npm start runs the "start" script/);
    const worker = image.services?.find((s) => s.name === 'worker');
    assert.equal(worker?.judged, true);
    assert.deepEqual(worker?.pid1?.chain.map((l) => l.name), ['docker-entrypoint.sh', 'npm', 'dash', 'node']);
    assert.deepEqual(worker?.settings.map((s) => [s.setting, s.value, s.at]), [['command', '["npm","start"]', 'compose.yaml:7']]);
  });

  test('a finding the service causes elsewhere moves to the service; directives at either place apply', async () => {
    const files = {
      Dockerfile: EXEC_FORM,
      'entrypoint.sh': '#!/bin/sh\nset -e\nnode server.js\n',
      'compose.yaml': 'services:\n  api:\n    build: .\n  migrate:\n    build: .\n    command: ["./entrypoint.sh"]\n',
    };
    const { of } = await lint(files);
    assert.deepEqual(findings(of('compose.yaml')).map((f) => f.replace(/: .*\(found at/, ': … (found at')), ['4:3 entrypoint-script-exec: … (found at entrypoint.sh:3 when run this way)']);
    assert.equal(of('entrypoint.sh'), undefined, 'nothing is reported in the script itself: the image never runs it');
    const inScript = await lint({ ...files, 'entrypoint.sh': '#!/bin/sh\nset -e\n# pid1-lint ignore=entrypoint-script-exec\nnode server.js\n' });
    assert.deepEqual(findings(inScript.of('compose.yaml')), []);
    const inCompose = await lint({ ...files, 'compose.yaml': 'services:\n  api:\n    build: .\n  # pid1-lint ignore=entrypoint-script-exec;reason=one-off job\n  migrate:\n    build: .\n    command: ["./entrypoint.sh"]\n' });
    assert.deepEqual(findings(inCompose.of('compose.yaml')), []);
    assert.equal(inCompose.of('compose.yaml')?.suppressedMessages?.[0]?.suppressions[0]?.justification, 'one-off job');
  });

  test('edits of a moved finding still name the file they apply to', async () => {
    const fixing = defineRule({
      id: 'fix-in-source',
      meta: { type: 'problem', description: 'Test', defaultSeverity: 'error', facts: ['§5'], fixable: true, messages: { m: 'm' } },
      check(context) {
        if (!context.model.runtime.command) return;
        const file = path.join(context.model.contextDir, 'server.js');
        context.report({ messageId: 'm', loc: context.locate.line(file, 1), fix: { range: [0, 0], text: '// x\n' } });
      },
    });
    const { of } = await lint({ Dockerfile: EXEC_FORM, 'compose.yaml': 'services:\n  w:\n    build: .\n    command: [node, server.js]\n' }, { rules: [...rules, fixing] });
    const [message] = of('compose.yaml')?.messages ?? [];
    assert.equal(message?.ruleId, 'fix-in-source');
    assert.equal(message?.fix?.file, path.join(path.dirname(of('compose.yaml')!.filePath), 'server.js'));
  });

  test('Kubernetes shareProcessNamespace: PID 1 is the pause container', async () => {
    const { image } = await lint({
      Dockerfile: EXEC_FORM,
      'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/app\n',
      'k8s/deploy.yaml': 'kind: Deployment\nmetadata: { name: app }\nspec:\n  template:\n    spec:\n      shareProcessNamespace: true\n      containers:\n        - name: app\n          image: acme/app:1\n',
    });
    assert.equal(image.pid1?.pid1Index, -1);
    assert.match(image.pid1?.steps[0] ?? '', /pause container is PID 1/);
    assert.deepEqual(image.pid1?.runtime?.map((r) => [r.setting, r.value, r.at]), [['init', 'shared-pid-namespace', 'k8s/deploy.yaml:6']]);
  });

  test('the config wins: runtime.init: false keeps the image without an init, and the service is judged with its own', async () => {
    const { image } = await lint({ Dockerfile: EXEC_FORM, '.pid1lintrc.yaml': 'runtime:\n  init: false\n', 'compose.yaml': 'services:\n  api:\n    build: .\n    init: true\n' });
    assert.equal(image.pid1?.chain[0]?.name, 'docker-entrypoint.sh');
    assert.equal(image.services?.[0]?.judged, true);
    assert.equal(image.services?.[0]?.pid1?.chain[0]?.name, 'docker-init');
  });

  test('the config\'s runtime.stopSignal and runtime.init apply to the image, named by file and line', async () => {
    const { image } = await lint({ Dockerfile: EXEC_FORM, '.pid1lintrc.yaml': '# how production runs it\nruntime:\n  init: true\n  stopSignal: SIGINT\n' });
    assert.equal(image.pid1?.stopSignal, 'SIGINT');
    assert.equal(image.pid1?.stopSignalSource, '.pid1lintrc.yaml (runtime.stopSignal: SIGINT)');
    assert.deepEqual(image.pid1?.runtime?.map((r) => [r.setting, r.value, r.at]), [['init', 'docker-init', '.pid1lintrc.yaml:3'], ['stopSignal', 'SIGINT', '.pid1lintrc.yaml:4']]);
  });
});
