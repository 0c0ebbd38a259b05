/**
 * tsconfig reading: the `extends` chain and the options that decide where
 * modules resolve (`paths`, `baseUrl`) and where output lands (`outDir`,
 * `rootDir`, `include`, `files`). Path-valued options are made absolute
 * relative to the config that declares them, as tsc does.
 */
import path from 'node:path';
import { isRecord } from './fs-context.js';
const MAX_EXTENDS_DEPTH = 16;
const cacheByContext = new WeakMap();
export function loadTsConfig(cfs, file) {
    let cache = cacheByContext.get(cfs);
    if (!cache) {
        cache = new Map();
        cacheByContext.set(cfs, cache);
    }
    const abs = path.resolve(file);
    if (cache.has(abs))
        return cache.get(abs) ?? null;
    const result = load(cfs, abs, new Set(), 0);
    cache.set(abs, result);
    return result;
}
function load(cfs, file, seen, depth) {
    if (seen.has(file) || depth > MAX_EXTENDS_DEPTH)
        return null;
    seen.add(file);
    const json = cfs.readJson(file);
    if (!isRecord(json))
        return null;
    const dir = path.dirname(file);
    const merged = { file, chain: [file], problems: [] };
    const ext = json['extends'];
    const bases = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e) => typeof e === 'string') : [];
    for (const spec of bases) {
        const baseFile = resolveExtends(cfs, dir, spec);
        const base = baseFile ? load(cfs, baseFile, seen, depth + 1) : null;
        if (!base) {
            merged.problems.push(`${cfs.rel(file)}: extends "${spec}" not found in the build context`);
            continue;
        }
        Object.assign(merged, { ...base, file, chain: merged.chain, problems: merged.problems });
        merged.chain.push(...base.chain);
        merged.problems.push(...base.problems);
    }
    const co = isRecord(json['compilerOptions']) ? json['compilerOptions'] : {};
    const str = (key) => (typeof co[key] === 'string' ? co[key] : undefined);
    const outDir = str('outDir');
    if (outDir !== undefined)
        merged.outDir = path.resolve(dir, outDir);
    const rootDir = str('rootDir');
    if (rootDir !== undefined)
        merged.rootDir = path.resolve(dir, rootDir);
    const baseUrl = str('baseUrl');
    if (baseUrl !== undefined)
        merged.baseUrl = path.resolve(dir, baseUrl);
    if (typeof co['allowJs'] === 'boolean')
        merged.allowJs = co['allowJs'];
    if (typeof co['composite'] === 'boolean')
        merged.composite = co['composite'];
    if (isRecord(co['paths'])) {
        const patterns = {};
        for (const [key, targets] of Object.entries(co['paths'])) {
            if (Array.isArray(targets))
                patterns[key] = targets.filter((t) => typeof t === 'string');
        }
        merged.paths = { patterns, base: dir };
    }
    // tsc resolves `paths` against baseUrl when one is set anywhere in the chain.
    if (merged.paths && merged.baseUrl)
        merged.paths = { ...merged.paths, base: merged.baseUrl };
    const list = (key) => Array.isArray(json[key]) ? json[key].filter((x) => typeof x === 'string') : undefined;
    const include = list('include');
    if (include)
        merged.include = { patterns: include, base: dir };
    const files = list('files');
    if (files)
        merged.files = { list: files, base: dir };
    const exclude = list('exclude');
    if (exclude)
        merged.exclude = { patterns: exclude, base: dir };
    return merged;
}
/**
 * `extends` may be relative, absolute, or a module name looked up in
 * node_modules. A bare name that is really a file beside the config
 * (`"extends": "tsconfig.base.json"`) is accepted too, leniently.
 */
function resolveExtends(cfs, dir, spec) {
    const withJson = (p) => {
        if (cfs.isFile(p))
            return p;
        if (!p.endsWith('.json') && cfs.isFile(`${p}.json`))
            return `${p}.json`;
        if (cfs.isDir(p) && cfs.isFile(path.join(p, 'tsconfig.json')))
            return path.join(p, 'tsconfig.json');
        return null;
    };
    if (spec.startsWith('.') || path.isAbsolute(spec))
        return withJson(path.resolve(dir, spec));
    for (let d = dir; cfs.lexicallyInside(d); d = path.dirname(d)) {
        const found = withJson(path.join(d, 'node_modules', spec));
        if (found)
            return found;
        if (d === cfs.root)
            break;
    }
    return withJson(path.resolve(dir, spec));
}
const nearestCache = new WeakMap();
/** The nearest `tsconfig.json` at or above `dir`, without leaving the context. */
export function nearestTsConfig(cfs, dir) {
    let cache = nearestCache.get(cfs);
    if (!cache) {
        cache = new Map();
        nearestCache.set(cfs, cache);
    }
    const abs = path.resolve(dir);
    if (cache.has(abs))
        return cache.get(abs) ?? null;
    let found = null;
    if (cfs.lexicallyInside(abs)) {
        const candidate = path.join(abs, 'tsconfig.json');
        if (cfs.isFile(candidate))
            found = candidate;
        else if (abs !== cfs.root)
            found = nearestTsConfig(cfs, path.dirname(abs));
    }
    cache.set(abs, found);
    return found;
}
//# sourceMappingURL=tsconfig.js.map