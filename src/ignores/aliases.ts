/**
 * Other tools' names for pid1-lint rules, read from each rule's
 * `meta.sources` (`hadolint:DL3025`, `buildkit:JSONArgsRecommended`), so a
 * `# hadolint ignore=DL3025` or `# check=skip=JSONArgsRecommended` already in
 * a Dockerfile also silences the pid1-lint rule that reports the same thing.
 */
import type { Rule } from '../rule.js';

export type ForeignTool = 'hadolint' | 'buildkit';

/** Lower-cased foreign code → pid1-lint rule ids, for one tool. */
export function foreignAliases(rules: readonly Rule[], tool: ForeignTool): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of rules) {
    for (const source of rule.meta.sources ?? []) {
      const match = /^([\w-]+):(\S+)$/.exec(source);
      if (!match || match[1] !== tool) continue;
      const code = (match[2] as string).toLowerCase();
      out.set(code, [...(out.get(code) ?? []), rule.id]);
    }
  }
  return out;
}

/** `DL3025` → `shell-form-pid1 (hadolint DL3025)`: a hint for a foreign code written where a pid1-lint rule id belongs. */
export function aliasHint(rules: readonly Rule[], code: string): string | null {
  for (const tool of ['hadolint', 'buildkit'] as const) {
    const ids = foreignAliases(rules, tool).get(code.toLowerCase());
    if (ids) return `${ids.join(', ')} (${tool} ${code})`;
  }
  return null;
}
