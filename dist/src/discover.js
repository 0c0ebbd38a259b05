/**
 * Turns the paths given on the command line into Dockerfiles: files are
 * taken as they are; folders are searched for Dockerfile, Containerfile,
 * *.Dockerfile and Dockerfile.* (skipping node_modules, .git and other
 * dependency or VCS folders).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeError } from './program/fs-context.js';
/** Dependency, VCS and build-cache folders no search descends into. */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'bower_components', '.yarn', '.pnpm-store', '.next', 'dist-newstyle']);
/** Dockerfile, Containerfile, api.Dockerfile, Dockerfile.prod, Containerfile.dev (any case); not *.dockerignore. */
export function isDockerfileName(name) {
    const lower = name.toLowerCase();
    if (lower.endsWith('.dockerignore'))
        return false;
    return /^(docker|container)file([._-][^/]*)?$/.test(lower) || /\.(docker|container)file$/.test(lower);
}
export function discoverDockerfiles(inputs, cwd) {
    const files = [];
    const missing = [];
    const seen = new Set();
    const add = (f) => {
        const abs = path.resolve(cwd, f);
        if (!seen.has(abs)) {
            seen.add(abs);
            files.push(abs);
        }
    };
    for (const input of inputs.length > 0 ? inputs : ['.']) {
        const abs = path.resolve(cwd, input);
        let st;
        try {
            st = fs.statSync(abs);
        }
        catch (err) {
            const code = err.code;
            missing.push({ path: input, reason: code === 'ENOENT' ? 'no such file or folder' : describeError(err) });
            continue;
        }
        if (st.isDirectory())
            walk(abs, add, new Set());
        else
            add(abs);
    }
    return { files, missing };
}
function walk(dir, add, visited) {
    let real;
    try {
        real = fs.realpathSync(dir);
    }
    catch {
        return;
    }
    if (visited.has(real))
        return; // symlink loop
    visited.add(real);
    let entries;
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!SKIP_DIRS.has(entry.name))
                walk(full, add, visited);
        }
        else if ((entry.isFile() || entry.isSymbolicLink()) && isDockerfileName(entry.name)) {
            add(full);
        }
    }
}
//# sourceMappingURL=discover.js.map