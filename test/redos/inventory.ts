/**
 * Every regular expression pid1-lint applies to repository input, found by
 * parsing the sources (so the inventory cannot go stale): regex literals and
 * `new RegExp(…)`/`RegExp(…)` calls in src/ and rules/, plus the patterns
 * the data files carry (base-image name and tag patterns, JSON Schema
 * `pattern`s). A RegExp built from an expression is a *dynamic* site: the
 * checker must know how to instantiate it (DYNAMIC_SITES in check.ts), and a
 * test fails when a new one appears without that.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { packageRoot } from '../../src/package-info.js';
import { childNodes } from '../../src/program/ast.js';

export interface PatternSite {
  /** Repository-relative path and 1-based line, for the report. */
  file: string;
  line: number;
  kind: 'literal' | 'static-constructor' | 'dynamic' | 'data';
  /** The pattern source (for dynamic sites: the constructor's argument text). */
  source: string;
  flags: string;
}

const CODE_ROOTS = ['src', 'rules'];

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/** Regex literals and RegExp constructions in one source text. */
export function sitesInSource(file: string, text: string): PatternSite[] {
  const ast = parse(text, { loc: true, range: true, filePath: file });
  const sites: PatternSite[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === 'Literal' && 'regex' in node && node.regex) {
      sites.push({ file, line: node.loc.start.line, kind: 'literal', source: node.regex.pattern, flags: node.regex.flags });
    } else if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee.type === 'Identifier' && node.callee.name === 'RegExp') {
      const [pattern, flags] = node.arguments;
      const literalFlags = flags?.type === 'Literal' && typeof flags.value === 'string' ? flags.value : flags ? null : '';
      if (pattern?.type === 'Literal' && typeof pattern.value === 'string' && literalFlags !== null) {
        sites.push({ file, line: node.loc.start.line, kind: 'static-constructor', source: pattern.value, flags: literalFlags });
      } else {
        sites.push({ file, line: node.loc.start.line, kind: 'dynamic', source: text.slice(...(pattern?.range ?? node.range)), flags: '' });
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(ast);
  return sites;
}

/** Patterns in the data files: `match.imagePattern` / `match.tags` (anchored as compilePattern does) and schema `pattern`s (Ajv: flag u). */
export function sitesInData(file: string, json: unknown): PatternSite[] {
  const text = fs.readFileSync(path.join(packageRoot(), file), 'utf8');
  const lineOf = (needle: string): number => {
    const at = text.indexOf(JSON.stringify(needle));
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
  };
  const sites: PatternSite[] = [];
  const add = (source: string, flags: string, anchored: boolean): void => {
    sites.push({ file, line: lineOf(source), kind: 'data', source: anchored ? `^(?:${source})$` : source, flags });
  };
  const walk = (value: unknown, key: string | null): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, null);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      if (key === 'match' && k === 'imagePattern' && typeof v === 'string') add(v, '', true);
      else if (key === 'match' && k === 'tags' && Array.isArray(v)) {
        for (const t of v) if (typeof t === 'string') add(t, '', true);
      } else if (k === 'pattern' && typeof v === 'string') add(v, 'u', false);
      else walk(v, k);
    }
  };
  walk(json, null);
  return sites;
}

export function inventory(): PatternSite[] {
  const root = packageRoot();
  const sites: PatternSite[] = [];
  for (const dir of CODE_ROOTS) {
    for (const file of tsFiles(path.join(root, dir))) {
      sites.push(...sitesInSource(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')));
    }
  }
  for (const name of fs.readdirSync(path.join(root, 'data')).filter((n) => n.endsWith('.json')).sort()) {
    const rel = `data/${name}`;
    sites.push(...sitesInData(rel, JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as unknown));
  }
  return sites;
}
