/** Test helpers: throw-away app trees and a shortcut to analyse them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { analyzeProgram, type AnalyzeOptions } from '../../src/program/analyze.js';
import type { HandlerFactX, ProgramFactsX } from '../../src/program/types.js';

const created: string[] = [];

after(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `{ 'src/index.ts': '…' }` into a fresh temporary folder and returns its path. */
export function makeTree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-program-')));
  created.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

/** Analyses `entry` (context-relative) in `root`. */
export function analyze(
  root: string,
  entry = 'src/index.ts',
  options: Partial<Omit<AnalyzeOptions, 'entry' | 'contextDir'>> = {},
): Promise<ProgramFactsX> {
  return analyzeProgram({ entry: path.join(root, entry), contextDir: root, ...options });
}

/** Builds a tree with one entry file and analyses it. */
export async function analyzeSource(source: string, options: Partial<Omit<AnalyzeOptions, 'entry' | 'contextDir'>> = {}): Promise<ProgramFactsX> {
  const root = makeTree({ 'src/index.ts': source });
  return analyze(root, 'src/index.ts', options);
}

/** The handler facts reduced to what tests compare: file (context-relative), line, signals, ending, reachability. */
export function brief(facts: ProgramFactsX, root?: string): { file: string; line: number; signals: string[]; ending: string; reachable: string; via: string }[] {
  return facts.handlers.map((h: HandlerFactX) => ({
    file: root ? path.relative(root, h.file).split(path.sep).join('/') : path.basename(h.file),
    line: h.line,
    signals: h.signals,
    ending: h.ending,
    reachable: h.reachable,
    via: h.via,
  }));
}

/** Joins lines, so a test's source shows its line numbers plainly. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}
