/**
 * YAML (and JSON, which the same parser reads) with positions: the config
 * loader points its errors into the user's file, and the compose and
 * Kubernetes readers say on which line each runtime setting is written.
 * The other modules reach the `yaml` package only through here: it is loaded
 * on first use, so a run with no config, compose or manifest file never pays
 * for it (about as much as a whole Dockerfile-only lint).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Position } from '../types.js';

let loaded: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

export function isMap(node: unknown): node is YAMLMap {
  return yaml().isMap(node);
}

export function isSeq(node: unknown): node is YAMLSeq {
  return yaml().isSeq(node);
}

export function isScalar(node: unknown): node is Scalar {
  return yaml().isScalar(node);
}

export interface YamlSyntaxError {
  message: string;
  line: number;
  column: number;
}

export interface ParsedYaml {
  docs: Document[];
  errors: YamlSyntaxError[];
  lines: LineCounter;
}

/**
 * Every document of a YAML stream (one for config files, several for
 * Kubernetes manifests). Aliases are expanded with the parser's own limit,
 * so a "billion laughs" file is an error, not a hang.
 */
export function parseYaml(text: string, options: { multi?: boolean } = {}): ParsedYaml {
  const { LineCounter: Lines, parseAllDocuments, parseDocument } = yaml();
  const lines = new Lines();
  const parseOptions = { lineCounter: lines, prettyErrors: false, uniqueKeys: true } as const;
  // parseAllDocuments gives an empty array-like stream for an empty text.
  const docs: Document[] = options.multi ? [...parseAllDocuments(text, parseOptions)] : [parseDocument(text, parseOptions)];
  const errors = docs.flatMap((d) =>
    d.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { message: firstLine(e.message), line: pos.line, column: pos.col };
    }),
  );
  return { docs, errors, lines };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/** 1-based position of a node (its first character). */
export function positionOf(lines: LineCounter, node: Node | Pair | null | undefined): Position {
  return rangeOf(lines, node).start;
}

/**
 * The node an alias names (`*common` → the node anchored `&common`), one step
 * at a time so a "billion laughs" file is never expanded; other nodes as they
 * are. Without the document an alias cannot be followed.
 */
export function deref(node: unknown, doc?: Document): Node | null {
  if (yaml().isAlias(node)) return doc ? ((node.resolve(doc) as Node | undefined) ?? null) : null;
  return (node as Node | null | undefined) ?? null;
}

/** The value node under a mapping key (null when absent or when `node` is not a mapping). */
export function valueAt(node: unknown, key: string, doc?: Document): Node | null {
  const pair = pairAt(node, key, doc);
  return pair ? deref(pair.value, doc) : null;
}

/**
 * The key/value pair of a mapping key. With the document, aliases are
 * followed and `<<` merge keys read (Compose files share settings that way):
 * a key written in the mapping wins over merged ones, earlier merged mappings
 * over later ones.
 */
export function pairAt(node: unknown, key: string, doc?: Document, depth = 0): Pair | null {
  const map = deref(node, doc);
  if (!isMap(map)) return null;
  let merged: Pair | null = null;
  for (const item of map.items) {
    const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
    if (k === key) return item as Pair;
    if (k === '<<' && doc && depth < MAX_MERGE_DEPTH && !merged) {
      const value = deref(item.value, doc);
      for (const source of isSeq(value) ? value.items : [value]) merged ??= pairAt(source, key, doc, depth + 1);
    }
  }
  return merged;
}

const MAX_MERGE_DEPTH = 8;

/**
 * The deepest node along a path of keys and indexes, and whether the whole
 * path was found (an error about a missing key points at its parent).
 */
export function nodeAtPath(root: Node | null, path: readonly (string | number)[], doc?: Document): { node: Node | null; complete: boolean } {
  let node: Node | null = deref(root, doc);
  for (const step of path) {
    let next: Node | null = null;
    if (isSeq(node) && typeof step === 'number') next = deref(node.items[step], doc);
    else if (isMap(node)) next = valueAt(node, String(step), doc);
    if (!next) return { node, complete: false };
    node = next;
  }
  return { node, complete: true };
}

/** The items of a sequence node (empty for anything else). */
export function seqItems(node: unknown, doc?: Document): Node[] {
  const seq = deref(node, doc);
  return isSeq(seq) ? seq.items.map((item) => deref(item, doc)).filter((item): item is Node => item !== null) : [];
}

/** The entries of a mapping node as [key, pair] (empty for anything else). */
export function mapEntries(node: unknown, doc?: Document): [string, Pair][] {
  const map = deref(node, doc);
  if (!isMap(map)) return [];
  return map.items.map((item) => [isScalar(item.key) ? String(item.key.value) : String(item.key), item as Pair]);
}

/** The plain value of a scalar node; undefined for anything else. */
export function scalarValue(node: unknown, doc?: Document): unknown {
  const target = deref(node, doc);
  return isScalar(target) ? target.value : undefined;
}

/** A node as plain data (aliases resolved within its document). */
export function plain(doc: Document, node: Node | null): unknown {
  return node ? node.toJS(doc) : undefined;
}

/** Start and end (exclusive) of a node, or of a pair's key. */
export function rangeOf(lines: LineCounter, node: Node | Pair | null | undefined): { start: Position; end: Position } {
  const target = node && yaml().isPair(node) ? (node.key as Node | null) : (node as Node | null | undefined);
  const range: readonly number[] = target && 'range' in target && target.range ? target.range : [0, 0];
  const at = (offset: number): Position => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { start: at(range[0] ?? 0), end: at(range[1] ?? 0) };
}
