/**
 * The rule module shape. A rule reads the PID-1 model (computed once in
 * src/model) and reports findings; it never reads files or parses anything
 * itself. One rule per file under rules/, with its doc page beside it.
 */
import type { Fix, SeverityName, SourceLocation, Suggestion } from './types.js';
import type { Pid1Model } from './model/model.js';
import type { Locator } from './engine/locate.js';

export interface RuleMeta<MessageId extends string> {
  /** `problem`: the container will not stop as intended; `suggestion`: it may, but fragile. */
  type: 'problem' | 'suggestion';
  /** One sentence, no trailing period. Also the SARIF shortDescription. */
  description: string;
  /** Severity when the config does not say otherwise. */
  defaultSeverity: Exclude<SeverityName, 'off'>;
  /** The facts (../shared/knowledge/pid1-facts.md sections) the rule is built on, e.g. `§3`. */
  facts: string[];
  /** Rules of other tools this one overlaps with (`hadolint:DL3025`). */
  sources?: string[];
  fixable?: boolean;
  hasSuggestions?: boolean;
  /**
   * JSON Schema (draft-07) of the rule's options object, set in the config as
   * `"rules": { "<id>": ["warn", { …options }] }`. Absent: the rule takes no options.
   * It is embedded in schema/pid1-lint.schema.json, so options are checked when the config loads.
   */
  options?: Record<string, unknown>;
  messages: Record<MessageId, string>;
}

export interface Report<MessageId extends string> {
  messageId: MessageId;
  /** Values for `{{name}}` placeholders in the message. */
  data?: Record<string, string | number>;
  loc: SourceLocation;
  /** Overrides the rule's default severity for this report (e.g. a warning where the image shell execs). */
  severity?: Exclude<SeverityName, 'off'>;
  fix?: Fix;
  suggest?: Suggestion[];
}

/**
 * Where both an init in the Dockerfile and a stop-signal handler in the
 * program would fix a finding: which one is the fix (`--fix-type`, config
 * `fix.type`); the other is offered as a suggestion.
 */
export type FixType = 'init' | 'handler';

/** The init: it changes only the Dockerfile and the container stops at once (see README "Fixing"). */
export const DEFAULT_FIX_TYPE: FixType = 'init';

export interface RuleContext<MessageId extends string> {
  readonly model: Pid1Model;
  readonly locate: Locator;
  /** The rule's options from the config, already checked against `meta.options` (`{}` when none are set). */
  readonly options: Readonly<Record<string, unknown>>;
  /**
   * `--fix-type` or config `fix.type`: the remedy to make the fix (and to name in the message) where an init
   * and a signal handler would both work; unset, the message names both and the fix is DEFAULT_FIX_TYPE's.
   */
  readonly fixType?: FixType;
  report(report: Report<MessageId>): void;
}

export interface Rule<MessageId extends string = string> {
  id: string;
  meta: RuleMeta<MessageId>;
  check(context: RuleContext<MessageId>): void;
}

/** Identity function that makes `messageId` typos a compile error. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** Fills `{{name}}` placeholders. Unknown names are left visible so a missing value shows in tests. */
export function interpolate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** The public doc page of a rule (the page ships in the package and lives in the repository). */
export function ruleDocUrl(ruleId: string): string {
  return `https://github.com/pid1-lint/pid1-lint/blob/main/rules/${ruleId}.md`;
}
