/**
 * Monorepo workspace packages: a bare import whose name is a workspace
 * package is project code and is read; any other bare import is a
 * dependency and is not.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { isRecord } from './fs-context.js';
import { globMatches, matchPath } from '../context/glob.js';
// Kept importable from here for the program reader's modules.
export { matchPath };
const MAX_GLOB_DEPTH = 6;
const MAX_PACKAGES = 2000;
/**
 * The workspace that holds `fromDir`: the top-most folder at or above it
 * (inside the context) whose package.json has `workspaces` or that has a
 * pnpm-workspace.yaml.
 */
export function findWorkspace(cfs, fromDir) {
    // Once per folder and run: each import of each module of the folder asks, and the answer walks up to the context root.
    return cfs.derived('workspace-of', path.resolve(fromDir), () => {
        let root = null;
        let patterns = [];
        for (let d = path.resolve(fromDir); cfs.lexicallyInside(d); d = path.dirname(d)) {
            const found = workspacePatterns(cfs, d);
            if (found) {
                root = d;
                patterns = found;
            }
            if (d === cfs.root)
                break;
        }
        if (!root)
            return null;
        const found = root;
        return cfs.derived('workspace', root, () => readWorkspace(cfs, found, patterns));
    });
}
function readWorkspace(cfs, root, patterns) {
    const ws = { root, packages: new Map() };
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => normalizePattern(p.slice(1)));
    for (const pattern of include) {
        for (const dir of expandDirGlob(cfs, root, normalizePattern(pattern))) {
            const rel = path.relative(root, dir).split(path.sep).join('/');
            if (exclude.some((ex) => matchPath(ex, rel)))
                continue;
            const pkg = cfs.readJson(path.join(dir, 'package.json'));
            if (isRecord(pkg) && typeof pkg['name'] === 'string' && !ws.packages.has(pkg['name'])) {
                ws.packages.set(pkg['name'], dir);
            }
            if (ws.packages.size >= MAX_PACKAGES)
                break;
        }
    }
    return ws;
}
function workspacePatterns(cfs, dir) {
    const pkg = cfs.readJson(path.join(dir, 'package.json'));
    if (isRecord(pkg)) {
        const ws = pkg['workspaces'];
        const list = Array.isArray(ws) ? ws : isRecord(ws) && Array.isArray(ws['packages']) ? ws['packages'] : null;
        if (list)
            return list.filter((x) => typeof x === 'string');
    }
    const yamlFile = path.join(dir, 'pnpm-workspace.yaml');
    const text = cfs.readText(yamlFile, 1_000_000);
    if (text !== null) {
        try {
            // Loaded on demand: most runs never meet a pnpm workspace.
            const yaml = createRequire(import.meta.url)('yaml');
            const doc = yaml.parse(text);
            if (isRecord(doc) && Array.isArray(doc['packages'])) {
                return doc['packages'].filter((x) => typeof x === 'string');
            }
            return [];
        }
        catch {
            return [];
        }
    }
    return null;
}
function normalizePattern(p) {
    let s = p.trim();
    while (s.startsWith('./'))
        s = s.slice(2);
    while (s.endsWith('/'))
        s = s.slice(0, -1);
    return s;
}
/** Folders matching a workspace glob such as `packages/*` or `apps/**`. */
export function expandDirGlob(cfs, root, pattern) {
    const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
    const out = [];
    const walk = (dir, i, depth) => {
        if (out.length >= MAX_PACKAGES || depth > MAX_GLOB_DEPTH + segments.length)
            return;
        if (i === segments.length) {
            out.push(dir);
            return;
        }
        const seg = segments[i] ?? '';
        if (seg === '**') {
            walk(dir, i + 1, depth);
            for (const name of subdirs(cfs, dir))
                walk(path.join(dir, name), i, depth + 1);
            return;
        }
        if (!seg.includes('*') && !seg.includes('?')) {
            const next = path.join(dir, seg);
            if (cfs.isDir(next))
                walk(next, i + 1, depth + 1);
            return;
        }
        for (const name of subdirs(cfs, dir))
            if (globMatches(seg, name))
                walk(path.join(dir, name), i + 1, depth + 1);
    };
    walk(root, 0, 0);
    return out;
}
function subdirs(cfs, dir) {
    const entries = cfs.list(dir);
    if (!entries)
        return [];
    return [...entries].filter((n) => n !== 'node_modules' && !n.startsWith('.') && cfs.isDir(path.join(dir, n))).sort();
}
//# sourceMappingURL=workspaces.js.map