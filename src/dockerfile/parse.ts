/**
 * Dockerfile text → instructions, on top of dockerfile-ast (which splits the
 * file into instructions and knows the escape directive, heredocs and ENV
 * properties). Everything about argument *meaning* is decided here, because
 * dockerfile-ast drops whitespace inside JSON strings and treats any
 * bracketed text as JSON (peers.md §6).
 */
import { DockerfileParser, type Instruction as AstInstruction, type Property } from 'dockerfile-ast';
import { LineIndex } from '../positions.js';
import { trimEndChars } from '../text.js';

export interface EnvProperty {
  name: string;
  /** Raw value as written (quotes and variables kept); null for `ARG NAME` without a value. */
  raw: string | null;
}

export interface Heredoc {
  name: string;
  content: string;
}

export interface Instruction {
  keyword: string;
  /** Logical arguments: continuations joined and comment lines dropped, as BuildKit reads them. */
  args: string;
  /** Offsets of the whole instruction and of its arguments in the Dockerfile text. */
  start: number;
  end: number;
  argsStart: number;
  argsEnd: number;
  /** 1-based lines. */
  line: number;
  endLine: number;
  /** Leading `--name[=value]` flags (COPY, ADD, FROM, RUN). */
  flags: Map<string, string | null>;
  /** Arguments after the flags. */
  rest: string;
  /**
   * The exec-form argv when `rest` is a JSON array of strings (BuildKit's
   * parseJSON), else null: then the instruction is in shell form.
   */
  json: string[] | null;
  /** Why `rest` starts with `[` but is not exec form (shown by invalid-exec-form). */
  jsonError: string | null;
  /** ENV and ARG name/value pairs. */
  properties: EnvProperty[];
  heredocs: Heredoc[];
  /** The trigger of an `ONBUILD` instruction (runs in images built FROM this one). */
  onbuild: Instruction | null;
}

export interface Comment {
  line: number;
  text: string;
}

export interface ParsedDockerfile {
  path: string;
  text: string;
  lines: LineIndex;
  escape: string;
  directives: { name: string; value: string; line: number }[];
  instructions: Instruction[];
  comments: Comment[];
}

export function parseDockerfile(path: string, text: string): ParsedDockerfile {
  const lines = new LineIndex(text);
  const ast = DockerfileParser.parse(text);
  const escape = ast.getEscapeCharacter();
  const instructions = ast.getInstructions().map((ins) => toInstruction(ins, lines, escape));
  return {
    path,
    text,
    lines,
    escape,
    directives: ast.getDirectives().map((d) => ({
      name: d.getName(),
      value: d.getValue(),
      line: d.getRange().start.line + 1,
    })),
    instructions,
    comments: ast.getComments().map((c) => ({ line: c.getRange().start.line + 1, text: c.getContent() })),
  };
}

function toInstruction(ins: AstInstruction, lines: LineIndex, escape: string): Instruction {
  const range = ins.getRange();
  const start = lines.offsetAt(range.start.line, range.start.character);
  const end = lines.offsetAt(range.end.line, range.end.character);
  const argsRange = ins.getArgumentsRange();
  const argsStart = argsRange ? lines.offsetAt(argsRange.start.line, argsRange.start.character) : end;
  const argsEnd = argsRange ? lines.offsetAt(argsRange.end.line, argsRange.end.character) : end;
  const keyword = ins.getKeyword().toUpperCase();
  const args = logicalArguments(lines.text.slice(argsStart, argsEnd), escape);
  const heredocs = readHeredocs(ins, lines);
  // The heredoc bodies are not arguments: keep only the first line's text for flag/JSON parsing.
  const argsForForm = heredocs.length > 0 ? (args.split(/\r?\n|\r/)[0] ?? '') : args;
  // dockerfile-ast leaves `--flag=value` out of the argument range of COPY, ADD, FROM and RUN.
  const split = keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL'
    ? { flags: new Map<string, string | null>(), rest: argsForForm.trim() }
    : splitFlags(argsForForm);
  const flags = new Map([...readFlags(ins), ...split.flags]);
  const rest = split.rest;
  const form = decideForm(rest);
  const instruction: Instruction = {
    keyword,
    args,
    start,
    end,
    argsStart,
    argsEnd,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    flags,
    rest,
    json: form.json,
    jsonError: form.error,
    properties: readProperties(ins),
    heredocs,
    onbuild: null,
  };
  if (keyword === 'ONBUILD') {
    const trigger = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(args);
    if (trigger) {
      const triggerKeyword = (trigger[1] as string).toUpperCase();
      const triggerRest = (trigger[2] as string).trim();
      const triggerForm = decideForm(triggerRest);
      instruction.onbuild = {
        ...instruction,
        keyword: triggerKeyword,
        args: triggerRest,
        rest: triggerRest,
        json: triggerForm.json,
        jsonError: triggerForm.error,
        onbuild: null,
      };
    }
  }
  return instruction;
}

/**
 * Joins continuation lines (escape char, optional blanks, line break) and
 * drops the comment and empty lines BuildKit skips inside a continuation.
 */
export function logicalArguments(raw: string, escape: string): string {
  const physical = raw.split(/\r\n|\n|\r/);
  let out = '';
  let continuing = false;
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i] as string;
    if (continuing && (/^\s*$/.test(line) || /^\s*#/.test(line))) continue;
    const trimmedEnd = trimEndChars(line, ' \t');
    const last = i === physical.length - 1;
    if (!last && trimmedEnd.endsWith(escape) && !trimmedEnd.endsWith(escape + escape)) {
      line = trimmedEnd.slice(0, -escape.length);
      out += line;
      continuing = true;
    } else {
      out += line + (last ? '' : '\n');
      continuing = false;
    }
  }
  return out;
}

/** BuildKit's rule: exec form iff JSON.parse gives an array whose items are all strings. */
export function decideForm(rest: string): { json: string[] | null; error: string | null } {
  const trimmed = rest.trim();
  if (!trimmed.startsWith('[')) return { json: null, error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (err) {
    return { json: null, error: jsonErrorReason(trimmed, err) };
  }
  if (!Array.isArray(parsed)) return { json: null, error: 'not a JSON array' };
  if (!parsed.every((item): item is string => typeof item === 'string')) {
    return { json: null, error: 'every element of an exec-form array must be a string' };
  }
  return { json: parsed, error: null };
}

function jsonErrorReason(text: string, err: unknown): string {
  if (/^\[\s*'/.test(text) || /,\s*'/.test(text)) return "JSON needs double quotes, not single quotes";
  const close = findJsonArrayEnd(text);
  if (close !== -1 && text.slice(close + 1).trim() !== '') {
    return `text after the closing bracket (\`${text.slice(close + 1).trim()}\`); a \`#\` after the array is not a comment`;
  }
  if (close === -1) return 'the array has no closing bracket';
  if (/\[\s*[^\s"\]]/.test(text) || /,\s*[^\s"]/.test(text)) return 'every element must be a double-quoted string';
  return err instanceof Error ? err.message : 'invalid JSON';
}

/** Index of the `]` that closes the array starting at 0, honouring strings; -1 if none. */
function findJsonArrayEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Leading `--name=value` / `--name` flags, as BuildKit parses them. */
export function splitFlags(args: string): { flags: Map<string, string | null>; rest: string } {
  const flags = new Map<string, string | null>();
  let rest = args.trimStart();
  for (;;) {
    const m = /^--([A-Za-z][\w-]*)(?:=((?:"[^"]*"|'[^']*'|\S)*))?(?:\s+|$)/.exec(rest);
    if (!m) break;
    const raw = m[2];
    flags.set(m[1] as string, raw === undefined ? null : raw.replace(/^(["'])(.*)\1$/, '$2'));
    rest = rest.slice(m[0].length);
  }
  return { flags, rest: rest.trim() };
}

function readFlags(ins: AstInstruction): Map<string, string | null> {
  const withFlags = ins as AstInstruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  const flags = new Map<string, string | null>();
  if (typeof withFlags.getFlags !== 'function') return flags;
  for (const f of withFlags.getFlags()) flags.set(f.getName(), f.getValue());
  return flags;
}

function readProperties(ins: AstInstruction): EnvProperty[] {
  const withProps = ins as AstInstruction & { getProperties?: () => Property[] };
  if (typeof withProps.getProperties !== 'function') return [];
  return withProps.getProperties().map((p) => ({ name: p.getName(), raw: p.getUnescapedValue() }));
}

function readHeredocs(ins: AstInstruction, lines: LineIndex): Heredoc[] {
  const withHeredocs = ins as AstInstruction & {
    getHeredocs?: () => { getName(): string; getContentRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null }[];
  };
  if (typeof withHeredocs.getHeredocs !== 'function') return [];
  let heredocs: ReturnType<NonNullable<typeof withHeredocs.getHeredocs>>;
  try {
    heredocs = withHeredocs.getHeredocs();
  } catch {
    // dockerfile-ast 0.7 throws on some malformed input (`RUN \` then only a comment line): read no heredoc there.
    return [];
  }
  return heredocs.map((h) => {
    const r = h.getContentRange();
    const content = r ? lines.text.slice(lines.offsetAt(r.start.line, r.start.character), lines.offsetAt(r.end.line, r.end.character)) : '';
    return { name: h.getName(), content };
  });
}

/**
 * Splits argument text (COPY/ADD sources, FROM) into raw words on blanks,
 * keeping quotes in the words so that expansion can honour them.
 */
export function splitRawWords(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}
