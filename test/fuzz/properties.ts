/**
 * The fuzz properties, each a fast-check property plus a weight: `npm test`
 * runs them seeded and small, `npm run fuzz` splits its case count over them
 * by weight. A property that needs a feature the CLI lacks (--fix) carries
 * the reason it is skipped.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { buildStages } from '../../src/dockerfile/stages.js';
import { parseShell } from '../../src/shell/parse.js';
import { analyzeCommandString, analyzeScript } from '../../src/shell/analyze.js';
import { parseJsonc } from '../../src/program/fs-context.js';
import { commandPath } from '../../src/package-info.js';
import { anyRepo, dockerfile, edit, generatedRepo, mutatedOfKind, mutatedRepo, packageJson, script, shellString, source } from './arbitraries.js';
import { assertCliOutcome, checkFix, checkKeptAnalyses, checkLint, fixSupport, runMain, type Scratch } from './harness.js';

export interface FuzzProperty {
  name: string;
  /** Share of the case budget. */
  weight: number;
  /** Builds the property; `scratch` is this process's scratch folder. */
  make(scratch: Scratch): fc.IAsyncProperty<[unknown]> | fc.IProperty<[unknown]>;
  /** Set when the property cannot run here (printed instead of running it). */
  skip?: () => Promise<string | null>;
}

const bin = commandPath();

export const properties: FuzzProperty[] = [
  {
    name: 'Dockerfile parser and stage model never throw (generated and mutated Dockerfiles)',
    weight: 20,
    make: () =>
      fc.property(fc.oneof(dockerfile, mutatedOfKind('dockerfile'), fc.string({ unit: 'binary', maxLength: 200 })), (text: unknown) => {
        const parsed = parseDockerfile('/fuzz/Dockerfile', text as string);
        buildStages(parsed, {});
      }),
  },
  {
    name: 'shell parser and analyses never throw (command strings and scripts)',
    weight: 20,
    make: () =>
      fc.property(fc.oneof(shellString, script, mutatedOfKind('script'), fc.string({ unit: 'binary', maxLength: 200 })), (text: unknown) => {
        const r = parseShell(text as string);
        assert.ok(Array.isArray(r.errors));
        analyzeCommandString(text as string);
        analyzeScript(text as string);
      }),
  },
  {
    name: 'JSON/JSONC reader never throws (package.json files, deep nesting)',
    weight: 5,
    make: () =>
      fc.property(fc.oneof(packageJson, mutatedOfKind('package')), (text: unknown) => {
        parseJsonc(text as string);
      }),
  },
  {
    name: 'lintDockerfile on mutated fixture repositories: no exception, well-formed results, nothing written',
    weight: 25,
    make: (scratch) => fc.asyncProperty(mutatedRepo(), async (repo: unknown) => void (await checkLint(scratch, repo as never))),
  },
  {
    name: 'lintDockerfile on generated repositories (stages, COPY --from chains, scripts, package.json, TS/JS graphs)',
    weight: 20,
    make: (scratch) => fc.asyncProperty(generatedRepo(), async (repo: unknown) => void (await checkLint(scratch, repo as never))),
  },
  {
    name: 'kept program analyses: after an edit, a lint reports what a lint keeping nothing reports',
    weight: 5,
    make: (scratch) => fc.asyncProperty(fc.tuple(anyRepo(), edit), async (input: unknown) => {
      const [repo, change] = input as [never, never];
      await checkKeptAnalyses(scratch, repo, change);
    }),
  },
  {
    name: 'TS/JS sources: any entry source is read without an exception',
    weight: 5,
    make: (scratch) =>
      fc.asyncProperty(fc.oneof(source, mutatedOfKind('source')), async (text: unknown) => {
        await checkLint(scratch, { Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.ts"]\n', 'server.ts': text as string });
      }),
  },
  {
    name: 'CLI main(): exit 0/1 for lintable input, 2 with a message naming the file otherwise; agrees with lintDockerfile',
    weight: 5,
    make: (scratch) =>
      fc.asyncProperty(anyRepo(), async (repo: unknown) => {
        const results = await checkLint(scratch, repo as never);
        const dockerfilePath = path.join(scratch.dir, 'Dockerfile');
        // --no-config: the in-process lint above reads no config (a fixture's .pid1lintrc would change severities).
        // Compose files and manifests (YAML) set runtime settings only the CLI discovers: compare exit codes without them.
        const runtimeFiles = Object.keys(repo as Record<string, unknown>).some((name) => /\.ya?ml$/i.test(name));
        assertCliOutcome(await runMain(['--no-config', '-f', 'json', dockerfilePath], scratch.dir), dockerfilePath, runtimeFiles ? null : results);
      }),
  },
  {
    name: 'CLI binary (a separate process): exit codes and messages',
    weight: 0.05,
    make: (scratch) =>
      fc.property(anyRepo(), (repo: unknown) => {
        const dockerfilePath = scratch.write(repo as never);
        const r = spawnSync(process.execPath, [bin, '--no-config', '-f', 'json', dockerfilePath], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.equal(r.signal, null, 'the CLI was not killed');
        assertCliOutcome({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, dockerfilePath, null);
      }),
  },
  {
    name: '--fix: writes what --fix-dry-run shows, output re-parses, a second --fix changes nothing',
    weight: 5,
    make: (scratch) => fc.asyncProperty(anyRepo(), async (repo: unknown) => checkFix(scratch, repo as never)),
    skip: async () => {
      const fix = await fixSupport();
      return fix.supported ? null : fix.reason;
    },
  },
];

export interface PropertyOutcome {
  name: string;
  runs: number;
  skipped: string | null;
  failure: string | null;
}

/** Runs one property for `runs` cases from `seed`; failures come back as fast-check's report (seed, path, counterexample). */
export async function runProperty(p: FuzzProperty, scratch: Scratch, runs: number, seed: number): Promise<PropertyOutcome> {
  const skipped = p.skip ? await p.skip() : null;
  if (skipped !== null || runs === 0) return { name: p.name, runs: 0, skipped, failure: null };
  const details = await fc.check(p.make(scratch) as fc.IAsyncProperty<[unknown]>, { numRuns: runs, seed });
  return { name: p.name, runs: details.numRuns, skipped: null, failure: details.failed ? describeFailure(details) : null };
}

/**
 * A short failure report: the error, how to replay it, and the shrunk
 * counterexample (whole in a file: a mutated repository can be megabytes).
 */
function describeFailure(details: fc.RunDetails<[unknown]>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  // Raw bytes as base64 (a Buffer's own JSON is an array of numbers).
  const example = JSON.stringify(details.counterexample?.[0] ?? null, (_key, value: unknown) => {
    const b = value as { type?: unknown; data?: unknown } | null;
    return b?.type === 'Buffer' && Array.isArray(b.data) ? { base64: Buffer.from(b.data as number[]).toString('base64') } : value;
  });
  const file = path.join(os.tmpdir(), `pid1-lint-fuzz-counterexample-${details.seed}.json`);
  fs.writeFileSync(file, example);
  const shown = example.length > 1500 ? `${example.slice(0, 1500)}… (${example.length} characters in all)` : example;
  return `${error.slice(0, 2000)}\nreplay: seed ${details.seed}, path "${details.counterexamplePath ?? ''}"\ncounterexample (whole in ${file}): ${shown}`;
}
