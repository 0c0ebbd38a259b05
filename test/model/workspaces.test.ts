/** Workspace selectors in package scripts: by name, by folder, with pnpm's dependency markers. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { lintDockerfile } from '../../src/engine/linter.js';
import { writeTree } from './helpers.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function entryFor(startScript: string): Promise<string | null | undefined> {
  const dir = writeTree({
    '.git/HEAD': '',
    Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n',
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*'], scripts: { start: startScript } }),
    'apps/server/package.json': JSON.stringify({ name: '@acme/server', scripts: { 'start:prod': 'node dist/main.js' } }),
    'apps/server/dist/main.js': "process.on('SIGTERM', () => process.exit(0));\n",
  });
  dirs.push(dir);
  const { results } = await lintDockerfile(path.join(dir, 'Dockerfile'));
  return results[0]?.pid1?.entry;
}

describe('workspace selectors', () => {
  for (const script of [
    'npm run start:prod -w apps/server',
    'npm run start:prod --workspace=@acme/server',
    'pnpm --filter ./apps/server run start:prod',
    'pnpm --filter {apps/server} run start:prod',
    'pnpm --filter ...@acme/server run start:prod',
    'pnpm -F @acme/server^... run start:prod',
  ]) {
    test(script, async () => {
      assert.equal(await entryFor(script), 'apps/server/dist/main.js');
    });
  }
  test('a folder outside the repository is not looked up', async () => {
    assert.equal(await entryFor('npm run start:prod -w ../elsewhere'), null);
  });
});
