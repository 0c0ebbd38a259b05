/**
 * YAML (and JSON, which the same parser reads) with positions: the config
 * loader points its errors into the user's file, and the compose and
 * Kubernetes readers say on which line each runtime setting is written.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument } from 'yaml';
/**
 * Every document of a YAML stream (one for config files, several for
 * Kubernetes manifests). Aliases are expanded with the parser's own limit,
 * so a "billion laughs" file is an error, not a hang.
 */
export function parseYaml(text, options = {}) {
    const lines = new LineCounter();
    const parseOptions = { lineCounter: lines, prettyErrors: false, uniqueKeys: true };
    // parseAllDocuments gives an empty array-like stream for an empty text.
    const docs = options.multi ? [...parseAllDocuments(text, parseOptions)] : [parseDocument(text, parseOptions)];
    const errors = docs.flatMap((d) => d.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { message: firstLine(e.message), line: pos.line, column: pos.col };
    }));
    return { docs, errors, lines };
}
function firstLine(text) {
    return (text.split('\n')[0] ?? text).replace(/\s+at line \d+, column \d+:?$/, '').trim();
}
/** 1-based position of a node (its first character). */
export function positionOf(lines, node) {
    return rangeOf(lines, node).start;
}
/** The value node under a mapping key (null when absent or when `node` is not a mapping). */
export function valueAt(node, key) {
    const pair = pairAt(node, key);
    return pair ? (pair.value ?? null) : null;
}
/** The key/value pair of a mapping key. */
export function pairAt(node, key) {
    if (!isMap(node))
        return null;
    for (const item of node.items) {
        const k = item.key;
        if ((isScalar(k) ? String(k.value) : String(k)) === key)
            return item;
    }
    return null;
}
/**
 * The deepest node along a path of keys and indexes, and whether the whole
 * path was found (an error about a missing key points at its parent).
 */
export function nodeAtPath(root, path) {
    let node = root;
    for (const step of path) {
        let next = null;
        if (isSeq(node) && typeof step === 'number')
            next = node.items[step] ?? null;
        else if (isMap(node))
            next = valueAt(node, String(step));
        if (!next)
            return { node, complete: false };
        node = next;
    }
    return { node, complete: true };
}
/** The items of a sequence node (empty for anything else). */
export function seqItems(node) {
    return isSeq(node) ? node.items : [];
}
/** The entries of a mapping node as [key, pair] (empty for anything else). */
export function mapEntries(node) {
    if (!isMap(node))
        return [];
    return node.items.map((item) => [isScalar(item.key) ? String(item.key.value) : String(item.key), item]);
}
/** The plain value of a scalar node; undefined for anything else. */
export function scalarValue(node) {
    return isScalar(node) ? node.value : undefined;
}
/** A node as plain data (aliases resolved within its document). */
export function plain(doc, node) {
    return node ? node.toJS(doc) : undefined;
}
/** Start and end (exclusive) of a node, or of a pair's key. */
export function rangeOf(lines, node) {
    const target = isPair(node) ? node.key : node;
    const range = target && 'range' in target && target.range ? target.range : [0, 0];
    const at = (offset) => {
        const pos = lines.linePos(offset);
        return { line: pos.line, column: pos.col };
    };
    return { start: at(range[0] ?? 0), end: at(range[1] ?? 0) };
}
//# sourceMappingURL=yaml.js.map