/**
 * Inline ignore directives, as written in the files pid1-lint reports into:
 *
 * - Dockerfile: `# pid1-lint ignore=rule[,rule][;reason=…]` covers the next
 *   instruction (all its lines); `# pid1-lint global ignore=…` covers every
 *   finding of the Dockerfile's lint. `# hadolint [global] ignore=DL3025`
 *   and the BuildKit directive `# check=skip=JSONArgsRecommended` are read
 *   through the rules' `meta.sources` aliases.
 * - JavaScript/TypeScript: `// pid1-lint-disable-next-line [rule[, rule]] [-- reason]`
 *   (also in a block comment) covers the next line; no rule means every rule.
 * - Other files with `#` comments (entrypoint scripts, compose files, manifests):
 *   `# pid1-lint ignore=rule[,rule][;reason=…]` covers the next line that is
 *   not blank or a comment.
 */
import path from 'node:path';
import type { Rule } from '../rule.js';
import type { ParsedDockerfile } from '../dockerfile/parse.js';
import { foreignAliases } from './aliases.js';

export interface Directive {
  file: string;
  /** 1-based line of the comment. */
  line: number;
  /** The directive as written, without the comment marker. */
  text: string;
  /** Only pid1-lint's own directives are reported unused: hadolint's and BuildKit's also serve those tools. */
  tool: 'pid1-lint' | 'hadolint' | 'buildkit';
  /** `global`: every finding of the lint; `lines`: findings that start on a line in [fromLine, toLine]. */
  scope: 'global' | 'lines';
  fromLine: number;
  toLine: number;
  /** pid1-lint rule ids (aliases resolved), or 'all'. */
  rules: string[] | 'all';
  reason: string;
}

/** Something that looks like a pid1-lint directive but cannot be used as one. */
export interface DirectiveProblem {
  file: string;
  line: number;
  message: string;
}

export interface Directives {
  directives: Directive[];
  problems: DirectiveProblem[];
}

const OWN = /^pid1-lint\b/i;
const OWN_IGNORE = /^pid1-lint\s+(global\s+)?ignore\s*=\s*([^;]*?)\s*(?:;\s*reason\s*=\s*(.*?))?\s*$/i;
const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*([^\s;]*)/i;
const SYNTAX = '`# pid1-lint ignore=rule[,rule][;reason=text]` or `# pid1-lint global ignore=…`';

export function dockerfileDirectives(parsed: ParsedDockerfile, rules: readonly Rule[]): Directives {
  const file = parsed.path;
  const known = new Set(rules.map((r) => r.id));
  const out: Directives = { directives: [], problems: [] };
  const hadolint = foreignAliases(rules, 'hadolint');
  const nextInstruction = (line: number) => parsed.instructions.find((ins) => ins.line > line);
  const place = (global: boolean, line: number) => {
    if (global) return { scope: 'global' as const, fromLine: 1, toLine: Number.MAX_SAFE_INTEGER };
    const ins = nextInstruction(line);
    // A directive with no instruction after it covers nothing (and is reported unused).
    return { scope: 'lines' as const, fromLine: ins?.line ?? 0, toLine: ins?.endLine ?? -1 };
  };
  // dockerfile-ast reads `# pid1-lint ignore=x` on the first lines as a parser directive; BuildKit does not
  // (directive names are single words), so every comment-or-directive line is read from the text itself.
  const commentLines = [...new Set([...parsed.comments.map((c) => c.line), ...parsed.directives.map((d) => d.line)])].sort((a, b) => a - b);
  for (const line of commentLines) {
    const text = parsed.lines.lineText(line).trim().replace(/^#/, '').trim();
    if (OWN.test(text)) {
      const own = ownDirective(file, line, text, known);
      if ('message' in own) out.problems.push(own);
      else {
        out.directives.push({ ...own.directive, ...place(own.global, line) });
        out.problems.push(...own.problems);
      }
      continue;
    }
    const foreign = HADOLINT.exec(text);
    const ids = foreign ? codes(foreign[2] as string).flatMap((code) => hadolint.get(code.toLowerCase()) ?? []) : [];
    if (foreign && ids.length > 0) {
      out.directives.push({ file, line, text, tool: 'hadolint', rules: [...new Set(ids)], reason: '', ...place(Boolean(foreign[1]), line) });
    }
  }
  const buildkit = foreignAliases(rules, 'buildkit');
  for (const directive of parsed.directives) {
    if (directive.name.toLowerCase() !== 'check') continue;
    const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(directive.value);
    if (!skip) continue;
    const names = codes(skip[1] as string);
    // `skip=all` skips every BuildKit check, so every rule that stands for one.
    const ids = names.some((n) => n.toLowerCase() === 'all')
      ? [...buildkit.values()].flat()
      : names.flatMap((n) => buildkit.get(n.toLowerCase()) ?? []);
    if (ids.length > 0) {
      out.directives.push({
        file, line: directive.line, text: `${directive.name}=${directive.value}`, tool: 'buildkit', rules: [...new Set(ids)], reason: '', ...place(true, directive.line),
      });
    }
  }
  return out;
}

/** Directives in a file other than the Dockerfile: JS/TS comments, or `#` comments. */
export function sourceDirectives(file: string, text: string, rules: readonly Rule[]): Directives {
  const known = new Set(rules.map((r) => r.id));
  const out: Directives = { directives: [], problems: [] };
  const lines = text.split(/\r\n|\r|\n/);
  const js = isJavaScript(file, lines[0] ?? '');
  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (js) {
      const match = /(?:\/\/|\/\*)\s*pid1-lint-disable-next-line\b(.*?)(?:\*\/.*)?$/.exec(lineText);
      if (!match) return;
      const [list = '', ...reason] = (match[1] as string).split(/\s--\s|\s--$/);
      const names = codes(list);
      const unknown = names.filter((n) => !known.has(n));
      for (const name of unknown) out.problems.push({ file, line, message: unknownRuleMessage(name) });
      out.directives.push({
        file, line, text: `pid1-lint-disable-next-line${match[1]?.trimEnd() ?? ''}`, tool: 'pid1-lint', scope: 'lines', fromLine: line + 1, toLine: line + 1,
        rules: names.length === 0 ? 'all' : names.filter((n) => known.has(n)), reason: reason.join(' -- ').trim(),
      });
      return;
    }
    const comment = /^\s*#\s*(pid1-lint\b.*)$/i.exec(lineText);
    if (!comment) return;
    const own = ownDirective(file, line, (comment[1] as string).trim(), known);
    if ('message' in own) {
      out.problems.push(own);
      return;
    }
    out.problems.push(...own.problems);
    if (own.global) {
      out.problems.push({ file, line, message: '`global` ignore directives are read only in Dockerfiles; here, write it on the line before the finding' });
      return;
    }
    // The next line that holds something other than comments.
    let target = index + 1;
    while (target < lines.length && /^\s*(#.*)?$/.test(lines[target] ?? '')) target++;
    const covered = target < lines.length ? target + 1 : -1;
    out.directives.push({ ...own.directive, scope: 'lines', fromLine: covered, toLine: covered });
  });
  return out;
}

function ownDirective(
  file: string,
  line: number,
  text: string,
  known: ReadonlySet<string>,
): DirectiveProblem | { directive: Omit<Directive, 'scope' | 'fromLine' | 'toLine'>; global: boolean; problems: DirectiveProblem[] } {
  const match = OWN_IGNORE.exec(text);
  if (!match) return { file, line, message: `malformed pid1-lint directive; expected ${SYNTAX}` };
  const names = codes(match[2] as string);
  if (names.length === 0) return { file, line, message: `this pid1-lint directive names no rule; expected ${SYNTAX}` };
  const problems = names.filter((n) => !known.has(n)).map((n) => ({ file, line, message: unknownRuleMessage(n) }));
  return {
    directive: { file, line, text, tool: 'pid1-lint', rules: names.filter((n) => known.has(n)), reason: (match[3] ?? '').trim() },
    global: Boolean(match[1]),
    problems,
  };
}

function unknownRuleMessage(name: string): string {
  return `unknown rule "${name}" in a pid1-lint ignore directive; rule ids are the names of the pages in https://github.com/pid1-lint/pid1-lint/tree/main/rules`;
}

/** `a, b c` → ['a', 'b', 'c']. */
function codes(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

const JS_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx']);

/** By extension, or an extension-less file with a node shebang (`bin/server`). */
export function isJavaScript(file: string, firstLine: string): boolean {
  if (JS_EXTENSIONS.has(path.extname(file).toLowerCase())) return true;
  return path.extname(file) === '' && /^#!.*\b(node|tsx|ts-node|bun|deno)\b/.test(firstLine);
}
