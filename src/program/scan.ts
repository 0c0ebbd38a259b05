/**
 * The import and export declarations of a module, found by a scanner
 * (comments, strings, templates, regular expressions, brackets) instead of
 * TypeScript's parser: the graph walk's read of a module whose text gives the
 * analysis nothing to look into (module-summary.ts `relevanceTest`).
 *
 * TypeScript's parse of a typical module costs ~0.7 ms on this project's
 * 2-core machine (BENCHMARKS.md, "TypeScript's parser alone"): on a large
 * monorepo that parse alone is more than the whole budget, and for a module
 * the analysis never looks into it only yields the import declarations. The
 * scanner finds the same declarations (test/program/scan.test.ts holds it to
 * `declaredEdges` on every source of this repository and of its
 * dependencies) at a small fraction of the cost.
 *
 * What is given up: a grammar error in such a module (`const x = ;`) is not
 * reported, as it would have been by TypeScript's parse; the scanner still
 * follows the module's imports. A module the scanner cannot be sure of gives
 * null and is parsed as before, so its syntax errors are reported: anything
 * unterminated or unbalanced, a bracket nesting deeper than the parser is
 * given (parse.ts `tooDeep`), JSX, text outside literals that is not ASCII or
 * holds a backslash, an `import` or `export` declaration of a form it does
 * not know, and `namespace` or `declare module` blocks (their bodies may hold
 * declarations of their own).
 *
 * Where `/` starts a regular expression depends on the grammar; the scanner
 * decides from the token before it, as JavaScript lexers without a parser
 * do. Where that guess is wrong (`if (x) /re/.test(y)`, a regular expression
 * after a block's `}`), the pattern is read as code: a lone quote or bracket
 * in it leaves the text unbalanced further on and the scan gives null;
 * otherwise the misreading changes nothing, unless the pattern itself reads
 * as a top-level import declaration (`/import 'x'/`).
 */
import type { SummaryEdge } from './module-summary.js';

/** Same bound as parse.ts's MAX_BRACKET_DEPTH: deeper sources are left to the parser, which reports them. */
const MAX_DEPTH = 500;

/** On the bracket stack: a template's `${`, closed by a `}` that resumes the template. */
const SUBSTITUTION = 0x60;

/** The opening bracket a `)`, `]` or `}` closes. */
function openerOf(close: number): number {
  return close === 0x29 ? 0x28 : close === 0x5d ? 0x5b : 0x7b;
}

/** ASCII letters, digits, `_`, `$` and `#` (private names): the characters of a word, read the same way for numbers. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /[\w$#]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Keywords after which `/` starts a regular expression (an operand follows them), by length. */
const OPERAND_KEYWORDS: (string[] | undefined)[] = [];
for (const k of ['in', 'of', 'do', 'new', 'void', 'case', 'else', 'throw', 'yield', 'await', 'return', 'typeof', 'delete', 'instanceof']) (OPERAND_KEYWORDS[k.length] ??= []).push(k);

function isOperandKeyword(text: string, start: number, end: number): boolean {
  const candidates = OPERAND_KEYWORDS[end - start];
  if (candidates === undefined) return false;
  for (const keyword of candidates) if (text.startsWith(keyword, start)) return true;
  return false;
}

const DECLARATION_WORDS = ['import', 'export', 'namespace', 'module', 'global'] as const;

/** The word from `start` to `end` when it may begin a declaration the scanner looks at (compared in place: most words are not). */
function declarationWord(text: string, start: number, end: number): (typeof DECLARATION_WORDS)[number] | null {
  const length = end - start;
  if (length !== 6 && length !== 9) return null;
  const first = text.charCodeAt(start);
  if (first !== 0x69 && first !== 0x65 && first !== 0x6e && first !== 0x6d && first !== 0x67) return null; // i e n m g
  for (const word of DECLARATION_WORDS) if (word.length === length && text.startsWith(word, start)) return word;
  return null;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/*
 * Pure readers of one lexical element: each takes the index where the element
 * starts and returns the index after it, or -1 when it is unterminated or
 * holds what the scanner leaves to the parser.
 */

/** After a word or number starting at `i` (a number's `.5`, `e-5` included); -1 when a backslash or a letter outside ASCII follows. */
function wordEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  const isNumber = (first >= 0x30 && first <= 0x39) || first === 0x2e;
  let end = i + 1;
  for (;;) {
    const c = text.charCodeAt(end);
    if (c < 128 && WORD[c] === 1) end++;
    else if (isNumber && (c === 0x2e || ((c === 0x2b || c === 0x2d) && (text.charCodeAt(end - 1) | 0x20) === 0x65 && !/^0[xX]/.test(text.slice(i, end))))) end++;
    else return c === 0x5c || c > 0x7f ? -1 : end;
  }
}

/** After a string whose quote is at `i`; -1 when a line ends inside it. */
function stringEnd(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  for (let end = i + 1; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === quote) return end + 1;
    if (c === 0x5c) {
      end++;
      if (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a) end++;
    } else if (c === 0x0a || c === 0x0d) return -1;
  }
  return -1;
}

/**
 * After the template part starting at `i`: from a '`', or from the `}` that
 * closes a `${…}` (taken off the stack), to the closing '`' or to the next
 * `${` (put on the stack; `opensSubstitution` tells which).
 */
function templatePartEnd(text: string, i: number, stack: number[]): number {
  if (text.charCodeAt(i) === 0x7d) stack.pop();
  for (let end = i + 1; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x60) return end + 1;
    if (c === 0x24 && text.charCodeAt(end + 1) === 0x7b) {
      stack.push(SUBSTITUTION);
      return end + 2;
    }
    if (c === 0x5c) end++;
  }
  return -1;
}

/** Whether the template part that ends at `end` ends with `${` (an expression follows), not with '`'. */
function opensSubstitution(text: string, end: number): boolean {
  return end > 0 && text.charCodeAt(end - 1) === 0x7b;
}

/** Whether `c` at the top of `stack` starts a template part: a '`', or the `}` closing a `${…}`. */
function startsTemplatePart(c: number, stack: number[]): boolean {
  return c === 0x60 || (c === 0x7d && stack[stack.length - 1] === SUBSTITUTION);
}

/** After a regular expression whose `/` is at `i`, flags included; -1 when a line ends inside it. */
function regexEnd(text: string, i: number): number {
  let inClass = false;
  for (let end = i + 1; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (isLineBreak(c)) return -1;
    if (c === 0x5c) {
      if (isLineBreak(text.charCodeAt(end + 1))) return -1;
      end++;
    } else if (c === 0x5b) inClass = true;
    else if (c === 0x5d) inClass = false;
    else if (c === 0x2f && !inClass) {
      end++;
      while (end < text.length && text.charCodeAt(end) < 128 && WORD[text.charCodeAt(end)] === 1) end++;
      return end;
    }
  }
  return -1;
}

/** After the comment whose `/` is at `i` (the next character is `/` or `*`). */
function commentEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) === 0x2a) {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? -1 : end + 2;
  }
  let end = i + 2;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

/** Lines as TypeScript counts them (CR LF, CR, LF, U+2028, U+2029 each end one), asked in increasing order. */
class LineCounter {
  private at = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(pos: number): number {
    const { text } = this;
    let { line } = this;
    for (let at = this.at; at < pos; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) line++;
    }
    this.at = Math.max(this.at, pos);
    this.line = line;
    return line;
  }
}

const enum Tok {
  End,
  Unsure,
  Word,
  String,
  /** A number, a regular expression, or a template's last part: an operand ends there. */
  Value,
  /** A template's part before a `${`. */
  TemplateOpen,
  Punct,
}

/**
 * Token by token, for the few places that read a declaration (the main loop
 * of `scanDeclaredEdges` skips everything else without making tokens).
 * Shares the bracket stack with that loop.
 */
class Scanner {
  kind = Tok.End;
  /** Where the current token starts, and where its text (a word, a string's value, a punctuator) starts and ends. */
  private tokenStart = 0;
  private start = 0;
  private end = 0;
  private pushedBack = false;
  /** Whether a `/` before the current token would have started a regular expression, and the bracket stack before it. */
  private operandBefore = false;
  private stackBefore: number[] = [];

  constructor(
    private readonly text: string,
    public pos: number,
    readonly stack: number[],
  ) {}

  /** The current token's text; a string's value is ESCAPED when it holds a backslash. */
  get value(): string {
    const value = this.text.slice(this.start, this.end);
    return this.kind === Tok.String && value.includes('\\') ? ESCAPED : value;
  }

  isWord(word: string): boolean {
    return this.kind === Tok.Word && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  isPunct(char: string): boolean {
    return this.kind === Tok.Punct && this.text.charCodeAt(this.start) === char.charCodeAt(0);
  }

  /** Whether a `/` after the current token would start a regular expression. */
  operandExpected(): boolean {
    if (this.kind === Tok.Word) return isOperandKeyword(this.text, this.start, this.end);
    if (this.kind === Tok.Punct) return !(this.isPunct(')') || this.isPunct(']') || this.isPunct('}'));
    return this.kind === Tok.TemplateOpen;
  }

  /** Makes the next `next()` return the current token again. */
  pushBack(): void {
    this.pushedBack = true;
  }

  /** Where to go on without tokens: after the last token read, or at a pushed-back one (and whether an operand is expected there). */
  resume(): { at: number; operandExpected: boolean } {
    if (this.pushedBack) {
      // The token will be read again: its bracket, if it is one, is not on the stack yet.
      this.stack.splice(0, this.stack.length, ...this.stackBefore);
      return { at: this.tokenStart, operandExpected: this.operandBefore };
    }
    return { at: this.pos, operandExpected: this.kind !== Tok.End && this.operandExpected() };
  }

  next(): Tok {
    if (this.pushedBack) {
      this.pushedBack = false;
      return this.kind;
    }
    // The first token follows the keyword the caller read (`import`, `export`, `namespace`…): no operand.
    this.operandBefore = this.kind !== Tok.End && this.operandExpected();
    this.stackBefore = this.stack.slice();
    this.kind = this.read(this.operandBefore);
    return this.kind;
  }

  private read(operandExpected: boolean): Tok {
    const { text, stack } = this;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c) i++;
      else if (c === 0x2f && (text.charCodeAt(i + 1) === 0x2f || text.charCodeAt(i + 1) === 0x2a)) {
        i = commentEnd(text, i);
        if (i < 0) return Tok.Unsure;
      } else break;
    }
    this.start = i;
    this.tokenStart = i;
    if (i >= text.length) return Tok.End;
    const c = text.charCodeAt(i);
    let end: number;
    let kind = Tok.Punct;
    if ((c < 128 && WORD[c] === 1) || (c === 0x2e && text.charCodeAt(i + 1) >= 0x30 && text.charCodeAt(i + 1) <= 0x39)) {
      end = wordEnd(text, i);
      kind = c >= 0x2e && c <= 0x39 ? Tok.Value : Tok.Word;
    } else if (c === 0x27 || c === 0x22) {
      end = stringEnd(text, i);
      kind = Tok.String;
      this.start = i + 1;
      this.end = end - 1;
    } else if (startsTemplatePart(c, stack)) {
      end = templatePartEnd(text, i, stack);
      kind = opensSubstitution(text, end) ? Tok.TemplateOpen : Tok.Value;
    } else if (c === 0x2f && operandExpected) {
      end = regexEnd(text, i);
      kind = Tok.Value;
    } else if (c === 0x28 || c === 0x5b || c === 0x7b) {
      stack.push(c);
      end = stack.length > MAX_DEPTH ? -1 : i + 1;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      end = stack.pop() === openerOf(c) ? i + 1 : -1;
    } else {
      // Other ASCII punctuation; control characters, a backslash or a character outside ASCII are left to the parser.
      end = c > 0x7e || c < 0x20 || c === 0x5c ? -1 : i + 1;
    }
    if (end < 0) return Tok.Unsure;
    if (kind !== Tok.String) this.end = end;
    this.pos = end;
    return kind;
  }
}

/** The value of a string token holding escapes (never the value of a string without one). */
const ESCAPED = '\\';

/**
 * The edges of a module's import and export declarations, as `declaredEdges`
 * would find them on TypeScript's tree; null when the scanner cannot be sure
 * (see the file comment) or the file is JSX. The caller has already checked
 * the text for `require` and `import(` (module-summary.ts `needsFullParse`).
 */
export function scanDeclaredEdges(file: string, text: string): SummaryEdge[] | null {
  const ext = file.slice(file.lastIndexOf('.'));
  if (ext === '.tsx' || ext === '.jsx') return null;
  // JavaScript files may hold JSX, whose text is not JavaScript tokens.
  if ((ext === '.js' || ext === '.mjs' || ext === '.cjs') && (text.includes('</') || text.includes('/>'))) return null;
  const edges: SummaryEdge[] = [];
  const lines = new LineCounter(text);
  const stack: number[] = [];
  const n = text.length;
  let i = 0;
  if (text.startsWith('#!')) while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
  else if (text.charCodeAt(0) === 0xfeff) i = 1;
  // Whether `/` now starts a regular expression, decided by the last token; after a word that is
  // worked out only when a `/` comes (from the word's keywords), as most words are not followed by one.
  let operandExpected = true;
  let lastWordStart = -1;
  let lastWordEnd = -1;
  // Whether the last token was a `.`: a word then is a property name.
  let afterDot = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c) {
      i++;
      continue;
    }
    if ((c < 128 && WORD[c] === 1) || (c === 0x2e && text.charCodeAt(i + 1) >= 0x30 && text.charCodeAt(i + 1) <= 0x39)) {
      const start = i;
      i = wordEnd(text, start);
      if (i < 0) return null;
      const isProperty = afterDot;
      afterDot = false;
      lastWordStart = start;
      lastWordEnd = i;
      const word = isProperty ? null : declarationWord(text, start, i);
      if (word === null) continue;
      if (word === 'import' || word === 'export') {
        if (stack.length > 0) {
          // Below the top level only `import(…)`, `import.meta` and property names are expected.
          const s = new Scanner(text, i, stack.slice());
          const next = s.next();
          if (next === Tok.Word || next === Tok.String || s.isPunct('{') || s.isPunct('*')) return null;
          continue;
        }
        const s = new Scanner(text, i, stack);
        const add: AddEdge = (typeOnly, spec) => {
          if (spec === null) return false;
          if (!typeOnly) edges.push({ spec, kind: 'import', line: lines.lineAt(start) });
          return true;
        };
        if (!(word === 'import' ? readImport(s, add) : readExport(s, add))) return null;
        ({ at: i, operandExpected } = s.resume());
        lastWordStart = -1;
      } else if (word === 'namespace' || word === 'module' || (word === 'global' && stack.length === 0)) {
        // `namespace X {`, `module X {`, `declare module 'x' {`, `declare global {`: a block that may hold declarations of its own.
        const s = new Scanner(text, i, stack.slice());
        const next = s.next();
        if (word === 'global' ? s.isPunct('{') : next === Tok.Word || next === Tok.String) return null;
      }
      continue;
    }
    afterDot = false;
    if (c === 0x2f && (text.charCodeAt(i + 1) === 0x2f || text.charCodeAt(i + 1) === 0x2a)) {
      // A comment: the last token stays what it was.
      i = commentEnd(text, i);
      if (i < 0) return null;
      continue;
    }
    const regexHere = c === 0x2f && (lastWordStart >= 0 ? isOperandKeyword(text, lastWordStart, lastWordEnd) : operandExpected);
    lastWordStart = -1;
    let end: number;
    if (startsTemplatePart(c, stack)) {
      end = templatePartEnd(text, i, stack);
      operandExpected = opensSubstitution(text, end);
    } else switch (c) {
      case 0x27: // '
      case 0x22: // "
        end = stringEnd(text, i);
        operandExpected = false;
        break;
      case 0x2f: // /
        end = regexHere ? regexEnd(text, i) : i + 1;
        operandExpected = !regexHere;
        break;
      case 0x28: // (
      case 0x5b: // [
      case 0x7b: // {
        stack.push(c);
        end = stack.length > MAX_DEPTH ? -1 : i + 1;
        operandExpected = true;
        break;
      case 0x29: // )
      case 0x5d: // ]
      case 0x7d: // }
        end = stack.pop() === openerOf(c) ? i + 1 : -1;
        operandExpected = false;
        break;
      case 0x2e: // .
        end = i + 1;
        afterDot = true;
        operandExpected = true;
        break;
      default:
        // Other ASCII punctuation; control characters, a backslash or a character outside ASCII are left to the parser.
        end = c > 0x7e || c < 0x20 || c === 0x5c ? -1 : i + 1;
        operandExpected = true;
    }
    if (end < 0) return null;
    i = end;
  }
  return stack.length === 0 ? edges : null;
}

/** Records a declaration's edge unless it is type-only; false (not sure) when no specifier was read. */
type AddEdge = (typeOnly: boolean, spec: string | null) => boolean;

/** Reads `from 'specifier'`: the specifier, or null. */
function fromClause(s: Scanner): string | null {
  s.next();
  return s.isWord('from') ? specifier(s) : null;
}

/** Reads a string: its value, or null (also for one with escapes, left to the parser). */
function specifier(s: Scanner): string | null {
  return s.next() === Tok.String && s.value !== ESCAPED ? s.value : null;
}

/** Reads `a, type b, c as d }` (after the `{`): the words of each specifier, or null. */
function specifierList(s: Scanner): string[][] | null {
  const list: string[][] = [];
  let current: string[] = [];
  for (;;) {
    const kind = s.next();
    if (kind === Tok.Word || kind === Tok.String) current.push(kind === Tok.String ? `"${s.value}"` : s.value);
    else if (s.isPunct(',') || s.isPunct('}')) {
      if (current.length > 0) list.push(current);
      current = [];
      if (s.isPunct('}')) return list;
    } else return null;
  }
}

/**
 * Whether an import specifier's words make it type-only, as TypeScript reads
 * them (`type` is a modifier unless it is the imported name); null when the
 * words are no specifier.
 */
function typeOnlySpecifier(words: string[]): boolean | null {
  const [first, second, third] = words;
  if (first !== 'type') return words.length === 1 || (words.length === 3 && second === 'as') ? false : null;
  if (words.length === 1) return false; // `{ type }`: the name `type`
  if (words.length === 2) return true; // `{ type X }`, `{ type as }`
  if (words.length === 3 && second === 'as') return false; // `{ type as X }`: `type` renamed
  if (words.length === 4 && third === 'as') return true; // `{ type X as Y }`
  return null;
}

/**
 * After `import` at the top level: an edge unless the declaration imports
 * only types (`import type …`, or named imports that are all `type`); false
 * when the declaration is not one the scanner knows.
 */
function readImport(s: Scanner, add: AddEdge): boolean {
  s.next();
  // `import.meta`: an expression. (`import(…)` made the caller parse the module.)
  if (s.isPunct('.')) {
    s.pushBack();
    return true;
  }
  if (s.kind === Tok.String) {
    s.pushBack();
    return add(false, specifier(s));
  }
  let typeOnly = false;
  if (s.isWord('type')) {
    s.next();
    if (s.isWord('from')) {
      // `import type from 'x'` (a default import named `type`) or `import type from from 'x'`.
      if (s.next() === Tok.String) {
        s.pushBack();
        return add(false, specifier(s));
      }
      return s.isWord('from') && add(true, specifier(s));
    }
    if (s.isPunct('=')) return true; // `import type = A.B`
    if (s.isPunct(',')) return readImportRest(s, add, false, true); // `import type, { a } from`
    typeOnly = true;
  }
  if (s.kind === Tok.Word) {
    // A default binding (`import x from`, `import x, … from`, `import x = A.B` with no module),
    // or a phase modifier (`import defer * as ns from`, `import source x from`).
    const binding = s.value;
    s.next();
    if (binding === 'defer' || binding === 'source') {
      if (s.isPunct('*')) {
        s.pushBack();
        return readImportRest(s, add, typeOnly, false);
      }
      if (s.kind === Tok.Word && !s.isWord('from')) s.next();
    }
    if (s.isWord('from')) return add(typeOnly, specifier(s));
    if (s.isPunct('=')) return true;
    return s.isPunct(',') && readImportRest(s, add, typeOnly, true);
  }
  s.pushBack();
  return readImportRest(s, add, typeOnly, false);
}

/** Reads the `* as ns` or `{ … }` part of an import clause and its `from`. */
function readImportRest(s: Scanner, add: AddEdge, typeOnly: boolean, hasDefault: boolean): boolean {
  s.next();
  if (s.isPunct('*')) {
    s.next();
    if (!s.isWord('as') || s.next() !== Tok.Word) return false;
    return add(typeOnly, fromClause(s));
  }
  if (!s.isPunct('{')) return false;
  const list = specifierList(s);
  if (list === null) return false;
  let allTypes = !hasDefault && list.length > 0;
  for (const words of list) {
    const only = typeOnlySpecifier(words);
    if (only === null) return false;
    if (!only) allTypes = false;
  }
  return add(typeOnly || allTypes, fromClause(s));
}

/**
 * After `export` at the top level: an edge for `export * from`, `export * as
 * ns from` and `export { … } from` (`export type` ones are elided); any other
 * export is a declaration or a local list, scanned on as ordinary tokens.
 */
function readExport(s: Scanner, add: AddEdge): boolean {
  s.next();
  let typeOnly = false;
  if (s.isWord('type')) {
    s.next();
    // `export type X = …`: a type alias, scanned on.
    if (!s.isPunct('{') && !s.isPunct('*')) {
      s.pushBack();
      return true;
    }
    typeOnly = true;
  }
  if (s.isPunct('*')) {
    s.next();
    if (s.isWord('as')) {
      const name = s.next();
      if (name !== Tok.Word && name !== Tok.String) return false;
      s.next();
    }
    return s.isWord('from') && add(typeOnly, specifier(s));
  }
  if (s.isPunct('{')) {
    if (specifierList(s) === null) return false;
    s.next();
    if (s.isWord('from')) return add(typeOnly, specifier(s));
    s.pushBack();
    return true;
  }
  s.pushBack();
  return true;
}
