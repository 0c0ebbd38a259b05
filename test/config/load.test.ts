/**
 * Loading one configuration file: every option is read as documented, and
 * every malformed configuration is an error that names the key, the file,
 * the line and column, and what is expected there.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { formatProblem, loadConfig } from '../../src/config/load.js';
import type { Pid1LintConfig } from '../../src/config/types.js';
import { writeTree } from '../model/helpers.js';

function load(name: string, text: string) {
  const dir = writeTree({ [name]: text });
  return { dir, result: loadConfig(path.join(dir, name)) };
}

/** The problems as the CLI prints them, paths relative to the config's folder. */
function problems(name: string, text: string): string[] {
  const { dir, result } = load(name, text);
  assert.equal(result.ok, false, 'expected the configuration to be rejected');
  return result.ok ? [] : result.problems.map((p) => formatProblem(p, dir));
}

function valid(name: string, text: string): Pid1LintConfig {
  const { result } = load(name, text);
  assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => formatProblem(p, '/')).join('\n'));
  return result.config;
}

describe('config: reading every option', () => {
  test('rules: severities, and [severity, options] for rules with options', () => {
    const config = valid('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: [warn, { allowImplicitExec: true }]\n  invalid-stopsignal: off\n  exec-form-variable: [error]\n');
    assert.deepEqual(config.severities, { 'shell-form-pid1': 'warn', 'invalid-stopsignal': 'off', 'exec-form-variable': 'error' });
    assert.deepEqual(config.ruleOptions, { 'shell-form-pid1': { allowImplicitExec: true } });
  });

  test('ignore, reportUnusedIgnores, fix and $schema', () => {
    const config = valid('.pid1lintrc.json', '{"$schema": "./node_modules/pid1-lint/schema/pid1-lint.schema.json", "ignore": ["legacy/**", "Dockerfile.dev"], "reportUnusedIgnores": "error", "fix": {"type": "handler"}}');
    assert.deepEqual(config.ignore, ['legacy/**', 'Dockerfile.dev']);
    assert.equal(config.reportUnusedIgnores, 'error');
    assert.deepEqual(config.fix, { type: 'handler' });
  });

  test('runtime.init: true and docker-init mean --init; shared-pid-namespace; false pins no init', () => {
    for (const value of ['true', 'docker-init']) {
      const config = valid('.pid1lintrc.yaml', `runtime:\n  init: ${value}\n`);
      assert.equal(config.runtime.init?.kind, 'docker-init');
      assert.equal(config.runtime.init?.source.line, 2);
      assert.match(config.runtime.init?.source.description ?? '', /\.pid1lintrc\.yaml \(runtime\.init: /);
    }
    assert.equal(valid('.pid1lintrc.yaml', 'runtime:\n  init: shared-pid-namespace\n').runtime.init?.kind, 'shared-pid-namespace');
    assert.equal(valid('.pid1lintrc.yaml', 'runtime:\n  init: false\n').runtime.init, null);
    assert.equal(valid('.pid1lintrc.yaml', 'rules: {}\n').runtime.init, undefined);
  });

  test('runtime.stopSignal is read as Docker reads it; runtime.image as one name or a list', () => {
    assert.equal(valid('.pid1lintrc.yaml', 'runtime:\n  stopSignal: term\n').runtime.stopSignal?.name, 'SIGTERM');
    assert.equal(valid('.pid1lintrc.json', '{"runtime": {"stopSignal": "2"}}').runtime.stopSignal?.name, 'SIGINT');
    assert.deepEqual(valid('.pid1lintrc.yaml', 'runtime:\n  image: ghcr.io/acme/api\n').runtime.images, ['ghcr.io/acme/api']);
    assert.deepEqual(valid('.pid1lintrc.yaml', 'runtime:\n  image: [a, b]\n').runtime.images, ['a', 'b']);
  });

  test('libraries and images in the built-in tables\' shapes', () => {
    const config = valid(
      '.pid1lintrc.yaml',
      [
        'libraries:',
        '  - id: acme-lifecycle',
        '    packages: ["@acme/lifecycle"]',
        '    role: signal-handler',
        '    calls: [{ import: onShutdown }]',
        '    signals: { default: [SIGTERM, SIGINT] }',
        '    ending: { kind: exits, why: "calls process.exit after the hooks" }',
        '    summary: Runs the shutdown hooks, then exits',
        '    evidence: our own code',
        'images:',
        '  - id: acme-node',
        '    extends: node-common',
        '    description: ACME node base',
        '    match: { images: [acme/node] }',
        '    distro: debian',
        '    shell: dash',
        '    osPackageManager: apt',
        '    env: {}',
        '    programs: { node: /usr/local/bin/node }',
        '    facts: []',
        '',
      ].join('\n'),
    );
    assert.equal(config.libraries[0]?.id, 'acme-lifecycle');
    assert.equal(config.images[0]?.id, 'acme-node');
  });

  test('package.json: the "pid1lint" key', () => {
    const config = valid('package.json', JSON.stringify({ name: 'x', pid1lint: { rules: { 'shell-form-pid1': 'warn' } } }, null, 2));
    assert.deepEqual(config.severities, { 'shell-form-pid1': 'warn' });
  });

  test('an empty YAML file is an empty configuration', () => {
    const config = valid('.pid1lintrc.yml', '');
    assert.deepEqual(config.severities, {});
    assert.equal(config.reportUnusedIgnores, 'off');
  });
});

describe('config: malformed configuration names the file, line, column and what is expected', () => {
  test('bad severity', () => {
    assert.deepEqual(problems('.pid1lintrc.yaml', '# team settings\nrules:\n  shell-form-pid1: warning\n'), [
      'rules.shell-form-pid1 at .pid1lintrc.yaml:3:20: expected one of off, warn, error',
    ]);
    assert.deepEqual(problems('.pid1lintrc.json', '{\n  "rules": {\n    "shell-form-pid1": ["warning"]\n  }\n}\n'), [
      'rules.shell-form-pid1[0] at .pid1lintrc.json:3:25: expected one of off, warn, error',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: 2\n'), [
      'rules.shell-form-pid1 at .pid1lintrc.yaml:2:20: expected one of off, warn, error, or an array (a list)',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: [warn, {}, 1]\n'), [
      'rules.shell-form-pid1 at .pid1lintrc.yaml:2:20: expected at most 2 items',
    ]);
  });

  test('unknown rule id, with a hint for another tool\'s code', () => {
    const [unknown] = problems('.pid1lintrc.yaml', 'rules:\n  no-such-rule: error\n');
    assert.match(unknown ?? '', /^rules\.no-such-rule at \.pid1lintrc\.yaml:2:3: unknown rule; expected one of .*shell-form-pid1/);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  DL3025: off\n'), ['rules.DL3025 at .pid1lintrc.yaml:2:3: unknown rule; did you mean shell-form-pid1 (hadolint DL3025)?']);
  });

  test('unknown keys, at the top and inside objects', () => {
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules: {}\nignored: [DL3025]\n'), [
      'ignored at .pid1lintrc.yaml:2:1: unknown key; expected one of $schema, rules, ignore, reportUnusedIgnores, runtime, libraries, images, fix',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'runtime:\n  init: true\n  signal: SIGINT\n'), [
      'runtime.signal at .pid1lintrc.yaml:3:3: unknown key; expected one of init, stopSignal, image',
    ]);
  });

  test('wrong types', () => {
    assert.deepEqual(problems('.pid1lintrc.yaml', 'ignore: legacy/**\n'), ['ignore at .pid1lintrc.yaml:1:9: expected an array (a list)']);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'runtime: [init]\n'), ['runtime at .pid1lintrc.yaml:1:10: expected an object (a mapping of keys)']);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'runtime:\n  init: yes\n'), ['runtime.init at .pid1lintrc.yaml:2:9: expected one of true, false, docker-init, shared-pid-namespace']);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'runtime:\n  image: 5\n'), ['runtime.image at .pid1lintrc.yaml:2:10: expected a string or an array (a list)']);
    assert.deepEqual(problems('.pid1lintrc.yaml', '- rules\n'), ['(top level) at .pid1lintrc.yaml:1:1: expected an object (a mapping of keys)']);
    assert.deepEqual(problems('.pid1lintrc.json', '{"fix": {"type": "tini"}}'), ['fix.type at .pid1lintrc.json:1:18: expected one of init, handler']);
  });

  test('rule options are checked against the rule\'s own schema', () => {
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: [warn, { allowImplicitExec: "yes" }]\n'), [
      'rules.shell-form-pid1[1].allowImplicitExec at .pid1lintrc.yaml:2:48: expected a boolean',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  invalid-stopsignal: [warn, { strict: true }]\n'), [
      'rules.invalid-stopsignal[1].strict at .pid1lintrc.yaml:2:32: unknown key; this object takes no keys',
    ]);
  });

  test('bad YAML syntax', () => {
    // Where the parser notices: the end of the text for an unclosed quote.
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: "warn\n'), ['.pid1lintrc.yaml:3:1: invalid YAML: Missing closing "quote']);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: warn\n invalid-stopsignal: off\n'), [
      '.pid1lintrc.yaml:3:1: invalid YAML: All mapping items must start at the same column',
    ]);
    const [duplicate] = problems('.pid1lintrc.yml', 'rules: {}\nrules: {}\n');
    assert.match(duplicate ?? '', /^\.pid1lintrc\.yml:2:1: invalid YAML: Map keys must be unique/);
  });

  test('a YAML file whose aliases expand without end is an error, not a hang', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const [problem] = problems('.pid1lintrc.yaml', `${levels.join('\n')}\nrules: {}\n`);
    assert.match(problem ?? '', /^\.pid1lintrc\.yaml:1:1: invalid YAML: Excessive alias count/);
  });

  test('bad JSON syntax, also in package.json', () => {
    const [trailing] = problems('.pid1lintrc.json', '{\n  "rules": {\n    "shell-form-pid1": "warn",\n  }\n}\n');
    assert.match(trailing ?? '', /^\.pid1lintrc\.json:4:3: invalid JSON: /);
    const [end] = problems('pid1lint.config.json', '{"rules": {');
    assert.match(end ?? '', /^pid1lint\.config\.json:1:12: invalid JSON: (Unexpected end of JSON input|Expected property name or '}')$/);
    const [pkg] = problems('package.json', '{ "name": "x", "pid1lint": { } ');
    assert.match(pkg ?? '', /^package\.json:1:\d+: invalid JSON: /);
  });

  test('package.json problems are named under the "pid1lint" key', () => {
    assert.deepEqual(problems('package.json', '{\n  "name": "x",\n  "pid1lint": {\n    "rules": { "shell-form-pid1": "warning" }\n  }\n}\n'), [
      'pid1lint.rules.shell-form-pid1 at package.json:4:35: expected one of off, warn, error',
    ]);
    assert.deepEqual(problems('package.json', '{"name": "x"}'), ['package.json:1:1: missing key "pid1lint": expected the configuration under it']);
  });

  test('bad signal name', () => {
    const [bad] = problems('.pid1lintrc.yaml', 'runtime:\n  stopSignal: SIGFOO\n');
    assert.match(bad ?? '', /^runtime\.stopSignal at \.pid1lintrc\.yaml:2:15: expected a signal Docker accepts \(a name such as SIGTERM.*not "SIGFOO"$/);
    assert.equal(problems('.pid1lintrc.yaml', 'runtime:\n  stopSignal: 65\n').length, 1);
  });

  test('invalid library entry: the problem points into the entry', () => {
    const text = [
      'libraries:',
      '  - id: acme',
      '    packages: []',
      '    role: handler',
      '    summary: x',
      '    evidence: x',
      '  - id: acme-2',
      '    packages: [x]',
      '    role: signal-handler',
      '    calls: [{ function: stop }]',
      '    signals: { default: [TERM] }',
      '    ending: { kind: exit, why: x }',
      '    summary: x',
      '    evidence: x',
      '',
    ].join('\n');
    assert.deepEqual(problems('.pid1lintrc.yaml', text), [
      'libraries[0].packages at .pid1lintrc.yaml:3:15: expected at least 1 item',
      'libraries[0].role at .pid1lintrc.yaml:4:11: expected one of signal-handler, exits-process, child-process, no-handler, wraps-function',
      'libraries[1].calls[0] at .pid1lintrc.yaml:10:13: missing key "import"',
      'libraries[1].calls[0].function at .pid1lintrc.yaml:10:15: unknown key; expected one of import, member, tagged, curried',
      'libraries[1].signals.default[0] at .pid1lintrc.yaml:11:26: expected a string matching /^SIG[A-Z0-9]+$/',
      'libraries[1].ending.kind at .pid1lintrc.yaml:12:21: expected one of exits, may-hang, depends-on-option, depends-on-callback',
    ]);
  });

  test('the branch of a choice that the entry meant is the one described', () => {
    // A comma in an unquoted flow value splits it: the entry is an `exits` ending with a stray key.
    const text = 'libraries:\n  - id: x\n    packages: [a]\n    role: signal-handler\n    calls: [{ import: a }]\n    signals: { default: [SIGTERM] }\n    ending: { kind: exits, why: runs hooks, then exits }\n    summary: s\n    evidence: e\n';
    assert.deepEqual(problems('.pid1lintrc.yaml', text), ['libraries[0].ending.then exits at .pid1lintrc.yaml:7:45: unknown key; expected one of kind, code, why']);
  });

  test('invalid image entry: schema problems and the checks of the base image data', () => {
    assert.deepEqual(problems('.pid1lintrc.yaml', 'images:\n  - id: Acme_Node\n    shell: zsh\n'), [
      'images[0].id at .pid1lintrc.yaml:2:9: expected a string matching /^[a-z0-9]+(?:-[a-z0-9]+)*$/',
      'images[0].shell at .pid1lintrc.yaml:3:12: expected one of dash, bash, busybox-ash, none, unknown',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'images:\n  - id: acme-node\n    extends: no-such-entry\n    match: { images: [acme/node] }\n'), [
      'images[0].extends at .pid1lintrc.yaml:3:14: unknown entry id "no-such-entry"',
    ]);
    const [incomplete] = problems('.pid1lintrc.yaml', 'images:\n  - id: acme-node\n    match: { images: [acme/node] }\n');
    assert.match(incomplete ?? '', /^images\[0\] at \.pid1lintrc\.yaml:2:5: missing key "description"$/);
  });

  test('empty strings, negative numbers, repeated items, bad key names and keys that need another', () => {
    assert.deepEqual(problems('.pid1lintrc.yaml', 'ignore: [""]\n'), ['ignore[0] at .pid1lintrc.yaml:1:10: expected a non-empty string']);
    assert.deepEqual(problems('.pid1lintrc.yaml', 'runtime:\n  stopSignal: ""\n'), ['runtime.stopSignal at .pid1lintrc.yaml:2:15: expected a non-empty string']);
    const image = 'images:\n  - id: acme-node\n    extends: node-slim\n';
    assert.deepEqual(problems('.pid1lintrc.yaml', `${image}    match: { images: [acme/node] }\n    nodeMajor: -1\n`), [
      'images[0].nodeMajor at .pid1lintrc.yaml:5:16: expected a number ≥ 0',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', `${image}    match: { images: [acme/node, acme/node] }\n`), [
      'images[0].match.images[1] at .pid1lintrc.yaml:4:34: expected each item once; acme/node is already item 0',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', `${image}    match: { images: [acme/node] }\n    env: { 1BAD: x }\n`), [
      'images[0].env.1BAD at .pid1lintrc.yaml:5:12: invalid key; expected a name matching /^[A-Za-z_][A-Za-z0-9_]*$/',
    ]);
    assert.deepEqual(problems('.pid1lintrc.yaml', `${image}    match: { images: [acme/node], tags: [x] }\n`), [
      'images[0].match at .pid1lintrc.yaml:4:12: missing key "tagExamples" (needed with "tags")',
    ]);
  });

  test('several problems are all reported, in file order', () => {
    const all = problems('.pid1lintrc.yaml', 'rules:\n  shell-form-pid1: warning\nruntime:\n  stopSignal: nope\nextra: 1\n');
    assert.deepEqual(all.map((p) => p.split(':').slice(0, 2).join(':')), ['rules.shell-form-pid1 at .pid1lintrc.yaml:2', 'runtime.stopSignal at .pid1lintrc.yaml:4', 'extra at .pid1lintrc.yaml:5']);
  });

  test('JavaScript configuration is refused, never run', () => {
    for (const name of ['pid1lint.config.js', '.pid1lintrc.cjs', 'pid1lint.config.mjs', 'pid1lint.config.ts']) {
      const [refused] = problems(name, 'process.exit(3)\n');
      assert.match(refused ?? '', /JavaScript configuration is not read, because linting never runs project code/);
    }
  });

  test('an unreadable file', () => {
    const result = loadConfig('/no/such/.pid1lintrc.yaml');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : formatProblem(result.problems[0]!, '/tmp'), /^\/no\/such\/\.pid1lintrc\.yaml:1:1: cannot read the configuration: file not found$/);
  });
});
