/**
 * Module specifier → file, the way Node (and tsc's path mapping) would find
 * it in the image, restricted to the build context. Bare specifiers that
 * are not workspace packages or path aliases stay packages: node_modules is
 * never read, libraries are recognised by the table.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { isRecord } from './fs-context.js';
import { findSourceForOutput } from './source-map.js';
import { loadTsConfig, nearestTsConfig } from './tsconfig.js';
import { findWorkspace } from './workspaces.js';
export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const TS_FIRST = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_FIRST = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'];
const TS_FOR_JS = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const TS_SOURCE = new Set(['.ts', '.tsx', '.mts', '.cts']);
const BUILTINS = new Set(builtinModules);
export function resolveSpecifier(cfs, fromFile, spec, mode) {
    return cfs.derived('resolve', `${fromFile}\0${spec}\0${mode}`, () => new Resolver(cfs, fromFile, mode).resolve(spec));
}
/** Whether a specifier names a package (not a path). */
export function isBareSpecifier(spec) {
    return !(spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('file:') || path.isAbsolute(spec));
}
/** `@scope/name/sub` → [`@scope/name`, `./sub`]; `name` → [`name`, `.`]. */
export function splitPackageSpecifier(spec) {
    const parts = spec.split('/');
    const n = spec.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, n).join('/');
    const rest = parts.slice(n).join('/');
    return [name, rest === '' ? '.' : `./${rest}`];
}
class Resolver {
    cfs;
    from;
    mode;
    attempt = { tried: [], caseChecks: [] };
    dirDepth = 0;
    preferTs;
    constructor(cfs, from, mode) {
        this.cfs = cfs;
        this.from = from;
        this.mode = mode;
        // In a TS source tree a `.js` import names the `.ts` file beside it, even
        // when a stale compiled `.js` sits there too; JS sources get Node's order.
        this.preferTs = TS_SOURCE.has(path.extname(from));
    }
    resolve(spec) {
        if (spec.startsWith('node:'))
            return { kind: 'builtin', name: spec.slice(5) };
        if (spec.startsWith('file:')) {
            try {
                return this.finish(this.fileOrDir(new URL(spec).pathname));
            }
            catch {
                return { kind: 'missing', tried: [] };
            }
        }
        if (!isBareSpecifier(spec))
            return this.finish(this.fileOrDir(path.resolve(path.dirname(this.from), spec)));
        if (spec.startsWith('#'))
            return this.finish(this.packageImports(spec));
        const [name, subpath] = splitPackageSpecifier(spec);
        // Node resolves built-ins before anything a tsconfig alias could say.
        if (BUILTINS.has(spec) || BUILTINS.has(name))
            return { kind: 'builtin', name: spec };
        const aliased = this.tsconfigPaths(spec);
        if (aliased)
            return { kind: 'file', path: aliased, via: 'tsconfig paths' };
        const ws = findWorkspace(this.cfs, path.dirname(this.from));
        const dir = ws?.packages.get(name);
        if (dir) {
            // The same for every importer (of one kind, TS or JS): worked out once per run, not per importing module.
            const entry = this.cfs.derived('package-entry', `${dir}\0${subpath}\0${this.mode}\0${this.preferTs}`, () => {
                const resolver = new Resolver(this.cfs, this.from, this.mode);
                return { found: resolver.packageEntry(dir, subpath), attempt: resolver.attempt };
            });
            if (entry.found)
                return { kind: 'file', path: entry.found, via: 'workspace package' };
            this.attempt = { ...entry.attempt, tried: [...entry.attempt.tried] };
            return this.finish(null);
        }
        return { kind: 'package', name: spec };
    }
    finish(found) {
        if (found)
            return { kind: 'file', path: found };
        const mismatch = this.firstCaseMismatch();
        if (mismatch)
            return { kind: 'case', ...mismatch };
        if (this.attempt.outside)
            return { kind: 'outside', path: this.attempt.outside };
        return { kind: 'missing', tried: this.attempt.tried };
    }
    probe(candidate) {
        this.attempt.tried.push(candidate);
        const s = this.cfs.check(candidate);
        if (s.status === 'file')
            return true;
        if (s.status === 'outside')
            this.attempt.outside ??= candidate;
        else if (s.status === 'missing')
            this.attempt.caseChecks.push(candidate);
        return false;
    }
    firstCaseMismatch() {
        for (const check of this.attempt.caseChecks) {
            if (typeof check !== 'string')
                return check;
            const found = this.cfs.caseInsensitiveMatch(check);
            if (found && this.cfs.isFile(found))
                return { expected: check, found };
        }
        return null;
    }
    file(p) {
        const ext = path.extname(p);
        const ts = TS_FOR_JS[ext];
        let candidates;
        if (ts) {
            const stem = p.slice(0, -ext.length);
            const tsCandidates = ts.map((e) => stem + e);
            candidates = this.preferTs ? [...tsCandidates, p] : [p, ...tsCandidates];
        }
        else if (CODE_EXTENSIONS.includes(ext) || ext === '.json' || ext === '.node') {
            candidates = [p];
        }
        else {
            // `./foo` and `./foo.service`: the extension is appended.
            candidates = [p, ...(this.preferTs ? TS_FIRST : JS_FIRST).map((e) => p + e)];
        }
        for (const c of candidates) {
            if (c === p && !ts && !CODE_EXTENSIONS.includes(ext) && ext !== '.json' && this.cfs.isDir(c))
                continue;
            if (this.probe(c))
                return c;
        }
        return null;
    }
    fileOrDir(p) {
        return this.file(p) ?? this.dir(p);
    }
    /** A folder import: package.json `exports`/`main`, then `index.*`. */
    dir(dir) {
        // `main` may name another folder; a cycle of those must end.
        if (!this.cfs.isDir(dir) || ++this.dirDepth > 8)
            return null;
        const pkg = this.cfs.readJson(path.join(dir, 'package.json'));
        if (isRecord(pkg)) {
            const entry = this.packageEntry(dir, '.', pkg);
            if (entry)
                return entry;
        }
        return this.file(path.join(dir, 'index'));
    }
    packageEntry(dir, subpath, pkgJson) {
        const pkg = pkgJson ?? this.cfs.readJson(path.join(dir, 'package.json'));
        if (isRecord(pkg) && pkg['exports'] !== undefined && pkg['exports'] !== null) {
            const target = exportTarget(pkg['exports'], subpath, this.conditions());
            if (target)
                return this.file(path.resolve(dir, target)) ?? this.built(path.resolve(dir, target));
            return null;
        }
        if (subpath !== '.')
            return this.fileOrDir(path.resolve(dir, subpath));
        if (isRecord(pkg) && typeof pkg['main'] === 'string') {
            const main = path.resolve(dir, pkg['main']);
            const found = this.file(main) ?? (main !== dir ? this.dir(main) : null) ?? this.built(main);
            if (found)
                return found;
        }
        return this.file(path.join(dir, 'index'));
    }
    /** A package entry pointing at build output (absent on the host) leads back to its source. */
    built(output) {
        const lookup = findSourceForOutput(this.cfs.root, output, this.cfs);
        this.attempt.tried.push(...lookup.tried.map((t) => path.join(this.cfs.root, t)));
        if (lookup.caseMismatch) {
            this.attempt.caseChecks.push({
                expected: path.join(this.cfs.root, lookup.caseMismatch.expected),
                found: path.join(this.cfs.root, lookup.caseMismatch.found),
            });
        }
        return lookup.source && this.cfs.isFile(lookup.source) ? lookup.source : null;
    }
    conditions() {
        return ['node', this.mode, 'module-sync', 'default'];
    }
    tsconfigPaths(spec) {
        const configFile = nearestTsConfig(this.cfs, path.dirname(this.from));
        const config = configFile ? loadTsConfig(this.cfs, configFile) : null;
        if (!config)
            return null;
        if (config.paths) {
            let best = null;
            for (const [key, targets] of Object.entries(config.paths.patterns)) {
                const star = key.indexOf('*');
                if (star < 0) {
                    if (key === spec)
                        best = { targets, star: null, score: Infinity };
                    continue;
                }
                const pre = key.slice(0, star);
                const post = key.slice(star + 1);
                if (spec.length >= pre.length + post.length && spec.startsWith(pre) && spec.endsWith(post)) {
                    if (!best || pre.length > best.score)
                        best = { targets, star: spec.slice(pre.length, spec.length - post.length), score: pre.length };
                }
            }
            if (best) {
                for (const t of best.targets) {
                    const target = path.resolve(config.paths.base, best.star === null ? t : t.split('*').join(best.star));
                    const found = this.fileOrDir(target);
                    if (found)
                        return found;
                }
            }
        }
        if (config.baseUrl) {
            const candidate = path.resolve(config.baseUrl, spec);
            if (this.cfs.lexicallyInside(candidate)) {
                const found = this.fileOrDir(candidate);
                if (found)
                    return found;
            }
        }
        return null;
    }
    /** `#internal` specifiers through the nearest package.json `imports`. */
    packageImports(spec) {
        for (let d = path.dirname(this.from); this.cfs.lexicallyInside(d); d = path.dirname(d)) {
            const pkg = this.cfs.readJson(path.join(d, 'package.json'));
            if (isRecord(pkg)) {
                if (!isRecord(pkg['imports']))
                    return null;
                const target = exportTarget(pkg['imports'], spec, this.conditions());
                if (!target)
                    return null;
                return isBareSpecifier(target) ? null : this.file(path.resolve(d, target));
            }
            if (d === this.cfs.root)
                break;
        }
        return null;
    }
}
/**
 * The target of `subpath` in a package.json `exports` (or `imports`) field,
 * with `*` patterns and nested conditions, taking the first condition in
 * object order that `conditions` contains, as Node does.
 */
export function exportTarget(field, subpath, conditions) {
    let map;
    if (typeof field === 'string' || Array.isArray(field))
        map = { '.': field };
    else if (isRecord(field)) {
        const keys = Object.keys(field);
        const subpathKeys = keys.length > 0 && keys.every((k) => k.startsWith('.') || k.startsWith('#'));
        map = subpathKeys ? field : { '.': field };
    }
    else
        return null;
    if (Object.prototype.hasOwnProperty.call(map, subpath))
        return pickTarget(map[subpath], conditions, null);
    let best = null;
    for (const key of Object.keys(map)) {
        const star = key.indexOf('*');
        if (star < 0)
            continue;
        const pre = key.slice(0, star);
        const post = key.slice(star + 1);
        if (subpath.length >= pre.length + post.length && subpath.startsWith(pre) && subpath.endsWith(post)) {
            if (!best || pre.length > best.prefix)
                best = { key, star: subpath.slice(pre.length, subpath.length - post.length), prefix: pre.length };
        }
    }
    return best ? pickTarget(map[best.key], conditions, best.star) : null;
}
function pickTarget(value, conditions, star) {
    if (typeof value === 'string')
        return star === null ? value : value.split('*').join(star);
    if (Array.isArray(value)) {
        for (const v of value) {
            const t = pickTarget(v, conditions, star);
            if (t !== null)
                return t;
        }
        return null;
    }
    if (isRecord(value)) {
        for (const [condition, v] of Object.entries(value)) {
            if (!conditions.includes(condition))
                continue;
            const t = pickTarget(v, conditions, star);
            if (t !== null)
                return t;
        }
    }
    return null;
}
//# sourceMappingURL=resolve.js.map