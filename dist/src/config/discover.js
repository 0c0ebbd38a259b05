/**
 * Which configuration applies to a Dockerfile: the nearest one, looking in
 * the Dockerfile's folder and then each parent up to the repository root
 * (the filesystem root outside a repository). In one folder the first of
 * CONFIG_NAMES wins; package.json counts only with a "pid1lint" key. Files
 * are not merged: the nearest one is the whole configuration, as with tally
 * and .hadolint.yaml.
 */
import path from 'node:path';
import { ContextFiles, repositoryRoot } from '../context/files.js';
import { isRecord } from '../program/fs-context.js';
import { PACKAGE_KEY } from './load.js';
export const CONFIG_NAMES = ['.pid1lintrc.json', '.pid1lintrc.yaml', '.pid1lintrc.yml', 'pid1lint.config.json', 'package.json'];
export class ConfigFinder {
    files;
    byFolder = new Map();
    /** `files`: the run's shared reads, so each candidate is looked at once per run. */
    constructor(files = new ContextFiles()) {
        this.files = files;
    }
    /** The config file for a Dockerfile, or null. */
    find(dockerfile) {
        const start = path.dirname(path.resolve(dockerfile));
        const stop = repositoryRoot(start);
        const visited = [];
        const search = () => {
            for (let dir = start;; dir = path.dirname(dir)) {
                const cached = this.byFolder.get(dir);
                if (cached !== undefined)
                    return cached;
                visited.push(dir);
                const here = configIn(dir, this.files);
                if (here || dir === stop || dir === path.dirname(dir))
                    return here;
            }
        };
        const found = search();
        for (const dir of visited)
            this.byFolder.set(dir, found);
        return found;
    }
}
function configIn(dir, files) {
    for (const name of CONFIG_NAMES) {
        const file = path.join(dir, name);
        if (!files.isFile(file))
            continue;
        if (name !== 'package.json' || hasConfigKey(file, files))
            return file;
    }
    return null;
}
/** A package.json that does not parse still counts when it mentions the key, so its error is reported. */
function hasConfigKey(file, files) {
    const read = files.read(file);
    if (!read.ok)
        return false;
    const { text } = read;
    try {
        const json = JSON.parse(text);
        return isRecord(json) && PACKAGE_KEY in json;
    }
    catch {
        return text.includes(`"${PACKAGE_KEY}"`);
    }
}
//# sourceMappingURL=discover.js.map