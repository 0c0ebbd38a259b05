import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideForm, logicalArguments, parseDockerfile, splitRawWords } from '../../src/dockerfile/parse.js';

describe('exec form is decided as BuildKit does (JSON array of strings)', () => {
  const cases: [string, string[] | null][] = [
    ['["node", "server.js"]', ['node', 'server.js']],
    ['[ "node" , "server.js" ]  ', ['node', 'server.js']],
    ['["sh", "-c", "exec node  server.js"]', ['sh', '-c', 'exec node  server.js']],
    ['["a\\tb"]', ['a\tb']],
    ['[]', []],
    ["['node', 'server.js']", null],
    ['[node, "server.js"]', null],
    ['["node", "server.js"] # start', null],
    ['["node", "server.js"] extra', null],
    ['["dumb-init", "--"', null],
    ['["node", 1]', null],
    ['node server.js', null],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(decideForm(text).json, expected));
  }
  test('explains why a bracketed line is not exec form', () => {
    assert.match(decideForm("['node']").error ?? '', /single quotes/);
    assert.match(decideForm('["node"] # c').error ?? '', /after the closing bracket/);
    assert.match(decideForm('["node"').error ?? '', /no closing bracket/);
    assert.match(decideForm('[node]').error ?? '', /double-quoted/);
    assert.match(decideForm('["a", 1]').error ?? '', /must be a string/);
    assert.equal(decideForm('node').error, null);
  });
});

describe('logical lines', () => {
  test('joins continuations and drops comment and empty lines inside them', () => {
    assert.equal(logicalArguments('apt-get update \\\n  # install\n\n  && apt-get install tini', '\\'), 'apt-get update   && apt-get install tini');
  });
  test('uses the escape directive (backtick) and CRLF', () => {
    assert.equal(logicalArguments('[ "node", `\r\n  "server.js" ]', '`'), '[ "node",   "server.js" ]');
  });
  test('a doubled escape at the end is not a continuation', () => {
    assert.equal(logicalArguments('echo a\\\\\nb', '\\'), 'echo a\\\\\nb');
  });
});

describe('parseDockerfile', () => {
  test('lowercase instructions, directives, CRLF, JSON across a continuation with a comment', () => {
    const df = parseDockerfile('/x/Dockerfile', '# syntax=docker/dockerfile:1\r\n# escape=`\r\nfrom node:22\r\ncmd [ "node", `\r\n  # c\r\n  "a  b.js" ]\r\n');
    assert.equal(df.escape, '`');
    assert.deepEqual(df.directives.map((d) => d.name), ['syntax', 'escape']);
    const cmd = df.instructions.find((i) => i.keyword === 'CMD');
    assert.deepEqual(cmd?.json, ['node', 'a  b.js']);
    assert.equal(cmd?.line, 4);
    assert.equal(cmd?.endLine, 6);
  });
  test('flags of COPY, FROM and RUN', () => {
    const df = parseDockerfile('/x/Dockerfile', 'FROM --platform=$BUILDPLATFORM node AS build\nCOPY --from=build --chown=node:node --link /a ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n');
    const [from, copy, run] = df.instructions;
    assert.equal(from?.flags.get('platform'), '$BUILDPLATFORM');
    assert.equal(copy?.flags.get('from'), 'build');
    assert.equal(copy?.flags.get('chown'), 'node:node');
    assert.ok(copy?.flags.has('link'));
    assert.equal(copy?.rest, '/a ./');
    assert.equal(run?.flags.get('mount'), 'type=cache,target=/root/.npm');
  });
  test('heredoc bodies are kept for RUN', () => {
    const df = parseDockerfile('/x/Dockerfile', 'FROM debian\nRUN <<EOF\napt-get install -y tini\nEOF\n');
    assert.match(df.instructions[1]?.heredocs[0]?.content ?? '', /apt-get install -y tini/);
  });
  test('legacy ENV k v and ENV with several pairs keep raw values', () => {
    const df = parseDockerfile('/x/Dockerfile', 'FROM node\nENV A 1 2\nENV B="x y" C=$A\n');
    assert.deepEqual(df.instructions[1]?.properties, [{ name: 'A', raw: '1 2' }]);
    assert.deepEqual(df.instructions[2]?.properties, [{ name: 'B', raw: '"x y"' }, { name: 'C', raw: '$A' }]);
  });
  test('ONBUILD triggers are parsed', () => {
    const df = parseDockerfile('/x/Dockerfile', 'FROM node\nONBUILD CMD ["node", "x.js"]\n');
    assert.deepEqual(df.instructions[1]?.onbuild?.json, ['node', 'x.js']);
  });
  test('splitRawWords keeps quotes for expansion', () => {
    assert.deepEqual(splitRawWords('"a b" c \'$d\''), ['"a b"', 'c', "'$d'"]);
  });
});
