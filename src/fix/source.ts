/**
 * What the program-source fix builders need from a JS/TS file: a
 * synchronous parse (rules report synchronously; when a program finding
 * exists the program reader has already loaded the parser, so this costs
 * one parse), a walk over the tree, and the file's own style (quotes,
 * semicolons, indentation) so inserted code looks like the code around it.
 * Inserted code uses `\n`; the engine writes the file's own line breaks.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { LineIndex } from '../positions.js';
import { parserNow, parseWith, type Parser } from '../program/parse.js';

export type Node = TSESTree.Node;

export interface SourceKind {
  language: 'ts' | 'js';
  module: 'esm' | 'cjs';
}

/** From the file name and the nearest package.json `type` (Node's rules). */
export function sourceKind(file: string, packageType: 'module' | 'commonjs' | null = null): SourceKind {
  const ext = /\.[^./]*$/.exec(file)?.[0].toLowerCase() ?? '';
  const language = /^\.[cm]?tsx?$/.test(ext) ? 'ts' : 'js';
  const module = ext === '.mjs' || ext === '.mts' ? 'esm' : ext === '.cjs' || ext === '.cts' ? 'cjs' : packageType === 'module' ? 'esm' : 'cjs';
  return { language, module };
}

/** The program's top-level statements with offsets; null when it does not parse. */
export function parseProgram(text: string, language: SourceKind['language']): TSESTree.Program | null {
  let parser: Parser;
  try {
    // The program reader's: loaded already when a finding on a program asks for a fix.
    parser = parserNow();
  } catch {
    return null;
  }
  const result = parseWith(parser, language === 'ts' ? 'entry.ts' : 'entry.js', text);
  return result.ok ? result.ast : null;
}

/** Visits every node, depth first, parents before children. */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'range' || key === 'loc') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') walk(child as Node, visit);
    }
  }
}

export interface SourceStyle {
  quote: "'" | '"';
  semicolon: ';' | '';
  /** One level of indentation: two spaces unless the file indents otherwise. */
  indent: string;
}

export function styleOf(text: string, program: TSESTree.Program): SourceStyle {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const statements = program.body.filter((s) => s.type === 'ExpressionStatement' || s.type === 'VariableDeclaration');
  const withSemicolon = statements.filter((s) => text[s.range[1] - 1] === ';').length;
  const indents = [...text.matchAll(/^([ \t]+)\S/gm)].map((m) => m[1] as string);
  const tab = indents.some((i) => i.startsWith('\t'));
  const spaces = indents.filter((i) => !i.includes('\t')).map((i) => i.length);
  const unit = tab ? '\t' : ' '.repeat(spaces.length ? Math.min(...spaces) : 2);
  return {
    quote: doubles > singles ? '"' : "'",
    semicolon: statements.length > 0 && withSemicolon * 2 < statements.length ? '' : ';',
    indent: unit,
  };
}

/** Where inserted code goes and how it is indented, from offsets into the text. */
export class SourceLines {
  private readonly index: LineIndex;

  constructor(text: string) {
    this.index = new LineIndex(text);
  }

  /** The offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    return this.index.lineStart(line) + column - 1;
  }

  /** The end of the line `offset` is on (before its line break). */
  lineEndAt(offset: number): number {
    const { line } = this.index.positionAt(offset);
    return this.index.lineStart(line) + this.index.lineText(line).length;
  }

  /** Leading blanks of the line `offset` is on. */
  indentAt(offset: number): string {
    return /^[ \t]*/.exec(this.index.lineText(this.index.positionAt(offset).line))?.[0] ?? '';
  }

  /** The range spans more than one line. */
  isMultiline(start: number, end: number): boolean {
    return this.index.positionAt(start).line !== this.index.positionAt(end).line;
  }
}
