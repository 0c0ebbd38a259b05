/**
 * The library table: data/shutdown-libraries.json (its schema is checked by
 * the tests), plus user-supplied extras of the same shape, validated with
 * ajv (loaded only for them).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-info.js';
import { isRecord } from './fs-context.js';
export function dataFile(name) {
    return path.join(packageRoot(), 'data', name);
}
let validators;
let builtin;
function loadValidators() {
    validators ??= (async () => {
        const schema = JSON.parse(fs.readFileSync(dataFile('shutdown-libraries.schema.json'), 'utf8'));
        // Required, as everywhere: an import() inside the bundled command goes through an experimental vm loader.
        const mod = createRequire(import.meta.url)('ajv');
        const Ctor = resolveAjv(mod);
        // Strict mode catches schema typos; `required` inside if/then names properties declared above it.
        const ajv = new Ctor({ allErrors: true, strict: true, strictRequired: false });
        ajv.addSchema(schema);
        const id = String(schema['$id']);
        const table = ajv.getSchema(id);
        const entry = ajv.getSchema(`${id}#/definitions/library`);
        if (!table || !entry)
            throw new Error('pid1-lint: the library schema did not compile');
        return { table, entry };
    })();
    return validators;
}
function resolveAjv(mod) {
    if (mod.Ajv)
        return mod.Ajv;
    const d = mod.default;
    if (typeof d === 'function')
        return d;
    if (d?.Ajv)
        return d.Ajv;
    if (d?.default)
        return d.default;
    throw new Error('pid1-lint: ajv has no constructor export');
}
function describeErrors(validate) {
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}
/**
 * The built-in table. It is checked against its schema by the tests
 * (`checkBuiltinLibraries`), not on every run: ajv would cost a program
 * read more than its parsing (BENCHMARKS.md).
 */
export function loadBuiltinLibraries() {
    builtin ??= Promise.resolve(readBuiltinTable().libraries);
    return builtin;
}
function readBuiltinTable() {
    return JSON.parse(fs.readFileSync(dataFile('shutdown-libraries.json'), 'utf8'));
}
/** Throws when data/shutdown-libraries.json does not match its schema (a bug in pid1-lint). */
export async function checkBuiltinLibraries() {
    const { table } = await loadValidators();
    if (!table(readBuiltinTable()))
        throw new Error(`data/shutdown-libraries.json does not match its schema: ${describeErrors(table)}`);
}
/** User extras: valid entries are returned, invalid ones are described in `problems` (never thrown). */
export async function validateExtraLibraries(extras) {
    const { entry } = await loadValidators();
    const entries = [];
    const problems = [];
    extras.forEach((candidate, index) => {
        if (entry(candidate))
            entries.push(candidate);
        else {
            const id = isRecord(candidate) && typeof candidate['id'] === 'string' ? ` (${candidate['id']})` : '';
            problems.push(`extraLibraries[${index}]${id} ignored: ${describeErrors(entry)}`);
        }
    });
    return { entries, problems };
}
/** `node:fs` and `fs` are the same module. */
export function normalizeSpecifier(spec) {
    return spec.startsWith('node:') ? spec.slice(5) : spec;
}
/** The import path a call pattern names: `[]` for the module itself / its default export. */
export function patternPath(pattern) {
    if (!('import' in pattern))
        return null;
    const head = pattern.import === 'default' ? [] : [pattern.import];
    return pattern.member ? [...head, pattern.member] : head;
}
/** A package value's path as call patterns name it: calling the default export is calling the module itself. */
export function calleePath(valuePath) {
    return valuePath[0] === 'default' ? valuePath.slice(1) : valuePath;
}
export function samePath(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
/** A short name for a matched call: `child_process.spawn`, `puppeteer.launch`, `execa`. */
export function patternLabel(pkg, pattern) {
    if ('method' in pattern)
        return `${pkg} ${pattern.method}()`;
    const p = patternPath(pattern) ?? [];
    return [normalizeSpecifier(pkg), ...p].join('.');
}
//# sourceMappingURL=libraries.js.map