/**
 * Everything about one Dockerfile that is not in the Dockerfile: which
 * configuration applies (--config, --no-config, or the nearest file), whether
 * its `ignore` skips the Dockerfile, and how the container is run (compose,
 * Kubernetes, the config's `runtime`). The CLI asks this once per Dockerfile
 * and passes the answer to lintDockerfile.
 */
import path from 'node:path';
import { matchPath } from '../context/glob.js';
import { RuntimeDiscovery } from '../runtime/discover.js';
import { rules as allRules } from '../../rules/index.js';
import { ConfigFinder } from './discover.js';
import { loadConfig } from './load.js';
import { defaultConfig } from './types.js';
export class Project {
    options;
    finder = new ConfigFinder();
    loads = new Map();
    runtime;
    constructor(options) {
        this.options = options;
        this.runtime = new RuntimeDiscovery(options.files);
    }
    /** The --config file, loaded up front: when it is broken, nothing can be linted. */
    explicitConfig() {
        return this.options.configFile ? this.load(path.resolve(this.options.configFile)) : null;
    }
    forDockerfile(dockerfile) {
        const file = path.resolve(dockerfile);
        const configFile = this.options.noConfig ? null : this.options.configFile ? path.resolve(this.options.configFile) : this.finder.find(file);
        let config = defaultConfig(path.dirname(file));
        if (configFile) {
            const loaded = this.load(configFile);
            if (!loaded.ok)
                return { kind: 'config-error', problems: loaded.problems };
            config = loaded.config;
        }
        const pattern = ignoredBy(config, file);
        if (pattern !== null)
            return { kind: 'ignored', config, pattern };
        const runtime = this.runtime.forDockerfile(file, config.runtime);
        const options = {
            files: this.options.files,
            severities: config.severities,
            ruleOptions: config.ruleOptions,
            runtime: runtime.image,
            deployments: runtime.deployments,
            runtimeNotes: runtime.notes,
            reportUnusedIgnores: unusedSeverity(config.reportUnusedIgnores, this.options.reportUnusedIgnores ?? false),
            ...(config.ignore.length > 0 ? { isIgnored: (f) => ignoredBy(config, f) !== null } : {}),
            ...(config.images.length > 0 ? { extraImages: config.images } : {}),
            ...(config.libraries.length > 0 ? { extraLibraries: config.libraries } : {}),
            ...(config.fix ? { fixType: config.fix.type } : {}),
            ...(this.options.rules ? { rules: this.options.rules } : {}),
        };
        return { kind: 'lint', config, options };
    }
    load(file) {
        let loaded = this.loads.get(file);
        if (!loaded) {
            loaded = loadConfig(file, this.options.rules ?? allRules);
            this.loads.set(file, loaded);
        }
        return loaded;
    }
}
function unusedSeverity(configured, flag) {
    return flag && configured === 'off' ? 'warn' : configured;
}
/**
 * The `ignore` pattern that covers a file, or null. Patterns are relative to
 * the config's folder; one without `/` matches a name at any depth; a pattern
 * that matches a folder covers everything in it.
 */
export function ignoredBy(config, file) {
    const rel = path.relative(config.dir, file).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel))
        return null;
    const parts = rel.split('/');
    for (const pattern of config.ignore) {
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
//# sourceMappingURL=project.js.map