/**
 * The config's `ignore`: globs of files pid1-lint neither lints nor reports
 * on. Plain data, so it can be handed to a worker thread with the rest of the
 * lint options.
 */
import path from 'node:path';
import { matchPath } from '../context/glob.js';
/**
 * The pattern that covers a file, or null. A pattern without `/` matches a
 * name at any depth; a pattern that matches a folder covers everything in it;
 * files outside `dir` are never covered.
 */
export function ignoredBy(ignore, file) {
    const rel = path.relative(ignore.dir, file).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel))
        return null;
    const parts = rel.split('/');
    for (const pattern of ignore.patterns) {
        const clean = pattern.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
        const anchored = clean.includes('/') || pattern.startsWith('/');
        for (let len = 1; len <= parts.length; len++) {
            const prefix = parts.slice(0, len);
            if (anchored ? matchPath(clean, prefix.join('/')) : matchPath(clean, prefix.at(-1)))
                return pattern;
        }
    }
    return null;
}
//# sourceMappingURL=ignore.js.map