/**
 * Reads one configuration file: JSON (.json, package.json's "pid1lint" key)
 * or YAML. Config files are data; JavaScript configs are refused, because
 * linting never runs project code. The value is checked against the schema
 * (compiled once) and then for what a schema cannot say (signal names, base
 * image `extends`, patterns); every problem names the file, line and column
 * and what is expected there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { rules as allRules } from '../../rules/index.js';
import { describeError } from '../context/files.js';
import { LineIndex } from '../positions.js';
import { parseSignal } from '../signals.js';
import { validateBaseImageEntries } from '../images/index.js';
import { isRecord } from '../program/fs-context.js';
import { aliasHint } from '../ignores/aliases.js';
import { buildConfigSchema } from './schema.js';
import { displayPath, issuesFromAjv, pointerSegments } from './diagnostics.js';
import { nodeAtPath, pairAt, parseYaml, positionOf } from './yaml.js';
import { defaultConfig } from './types.js';
/** The key of package.json that holds the config. */
export const PACKAGE_KEY = 'pid1lint';
export function configKind(file) {
    const base = path.basename(file).toLowerCase();
    if (base === 'package.json')
        return 'package';
    if (/\.(c|m)?(j|t)s$/.test(base))
        return 'script';
    return base.endsWith('.json') ? 'json' : 'yaml';
}
export function loadConfig(file, rules = allRules) {
    const abs = path.resolve(file);
    const kind = configKind(abs);
    const fail = (message, line = 1, column = 1, at = null) => ({
        ok: false,
        problems: [{ file: abs, line, column, path: at, message }],
    });
    if (kind === 'script') {
        return fail('JavaScript configuration is not read, because linting never runs project code: expected .pid1lintrc.json, .pid1lintrc.yaml, .pid1lintrc.yml, pid1lint.config.json or package.json');
    }
    let text;
    try {
        text = fs.readFileSync(abs, 'utf8');
    }
    catch (err) {
        return fail(`cannot read the configuration: ${describeError(err)}`);
    }
    // JSON is read with JSON.parse (strict JSON), and with the YAML parser only to locate errors.
    const yaml = parseYaml(text);
    let data;
    if (kind === 'yaml') {
        const syntax = yaml.errors[0];
        if (syntax)
            return fail(`invalid YAML: ${syntax.message}`, syntax.line, syntax.column);
        try {
            data = yaml.docs[0]?.toJS() ?? {}; // an empty file is an empty config
        }
        catch (err) {
            // The parser's limit on alias expansion ("billion laughs").
            return fail(`invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    else {
        try {
            data = JSON.parse(text);
        }
        catch (err) {
            const { message, line, column } = jsonError(err, text);
            return fail(`invalid JSON: ${message}`, line, column);
        }
    }
    const prefix = kind === 'package' ? [PACKAGE_KEY] : [];
    if (kind === 'package') {
        data = isRecord(data) ? data[PACKAGE_KEY] : undefined;
        if (data === undefined)
            return fail(`missing key "${PACKAGE_KEY}": expected the configuration under it`);
    }
    const locate = (issue) => {
        const full = [...prefix, ...issue.path];
        const { line, column } = locateIssue(yaml, full, issue.atKey ?? false);
        return { file: abs, line, column, path: displayPath(full), message: issue.message };
    };
    const validate = validator(rules);
    const valid = validate(data);
    const issues = valid ? [] : issuesFromAjv(validate.errors ?? [], { unknownRuleHint: (key) => aliasHint(rules, key) });
    // The checks a schema cannot make run on the parts the schema accepted, so one run reports everything.
    issues.push(...semanticIssues(data, issues));
    if (issues.length > 0)
        return { ok: false, problems: issues.map(locate).sort((a, b) => a.line - b.line || a.column - b.column) };
    const input = data;
    const sourceAt = (keys, text) => ({
        description: `${path.basename(abs)} (${text})`,
        file: abs,
        line: locateIssue(yaml, [...prefix, ...keys], false).line,
    });
    return { ok: true, config: toConfig(abs, input, sourceAt) };
}
/** The config the linter uses, from validated input. */
function toConfig(file, input, sourceAt) {
    const config = defaultConfig(path.dirname(file));
    config.file = file;
    for (const [id, value] of Object.entries(input.rules ?? {})) {
        const [severity, options] = Array.isArray(value) ? value : [value];
        config.severities[id] = severity;
        if (options)
            config.ruleOptions[id] = options;
    }
    config.ignore = input.ignore ?? [];
    config.reportUnusedIgnores = input.reportUnusedIgnores ?? 'off';
    const runtime = input.runtime ?? {};
    if (runtime.init !== undefined) {
        const kind = runtime.init === true ? 'docker-init' : runtime.init;
        config.runtime.init = kind === false ? null : { kind, source: sourceAt(['runtime', 'init'], `runtime.init: ${String(runtime.init)}`) };
    }
    if (runtime.stopSignal !== undefined) {
        const name = parseSignal(runtime.stopSignal).name;
        config.runtime.stopSignal = { name, source: sourceAt(['runtime', 'stopSignal'], `runtime.stopSignal: ${runtime.stopSignal}`) };
    }
    config.runtime.images = typeof runtime.image === 'string' ? [runtime.image] : (runtime.image ?? []);
    config.libraries = input.libraries ?? [];
    config.images = input.images ?? [];
    config.fix = input.fix?.type ? { type: input.fix.type } : null;
    return config;
}
/** What the schema cannot check: signal names Docker accepts, and base image entries as a set. */
function semanticIssues(data, schemaIssues) {
    const issues = [];
    const input = (isRecord(data) ? data : {});
    const runtime = isRecord(input['runtime']) ? input['runtime'] : {};
    const signal = runtime['stopSignal'];
    if (typeof signal === 'string' && signal !== '' && !parseSignal(signal)) {
        issues.push({
            path: ['runtime', 'stopSignal'],
            message: `expected a signal Docker accepts (a name such as SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGUSR2 or SIGRTMIN+3, with or without SIG, any case; or a number from 1 to 64), not "${signal}"`,
        });
    }
    const images = input['images'];
    if (Array.isArray(images) && images.length > 0 && !schemaIssues.some((i) => i.path[0] === 'images')) {
        try {
            validateBaseImageEntries(images, IMAGES_SOURCE, '/images');
        }
        catch (err) {
            issues.push(...imageIssues(err instanceof Error ? err.message : String(err)));
        }
    }
    return issues;
}
const IMAGES_SOURCE = 'config';
/** validateBaseImageEntries names each problem `config: /images/0/extends: message`; turn those back into places. */
function imageIssues(message) {
    const issues = [];
    for (const line of message.split('\n')) {
        const match = /^\s*config: (\/\S*): (.*)$/.exec(line); // `config` is IMAGES_SOURCE
        if (match)
            issues.push({ path: pointerSegments(match[1]), message: match[2] });
    }
    return issues.length > 0 ? issues : [{ path: ['images'], message }];
}
const validators = new WeakMap();
/** Compiled once per rule set (once per process for the registry). */
function validator(rules) {
    let validate = validators.get(rules);
    if (!validate) {
        // The data schemas' options; strictTuples off because [severity, options] may leave out the options;
        // verbose keeps the parent schema for "expected one of <keys>".
        // Loaded here only: a run without a configuration file never needs ajv.
        const { Ajv } = createRequire(import.meta.url)('ajv');
        const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true, verbose: true });
        validate = ajv.compile(buildConfigSchema(rules));
        validators.set(rules, validate);
    }
    return validate;
}
/** Line and column of the node an issue is about (its key for an unknown key), or of the nearest ancestor found. */
function locateIssue(yaml, keys, atKey) {
    const doc = yaml.docs[0];
    if (!doc || yaml.errors.length > 0)
        return { line: 1, column: 1 };
    const root = doc.contents;
    const parentKeys = atKey ? keys.slice(0, -1) : keys;
    const found = nodeAtPath(root, parentKeys);
    const pair = atKey && found.complete ? pairAt(found.node, String(keys.at(-1))) : null;
    const pos = positionOf(yaml.lines, pair ?? found.node);
    return { line: pos.line, column: pos.column };
}
/** V8's messages carry the offset (`… in JSON at position 42`); the end of input has none. */
function jsonError(err, text) {
    const raw = err instanceof Error ? err.message : String(err);
    const match = /at position (\d+)/.exec(raw);
    const offset = match ? Number(match[1]) : text.length;
    const { line, column } = new LineIndex(text).positionAt(offset);
    const message = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s+in JSON at position \d+/, '').trim();
    return { message, line, column };
}
/** `rules.shell-form-pid1 at .pid1lintrc.yaml:3:20: expected one of off, warn, error` (paths relative to cwd when inside it). */
export function formatProblem(problem, cwd) {
    const rel = path.relative(cwd, problem.file);
    const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : problem.file;
    return `${problem.path ? `${problem.path} at ` : ''}${file}:${problem.line}:${problem.column}: ${problem.message}`;
}
//# sourceMappingURL=load.js.map