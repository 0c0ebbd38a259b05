/**
 * Source locations for reports: Dockerfile instructions (from offsets) and
 * lines of other files in the build context (package.json, scripts,
 * sources), each read once through the shared ContextFiles cache.
 */
import { LineIndex } from '../positions.js';
export class Locator {
    model;
    indexes = new Map();
    constructor(model) {
        this.model = model;
        this.indexes.set(model.dockerfilePath, model.parsed.lines);
    }
    /** The whole instruction, from its keyword to the end of its arguments. */
    instruction(ins) {
        return this.model.parsed.lines.location(this.model.dockerfilePath, ins.start, ins.end);
    }
    /** The instruction's arguments only. */
    arguments(ins) {
        return this.model.parsed.lines.location(this.model.dockerfilePath, ins.argsStart, ins.argsEnd);
    }
    /** The first line of the Dockerfile (for findings with no better place). */
    top() {
        const first = this.model.parsed.instructions[0];
        return first ? this.instruction(first) : { file: this.model.dockerfilePath, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    }
    /** A whole line of a file (trimmed of leading blanks); falls back to column 1. */
    line(file, line) {
        const index = this.index(file);
        if (!index)
            return { file, start: { line, column: 1 }, end: { line, column: 1 } };
        const text = index.lineText(line);
        const indent = text.length - text.trimStart().length;
        return { file, start: { line, column: indent + 1 }, end: { line, column: text.trimEnd().length + 1 } };
    }
    /** A range given by offsets into a file. */
    span(file, start, end) {
        const index = this.index(file);
        if (!index)
            return { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
        return index.location(file, start, end);
    }
    index(file) {
        if (this.indexes.has(file))
            return this.indexes.get(file) ?? null;
        const read = this.model.files.read(file);
        const index = read.ok ? new LineIndex(read.text) : null;
        this.indexes.set(file, index);
        return index;
    }
}
//# sourceMappingURL=locate.js.map