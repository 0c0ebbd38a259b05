import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeTree } from './helpers.js';

const analyzeModule = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/program/analyze.js')).href;
const sourceMapModule = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/program/source-map.js')).href;

/**
 * typescript-estree and typescript are CommonJS: once loaded (even through
 * `import()`), they sit in the CJS module cache, which a fresh process can
 * list. The script records what is loaded at each step.
 */
test('typescript-estree (and typescript) load only when a file is parsed; ajv only for user-supplied libraries', () => {
  const root = makeTree({ 'src/index.ts': "process.on('SIGTERM', () => process.exit(0));\n" });
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const loaded = () => {
      const keys = Object.keys(require.cache);
      return {
        estree: keys.some((k) => k.includes('typescript-estree')),
        typescript: keys.some((k) => /node_modules[\\\\/]typescript[\\\\/]/.test(k)),
        ajv: keys.some((k) => /node_modules[\\\\/]ajv[\\\\/]/.test(k)),
      };
    };
    const { analyzeProgram, createProgramCache } = await import(${JSON.stringify(analyzeModule)});
    const { findSourceForOutput } = await import(${JSON.stringify(sourceMapModule)});
    const afterImport = loaded();
    findSourceForOutput(${JSON.stringify(root)}, ${JSON.stringify(path.join(root, 'dist/index.js'))});
    const cache = createProgramCache();
    const missing = await analyzeProgram({ entry: ${JSON.stringify(path.join(root, 'nope.ts'))}, contextDir: ${JSON.stringify(root)}, cache });
    const afterNoProgram = loaded();
    const facts = await analyzeProgram({ entry: ${JSON.stringify(path.join(root, 'src/index.ts'))}, contextDir: ${JSON.stringify(root)}, cache });
    const afterParse = loaded();
    console.log(JSON.stringify({ afterImport, afterNoProgram, afterParse, missingErrors: missing.errors.length, handlers: facts.handlers.length }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: root });
  const result = JSON.parse(out.trim()) as Record<string, unknown>;
  assert.deepEqual(result, {
    afterImport: { estree: false, typescript: false, ajv: false },
    afterNoProgram: { estree: false, typescript: false, ajv: false },
    afterParse: { estree: true, typescript: true, ajv: false },
    missingErrors: 1,
    handlers: 1,
  });
});
