/** Formatters are pure functions of the results. The CLI looks them up in this map. */
import type { LintResult } from '../types.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
  /** --explain: print the PID-1 chain and the stop walk-through under each Dockerfile. */
  explain: boolean;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
};
