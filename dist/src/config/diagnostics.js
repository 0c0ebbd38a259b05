export function issuesFromAjv(errors, context = {}) {
    const seen = new Set();
    const issues = [];
    for (const group of prune(errors.filter((e) => !SUMMARY.has(e.keyword)))) {
        const issue = group.length === 1 ? describe(group[0], context) : describeMerged(group);
        const key = `${issue.path.join('\u0000')}\u0000${issue.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        issues.push(issue);
    }
    return issues;
}
/** Errors that only say "a branch failed" (or "a key is invalid"); the branch's own errors say why. */
const SUMMARY = new Set(['anyOf', 'oneOf', 'if', 'allOf', 'propertyNames']);
const ALTERNATIVE = /\/(?:anyOf|oneOf)\/(\d+)(?=\/|$)/;
/** Keeps, for every anyOf/oneOf, the errors of its best branch (recursively for nested ones). */
function prune(errors, prefix = 0) {
    const plain = [];
    const compounds = new Map();
    for (const e of errors) {
        const match = ALTERNATIVE.exec(e.schemaPath.slice(prefix));
        if (!match) {
            plain.push([e]);
            continue;
        }
        const branchStart = prefix + match.index + match[0].length - match[1].length;
        const compound = e.schemaPath.slice(0, branchStart);
        const branches = compounds.get(compound) ?? new Map();
        const branch = Number(match[1]);
        branches.set(branch, [...(branches.get(branch) ?? []), e]);
        compounds.set(compound, branches);
    }
    const out = plain;
    for (const [compound, branches] of compounds) {
        const all = [...branches.values()].flat();
        // The value the alternatives are about: the shallowest place any branch complains about.
        const top = Math.min(...all.map(depthOf));
        const ranked = [...branches.entries()]
            .map(([index, errs]) => ({ index, errs, score: score(errs, top) }))
            .sort((a, b) => compare(b.score, a.score) || a.index - b.index);
        const best = ranked[0];
        if (!best)
            continue;
        const ties = ranked.filter((r) => compare(r.score, best.score) === 0);
        const at = best.errs[0]?.instancePath;
        if (ties.length > 1 && ties.every((t) => t.errs.every((e) => VALUE_KEYWORDS.has(e.keyword) && e.instancePath === at))) {
            // "expected a string or an array": equally good branches that disagree only on the value.
            out.push([...new Set([...ties.flatMap((t) => t.errs), ...all.filter((e) => isChoice(e) && e.instancePath === at)])]);
            continue;
        }
        // A discriminator (`kind: exits | may-hang | …`): list what every branch allows there.
        const choices = new Set(best.errs.filter(isChoice).map((e) => e.instancePath));
        for (const at of choices)
            out.push(all.filter((e) => isChoice(e) && e.instancePath === at));
        const rest = best.errs.filter((e) => !(isChoice(e) && choices.has(e.instancePath)));
        out.push(...prune(rest, `${compound}${best.index}`.length));
    }
    return out;
}
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const']);
function isChoice(e) {
    return e.keyword === 'enum' || e.keyword === 'const';
}
/** How far into the value an error is; an unknown or missing key is about a place inside its object. */
function depthOf(e) {
    return pointerSegments(e.instancePath).length + (e.keyword === 'additionalProperties' || e.keyword === 'required' ? 1 : 0);
}
/**
 * Deeper into the value is better; then a branch that accepts the kind of
 * value written (a string for a list of strings) over one that wants another
 * kind; then fewer errors.
 */
function score(errors, top) {
    const depth = Math.max(...errors.map(depthOf));
    const rejected = errors.some((e) => {
        if (depthOf(e) !== top)
            return false;
        if (e.keyword === 'type')
            return true;
        if (!isChoice(e))
            return false;
        const params = e.params;
        const allowed = e.keyword === 'enum' ? params['allowedValues'] : [params['allowedValue']];
        return !allowed.some((v) => jsonType(v) === jsonType(e.data));
    });
    return [depth, rejected ? 0 : 1, -errors.length];
}
function jsonType(value) {
    return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
function compare(a, b) {
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
function describe(e, context) {
    const path = pointerSegments(e.instancePath);
    const params = e.params;
    if (e.propertyName !== undefined) {
        // A `propertyNames` check failed: the problem is that key, e.g. an ENV name `1BAD`.
        const { message } = describe({ ...e, propertyName: undefined }, context);
        return { path: [...path, e.propertyName], atKey: true, message: `invalid key; ${message.replace(/^expected a string/, 'expected a name')}` };
    }
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(params['additionalProperty']);
            const known = Object.keys((e.parentSchema?.['properties'] ?? {}));
            if (path.length === 1 && path[0] === 'rules') {
                const hint = context.unknownRuleHint?.(key);
                return { path: [...path, key], atKey: true, message: hint ? `unknown rule; did you mean ${hint}?` : `unknown rule; expected one of ${known.join(', ')}` };
            }
            return { path: [...path, key], atKey: true, message: known.length ? `unknown key; expected one of ${known.join(', ')}` : 'unknown key; this object takes no keys' };
        }
        case 'required':
            return { path, message: `missing key "${String(params['missingProperty'])}"` };
        case 'dependencies':
            return { path, message: `missing key "${String(params['missingProperty'])}" (needed with "${String(params['property'])}")` };
        case 'uniqueItems': {
            // ajv scans from the end: `j` is the later item, `i` the earlier one. Point at the repeat.
            const [later, earlier] = [Number(params['j']), Number(params['i'])];
            const value = Array.isArray(e.data) ? e.data[later] : undefined;
            return { path: [...path, later], message: `expected each item once; ${show(value)} is already item ${earlier}` };
        }
        case 'minItems':
            return { path, message: `expected at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}` };
        case 'maxItems':
        case 'additionalItems':
            return { path, message: `expected at most ${String(params['limit'])} items` };
        case 'minLength':
            return { path, message: params['limit'] === 1 ? 'expected a non-empty string' : `expected at least ${String(params['limit'])} characters` };
        case 'pattern':
            return { path, message: `expected a string matching /${String(params['pattern'])}/` };
        case 'minimum':
            return { path, message: `expected a number ≥ ${String(params['limit'])}` };
        case 'maximum':
            return { path, message: `expected a number ≤ ${String(params['limit'])}` };
        case 'type':
        case 'enum':
        case 'const':
            return describeMerged([e]);
        default:
            return { path, message: e.message ?? `invalid (${e.keyword})` };
    }
}
/** type/enum/const errors at one place, as one "expected …" sentence. */
function describeMerged(errors) {
    const path = pointerSegments(errors[0]?.instancePath ?? '');
    const values = [];
    const types = [];
    for (const e of errors) {
        const params = e.params;
        if (e.keyword === 'enum')
            values.push(...params['allowedValues'].map(show));
        else if (e.keyword === 'const')
            values.push(show(params['allowedValue']));
        else if (e.keyword === 'type')
            types.push(...String(params['type']).split(','));
    }
    const parts = [];
    const unique = [...new Set(values)];
    if (unique.length)
        parts.push(unique.length === 1 ? unique[0] : `one of ${unique.join(', ')}`);
    parts.push(...[...new Set(types)].map(article));
    // "one of a, b, or an array" needs the comma; "a string or an array" does not.
    return { path, message: `expected ${parts.join(unique.length > 1 ? ', or ' : ' or ')}` };
}
function show(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function article(type) {
    switch (type) {
        case 'object':
            return 'an object (a mapping of keys)';
        case 'array':
            return 'an array (a list)';
        case 'integer':
            return 'an integer';
        case 'null':
            return 'null';
        default:
            return `a ${type}`;
    }
}
/** `/rules/shell-form-pid1` → ['rules', 'shell-form-pid1']; `/ignore/1` → ['ignore', 1]. */
export function pointerSegments(pointer) {
    if (pointer === '' || pointer === '/')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}
/** ['libraries', 0, 'role'] → `libraries[0].role`. */
export function displayPath(path) {
    let out = '';
    for (const step of path)
        out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
    return out || '(top level)';
}
//# sourceMappingURL=diagnostics.js.map