/**
 * Container path → build-context path, by reading the COPY/ADD steps of a
 * stage backwards (a later COPY overwrites an earlier one) and following
 * `COPY --from=<stage>` into the stage that produced the file. A path under a
 * copied directory that does not exist on the host was produced inside the
 * image (by `RUN npm run build`, say): it is still mapped, marked `built`, so
 * the program reader can look for its source (tsconfig outDir → rootDir…).
 */
import path from 'node:path';
import { hasGlob, resolvePath } from '../dockerfile/stages.js';
import { isIgnoredByDockerignore } from '../context/dockerignore.js';
import { globMatches } from '../context/glob.js';
export class PathMapper {
    options;
    constructor(options) {
        this.options = options;
    }
    map(stage, containerPath) {
        return this.mapIn(stage, resolvePath('/', containerPath), [], 0);
    }
    mapIn(stage, target, via, depth) {
        if (depth > 32)
            return { reason: 'COPY --from chain too deep' };
        let fallback = null;
        for (let i = stage.copies.length - 1; i >= 0; i--) {
            const step = stage.copies[i];
            for (const source of [...step.sources].reverse()) {
                const rel = this.matchSource(step, source, target);
                if (rel === null)
                    continue;
                if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@')) {
                    return { reason: `fetched by ADD ${source}`, step };
                }
                if (step.from.kind === 'image')
                    return { reason: `copied from the image ${step.from.ref}`, step };
                if (step.from.kind === 'stage') {
                    const inner = path.posix.join(resolvePath('/', source.replace(/\/+$/, '')), rel);
                    const mapped = this.mapIn(step.from.stage, inner, [...via, step], depth + 1);
                    if ('host' in mapped) {
                        if (mapped.exists)
                            return mapped;
                        fallback ??= mapped;
                        continue;
                    }
                    // Not copied into that stage: it was made there from something else (or came from its base image).
                    return fallback ?? mapped;
                }
                const host = this.contextPath(source, rel);
                const exists = this.options.files.exists(host);
                const dockerignored = this.isDockerignored(host);
                const mapped = { host, exists: exists && !dockerignored, built: !exists || dockerignored, via: [...via, step], stage, dockerignored };
                if (exists && !dockerignored)
                    return mapped;
                fallback ??= mapped;
            }
        }
        if (fallback)
            return fallback;
        if (stage.base.kind === 'stage')
            return this.mapIn(stage.base.stage, target, via, depth + 1);
        return { reason: 'no COPY or ADD places it in the image' };
    }
    contextPath(source, rel) {
        // COPY sources are relative to the context root, with or without a leading slash.
        const clean = source.replace(/^\/+/, '');
        return path.join(this.options.contextDir, clean, rel);
    }
    isDockerignored(host) {
        const ignore = this.options.dockerignore;
        if (!ignore)
            return false;
        const rel = path.relative(this.options.contextDir, host).split(path.sep).join('/');
        return isIgnoredByDockerignore(ignore, rel);
    }
    /**
     * The part of `target` below what `source` provides, '' when the source is
     * the file itself, or null when this source does not place `target`.
     */
    matchSource(step, source, target) {
        const dest = step.dest;
        const base = path.posix.basename(source.replace(/\/+$/, ''));
        if (hasGlob(source)) {
            if (!isUnder(target, dest))
                return null;
            const below = path.posix.relative(dest, target);
            const [first, ...rest] = below.split('/');
            if (!first || !globMatches(base, first))
                return null;
            // The glob matched `first` inside the source's folder: map through that folder.
            return ['..', first, ...rest].join('/');
        }
        const kind = this.sourceKind(step, source);
        const fileMatch = step.destIsDir ? target === path.posix.join(dest, base) : target === dest;
        if (kind === 'file')
            return fileMatch ? '' : null;
        // A source of unknown kind (from another stage) is read as a file when the names line up.
        if (kind === 'unknown' && fileMatch)
            return '';
        if (isUnder(target, dest))
            return path.posix.relative(dest, target);
        return null;
    }
    sourceKind(step, source) {
        if (source === '.' || source === './' || source.endsWith('/'))
            return 'dir';
        if (step.from.kind === 'stage') {
            // Look at what the other stage holds at that path; a name with an extension is taken as a file.
            const inner = this.map(step.from.stage, resolvePath('/', source));
            if ('host' in inner && inner.exists)
                return this.options.files.isDirectory(inner.host) ? 'dir' : 'file';
            return /\.[A-Za-z0-9]{1,5}$/.test(source) ? 'file' : 'unknown';
        }
        if (step.from.kind !== 'context')
            return 'unknown';
        const host = path.join(this.options.contextDir, source.replace(/^\/+/, ''));
        if (this.options.files.isDirectory(host))
            return 'dir';
        if (this.options.files.isFile(host))
            return 'file';
        return 'unknown';
    }
}
function isUnder(target, dir) {
    return dir === '/' || target === dir || target.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}
//# sourceMappingURL=paths.js.map