/**
 * Everything about one Dockerfile that is not in the Dockerfile: which
 * configuration applies (--config, --no-config, or the nearest file), whether
 * its `ignore` skips the Dockerfile, and how the container is run (compose,
 * Kubernetes, the config's `runtime`). The CLI plans a run with it: each
 * Dockerfile to lint with its options (plain data, so a worker thread can
 * take them), and what to tell the user about the others.
 */
import path from 'node:path';
import { RuntimeDiscovery } from '../runtime/discover.js';
import { rules as allRules } from '../../rules/index.js';
import { ConfigFinder } from './discover.js';
import { ignoredBy } from './ignore.js';
import { formatProblem, loadConfig } from './load.js';
import { defaultConfig } from './types.js';
export class Project {
    options;
    finder;
    loads = new Map();
    runtime;
    constructor(options) {
        this.options = options;
        this.finder = new ConfigFinder(options.files);
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
        const ignore = { dir: config.dir, patterns: config.ignore };
        const pattern = ignoredBy(ignore, file);
        if (pattern !== null)
            return { kind: 'ignored', config, pattern };
        const runtime = this.runtime.forDockerfile(file, config.runtime);
        const options = {
            severities: config.severities,
            ruleOptions: config.ruleOptions,
            runtime: runtime.image,
            deployments: runtime.deployments,
            runtimeNotes: runtime.notes,
            reportUnusedIgnores: unusedSeverity(config.reportUnusedIgnores, this.options.reportUnusedIgnores ?? false),
            ...(config.ignore.length > 0 ? { ignore } : {}),
            ...(config.images.length > 0 ? { extraImages: config.images } : {}),
            ...(config.libraries.length > 0 ? { extraLibraries: config.libraries } : {}),
            ...(config.fix ? { fixType: config.fix.type } : {}),
            ...(this.options.rules ? { rules: this.options.rules } : {}),
        };
        return { kind: 'lint', config, options };
    }
    /**
     * A run: the Dockerfiles to lint, each with its options; lines for stderr about
     * invalid configurations and ignored Dockerfiles named on the command line;
     * `stop` when a broken --config leaves nothing to lint.
     */
    plan(dockerfiles, named, cwd) {
        const plan = { tasks: [], messages: [], configError: false, stop: false, failures: [] };
        const shown = new Set();
        const problems = (list) => {
            for (const line of list.map((p) => `invalid configuration: ${formatProblem(p, cwd)}`)) {
                if (!shown.has(line))
                    plan.messages.push(line);
                shown.add(line);
            }
        };
        const explicit = this.explicitConfig();
        if (explicit && !explicit.ok) {
            problems(explicit.problems);
            return { ...plan, configError: true, stop: true };
        }
        for (const file of dockerfiles) {
            const shownFile = path.relative(cwd, file) || file;
            try {
                const answer = this.forDockerfile(file);
                if (answer.kind === 'lint')
                    plan.tasks.push({ file, options: answer.options });
                else if (answer.kind === 'config-error') {
                    // Dockerfiles under another configuration are still linted.
                    plan.configError = true;
                    problems(answer.problems);
                    plan.messages.push(`${shownFile}: not linted because its configuration is invalid`);
                }
                else if (named.has(file)) {
                    plan.messages.push(`${shownFile}: ignored by "${answer.pattern}" in ${answer.config.file ?? 'the configuration'}`);
                }
            }
            catch (error) {
                plan.failures.push({ file, error });
            }
        }
        return plan;
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
//# sourceMappingURL=project.js.map