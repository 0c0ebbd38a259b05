/** The configuration as the linter uses it, after validation. */
import type { SeverityName } from '../types.js';
import type { RuntimeSettings } from '../model/model.js';
import type { LibraryEntry } from '../program/types.js';
import type { BaseImageEntry } from '../images/index.js';

export interface Pid1LintConfig {
  /** Absolute path of the file read; null when no config applies (defaults). */
  file: string | null;
  /** `ignore` patterns are relative to this folder (the config file's). */
  dir: string;
  severities: Record<string, SeverityName>;
  ruleOptions: Record<string, Record<string, unknown>>;
  ignore: string[];
  reportUnusedIgnores: SeverityName;
  runtime: ConfigRuntime;
  libraries: LibraryEntry[];
  images: BaseImageEntry[];
  fix: { type: 'init' | 'handler' } | null;
}

export interface ConfigRuntime {
  /** Set when the config says how PID 1 is run; null: explicitly without an init (`init: false`). */
  init?: RuntimeSettings['init'] | null;
  stopSignal?: RuntimeSettings['stopSignal'];
  /** Names of the image built from the Dockerfile, to find the Kubernetes containers that run it. */
  images: string[];
}

/** A configuration error: where it is and what is expected there. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** `rules.shell-form-pid1`, `libraries[0].role`; null for syntax errors. */
  path: string | null;
  message: string;
}

export function defaultConfig(dir: string): Pid1LintConfig {
  return {
    file: null,
    dir,
    severities: {},
    ruleOptions: {},
    ignore: [],
    reportUnusedIgnores: 'off',
    runtime: { images: [] },
    libraries: [],
    images: [],
    fix: null,
  };
}
