import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { formatGitlab } from '../../src/formatters/gitlab.js';
import { context, message, result } from './helpers.js';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

const DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD node server.js\n';

function issues(text: string): Issue[] {
  return JSON.parse(text) as Issue[];
}

describe('gitlab (Code Quality) format', () => {
  test('one issue per finding with the fields GitLab requires', () => {
    const results = [result('svc/Dockerfile', [message('shell-form-pid1', 4, 5, { endLine: 5, message: 'two\nlines' }), message('exec-form-variable', 2, 1, { severity: 1 })])];
    const [first, second] = issues(formatGitlab(results, context({ 'svc/Dockerfile': DOCKERFILE })));
    assert.deepEqual({ ...first!, fingerprint: undefined }, {
      type: 'issue',
      check_name: 'pid1-lint/shell-form-pid1',
      description: 'two lines',
      categories: ['Bug Risk'],
      severity: 'major',
      fingerprint: undefined,
      location: { path: 'svc/Dockerfile', lines: { begin: 4, end: 5 } },
    });
    assert.equal(second!.severity, 'minor');
    assert.match(first!.fingerprint, /^[0-9a-f]{64}$/);
  });

  test('fingerprints survive a checkout elsewhere and lines moving, and differ for identical lines', () => {
    const at = (root: string, text: string, line: number) =>
      issues(formatGitlab([result('svc/Dockerfile', [message('shell-form-pid1', line, 5)], root)], context({ 'svc/Dockerfile': text }, root)))[0]!.fingerprint;
    const original = at('/work/repo', DOCKERFILE, 4);
    assert.equal(at('/home/ci/builds/x/repo', DOCKERFILE, 4), original, 'independent of the absolute path');
    assert.equal(at('/work/repo', `# a comment\n\n${DOCKERFILE}`, 6), original, 'independent of the line number');
    assert.equal(at('/work/repo', DOCKERFILE.replace('CMD node', 'CMD   node'), 4), original, 'independent of white space');
    assert.notEqual(at('/work/repo', DOCKERFILE.replace('server.js', 'main.js'), 4), original, 'the line itself counts');

    const twice = `${DOCKERFILE}CMD node server.js\n`;
    const prints = issues(formatGitlab([result('svc/Dockerfile', [message('shell-form-pid1', 4, 5), message('shell-form-pid1', 5, 5)])], context({ 'svc/Dockerfile': twice }))).map((i) => i.fingerprint);
    assert.equal(new Set(prints).size, 2, 'identical lines get distinct fingerprints');
  });

  test('a file outside the repository keeps its absolute path; no findings is an empty array', () => {
    const outside = path.resolve('/elsewhere/Dockerfile');
    const [issue] = issues(formatGitlab([{ ...result('x', [message('shell-form-pid1', 1, 1)]), filePath: outside }], context()));
    assert.equal(issue!.location.path, outside.split(path.sep).join('/'));
    assert.deepEqual(issues(formatGitlab([result('Dockerfile', [])], context())), []);
  });
});
