/**
 * Read-only, cached access to the build context. Every path the program
 * analysis touches goes through here, so two promises hold in one place:
 * nothing outside the context is read (symlinks are resolved first), and a
 * path only "exists" when its case matches exactly, as on the Linux image.
 */
import { PATH_MAX } from '../context/files.js';
import fs from 'node:fs';
import path from 'node:path';
/** Files larger than this are not parsed (minified bundles, generated code). */
export const MAX_SOURCE_BYTES = 2_000_000;
export class ContextFs {
    root;
    rootReal;
    dirs = new Map();
    statuses = new Map();
    texts;
    jsons = new Map();
    /** Why a file inside the context could not be read (permission denied…), for the report. */
    failures = new Map();
    /** `texts` may be shared with the Dockerfile model's reader, so each file is read once per run. */
    constructor(root, texts = new Map()) {
        this.root = path.resolve(root);
        this.rootReal = safeRealpath(this.root);
        this.texts = texts;
    }
    /** Context-relative POSIX path, for notes and `tried` lists. */
    rel(p) {
        const r = path.relative(this.root, p);
        return (r === '' ? '.' : r).split(path.sep).join('/');
    }
    lexicallyInside(p) {
        const r = path.relative(this.root, path.resolve(p));
        return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
    }
    /** Directory entries (exact names), or null when the directory cannot be read. */
    list(dir) {
        const key = path.resolve(dir);
        let entries = this.dirs.get(key);
        if (entries === undefined) {
            entries = null;
            if (this.lexicallyInside(key) && this.check(key).status === 'dir') {
                try {
                    entries = new Set(fs.readdirSync(key));
                }
                catch {
                    entries = null;
                }
            }
            this.dirs.set(key, entries);
        }
        return entries;
    }
    /**
     * What is at `p`: a file or directory inside the context (exact case at
     * every level below the root), missing, or outside.
     */
    check(p) {
        const abs = path.resolve(p);
        const cached = this.statuses.get(abs);
        if (cached)
            return cached;
        const result = this.checkUncached(abs);
        this.statuses.set(abs, result);
        return result;
    }
    checkUncached(abs) {
        if (!this.lexicallyInside(abs) || this.rootReal === null)
            return { status: 'outside', real: abs };
        // No file has a longer path; checking it level by level would cost time quadratic in its length.
        if (abs.length > PATH_MAX)
            return { status: 'missing' };
        if (abs !== this.root) {
            // Exact-case lookup in the parent listing: a case-insensitive host
            // (macOS, Windows) would otherwise report a path Linux cannot open.
            const parent = this.list(path.dirname(abs));
            if (!parent || !parent.has(path.basename(abs)))
                return { status: 'missing' };
        }
        const real = safeRealpath(abs);
        if (real === null)
            return { status: 'missing' };
        const relReal = path.relative(this.rootReal, real);
        if (relReal.startsWith('..') || path.isAbsolute(relReal))
            return { status: 'outside', real };
        let stat;
        try {
            stat = fs.statSync(abs, { throwIfNoEntry: false });
        }
        catch {
            stat = undefined;
        }
        if (!stat)
            return { status: 'missing' };
        if (stat.isFile())
            return { status: 'file', path: abs };
        if (stat.isDirectory())
            return { status: 'dir', path: abs };
        return { status: 'missing' };
    }
    isFile(p) {
        return this.check(p).status === 'file';
    }
    isDir(p) {
        return this.check(p).status === 'dir';
    }
    /**
     * When `p` is missing, a path inside the context that differs from it only
     * by letter case (the Linux image would not find `p`).
     */
    caseInsensitiveMatch(p) {
        const abs = path.resolve(p);
        if (!this.lexicallyInside(abs) || abs === this.root)
            return null;
        const parts = path.relative(this.root, abs).split(path.sep);
        let current = this.root;
        for (const part of parts) {
            const entries = this.list(current);
            if (!entries)
                return null;
            let next;
            if (entries.has(part))
                next = part;
            else {
                const lower = part.toLowerCase();
                for (const entry of entries) {
                    if (entry.toLowerCase() === lower) {
                        next = entry;
                        break;
                    }
                }
            }
            if (next === undefined)
                return null;
            current = path.join(current, next);
        }
        return current === abs || this.check(current).status === 'missing' ? null : current;
    }
    /** UTF-8 text of a file inside the context (null: missing, outside, too large or unreadable). */
    readText(p, maxBytes = MAX_SOURCE_BYTES) {
        const abs = path.resolve(p);
        if (this.texts.has(abs))
            return this.texts.get(abs) ?? null;
        let text = null;
        if (this.isFile(abs)) {
            try {
                const size = fs.statSync(abs).size;
                text = size > maxBytes ? null : fs.readFileSync(abs, 'utf8');
            }
            catch (err) {
                text = null;
                this.failures.set(abs, describeError(err));
            }
        }
        this.texts.set(abs, text);
        return text;
    }
    /** Why readText gave null for a file that exists (permission denied…), or null. */
    readFailure(p) {
        return this.failures.get(path.resolve(p)) ?? null;
    }
    fileSize(p) {
        try {
            return this.isFile(p) ? fs.statSync(p).size : null;
        }
        catch {
            return null;
        }
    }
    /** JSON or JSONC (comments, trailing commas) parsed, or undefined. */
    readJson(p) {
        const abs = path.resolve(p);
        if (this.jsons.has(abs))
            return this.jsons.get(abs);
        const text = this.readText(abs, 5_000_000);
        let value = undefined;
        if (text !== null)
            value = parseJsonc(text);
        this.jsons.set(abs, value);
        return value;
    }
}
function safeRealpath(p) {
    try {
        return fs.realpathSync(p);
    }
    catch {
        return null;
    }
}
/**
 * Parses JSON with comments and trailing commas (tsconfig.json is JSONC).
 * A single linear scan; returns undefined instead of throwing.
 */
export function parseJsonc(text) {
    try {
        return JSON.parse(stripJsonc(text));
    }
    catch {
        return undefined;
    }
}
export function stripJsonc(text) {
    let out = '';
    let i = 0;
    const n = text.length;
    if (text.charCodeAt(0) === 0xfeff)
        i = 1;
    while (i < n) {
        const ch = text[i];
        if (ch === '"') {
            const start = i;
            i++;
            while (i < n && text[i] !== '"')
                i += text[i] === '\\' ? 2 : 1;
            i++;
            out += text.slice(start, i);
        }
        else if (ch === '/' && text[i + 1] === '/') {
            while (i < n && text[i] !== '\n')
                i++;
        }
        else if (ch === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        }
        else if (ch === ',') {
            // Trailing comma: drop it when the next significant character closes.
            let j = i + 1;
            for (;;) {
                while (j < n && /\s/.test(text[j] ?? ''))
                    j++;
                if (text[j] === '/' && text[j + 1] === '/') {
                    while (j < n && text[j] !== '\n')
                        j++;
                }
                else if (text[j] === '/' && text[j + 1] === '*') {
                    const end = text.indexOf('*/', j + 2);
                    j = end < 0 ? n : end + 2;
                }
                else
                    break;
            }
            if (text[j] !== '}' && text[j] !== ']')
                out += ',';
            i++;
        }
        else {
            out += ch;
            i++;
        }
    }
    return out;
}
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A read error in words, for messages: ENOENT, EACCES, EISDIR and ELOOP are named; the rest keep their own message. */
export function describeError(err) {
    const code = err?.code;
    switch (code) {
        case 'ENOENT':
            return 'file not found';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'is a directory';
        case 'ELOOP':
            return 'symlink loop';
        default:
            return err instanceof Error ? err.message : String(err);
    }
}
//# sourceMappingURL=fs-context.js.map