/**
 * Loads data/base-images.json and checks it: first against
 * data/base-images.schema.json with ajv, then what a schema cannot say (unique
 * ids, `extends` targets, regular expressions that compile, tag examples that
 * their own patterns accept, entries complete after `extends`). Every error
 * names the file and the JSON pointer.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-info.js';
/** Fields an entry must have once `extends` is resolved, when it has a `match`. */
export const REQUIRED_FIELDS = [
    'description',
    'distro',
    'shell',
    'osPackageManager',
    'entrypoint',
    'cmd',
    'workdir',
    'user',
    'stopSignal',
    'env',
    'inits',
    'scripts',
    'programs',
    'facts',
];
export function defaultDataFile() {
    return path.join(packageRoot(), 'data', 'base-images.json');
}
export function schemaFile() {
    return path.join(packageRoot(), 'data', 'base-images.schema.json');
}
let validators;
/** Compiled on first use, once per process. */
function getValidators() {
    if (validators !== undefined)
        return validators;
    const schema = readJson(schemaFile());
    // allowUnionTypes: nullable fields are `"type": ["string", "null"]`; strictRequired would reject
    // the `required` inside if/not and anyOf, which name properties declared one level up.
    // Loaded here only: a run that reads no user-supplied images never needs ajv.
    const { Ajv } = createRequire(import.meta.url)('ajv');
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    const file = ajv.compile(schema);
    const entries = ajv.compile({ type: 'array', items: { $ref: `${String(schema.$id)}#/definitions/entry` } });
    return (validators = { file, entries });
}
const loaded = new Map();
/**
 * The entries of a base-image data file (default: the built-in data/base-images.json),
 * validated; cached per file. Throws an Error naming the file and the JSON pointer.
 *
 * The built-in file is checked by the tests (`checkBuiltinBaseImageData`),
 * not on every run: loading ajv and compiling the schema cost more than the
 * rest of a Dockerfile-only run, and the other checks (every tag example
 * against its patterns) a tenth of it (BENCHMARKS.md).
 */
export function loadBaseImageData(file) {
    const target = path.resolve(file ?? defaultDataFile());
    const cached = loaded.get(target);
    if (cached !== undefined)
        return cached;
    const data = readJson(target);
    const entries = data.images;
    if (file !== undefined) {
        checkBaseImageSchema(target, data);
        checkEntries(entries, target, '/images', []);
    }
    deepFreeze(entries);
    loaded.set(target, entries);
    return entries;
}
/** What a run skips for the built-in data/base-images.json (see loadBaseImageData): every check, for the tests. */
export function checkBuiltinBaseImageData() {
    const file = defaultDataFile();
    const data = readJson(file);
    checkBaseImageSchema(file, data);
    checkEntries(data.images, file, '/images', []);
}
/** Throws when `data` (read from `file`) does not match data/base-images.schema.json. */
export function checkBaseImageSchema(file, data = readJson(file)) {
    const validate = getValidators().file;
    if (!validate(data))
        throw new Error(formatErrors(file, validate.errors ?? []));
}
/**
 * Validates entries from user configuration (same shape as the data file's entries).
 * `source` names where they came from (file, or file plus pointer) for error messages;
 * `pointer` is the JSON pointer of the array inside that source. `extends` may name
 * built-in entries.
 */
export function validateBaseImageEntries(data, source, pointer = '') {
    const validate = getValidators().entries;
    if (!validate(data))
        throw new Error(formatErrors(source, validate.errors ?? [], pointer));
    const entries = data;
    checkEntries(entries, source, pointer, loadBaseImageData());
    return entries;
}
function readJson(file) {
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new Error(`${file}: cannot read: ${error.message}`, { cause: error });
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${file}: invalid JSON: ${error.message}`, { cause: error });
    }
}
function formatErrors(source, errors, base = '') {
    const lines = new Set();
    for (const e of errors) {
        // if/then and oneOf repeat what their branches already said.
        if (e.keyword === 'if' || e.keyword === 'oneOf' || e.keyword === 'anyOf')
            continue;
        lines.add(`${source}: ${base + pointerOf(e) || '/'}: ${messageOf(e)}`);
    }
    if (lines.size === 0)
        for (const e of errors)
            lines.add(`${source}: ${base + e.instancePath || '/'}: ${e.message ?? e.keyword}`);
    return `invalid base image data\n  ${[...lines].slice(0, 8).join('\n  ')}`;
}
function pointerOf(e) {
    const p = e.params;
    if (e.keyword === 'additionalProperties')
        return `${e.instancePath}/${escapePointer(String(p.additionalProperty))}`;
    if (e.keyword === 'required')
        return `${e.instancePath}/${escapePointer(String(p.missingProperty))}`;
    return e.instancePath;
}
function messageOf(e) {
    const p = e.params;
    switch (e.keyword) {
        case 'additionalProperties':
            return `unknown property "${String(p.additionalProperty)}"`;
        case 'required':
            return `missing property "${String(p.missingProperty)}"`;
        case 'enum':
            return `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        default:
            return e.message ?? e.keyword;
    }
}
function escapePointer(key) {
    return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
/** The checks a JSON Schema cannot express. `parents` are entries `extends` may also name. */
function checkEntries(entries, source, base, parents) {
    const fail = (index, rest, message) => {
        throw new Error(`invalid base image data\n  ${source}: ${base}/${index}${rest}: ${message}`);
    };
    const byId = new Map();
    entries.forEach((entry, i) => {
        const seen = byId.get(entry.id);
        if (seen !== undefined)
            fail(i, '/id', `duplicate id "${entry.id}" (also at ${base}/${seen})`);
        byId.set(entry.id, i);
    });
    const parentIds = new Set(parents.map((p) => p.id));
    entries.forEach((entry, i) => {
        if (entry.extends !== undefined) {
            const own = entry.extends !== entry.id && byId.has(entry.extends);
            if (!own && !parentIds.has(entry.extends))
                fail(i, '/extends', `unknown entry id "${entry.extends}"`);
        }
        const match = entry.match;
        if (match?.imagePattern !== undefined)
            compile(match.imagePattern, () => fail(i, '/match/imagePattern', 'invalid regular expression'));
        const tags = (match?.tags ?? []).map((t, j) => compile(t, () => fail(i, `/match/tags/${j}`, 'invalid regular expression')));
        match?.tagExamples?.forEach((example, j) => {
            if (!tags.some((re) => re.test(example)))
                fail(i, `/match/tagExamples/${j}`, `"${example}" is not matched by this entry's tags`);
        });
    });
    // Completeness after `extends`, and no cycles.
    const find = parentFinder(entries, parents);
    entries.forEach((entry, i) => {
        if (entry.match === undefined)
            return;
        const chain = extendsChain(entry, find);
        if (chain === null)
            fail(i, '/extends', 'circular extends');
        for (const field of REQUIRED_FIELDS) {
            if (!(chain ?? []).some((e) => e[field] !== undefined))
                fail(i, '', `missing property "${field}" (not set here nor by the entries it extends)`);
        }
    });
}
/**
 * How `extends` is resolved: an entry of `own` looks first among `own` (not at itself,
 * so a user entry can replace a built-in of the same id and still extend it), then among
 * `builtins`; a built-in looks only among built-ins, so user entries never change them.
 */
export function parentFinder(own, builtins) {
    const ownById = new Map(own.map((e) => [e.id, e]));
    const builtinById = new Map(builtins.map((e) => [e.id, e]));
    const ownSet = new Set(own);
    return (id, from) => {
        if (ownSet.has(from) && id !== from.id) {
            const found = ownById.get(id);
            if (found !== undefined)
                return found;
        }
        return builtinById.get(id);
    };
}
/** The entry followed by its ancestors; null on a cycle. */
export function extendsChain(entry, find) {
    const chain = [entry];
    let current = entry;
    while (current.extends !== undefined) {
        const parent = find(current.extends, current);
        if (parent === undefined)
            break;
        if (chain.includes(parent))
            return null;
        chain.push(parent);
        current = parent;
    }
    return chain;
}
/** Anchors a data pattern: the whole name or tag must match. */
export function compilePattern(source) {
    return new RegExp(`^(?:${source})$`);
}
function compile(source, onError) {
    try {
        return compilePattern(source);
    }
    catch {
        return onError();
    }
}
function deepFreeze(value) {
    if (value === null || typeof value !== 'object' || Object.isFrozen(value))
        return;
    Object.freeze(value);
    for (const v of Object.values(value))
        deepFreeze(v);
}
//# sourceMappingURL=data.js.map