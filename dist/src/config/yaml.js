/**
 * YAML (and JSON, which the same parser reads) with positions: the config
 * loader points its errors into the user's file, and the compose and
 * Kubernetes readers say on which line each runtime setting is written.
 * The other modules reach the `yaml` package only through here: it is loaded
 * on first use, so a run with no config, compose or manifest file never pays
 * for it (about as much as a whole Dockerfile-only lint).
 */
import { createRequire } from 'node:module';
let loaded;
function yaml() {
    return (loaded ??= createRequire(import.meta.url)('yaml'));
}
export function isMap(node) {
    return yaml().isMap(node);
}
export function isSeq(node) {
    return yaml().isSeq(node);
}
export function isScalar(node) {
    return yaml().isScalar(node);
}
/**
 * Every document of a YAML stream (one for config files, several for
 * Kubernetes manifests). Aliases are expanded with the parser's own limit,
 * so a "billion laughs" file is an error, not a hang.
 */
export function parseYaml(text, options = {}) {
    const { LineCounter: Lines, parseAllDocuments, parseDocument } = yaml();
    const lines = new Lines();
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
/**
 * The node an alias names (`*common` → the node anchored `&common`), one step
 * at a time so a "billion laughs" file is never expanded; other nodes as they
 * are. Without the document an alias cannot be followed.
 */
export function deref(node, doc) {
    if (yaml().isAlias(node))
        return doc ? (node.resolve(doc) ?? null) : null;
    return node ?? null;
}
/** The value node under a mapping key (null when absent or when `node` is not a mapping). */
export function valueAt(node, key, doc) {
    const pair = pairAt(node, key, doc);
    return pair ? deref(pair.value, doc) : null;
}
/**
 * The key/value pair of a mapping key. With the document, aliases are
 * followed and `<<` merge keys read (Compose files share settings that way):
 * a key written in the mapping wins over merged ones, earlier merged mappings
 * over later ones.
 */
export function pairAt(node, key, doc, depth = 0) {
    const map = deref(node, doc);
    if (!isMap(map))
        return null;
    let merged = null;
    for (const item of map.items) {
        const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
        if (k === key)
            return item;
        if (k === '<<' && doc && depth < MAX_MERGE_DEPTH && !merged) {
            const value = deref(item.value, doc);
            for (const source of isSeq(value) ? value.items : [value])
                merged ??= pairAt(source, key, doc, depth + 1);
        }
    }
    return merged;
}
const MAX_MERGE_DEPTH = 8;
/**
 * The deepest node along a path of keys and indexes, and whether the whole
 * path was found (an error about a missing key points at its parent).
 */
export function nodeAtPath(root, path, doc) {
    let node = deref(root, doc);
    for (const step of path) {
        let next = null;
        if (isSeq(node) && typeof step === 'number')
            next = deref(node.items[step], doc);
        else if (isMap(node))
            next = valueAt(node, String(step), doc);
        if (!next)
            return { node, complete: false };
        node = next;
    }
    return { node, complete: true };
}
/** The items of a sequence node (empty for anything else). */
export function seqItems(node, doc) {
    const seq = deref(node, doc);
    return isSeq(seq) ? seq.items.map((item) => deref(item, doc)).filter((item) => item !== null) : [];
}
/** The entries of a mapping node as [key, pair] (empty for anything else). */
export function mapEntries(node, doc) {
    const map = deref(node, doc);
    if (!isMap(map))
        return [];
    return map.items.map((item) => [isScalar(item.key) ? String(item.key.value) : String(item.key), item]);
}
/** The plain value of a scalar node; undefined for anything else. */
export function scalarValue(node, doc) {
    const target = deref(node, doc);
    return isScalar(target) ? target.value : undefined;
}
/** A node as plain data (aliases resolved within its document). */
export function plain(doc, node) {
    return node ? node.toJS(doc) : undefined;
}
/** Start and end (exclusive) of a node, or of a pair's key. */
export function rangeOf(lines, node) {
    const target = node && yaml().isPair(node) ? node.key : node;
    const range = target && 'range' in target && target.range ? target.range : [0, 0];
    const at = (offset) => {
        const pos = lines.linePos(offset);
        return { line: pos.line, column: pos.col };
    };
    return { start: at(range[0] ?? 0), end: at(range[1] ?? 0) };
}
//# sourceMappingURL=yaml.js.map