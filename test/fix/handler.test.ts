/**
 * The program-source builders: the stop-signal listener inserted into the
 * entry file (CJS, ESM, TypeScript; the servers it can see; the file's
 * style), the library exit options and the exit call for handler-may-hang.
 * Each output must still parse, and the inserted listener is confirmed on
 * the kernel.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { exitCallEdit, handlerSuggestion, insertHandlerSuggestion, setCallOptionEdit, type HandlerInsertion } from '../../src/fix/handler.js';
import { parseProgram, sourceKind } from '../../src/fix/source.js';
import { applyEdits } from '../../src/fix/edits.js';
import { copyFixture, fixturesDir } from '../fixtures/fixtures.js';
import { kernel, verifyOnKernel } from './helpers.js';

function inserted(input: Partial<HandlerInsertion> & { text: string }): string {
  const full: HandlerInsertion = { language: 'js', module: 'cjs', servers: [], signal: 'SIGTERM', ...input };
  const edit = insertHandlerSuggestion(full);
  assert.ok(edit, 'an edit');
  const output = applyEdits(full.text, [edit]).output;
  assert.ok(parseProgram(output, full.language), `the result parses:\n${output}`);
  return output;
}

const COMMENT = '// SIGTERM is how docker stop and Kubernetes ask the program to end; as PID 1 it is ignored unless something listens.';

describe('insertHandlerSuggestion', () => {
  test('CJS: closes the server it can see, right after its declaration (a trailing comment stays with it)', () => {
    const text = "'use strict';\nconst http = require('node:http');\n\nconst server = http.createServer(handle); // the API\nserver.listen(3000);\n";
    assert.equal(inserted({ text, servers: ['server'] }),
      `'use strict';\nconst http = require('node:http');\n\nconst server = http.createServer(handle); // the API\n\n${COMMENT}\nprocess.on('SIGTERM', () => {\n  server.close(() => process.exit(0));\n});\n\nserver.listen(3000);\n`);
  });

  test('ESM without a visible server: just exit, after the imports', () => {
    const text = 'import express from "express";\nimport { start } from "./start.js";\n\nawait start(express());\n';
    assert.equal(inserted({ text, module: 'esm', servers: ['app'] }),
      `import express from "express";\nimport { start } from "./start.js";\n\n${COMMENT}\nprocess.on("SIGTERM", () => {\n  process.exit(0);\n});\n\nawait start(express());\n`);
  });

  test('TypeScript, two servers: both closed, Promise<void> so resolve() type-checks; the stop signal is the one given', () => {
    const text = "import http from 'node:http';\n\nexport const api = http.createServer();\nconst admin = http.createServer();\napi.listen(3000);\nadmin.listen(3001);\n";
    const output = inserted({ text, language: 'ts', module: 'esm', servers: ['api', 'admin'], signal: 'SIGINT' });
    assert.equal(output, `import http from 'node:http';\n\nexport const api = http.createServer();\nconst admin = http.createServer();\n\n${COMMENT.replace('SIGTERM', 'SIGINT')}\nprocess.on('SIGINT', () => {\n  Promise.all([api, admin].map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => process.exit(0));\n});\n\napi.listen(3000);\nadmin.listen(3001);\n`);
  });

  test('the file\'s style: no semicolons, four-space indentation', () => {
    const text = "const app = require('./app')\n\nfunction main() {\n    app.start()\n}\nmain()\n";
    assert.equal(inserted({ text, servers: ['app'] }), `const app = require('./app')\n\n${COMMENT}\nprocess.on('SIGTERM', () => {\n    app.close(() => process.exit(0))\n})\n\nfunction main() {\n    app.start()\n}\nmain()\n`);
  });

  test('a server held in `let x;` and assigned later may be undefined when the signal comes: exit instead', () => {
    const text = '#!/usr/bin/env node\nlet server;\nserver = start();\n';
    assert.equal(inserted({ text, servers: ['server'] }), `#!/usr/bin/env node\n\n${COMMENT}\nprocess.on('SIGTERM', () => {\n  process.exit(0);\n});\n\nlet server;\nserver = start();\n`);
  });

  test('nothing to come after: the top of the file', () => {
    assert.equal(inserted({ text: 'run();\n' }), `${COMMENT}\nprocess.on('SIGTERM', () => {\n  process.exit(0);\n});\n\nrun();\n`);
  });

  test('handlerSuggestion: the suggestion on the entry file says what it closes', () => {
    const suggestion = handlerSuggestion('/app/server.js', { text: 'const server = make();\n', language: 'js', module: 'cjs', servers: ['server', 'other'], signal: 'SIGTERM' });
    assert.equal(suggestion?.fix.file, '/app/server.js');
    assert.equal(suggestion?.desc, 'Add a SIGTERM listener to the program that closes server, then exits 0: the program then ends on `docker stop` as PID 1 too');
  });

  test('a file that does not parse: no edit', () => {
    assert.equal(insertHandlerSuggestion({ text: 'const = ;', language: 'js', module: 'cjs', servers: [], signal: 'SIGTERM' }), null);
  });

  test('sourceKind follows the extension, then package.json type', () => {
    assert.deepEqual(sourceKind('/a/server.ts'), { language: 'ts', module: 'cjs' });
    assert.deepEqual(sourceKind('/a/server.mts'), { language: 'ts', module: 'esm' });
    assert.deepEqual(sourceKind('/a/server.js', 'module'), { language: 'js', module: 'esm' });
    assert.deepEqual(sourceKind('/a/server.cjs', 'module'), { language: 'js', module: 'cjs' });
  });

  test('on the kernel: exec-form-no-handler with the listener inserted stops with exit 0', { skip: kernel.ok ? false : `needs PID namespaces: ${kernel.ok ? '' : kernel.reason}` }, async () => {
    const dir = copyFixture(path.join(fixturesDir, 'exec-form-no-handler'));
    const source = path.join(dir, 'server.js');
    const text = fs.readFileSync(source, 'utf8');
    const edit = insertHandlerSuggestion({ text, ...sourceKind(source), servers: ['server'], signal: 'SIGTERM' });
    assert.ok(edit);
    fs.writeFileSync(source, applyEdits(text, [edit]).output);
    const report = await verifyOnKernel(path.join(dir, 'Dockerfile'));
    assert.ok(!('refused' in report), 'refused' in report ? report.refused : '');
    if ('refused' in report) return;
    assert.equal(report.stopped, true, report.stderr);
    assert.equal(report.exitCode, 0);
  });
});

/** The site of the call written `call` in `text` (its first occurrence), as the program reader reports it. */
function callAt(text: string, call: string): { line: number; column: number; endLine: number; endColumn: number } {
  const start = text.indexOf(call);
  assert.ok(start >= 0, `${call} is in the text`);
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1) as string).length + 1 };
  };
  const end = position(start + call.length);
  return { ...position(start), endLine: end.line, endColumn: end.column };
}

function optionSet(text: string, call: string, option: { arg: number; name: string; value: unknown }, language: 'js' | 'ts' = 'js'): string {
  const edit = setCallOptionEdit({ text, ...callAt(text, call), language, module: 'cjs' }, option);
  assert.ok(edit, 'an edit');
  const output = applyEdits(text, [edit]).output;
  assert.ok(parseProgram(output, language), output);
  return output;
}

describe('setCallOptionEdit (handler-may-hang: the library exit option)', () => {
  const useExit0 = { arg: 1, name: 'useExit0', value: true };
  test('terminus: added to the options object, after what is there', () => {
    assert.equal(optionSet('createTerminus(server, { signal: "SIGTERM" });\n', 'createTerminus(server, { signal: "SIGTERM" })', useExit0), 'createTerminus(server, { signal: "SIGTERM", useExit0: true });\n');
    assert.equal(optionSet('createTerminus(server, {});\n', 'createTerminus(server, {})', useExit0), 'createTerminus(server, { useExit0: true });\n');
  });
  test('a multi-line object gets a line of its own, trailing comma kept', () => {
    assert.equal(optionSet('createTerminus(server, {\n  onSignal,\n  timeout: 5000,\n});\n', 'createTerminus(server, {\n  onSignal,\n  timeout: 5000,\n})', useExit0), 'createTerminus(server, {\n  onSignal,\n  timeout: 5000,\n  useExit0: true,\n});\n');
  });
  test('useExit0: false is turned into true', () => {
    assert.equal(optionSet('createTerminus(server, { useExit0: false });\n', 'createTerminus(server, { useExit0: false })', useExit0), 'createTerminus(server, { useExit0: true });\n');
  });
  test('an options variable is spread, the option after it', () => {
    assert.equal(optionSet('createTerminus(server, options);\n', 'createTerminus(server, options)', useExit0), 'createTerminus(server, { ...options, useExit0: true });\n');
  });
  test('no options argument: one is passed', () => {
    assert.equal(optionSet('createTerminus(server);\n', 'createTerminus(server)', useExit0), 'createTerminus(server, { useExit0: true });\n');
  });
  test('NestJS enableShutdownHooks(): undefined keeps the default signals', () => {
    const text = 'const app = await NestFactory.create(AppModule);\napp.enableShutdownHooks();\n';
    assert.equal(optionSet(text, 'app.enableShutdownHooks()', { arg: 1, name: 'useProcessExit', value: true }, 'ts'), 'const app = await NestFactory.create(AppModule);\napp.enableShutdownHooks(undefined, { useProcessExit: true });\n');
  });
  test('a chained call that starts at the same place is not the one edited', () => {
    const text = 'app.enableShutdownHooks().listen(3000);\n';
    assert.equal(optionSet(text, 'app.enableShutdownHooks()', { arg: 1, name: 'useProcessExit', value: true }), 'app.enableShutdownHooks(undefined, { useProcessExit: true }).listen(3000);\n');
  });
  test('the call at the reported position, not another one on the same line', () => {
    assert.equal(optionSet('createTerminus(a); createTerminus(b);\n', 'createTerminus(b)', useExit0), 'createTerminus(a); createTerminus(b, { useExit0: true });\n');
  });
});

describe('exitCallEdit (handler-may-hang: a listener that never ends the process)', () => {
  const exited = (text: string, call: string, arg: number) => {
    const edit = exitCallEdit({ text, ...callAt(text, call), language: 'js', module: 'cjs' }, arg);
    assert.ok(edit);
    return applyEdits(text, [edit]).output;
  };
  test('after the last statement of a block body', () => {
    assert.equal(exited("process.on('SIGTERM', async () => {\n  await db.close();\n});\n", "process.on('SIGTERM', async () => {\n  await db.close();\n})", 1), "process.on('SIGTERM', async () => {\n  await db.close();\n  process.exit(0);\n});\n");
  });
  test('an expression body becomes a block', () => {
    assert.equal(exited("process.on('SIGTERM', () => console.log('bye'));\n", "process.on('SIGTERM', () => console.log('bye'))", 1), "process.on('SIGTERM', () => {\n  console.log('bye');\n  process.exit(0);\n});\n");
  });
  test('a curried call (`require(\'death\')(cb)`): the callback of the outer call', () => {
    const text = "require('death')((signal) => console.log(signal));\n";
    const edit = exitCallEdit({ text, ...callAt(text, "require('death')((signal) => console.log(signal))"), language: 'js', module: 'cjs' }, 0);
    assert.ok(edit);
    assert.equal(applyEdits(text, [edit]).output, "require('death')((signal) => {\n  console.log(signal);\n  process.exit(0);\n});\n");
  });
  test('a listener passed by name is not edited', () => {
    assert.equal(exitCallEdit({ text: "process.on('SIGTERM', stop);\n", ...callAt("process.on('SIGTERM', stop);\n", "process.on('SIGTERM', stop)"), language: 'js', module: 'cjs' }, 1), null);
  });
});
