/**
 * Edits of Dockerfile text that every fix builder needs: an instruction
 * rewritten in place (keyword as written, comments kept on lines of their
 * own), whole lines inserted before or after an instruction, and values
 * written so that Docker reads them back unchanged.
 */
import type { Instruction } from '../dockerfile/parse.js';
import type { Pid1Model } from '../model/model.js';
import type { TextEdit } from '../types.js';

/** `["node", "server.js"]`: exec form with JSON escaping, as people write it. */
export function execFormText(argv: readonly string[]): string {
  return `[${argv.map((word) => JSON.stringify(word)).join(', ')}]`;
}

/** The keyword as the file spells it (`cmd` stays lower case). */
function keywordAsWritten(model: Pid1Model, ins: Instruction): string {
  return model.parsed.text.slice(ins.start, ins.start + ins.keyword.length);
}

/** Blanks before the instruction on its line. */
function indentOf(model: Pid1Model, ins: Instruction): string {
  const lines = model.parsed.lines;
  const lineStart = lines.lineStart(ins.line);
  const before = model.parsed.text.slice(lineStart, ins.start);
  return /^[ \t]*$/.test(before) ? before : '';
}

/**
 * Comment lines inside the instruction's continuation lines: BuildKit drops
 * them from the arguments, and a rewrite keeps them above the instruction.
 */
export function continuationComments(model: Pid1Model, ins: Instruction): string[] {
  const out: string[] = [];
  for (let line = ins.line + 1; line <= ins.endLine; line++) {
    const text = model.parsed.lines.lineText(line).trim();
    if (text.startsWith('#')) out.push(text);
  }
  return out;
}

/**
 * Replaces the whole instruction with `KEYWORD args`, putting `linesBefore`
 * (comments, ENV lines) on lines of their own above it at its indentation.
 * Continuation comments are kept there too.
 */
export function rewriteInstruction(model: Pid1Model, ins: Instruction, args: string, linesBefore: readonly string[] = []): TextEdit {
  const indent = indentOf(model, ins);
  const before = [...continuationComments(model, ins), ...linesBefore].map((line) => `${line}\n${indent}`).join('');
  return { range: [ins.start, ins.end], text: `${before}${keywordAsWritten(model, ins)} ${args}` };
}

/** The word `from` of an exec-form instruction replaced by `to` (an init's path, a file name's case). */
export function replaceWordEdit(model: Pid1Model, ins: Instruction, from: string, to: string): TextEdit | null {
  const index = ins.json?.indexOf(from) ?? -1;
  if (!ins.json || index < 0) return null;
  return rewriteInstruction(model, ins, execFormText(ins.json.map((w, i) => (i === index ? to : w))));
}

/** Inserts whole lines just above the instruction (at the start of its line). */
export function insertLinesBefore(model: Pid1Model, ins: Instruction, lines: readonly string[]): TextEdit {
  const at = model.parsed.lines.lineStart(ins.line);
  const indent = indentOf(model, ins);
  return { range: [at, at], text: lines.map((line) => `${indent}${line}\n`).join('') };
}

/** Inserts whole lines just below the instruction (works when it is the last line, with or without a final newline). */
export function insertLinesAfter(model: Pid1Model, ins: Instruction, lines: readonly string[]): TextEdit {
  const indent = indentOf(model, ins);
  return { range: [ins.end, ins.end], text: lines.map((line) => `\n${indent}${line}`).join('') };
}

/**
 * A value for `ENV NAME=value` that Docker reads back as `value`: bare when
 * it has no blank, quote, `$` or escape character; otherwise double-quoted
 * with `"`, `$` and the escape character escaped (the escape character is
 * `\` unless `# escape=` changes it). null for a value with a line break,
 * which one ENV line cannot hold.
 */
export function envValue(value: string, escape: string): string | null {
  if (/[\r\n]/.test(value)) return null;
  if (value !== '' && /^[A-Za-z0-9_./:,@%+=-]+$/.test(value)) return value;
  let out = '';
  for (const ch of value) out += ch === '"' || ch === '$' || ch === escape ? `${escape}${ch}` : ch;
  return `"${out}"`;
}
