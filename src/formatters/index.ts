/** Formatters are pure functions of the results. The CLI looks them up in this map. */
import type { LintResult } from '../types.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatCompact } from './compact.js';
import { formatGithub, formatGithubSummary } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
  /** --explain: print the PID-1 chain and the stop walk-through under each Dockerfile. */
  explain: boolean;
  /**
   * The repository root (git top level of the linted files, else cwd): machine
   * formats (SARIF, GitHub, GitLab, checkstyle, JUnit) give paths relative to it,
   * because code scanning and annotations resolve paths against the repository.
   */
  root?: string;
  /** Text of the files that have findings (absolute path → text): snippets, fingerprints and fix regions. */
  sources?: ReadonlyMap<string, string>;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  compact: formatCompact,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  checkstyle: formatCheckstyle,
  junit: formatJunit,
};

/** Markdown a format also appends to `$GITHUB_STEP_SUMMARY` when that is set (the complete list of findings). */
export const stepSummaries: Readonly<Record<string, Formatter>> = {
  github: formatGithubSummary,
};
