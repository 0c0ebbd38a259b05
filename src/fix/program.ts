/**
 * The program-source remedies of the model's program (what the program
 * reader found): the builders of handler.ts fed with the entry file's text,
 * its kind (extension, then the nearest package.json `type`) and the
 * servers the reader saw it create.
 */
import path from 'node:path';
import type { Pid1Model } from '../model/model.js';
import type { Fix, HandlerFact, Suggestion } from '../types.js';
import { replaceWordEdit } from './dockerfile.js';
import { exitCallEdit, handlerSuggestion, setCallOptionEdit, type CallSite } from './handler.js';
import { sourceKind, type SourceKind } from './source.js';

/** A stop-signal listener for the program's entry file (unhandled-stop-signal). */
export function programHandlerSuggestion(model: Pid1Model, signal: string): Suggestion | null {
  const entry = model.program?.lookup.source;
  const text = entry ? textOf(model, entry) : null;
  if (!entry || text === null) return null;
  const servers = (model.program?.facts?.servers ?? []).filter((s) => s.file === entry).map((s) => s.name);
  return handlerSuggestion(entry, { text, ...kindOf(model, entry), servers, signal });
}

/** Library options that make a shutdown library end the process (data/shutdown-libraries.json). */
const EXIT_OPTIONS: Record<string, { callee: string; arg: number; name: string }> = {
  'godaddy-terminus': { callee: 'createTerminus', arg: 1, name: 'useExit0' },
  'nestjs-shutdown-hooks': { callee: 'enableShutdownHooks', arg: 1, name: 'useProcessExit' },
  'http-graceful-shutdown': { callee: 'gracefulShutdown', arg: 1, name: 'forceExit' },
};

/**
 * For a handler that never ends the process (handler-may-hang): the
 * library's exit option when it has one (terminus `useExit0: true`, NestJS
 * `useProcessExit: true`), else `process.exit(0)` at the end of a
 * `process.on` listener or a `death` callback.
 */
export function exitSuggestion(model: Pid1Model, handler: HandlerFact & { library?: string }): Suggestion | null {
  const text = textOf(model, handler.file);
  if (text === null) return null;
  const site = (callee: string | null): CallSite => ({ text, ...kindOf(model, handler.file), line: handler.line, column: handler.column, callee });
  const option = handler.library ? EXIT_OPTIONS[handler.library] : undefined;
  if (option) {
    const edit = setCallOptionEdit(site(option.callee), { arg: option.arg, name: option.name, value: true });
    return edit ? { desc: `Pass \`${option.name}: true\` to ${option.callee}, so it ends the process after the shutdown`, fix: { ...edit, file: handler.file } } : null;
  }
  const listener = handler.via.startsWith('process.') ? { callee: handler.via.slice('process.'.length), arg: 1 } : handler.library === 'death' ? { callee: null, arg: 0 } : null;
  const edit = listener ? exitCallEdit(site(listener.callee), listener.arg) : null;
  return edit ? { desc: 'End the listener with process.exit(0); if the shutdown work is asynchronous, call it when that work has finished', fix: { ...edit, file: handler.file } } : null;
}

function textOf(model: Pid1Model, file: string): string | null {
  const read = model.files.read(file);
  return read.ok ? read.text : null;
}

/** The file's language and module system: its extension, else the nearest package.json `type` up to the build context. */
function kindOf(model: Pid1Model, file: string): SourceKind {
  const cfs = model.files.forRoot(model.contextDir);
  for (let dir = path.dirname(file); cfs.lexicallyInside(dir); dir = path.dirname(dir)) {
    const pkg = cfs.readJson(path.join(dir, 'package.json')) as { type?: unknown } | undefined;
    if (pkg !== undefined) return sourceKind(file, pkg.type === 'module' ? 'module' : 'commonjs');
    if (dir === model.contextDir || dir === path.dirname(dir)) break;
  }
  return sourceKind(file);
}

/**
 * The program's path written with the letter case the file has
 * (unresolved-entrypoint: `dist/Server.js` when only dist/server.js exists,
 * which fails on Linux). `expected` and `found` are context-relative.
 */
export function pathCaseFix(model: Pid1Model, expected: string, found: string): Fix | null {
  const ins = model.program?.link.origin.instruction;
  const wanted = expected.split('/');
  const actual = found.split('/');
  if (!ins?.json || wanted.length !== actual.length) return null;
  for (const word of ins.json) {
    const segments = word.split('/');
    // The word's last segments are the expected path's last segments; those differing only by case take the file's.
    let changed = false;
    for (let i = 1; i <= Math.min(segments.length, wanted.length) && segments.at(-i) === wanted.at(-i); i++) {
      const real = actual.at(-i) as string;
      if (real !== segments.at(-i) && real.toLowerCase() === (segments.at(-i) as string).toLowerCase()) {
        segments[segments.length - i] = real;
        changed = true;
      }
    }
    if (!changed) continue;
    const edit = replaceWordEdit(model, ins, word, segments.join('/'));
    return edit ? { ...edit, file: model.dockerfilePath } : null;
  }
  return null;
}
