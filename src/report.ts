/**
 * Where the formatted report goes, and the facts the machine formats need
 * besides the results: the repository root their paths are relative to and
 * the text of the files with findings. Kept out of the formatters so they
 * stay pure, and out of cli.ts so the command line stays argument handling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContextFiles } from './context/files.js';
import { formatters, stepSummaries, type FormatContext } from './formatters/index.js';
import { formatSarif } from './formatters/sarif.js';
import type { LintResult } from './types.js';
import type { TextOutput } from './output.js';

/**
 * The git top level above `file` (a `.git` folder, or the `.git` file of a
 * worktree or submodule), found without running git; null outside a repository.
 */
export function gitTopLevel(file: string): string | null {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The text of every file that has a finding or a fix, read now (after any fix was written), or as fixed in memory. */
export function sourcesOf(results: LintResult[]): Map<string, string> {
  const files = new ContextFiles();
  const sources = new Map<string, string>();
  // --fix-dry-run writes nothing: the findings are those of the fixed text (`output`), not of the file on disk.
  for (const result of results) if (result.output !== undefined) sources.set(result.filePath, result.output);
  const add = (file: string) => {
    if (sources.has(file)) return;
    const read = files.read(file);
    if (read.ok) sources.set(file, read.text);
  };
  for (const result of results) {
    if (result.messages.length > 0) add(result.filePath);
    for (const m of result.messages) {
      if (m.fix?.file) add(m.fix.file);
      for (const s of m.suggestions ?? []) if (s.fix.file) add(s.fix.file);
    }
  }
  return sources;
}

/** A report that cannot be written: the command line reports it as a usage problem (exit 2), not a crash. */
export class OutputError extends Error {}

export interface ReportOptions {
  format: string;
  /** --output-file: the report goes there instead of stdout. */
  outputFile?: string;
  /** --sarif-file: a SARIF copy of the report as well (code scanning next to annotations). */
  sarifFile?: string;
  /** The Dockerfiles linted, first one first: the repository root is the git top level of the first. */
  dockerfiles: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  explain: boolean;
  /** --fix-dry-run in a format for people: the unified diffs follow the report (machine formats carry them in the results). */
  diffs?: boolean;
}

/** Formats and writes the report(s); throws OutputError (naming the path) when a file cannot be written. */
export function writeReports(results: LintResult[], options: ReportOptions, stdout: TextOutput): void {
  const formatter = formatters[options.format];
  if (!formatter) throw new Error(`unknown format "${options.format}"`);
  const first = options.dockerfiles[0];
  const context: FormatContext = {
    cwd: options.cwd,
    color: options.color && options.outputFile === undefined,
    explain: options.explain,
    root: (first !== undefined ? gitTopLevel(first) : null) ?? options.cwd,
    sources: sourcesOf(results),
  };
  const report = formatter(results, context) + (options.diffs ? results.map((r) => r.diff ?? '').join('') : '');
  if (options.outputFile === undefined) stdout.write(report);
  else writeFile(path.resolve(options.cwd, options.outputFile), report);
  if (options.sarifFile !== undefined) writeFile(path.resolve(options.cwd, options.sarifFile), formatSarif(results, context));
  const summary = stepSummaries[options.format];
  const summaryFile = options.env.GITHUB_STEP_SUMMARY;
  if (summary && summaryFile) {
    try {
      fs.appendFileSync(summaryFile, summary(results, context));
    } catch (err) {
      throw new OutputError(`cannot append to $GITHUB_STEP_SUMMARY (${summaryFile}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
}

function writeFile(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new OutputError(`cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
