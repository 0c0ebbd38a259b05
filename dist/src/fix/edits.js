const BOM = '\uFEFF';
/** The line break a file uses: CRLF when most of its breaks are CRLF, else LF. */
export function lineBreakOf(text) {
    let crlf = 0;
    let lf = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (text.charCodeAt(i - 1) === 13)
            crlf++;
        else
            lf++;
    }
    return crlf > lf ? '\r\n' : '\n';
}
/** Builders write `\n`; a CRLF file gets `\r\n`. */
export function withLineBreaks(text, lineBreak) {
    return lineBreak === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}
/**
 * Applies non-overlapping edits in one pass. Two edits overlap when one
 * starts before the previous one ends, or both insert at the same place
 * (their order would be a guess), as ESLint's applyFixes treats them.
 */
export function applyEdits(text, edits) {
    const lineBreak = lineBreakOf(text);
    const hasBom = text.startsWith(BOM);
    const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    const applied = [];
    const skipped = [];
    let output = '';
    let lastEnd = Number.NEGATIVE_INFINITY;
    let copiedUpTo = 0;
    for (const edit of sorted) {
        // The BOM is not part of what rules see as text: an edit at 0 goes after it.
        const start = hasBom ? Math.max(1, edit.range[0]) : edit.range[0];
        const end = hasBom ? Math.max(1, edit.range[1]) : edit.range[1];
        if (start < 0 || end > text.length || start > end || lastEnd >= start) {
            skipped.push(edit);
            continue;
        }
        output += text.slice(copiedUpTo, start) + withLineBreaks(edit.text, lineBreak);
        copiedUpTo = end;
        lastEnd = end;
        applied.push(edit);
    }
    output += text.slice(copiedUpTo);
    return { output, applied, skipped };
}
/**
 * Several edits of one file as one fix spanning from the first start to the
 * last end, with the text between them unchanged (ESLint's mergeFixes): a
 * report carries one fix. Overlapping edits are a programming error.
 */
export function mergeEdits(text, edits, file) {
    if (edits.length === 0)
        throw new Error('mergeEdits: no edits');
    const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    const first = sorted[0];
    let merged = '';
    let position = first.range[0];
    for (const edit of sorted) {
        if (edit.range[0] < position)
            throw new Error('mergeEdits: edits of one fix must not overlap');
        merged += text.slice(position, edit.range[0]) + edit.text;
        position = edit.range[1];
    }
    return { range: [first.range[0], position], text: merged, ...(file !== undefined ? { file } : {}) };
}
//# sourceMappingURL=edits.js.map