/** `["node", "server.js"]`: exec form with JSON escaping, as people write it. */
export function execFormText(argv) {
    return `[${argv.map((word) => JSON.stringify(word)).join(', ')}]`;
}
/** The keyword as the file spells it (`cmd` stays lower case). */
function keywordAsWritten(model, ins) {
    return model.parsed.text.slice(ins.start, ins.start + ins.keyword.length);
}
/** Blanks before the instruction on its line. */
function indentOf(model, ins) {
    const lines = model.parsed.lines;
    const lineStart = lines.lineStart(ins.line);
    const before = model.parsed.text.slice(lineStart, ins.start);
    return /^[ \t]*$/.test(before) ? before : '';
}
/**
 * Comment lines inside the instruction's continuation lines: BuildKit drops
 * them from the arguments, and a rewrite keeps them above the instruction.
 */
export function continuationComments(model, ins) {
    const out = [];
    for (let line = ins.line + 1; line <= ins.endLine; line++) {
        const text = model.parsed.lines.lineText(line).trim();
        if (text.startsWith('#'))
            out.push(text);
    }
    return out;
}
/**
 * Replaces the whole instruction with `KEYWORD args`, putting `linesBefore`
 * (comments, ENV lines) on lines of their own above it at its indentation.
 * Continuation comments are kept there too.
 */
export function rewriteInstruction(model, ins, args, linesBefore = []) {
    const indent = indentOf(model, ins);
    const before = [...continuationComments(model, ins), ...linesBefore].map((line) => `${line}\n${indent}`).join('');
    return { range: [ins.start, ins.end], text: `${before}${keywordAsWritten(model, ins)} ${args}` };
}
/** The word `from` of an exec-form instruction replaced by `to` (an init's path, a file name's case). */
export function replaceWordEdit(model, ins, from, to) {
    const index = ins.json?.indexOf(from) ?? -1;
    if (!ins.json || index < 0)
        return null;
    return rewriteInstruction(model, ins, execFormText(ins.json.map((w, i) => (i === index ? to : w))));
}
/** Inserts whole lines just above the instruction (at the start of its line). */
export function insertLinesBefore(model, ins, lines) {
    const at = model.parsed.lines.lineStart(ins.line);
    const indent = indentOf(model, ins);
    return { range: [at, at], text: lines.map((line) => `${indent}${line}\n`).join('') };
}
/** Inserts whole lines just below the instruction (works when it is the last line, with or without a final newline). */
export function insertLinesAfter(model, ins, lines) {
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
export function envValue(value, escape) {
    if (/[\r\n]/.test(value))
        return null;
    if (value !== '' && /^[A-Za-z0-9_./:,@%+=-]+$/.test(value))
        return value;
    let out = '';
    for (const ch of value)
        out += ch === '"' || ch === '$' || ch === escape ? `${escape}${ch}` : ch;
    return `"${out}"`;
}
//# sourceMappingURL=dockerfile.js.map