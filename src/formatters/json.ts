import type { LintResult } from '../types.js';

/** ESLint's JSON shape; Dockerfile results also carry `pid1`. */
export function formatJson(results: LintResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
