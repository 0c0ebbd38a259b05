export class LineIndex {
    text;
    /** Offset of the first character of each line. */
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 10 /* \n */)
                this.starts.push(i + 1);
            else if (ch === 13 /* \r */) {
                if (text.charCodeAt(i + 1) === 10)
                    i++;
                this.starts.push(i + 1);
            }
        }
    }
    get lineCount() {
        return this.starts.length;
    }
    /** Offset of a 0-based LSP position (line, character), clamped to the text. */
    offsetAt(line0, character) {
        if (line0 >= this.starts.length)
            return this.text.length;
        const start = this.starts[Math.max(0, line0)] ?? 0;
        const next = line0 + 1 < this.starts.length ? this.starts[line0 + 1] : this.text.length;
        return Math.min(start + Math.max(0, character), next);
    }
    /** 1-based line and column of an offset. */
    positionAt(offset) {
        const clamped = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= clamped)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: clamped - this.starts[lo] + 1 };
    }
    /** Text of a 1-based line without its line break. */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line] ?? this.text.length;
        return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
    }
    /** Offset of the start of a 1-based line. */
    lineStart(line) {
        return this.starts[line - 1] ?? this.text.length;
    }
    location(file, start, end) {
        return { file, start: this.positionAt(start), end: this.positionAt(end) };
    }
}
/** A location covering a whole 1-based line range (used when only lines are known). */
export function lineLocation(file, line, endLine = line, endColumn = 1) {
    return { file, start: { line, column: 1 }, end: { line: endLine, column: endColumn } };
}
//# sourceMappingURL=positions.js.map