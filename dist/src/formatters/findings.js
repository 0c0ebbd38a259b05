/**
 * What the machine formats share: one flat list of findings with
 * repository-relative POSIX paths, the rule metadata behind each finding,
 * source lines for snippets, and fingerprints that survive line moves.
 */
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { sha256Hex } from '../hash.js';
import { LineIndex } from '../positions.js';
export const TOOL_NAME = 'pid1-lint';
export const TOOL_URI = 'https://github.com/pid1-lint/pid1-lint';
/** What a message without a rule (an unreadable or unparsable file) is called where a rule id is expected. */
export const FATAL_ID = 'fatal';
const byId = new Map(rules.map((r) => [r.id, r]));
/** The registry's rule with this id (a finding may come from a rule outside it, e.g. in tests). */
export function ruleById(id) {
    return id === null ? undefined : byId.get(id);
}
/** Every rule of the registry, then the ids the results use that are not in it, each once. */
export function ruleIdsOf(results) {
    const ids = rules.map((r) => r.id);
    const seen = new Set(ids);
    for (const r of results) {
        for (const m of r.messages) {
            if (m.ruleId !== null && !seen.has(m.ruleId)) {
                seen.add(m.ruleId);
                ids.push(m.ruleId);
            }
        }
    }
    return ids;
}
export function rootOf(context) {
    return context.root ?? context.cwd;
}
/** `services/api/Dockerfile` for a file inside the root; the absolute POSIX path otherwise. */
export function repoPath(file, root) {
    const rel = path.relative(root, file);
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    return (inside ? rel : path.resolve(file)).split(path.sep).join('/');
}
/** Every finding of the results, in result order, with its repository path. */
export function findingsOf(results, context) {
    const root = rootOf(context);
    const out = [];
    for (const result of results) {
        const filePath = repoPath(result.filePath, root);
        for (const message of result.messages) {
            const start = { line: atLeastOne(message.line), column: atLeastOne(message.column) };
            let end = { line: atLeastOne(message.endLine), column: atLeastOne(message.endColumn) };
            if (end.line < start.line || (end.line === start.line && end.column < start.column))
                end = { ...start };
            out.push({ file: result.filePath, path: filePath, message, start, end });
        }
    }
    return out;
}
/** Every format wants whole 1-based positions; a missing or broken one becomes 1. */
function atLeastOne(n) {
    return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}
/** Errors before warnings, unreadable files first, then by path and position: what a reader should see first. */
export function byImportance(a, b) {
    return (b.message.severity - a.message.severity ||
        Number(Boolean(b.message.fatal)) - Number(Boolean(a.message.fatal)) ||
        comparePaths(a.path, b.path) ||
        a.start.line - b.start.line ||
        a.start.column - b.start.column);
}
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
export function ruleLabel(message) {
    return message.ruleId ?? FATAL_ID;
}
export function severityName(message) {
    return message.severity === 2 ? 'error' : 'warning';
}
/**
 * The message followed by its suggestions, one `Suggestion:` line each: the
 * formats that carry only text list them too (JSON and SARIF have fields).
 */
export function messageWithSuggestions(message) {
    return [message.message, ...(message.suggestions ?? []).map((s) => `Suggestion: ${s.desc}`)].join('\n');
}
/** Messages may span lines; one-line formats join them. */
export function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** Source text access with one line index per file. */
export class SourceLines {
    sources;
    indexes = new Map();
    constructor(sources) {
        this.sources = sources;
    }
    index(file) {
        let index = this.indexes.get(file);
        if (index === undefined) {
            const text = this.sources?.get(file);
            index = text === undefined ? null : new LineIndex(text);
            this.indexes.set(file, index);
        }
        return index;
    }
    /** The text of a 1-based line, or null when the file's text is not known. */
    lineText(file, line) {
        return this.index(file)?.lineText(line) ?? null;
    }
}
/**
 * A fingerprint per finding that stays the same when lines move and when the
 * repository is checked out elsewhere: rule id, repository path and the
 * finding's line with white space folded (the message when the text is not
 * known), plus a counter for identical lines in the same file.
 */
export function fingerprints(findings, lines) {
    const order = findings.map((_, i) => i).sort((i, j) => positionOrder(findings[i], findings[j]));
    const seen = new Map();
    const out = new Array(findings.length);
    for (const i of order) {
        const f = findings[i];
        const snippet = lines.lineText(f.file, f.start.line);
        const key = [ruleLabel(f.message), f.path, snippet === null ? `message:${oneLine(f.message.message)}` : snippet.replace(/\s+/g, ' ').trim()].join('\0');
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        out[i] = sha256Hex(`${key}\0${occurrence}`);
    }
    return out;
}
function positionOrder(a, b) {
    return comparePaths(a.path, b.path) || a.start.line - b.start.line || a.start.column - b.start.column || comparePaths(ruleLabel(a.message), ruleLabel(b.message));
}
export function countBySeverity(findings) {
    const errors = findings.filter((f) => f.message.severity === 2).length;
    return { errors, warnings: findings.length - errors };
}
export function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
//# sourceMappingURL=findings.js.map