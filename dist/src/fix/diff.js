/**
 * Unified diffs for --fix-dry-run, in the shape `diff -u` and `git diff`
 * print and `patch` applies: `---`/`+++` headers, `@@ -a,b +c,d @@` hunks
 * with three lines of context, and `\ No newline at end of file` where a
 * side ends without one. Lines are compared with their `\r`, so a CRLF file
 * diffs (and patches) as it is.
 */
/** The unified diff of two texts; '' when they are equal. */
export function unifiedDiff(oldText, newText, options) {
    if (oldText === newText)
        return '';
    const a = splitLines(oldText);
    const b = splitLines(newText);
    const ops = diffLines(a.lines, b.lines, keysOf(a), keysOf(b));
    const context = options.context ?? 3;
    let out = `--- ${options.oldLabel}\n+++ ${options.newLabel}\n`;
    for (const hunk of hunksOf(ops, context)) {
        out += `@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@\n`;
        for (const op of hunk.ops) {
            out += `${op.kind}${op.line}\n`;
            // The marker follows the last line of a side that has no final newline.
            const lastOld = op.kind !== '+' && op.oldIndex === a.lines.length - 1 && !a.finalNewline;
            const lastNew = op.kind !== '-' && op.newIndex === b.lines.length - 1 && !b.finalNewline;
            if (lastOld || lastNew)
                out += '\\ No newline at end of file\n';
        }
    }
    return out;
}
function splitLines(text) {
    if (text === '')
        return { lines: [], finalNewline: true };
    const finalNewline = text.endsWith('\n');
    const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
    return { lines, finalNewline };
}
/** Comparison keys: the last line of a text without a final newline is marked, so it differs from the same line with one. */
function keysOf(side) {
    if (side.finalNewline)
        return side.lines;
    return side.lines.map((line, i) => (i === side.lines.length - 1 ? `${line}\u0000` : line));
}
/** GNU diff's range: `start,count`, `start` alone for one line, the line before for none. */
function range(start, count) {
    if (count === 1)
        return String(start);
    return `${count === 0 ? start - 1 : start},${count}`;
}
/**
 * Myers' O(ND) shortest edit script on lines, after trimming the common
 * prefix and suffix (a fix changes a few lines of a file). Lines are
 * compared by key so that a last line without its newline differs from the
 * same line with one.
 */
function diffLines(a, b, aKeys, bKeys) {
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && aKeys[prefix] === bKeys[prefix])
        prefix++;
    let suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix && aKeys[a.length - 1 - suffix] === bKeys[b.length - 1 - suffix])
        suffix++;
    const middle = myers(aKeys.slice(prefix, a.length - suffix), bKeys.slice(prefix, b.length - suffix)).map((op) => ({
        kind: op.kind,
        line: op.kind === '+' ? b[prefix + op.index] : a[prefix + op.index],
    }));
    return [
        ...a.slice(0, prefix).map((line) => ({ kind: ' ', line })),
        ...middle,
        ...a.slice(a.length - suffix).map((line) => ({ kind: ' ', line })),
    ];
}
/** Ops with the index of their line in `a` (kept, removed) or `b` (added). */
function myers(a, b) {
    const n = a.length;
    const m = b.length;
    const offset = n + m + 1;
    const v = new Int32Array(2 * offset + 1);
    const at = (array, k) => array[offset + k];
    // Move down (an insertion) from diagonal k+1, or right (a deletion) from k-1.
    const goesDown = (array, k, d) => k === -d || (k !== d && at(array, k - 1) < at(array, k + 1));
    const trace = [];
    search: for (let d = 0; d <= n + m; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = goesDown(v, k, d) ? at(v, k + 1) : at(v, k - 1) + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m)
                break search;
        }
    }
    const ops = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d >= 0; d--) {
        const before = trace[d];
        const k = x - y;
        const prevK = goesDown(before, k, d) ? k + 1 : k - 1;
        const prevX = at(before, prevK);
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            x--;
            y--;
            ops.push({ kind: ' ', index: x });
        }
        if (d > 0) {
            if (x === prevX)
                ops.push({ kind: '+', index: y - 1 });
            else
                ops.push({ kind: '-', index: x - 1 });
        }
        x = prevX;
        y = prevY;
    }
    return ops.reverse();
}
function hunksOf(ops, context) {
    const numbered = [];
    let oldIndex = 0;
    let newIndex = 0;
    for (const op of ops) {
        numbered.push({ ...op, oldIndex: op.kind === '+' ? oldIndex - 1 : oldIndex, newIndex: op.kind === '-' ? newIndex - 1 : newIndex });
        if (op.kind !== '+')
            oldIndex++;
        if (op.kind !== '-')
            newIndex++;
    }
    const changed = numbered.flatMap((op, i) => (op.kind === ' ' ? [] : [i]));
    const hunks = [];
    let i = 0;
    while (i < changed.length) {
        const start = Math.max(0, changed[i] - context);
        let end = changed[i];
        // Changes closer than twice the context share a hunk.
        while (i + 1 < changed.length && changed[i + 1] - end <= 2 * context)
            end = changed[++i];
        i++;
        const slice = numbered.slice(start, Math.min(numbered.length, end + context + 1));
        const oldLines = slice.filter((op) => op.kind !== '+');
        const newLines = slice.filter((op) => op.kind !== '-');
        hunks.push({
            oldStart: (oldLines[0]?.oldIndex ?? firstIndexBefore(slice, 'old')) + 1,
            oldCount: oldLines.length,
            newStart: (newLines[0]?.newIndex ?? firstIndexBefore(slice, 'new')) + 1,
            newCount: newLines.length,
            ops: slice,
        });
    }
    return hunks;
}
/** For a side with no lines in the hunk: the index after the line before it (so the header shows that line). */
function firstIndexBefore(slice, side) {
    const first = slice[0];
    return (side === 'old' ? first.oldIndex : first.newIndex) + 1;
}
//# sourceMappingURL=diff.js.map