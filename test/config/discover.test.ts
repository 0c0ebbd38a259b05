/** Which configuration applies to a Dockerfile, and its `ignore` patterns. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigFinder } from '../../src/config/discover.js';
import { Project } from '../../src/config/project.js';
import { ignoredBy } from '../../src/config/ignore.js';
import { ContextFiles } from '../../src/context/files.js';
import { writeTree } from '../model/helpers.js';

const DOCKERFILE = 'FROM node:22-slim\nCMD ["node", "server.js"]\n';

describe('config discovery', () => {
  test('the config nearest to the Dockerfile wins; files are not merged', () => {
    const dir = writeTree({
      '.git/HEAD': '',
      '.pid1lintrc.yaml': 'rules: {}\n',
      'services/api/Dockerfile': DOCKERFILE,
      'services/api/.pid1lintrc.json': '{}',
      'services/web/Dockerfile': DOCKERFILE,
    });
    const finder = new ConfigFinder();
    assert.equal(finder.find(path.join(dir, 'services/api/Dockerfile')), path.join(dir, 'services/api/.pid1lintrc.json'));
    assert.equal(finder.find(path.join(dir, 'services/web/Dockerfile')), path.join(dir, '.pid1lintrc.yaml'));
  });

  test('order within one folder: .pid1lintrc.json, .yaml, .yml, pid1lint.config.json, package.json', () => {
    const names = ['.pid1lintrc.json', '.pid1lintrc.yaml', '.pid1lintrc.yml', 'pid1lint.config.json', 'package.json'];
    for (let i = 0; i < names.length; i++) {
      const files: Record<string, string> = { Dockerfile: DOCKERFILE };
      for (const name of names.slice(i)) files[name] = name === 'package.json' ? '{"pid1lint": {}}' : '{}';
      const dir = writeTree(files);
      assert.equal(new ConfigFinder().find(path.join(dir, 'Dockerfile')), path.join(dir, names[i]!), `with ${names.slice(i).join(', ')}`);
    }
  });

  test('package.json counts only with a "pid1lint" key (or, when broken, when it mentions one)', () => {
    const dir = writeTree({ '.git/HEAD': '', 'pid1lint.config.json': '{}', 'app/package.json': '{"name": "app"}', 'app/Dockerfile': DOCKERFILE });
    assert.equal(new ConfigFinder().find(path.join(dir, 'app/Dockerfile')), path.join(dir, 'pid1lint.config.json'));
    const broken = writeTree({ '.git/HEAD': '', 'package.json': '{"pid1lint": {,}', Dockerfile: DOCKERFILE });
    assert.equal(new ConfigFinder().find(path.join(broken, 'Dockerfile')), path.join(broken, 'package.json'));
  });

  test('the search stops at the repository root', () => {
    const outer = writeTree({ '.pid1lintrc.yaml': 'rules: {}\n', 'repo/.git/HEAD': '', 'repo/Dockerfile': DOCKERFILE });
    assert.equal(new ConfigFinder().find(path.join(outer, 'repo/Dockerfile')), null);
  });

  test('--config replaces the search; --no-config uses none', () => {
    const dir = writeTree({
      '.git/HEAD': '',
      '.pid1lintrc.yaml': 'rules:\n  shell-form-pid1: warn\n',
      'other.yaml': 'rules:\n  shell-form-pid1: off\n',
      Dockerfile: DOCKERFILE,
    });
    const file = path.join(dir, 'Dockerfile');
    const severity = (p: Project) => {
      const answer = p.forDockerfile(file);
      assert.equal(answer.kind, 'lint');
      return answer.kind === 'lint' ? answer.options.severities?.['shell-form-pid1'] : undefined;
    };
    assert.equal(severity(new Project({ files: new ContextFiles() })), 'warn');
    assert.equal(severity(new Project({ files: new ContextFiles(), configFile: path.join(dir, 'other.yaml') })), 'off');
    assert.equal(severity(new Project({ files: new ContextFiles(), noConfig: true })), undefined);
  });

  test('a broken config is an answer, not an exception', () => {
    const dir = writeTree({ '.pid1lintrc.yaml': 'rules: [\n', Dockerfile: DOCKERFILE });
    const answer = new Project({ files: new ContextFiles() }).forDockerfile(path.join(dir, 'Dockerfile'));
    assert.equal(answer.kind, 'config-error');
  });

  test('reportUnusedIgnores: the flag means at least "warn"; the config can ask for "error"', () => {
    const plain = writeTree({ Dockerfile: DOCKERFILE });
    const strict = writeTree({ Dockerfile: DOCKERFILE, '.pid1lintrc.yaml': 'reportUnusedIgnores: error\n' });
    const level = (dir: string, flag: boolean) => {
      const answer = new Project({ files: new ContextFiles(), reportUnusedIgnores: flag }).forDockerfile(path.join(dir, 'Dockerfile'));
      return answer.kind === 'lint' ? answer.options.reportUnusedIgnores : null;
    };
    assert.equal(level(plain, false), 'off');
    assert.equal(level(plain, true), 'warn');
    assert.equal(level(strict, false), 'error');
    assert.equal(level(strict, true), 'error');
  });
});

describe('config ignore', () => {
  const config = { dir: '/repo', patterns: ['legacy/**', 'Dockerfile.dev', 'tools/*/Dockerfile', '/scripts/', 'build'] };

  test('patterns are relative to the config folder; without "/" they match a name at any depth', () => {
    assert.equal(ignoredBy(config, '/repo/legacy/api/Dockerfile'), 'legacy/**');
    assert.equal(ignoredBy(config, '/repo/services/api/Dockerfile.dev'), 'Dockerfile.dev');
    assert.equal(ignoredBy(config, '/repo/tools/x/Dockerfile'), 'tools/*/Dockerfile');
    assert.equal(ignoredBy(config, '/repo/tools/x/y/Dockerfile'), null);
    assert.equal(ignoredBy(config, '/repo/services/api/Dockerfile'), null);
  });

  test('a pattern that matches a folder covers everything in it; a leading "/" anchors', () => {
    assert.equal(ignoredBy(config, '/repo/scripts/entry.sh'), '/scripts/');
    assert.equal(ignoredBy(config, '/repo/app/scripts/entry.sh'), null);
    assert.equal(ignoredBy(config, '/repo/app/build/server.js'), 'build');
  });

  test('files outside the config folder are never ignored by it', () => {
    assert.equal(ignoredBy(config, '/elsewhere/legacy/Dockerfile'), null);
  });

  test('an ignored Dockerfile is not linted', () => {
    const dir = writeTree({ '.pid1lintrc.yaml': 'ignore: [Dockerfile]\n', Dockerfile: DOCKERFILE });
    const answer = new Project({ files: new ContextFiles() }).forDockerfile(path.join(dir, 'Dockerfile'));
    assert.equal(answer.kind, 'ignored');
    assert.equal(answer.kind === 'ignored' ? answer.pattern : null, 'Dockerfile');
  });
});
