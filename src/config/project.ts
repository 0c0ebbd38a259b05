/**
 * Everything about one Dockerfile that is not in the Dockerfile: which
 * configuration applies (--config, --no-config, or the nearest file), whether
 * its `ignore` skips the Dockerfile, and how the container is run (compose,
 * Kubernetes, the config's `runtime`). The CLI plans a run with it: each
 * Dockerfile to lint with its options (plain data, so a worker thread can
 * take them), and what to tell the user about the others.
 */
import path from 'node:path';
import type { Rule } from '../rule.js';
import type { SeverityName } from '../types.js';
import type { ContextFiles } from '../context/files.js';
import type { PoolOptions } from '../engine/pool.js';
import { RuntimeDiscovery } from '../runtime/discover.js';
import { rules as allRules } from '../../rules/index.js';
import { ConfigFinder } from './discover.js';
import { ignoredBy } from './ignore.js';
import { formatProblem, loadConfig, type ConfigLoad } from './load.js';
import { defaultConfig, type ConfigProblem, type Pid1LintConfig } from './types.js';

export interface ProjectOptions {
  files: ContextFiles;
  /** --config FILE: this file for every Dockerfile, no search. */
  configFile?: string;
  /** --no-config: no configuration file at all. */
  noConfig?: boolean;
  /** --report-unused-ignores: at least warnings (the config may ask for errors). */
  reportUnusedIgnores?: boolean;
  rules?: readonly Rule[];
}

export type ProjectAnswer =
  | { kind: 'lint'; config: Pid1LintConfig; options: PoolOptions }
  | { kind: 'ignored'; config: Pid1LintConfig; pattern: string }
  | { kind: 'config-error'; problems: ConfigProblem[] };

export class Project {
  private readonly finder: ConfigFinder;
  private readonly loads = new Map<string, ConfigLoad>();
  private readonly runtime: RuntimeDiscovery;

  constructor(private readonly options: ProjectOptions) {
    this.finder = new ConfigFinder(options.files);
    this.runtime = new RuntimeDiscovery(options.files);
  }

  /** The --config file, loaded up front: when it is broken, nothing can be linted. */
  explicitConfig(): ConfigLoad | null {
    return this.options.configFile ? this.load(path.resolve(this.options.configFile)) : null;
  }

  forDockerfile(dockerfile: string): ProjectAnswer {
    const file = path.resolve(dockerfile);
    const configFile = this.options.noConfig ? null : this.options.configFile ? path.resolve(this.options.configFile) : this.finder.find(file);
    let config = defaultConfig(path.dirname(file));
    if (configFile) {
      const loaded = this.load(configFile);
      if (!loaded.ok) return { kind: 'config-error', problems: loaded.problems };
      config = loaded.config;
    }
    const ignore = { dir: config.dir, patterns: config.ignore };
    const pattern = ignoredBy(ignore, file);
    if (pattern !== null) return { kind: 'ignored', config, pattern };
    const runtime = this.runtime.forDockerfile(file, config.runtime);
    const options: PoolOptions = {
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
  plan(dockerfiles: readonly string[], named: ReadonlySet<string>, cwd: string): LintPlan {
    const plan: LintPlan = { tasks: [], messages: [], configError: false, stop: false, failures: [] };
    const shown = new Set<string>();
    const problems = (list: readonly ConfigProblem[]) => {
      for (const line of list.map((p) => `invalid configuration: ${formatProblem(p, cwd)}`)) {
        if (!shown.has(line)) plan.messages.push(line);
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
        if (answer.kind === 'lint') plan.tasks.push({ file, options: answer.options });
        else if (answer.kind === 'config-error') {
          // Dockerfiles under another configuration are still linted.
          plan.configError = true;
          problems(answer.problems);
          plan.messages.push(`${shownFile}: not linted because its configuration is invalid`);
        } else if (named.has(file)) {
          plan.messages.push(`${shownFile}: ignored by "${answer.pattern}" in ${answer.config.file ?? 'the configuration'}`);
        }
      } catch (error) {
        plan.failures.push({ file, error });
      }
    }
    return plan;
  }

  private load(file: string): ConfigLoad {
    let loaded = this.loads.get(file);
    if (!loaded) {
      loaded = loadConfig(file, this.options.rules ?? allRules);
      this.loads.set(file, loaded);
    }
    return loaded;
  }
}

export interface LintPlan {
  tasks: { file: string; options: PoolOptions }[];
  /** For stderr, without the `pid1-lint: ` prefix. */
  messages: string[];
  configError: boolean;
  /** Nothing can be linted (a broken --config). */
  stop: boolean;
  /** Dockerfiles whose settings could not be worked out: internal errors. */
  failures: { file: string; error: unknown }[];
}

function unusedSeverity(configured: SeverityName, flag: boolean): SeverityName {
  return flag && configured === 'off' ? 'warn' : configured;
}
