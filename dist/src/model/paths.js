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
import { trimEndChars } from '../text.js';
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
                    const inner = path.posix.join(resolvePath('/', trimEndChars(source, '/')), rel);
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
        const anchored = this.anchoredPath(stage, target, via) ?? this.parentOfCopied(stage, target, via, depth);
        if (anchored)
            return anchored;
        if (stage.base.kind === 'stage')
            return this.mapIn(stage.base.stage, target, via, depth + 1);
        return { reason: 'no COPY or ADD places it in the image' };
    }
    /**
     * `COPY --from=build /app/dist ./dist` with WORKDIR /app: /app holds nothing
     * itself, but /app/dist is build:/app/dist, which maps to <context>/dist,
     * so /app corresponds to <context> (the same name below both).
     */
    parentOfCopied(stage, target, via, depth) {
        if (depth > 8)
            return null;
        for (const step of stage.copies) {
            if (step.dest === target || !isUnder(step.dest, target))
                continue;
            const below = path.posix.relative(target, step.dest);
            const mapped = this.mapIn(stage, step.dest, via, depth + 1);
            if (!('host' in mapped) || !mapped.host.split(path.sep).join('/').endsWith(`/${below}`))
                continue;
            const host = mapped.host.slice(0, mapped.host.length - below.length - 1);
            const exists = this.options.files.isDirectory(host);
            return { host, exists, built: !exists, via: mapped.via, stage, dockerignored: false };
        }
        return null;
    }
    /**
     * `COPY package.json tsconfig.json ./` into /app, then `RUN tsc`: /app/dist
     * is made in the image, next to files that came from the context root. A
     * folder that file COPYs fill corresponds to their folder in the context,
     * so paths below it map there (marked built unless the host has them).
     */
    anchoredPath(stage, target, via, depth = 0) {
        let best = null;
        for (const step of stage.copies) {
            if (step.from.kind === 'image' || !step.destIsDir || !isUnder(target, step.dest))
                continue;
            for (const source of step.sources) {
                if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source))
                    continue;
                const kind = this.sourceKind(step, source);
                if (kind === 'dir' && !hasGlob(source))
                    continue;
                let hostDir = null;
                if (step.from.kind === 'context') {
                    hostDir = path.dirname(this.contextPath(source, ''));
                }
                else if (depth < 8) {
                    // A file copied from another stage: its folder there is anchored the same way.
                    const inner = this.mapIn(step.from.stage, path.posix.dirname(resolvePath('/', source)), [], depth + 1);
                    hostDir = 'host' in inner ? inner.host : null;
                }
                if (hostDir && (!best || step.dest.length > best.dir.length))
                    best = { dir: step.dest, host: hostDir, step };
            }
        }
        if (!best)
            return null;
        const host = path.join(best.host, path.posix.relative(best.dir, target));
        const exists = this.options.files.exists(host);
        const dockerignored = exists && this.isDockerignored(host);
        return { host, exists: exists && !dockerignored, built: !exists || dockerignored, via: [...via, best.step], stage, dockerignored };
    }
    contextPath(source, rel) {
        // BuildKit joins a COPY source to "/" inside the context: a leading slash
        // changes nothing, and `../x` cannot leave it (it is `x` at the root).
        return path.join(this.options.contextDir, path.posix.join('/', source), rel);
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
        const base = path.posix.basename(trimEndChars(source, '/'));
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
        const host = this.contextPath(source, '');
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