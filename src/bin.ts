#!/usr/bin/env node
/**
 * The `pid1-lint` command (package.json "bin" → dist/bundle/pid1-lint.cjs,
 * built from this file by scripts/bundle.ts). It turns the V8 code cache on
 * first, so the bundled linter (dist/bundle/cli.cjs) and dockerfile-ast are
 * compiled from cache, then runs the CLI. `node dist/src/cli.js` runs the
 * same CLI unbundled.
 */
import { createRequire } from 'node:module';
import { enableCompileCache } from './cache/compile-cache.js';
import type * as Cli from './cli.js';

enableCompileCache();
// Beside this file in dist/bundle/ (a require, not an import: it must load after the cache is on).
const { runCli } = createRequire(import.meta.url)('./cli.cjs') as typeof Cli;
runCli();
