import { LineIndex } from '../positions.js';
import { parserNow, parseWith } from '../program/parse.js';
/** From the file name and the nearest package.json `type` (Node's rules). */
export function sourceKind(file, packageType = null) {
    const ext = /\.[^./]*$/.exec(file)?.[0].toLowerCase() ?? '';
    const language = /^\.[cm]?tsx?$/.test(ext) ? 'ts' : 'js';
    const module = ext === '.mjs' || ext === '.mts' ? 'esm' : ext === '.cjs' || ext === '.cts' ? 'cjs' : packageType === 'module' ? 'esm' : 'cjs';
    return { language, module };
}
/** The program's top-level statements with offsets; null when it does not parse. */
export function parseProgram(text, language) {
    let parser;
    try {
        // The program reader's: loaded already when a finding on a program asks for a fix.
        parser = parserNow();
    }
    catch {
        return null;
    }
    const result = parseWith(parser, language === 'ts' ? 'entry.ts' : 'entry.js', text);
    return result.ok ? result.ast : null;
}
/** Visits every node, depth first, parents before children. */
export function walk(node, visit) {
    visit(node);
    for (const [key, value] of Object.entries(node)) {
        if (key === 'parent' || key === 'range' || key === 'loc')
            continue;
        const children = Array.isArray(value) ? value : [value];
        for (const child of children) {
            if (child && typeof child === 'object' && typeof child.type === 'string')
                walk(child, visit);
        }
    }
}
export function styleOf(text, program) {
    const singles = (text.match(/'/g) ?? []).length;
    const doubles = (text.match(/"/g) ?? []).length;
    const statements = program.body.filter((s) => s.type === 'ExpressionStatement' || s.type === 'VariableDeclaration');
    const withSemicolon = statements.filter((s) => text[s.range[1] - 1] === ';').length;
    const indents = [...text.matchAll(/^([ \t]+)\S/gm)].map((m) => m[1]);
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
    index;
    constructor(text) {
        this.index = new LineIndex(text);
    }
    /** The offset of a 1-based line and column. */
    offsetOf(line, column) {
        return this.index.lineStart(line) + column - 1;
    }
    /** The end of the line `offset` is on (before its line break). */
    lineEndAt(offset) {
        const { line } = this.index.positionAt(offset);
        return this.index.lineStart(line) + this.index.lineText(line).length;
    }
    /** Leading blanks of the line `offset` is on. */
    indentAt(offset) {
        return /^[ \t]*/.exec(this.index.lineText(this.index.positionAt(offset).line))?.[0] ?? '';
    }
    /** The range spans more than one line. */
    isMultiline(start, end) {
        return this.index.positionAt(start).line !== this.index.positionAt(end).line;
    }
}
//# sourceMappingURL=source.js.map