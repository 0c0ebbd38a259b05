/** Lints a small build context and applies one reported fix or suggestion, as the engine would. */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/package-info.js';
import { checkCapabilities } from '../../src/verify/runner.js';
import { verifyDockerfile } from '../../src/verify/verify.js';
import { lintDockerfile, type LintOptions } from '../../src/engine/linter.js';
import { applyEdits } from '../../src/fix/edits.js';
import type { Fix, LintMessage } from '../../src/types.js';
import { writeTree } from '../model/helpers.js';

export const HANDLER = "process.on('SIGTERM', () => process.exit(0));\n";

export interface Linted {
  dir: string;
  dockerfile: string;
  messages: LintMessage[];
}

/** Writes the files (a server.js with a handler unless given) and lints the Dockerfile. */
export async function lintTree(files: Record<string, string>, options: LintOptions = {}, modes?: Record<string, number>): Promise<Linted> {
  const dir = writeTree({ 'server.js': HANDLER, ...files }, modes);
  const dockerfile = path.join(dir, 'Dockerfile');
  const { results } = await lintDockerfile(dockerfile, options);
  return { dir, dockerfile, messages: results.flatMap((r) => r.messages.map((m) => ({ ...m, file: r.filePath }))) };
}

/** The one message of a rule (fails the test when there are none or several). */
export function only(linted: Linted, ruleId: string): LintMessage {
  const found = linted.messages.filter((m) => m.ruleId === ruleId);
  if (found.length !== 1) throw new Error(`expected one ${ruleId} finding, got ${found.length}: ${JSON.stringify(linted.messages.map((m) => `${m.ruleId}: ${m.message}`))}`);
  return found[0] as LintMessage;
}

/** The text of the file a fix applies to, after applying it alone. */
export function applied(linted: Linted, fix: Fix): string {
  const file = fix.file ?? linted.dockerfile;
  return applyEdits(fs.readFileSync(file, 'utf8'), [fix]).output;
}

/**
 * The kernel check of pid1-facts §0 as test/fixtures/kernel.test.ts runs it
 * (same tool path and probe). The grace period is Docker's 10 s: these runs
 * are expected to stop, so a long grace costs nothing unless they do not,
 * and a loaded machine cannot turn a slow shutdown into a false failure.
 */
export async function verifyOnKernel(dockerfile: string, options: { contextDir?: string; target?: string; graceMs?: number; ready?: string; prepare?: string } = {}) {
  return verifyDockerfile(dockerfile, {
    ...(options.contextDir !== undefined ? { contextDir: options.contextDir } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
    graceMs: Math.max(options.graceMs ?? 0, 10_000),
    ready: { kind: 'log', pattern: options.ready ?? 'ready' },
    toolPath: [path.join(packageRoot(), 'node_modules', '.bin')],
    ...(options.prepare ? { prepare: options.prepare } : {}),
  });
}

export const kernel = checkCapabilities();
