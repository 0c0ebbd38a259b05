/** The options that feed other parts of the linter take effect: libraries, images, fix.type, ignore. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Project } from '../../src/config/project.js';
import { ContextFiles } from '../../src/context/files.js';
import { lintDockerfile } from '../../src/engine/linter.js';
import { writeTree } from '../model/helpers.js';

async function lint(files: Record<string, string>) {
  const dir = writeTree({ '.git/HEAD': '', ...files });
  const file = path.join(dir, 'Dockerfile');
  const answer = new Project({ files: new ContextFiles() }).forDockerfile(file);
  assert.equal(answer.kind, 'lint');
  const { results } = await lintDockerfile(file, answer.kind === 'lint' ? answer.options : {});
  return { dir, answer, results, rules: results.flatMap((r) => r.messages.map((m) => m.ruleId)) };
}

const LIBRARY = [
  'libraries:',
  '  - id: acme-lifecycle',
  '    packages: ["@acme/lifecycle"]',
  '    role: signal-handler',
  '    calls: [{ import: onShutdown }]',
  '    signals: { default: [SIGTERM] }',
  '    ending: { kind: exits, why: "calls process.exit after the hooks" }',
  '    summary: ACME shutdown hooks',
  '    evidence: test',
  '',
].join('\n');

describe('options that reach the program reader and the model', () => {
  test('libraries: a handler installed by your own package counts', async () => {
    const files = {
      Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n',
      'server.js': "const { onShutdown } = require('@acme/lifecycle');\nonShutdown(() => db.close());\nsetInterval(() => {}, 1000);\n",
    };
    assert.ok((await lint(files)).rules.includes('unhandled-stop-signal'), 'without the entry, nothing handles SIGTERM');
    const withEntry = await lint({ ...files, '.pid1lintrc.yaml': LIBRARY });
    assert.deepEqual(withEntry.rules, []);
    const [result] = withEntry.results;
    assert.equal(result?.pid1?.handler?.via, '@acme/lifecycle');
  });

  test('images: your own base image is known to the model', async () => {
    const files = { Dockerfile: 'FROM ghcr.io/acme/node:22\nWORKDIR /app\nCOPY server.js ./\nCMD node server.js\n', 'server.js': "process.on('SIGTERM', () => process.exit(0));\n" };
    const unknown = (await lint(files)).results[0]?.pid1;
    assert.match(unknown?.baseImageInfo ?? '', /unknown/);
    const config = 'images:\n  - id: acme-node\n    extends: node-slim\n    description: ACME Node.js base\n    match: { images: [ghcr.io/acme/node] }\n';
    const known = await lint({ ...files, '.pid1lintrc.yaml': config });
    assert.match(known.results[0]?.pid1?.baseImageInfo ?? '', /ACME Node\.js base/);
    assert.deepEqual(known.results[0]?.pid1?.chain.map((l) => `${l.kind}:${l.name}`), ['script:docker-entrypoint.sh', 'shell:dash', 'node:node']);
    assert.ok(known.rules.includes('shell-form-pid1'));
  });

  test('fix.type: the remedy the message recommends where an init and a handler would both do', async () => {
    // node as PID 1 with no handler: unhandled-stop-signal, whose fix is a handler or an init.
    const files = { Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n', 'server.js': "require('node:http').createServer().listen(3000);\n" };
    const remedy = async (config: Record<string, string>) => {
      const { results } = await lint({ ...files, ...config });
      const message = results[0]?.messages.find((m) => m.ruleId === 'unhandled-stop-signal')?.message ?? '';
      return message.slice(message.indexOf('(facts §5 node-none). ') + '(facts §5 node-none). '.length);
    };
    assert.equal(await remedy({}), "Add a handler that ends the process (process.on('SIGTERM', …) closing the server, then process.exit), or run it under an init (tini)");
    assert.equal(await remedy({ '.pid1lintrc.json': '{"fix": {"type": "handler"}}' }), "Add a handler that ends the process (process.on('SIGTERM', …) closing the server, then process.exit)");
    assert.match(await remedy({ '.pid1lintrc.json': '{"fix": {"type": "init"}}' }), /^Run it under an init \(ENTRYPOINT \["\/usr\/bin\/tini", "--"\] with tini installed, or docker run --init\)/);
  });

  test('fix.type init: the message names the init the fix puts in front for the image (apk: /sbin/tini, facts §8)', async () => {
    const server = "require('node:http').createServer().listen(3000);\n";
    const config = { '.pid1lintrc.json': '{"fix": {"type": "init"}}' };
    const message = async (from: string, cmd = '["node", "server.js"]') => {
      const { results } = await lint({ Dockerfile: `FROM ${from}\nWORKDIR /app\nCOPY server.js ./\nCMD ${cmd}\n`, 'server.js': server, ...config });
      const text = results[0]?.messages.find((m) => m.ruleId === 'unhandled-stop-signal')?.message ?? '';
      return text.slice(text.indexOf('(facts §5 node-none). ') + '(facts §5 node-none). '.length);
    };
    const remedy = (entrypoint: string, which: string) => `Run it under an init (ENTRYPOINT ${entrypoint} with ${which}, or docker run --init): the default action then ends it`;
    assert.equal(await message('node:22-slim'), remedy('["/usr/bin/tini", "--"]', 'tini installed'), 'Debian: apt-get install tini');
    assert.equal(await message('node:22-bookworm'), remedy('["/usr/bin/tini", "--"]', 'tini installed'), 'Debian: apt-get install tini');
    assert.equal(await message('node:22-alpine'), remedy('["/sbin/tini", "--"]', 'tini installed'), 'Alpine: apk add tini');
    assert.equal(await message('gcr.io/distroless/nodejs22-debian12', '["server.js"]'), remedy('["/usr/bin/tini", "--"]', 'tini installed'), 'no package manager: tini-static copied to /usr/bin/tini');
    assert.equal(await message('cgr.dev/chainguard/node:latest', '["server.js"]'), remedy('["/usr/bin/dumb-init", "--"]', "the image's dumb-init"), 'Chainguard ships dumb-init');
  });
});
