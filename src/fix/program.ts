/**
 * The program-source remedies of the model's program (what the program
 * reader found): the builders of handler.ts fed with the entry file's text,
 * its kind (extension, then the nearest package.json `type`) and the
 * servers the reader saw it create.
 */
import path from 'node:path';
import type { Pid1Model } from '../model/model.js';
import { isRecord } from '../program/fs-context.js';
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

/**
 * For a handler that never ends the process (handler-may-hang), what the
 * program reader found about it decides:
 * - a library with an exit option left off: that option turned on
 *   (terminus `useExit0: true`, NestJS `useProcessExit: true`);
 * - a listener it can see (`process.on`, a `death` callback): `process.exit(0)`
 *   at its end, which also ends a listener whose re-raise PID 1 drops (K2);
 * - a library that only observes (signal-exit): a listener of the program's
 *   own that exits; it then does not re-raise, since another listener remains.
 */
export function exitSuggestion(model: Pid1Model, handler: HandlerFact, signal: string): Suggestion | null {
  const text = textOf(model, handler.file);
  if (text === null || handler.endLine === undefined || handler.endColumn === undefined) return null;
  const site: CallSite = { text, ...kindOf(model, handler.file), line: handler.line, column: handler.column, endLine: handler.endLine, endColumn: handler.endColumn };
  const option = handler.exitOption;
  if (option) {
    const edit = setCallOptionEdit(site, option);
    const set = `${option.name}: ${JSON.stringify(option.value)}`;
    return edit ? { desc: `Pass \`${set}\` to the ${handler.via} call, so it ends the process after the shutdown`, fix: { ...edit, file: handler.file } } : null;
  }
  if (handler.listenerArg !== undefined) {
    const edit = exitCallEdit(site, handler.listenerArg);
    const why = handler.ending === 'reraises' ? ': as PID 1 its re-raise is dropped (facts K2)' : '';
    return edit ? { desc: `End the listener with process.exit(0)${why}; if the shutdown work is asynchronous, call it when that work has finished`, fix: { ...edit, file: handler.file } } : null;
  }
  return handler.library ? programHandlerSuggestion(model, signal) : null;
}

function textOf(model: Pid1Model, file: string): string | null {
  const read = model.files.read(file);
  return read.ok ? read.text : null;
}

/** The file's language and module system: its extension, else the nearest package.json `type` up to the build context. */
function kindOf(model: Pid1Model, file: string): SourceKind {
  const cfs = model.files.forRoot(model.contextDir);
  for (let dir = path.dirname(file); cfs.lexicallyInside(dir); dir = path.dirname(dir)) {
    const pkg = cfs.readJson(path.join(dir, 'package.json'));
    // Any package.json that parses decides, as for Node: `null` or `[]` there is no "type", so CommonJS.
    if (pkg !== undefined) return sourceKind(file, isRecord(pkg) && pkg['type'] === 'module' ? 'module' : 'commonjs');
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
