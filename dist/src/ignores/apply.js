import { Locator } from '../engine/locate.js';
import { dockerfileDirectives, sourceDirectives } from './directives.js';
/** Rule ids of the reports about directives; not rules of the registry (they cannot be configured or ignored). */
export const UNUSED_IGNORE = 'unused-ignore';
export const INVALID_IGNORE = 'invalid-ignore';
export function applyIgnores(model, found, options) {
    const dockerfile = model.dockerfilePath;
    const byFile = new Map([[dockerfile, dockerfileDirectives(model.parsed, options.rules)]]);
    const directivesOf = (file) => {
        let entry = byFile.get(file);
        if (!entry) {
            const read = model.files.read(file);
            entry = read.ok ? sourceDirectives(file, read.text, options.rules) : { directives: [], problems: [] };
            byFile.set(file, entry);
        }
        return entry;
    };
    const global = byFile.get(dockerfile).directives.filter((d) => d.scope === 'global');
    const used = new Map();
    const kept = [];
    const suppressed = [];
    /** Every directive that covers the finding: all of them count as used. */
    const covering = (item, ruleId) => {
        const local = [...placesOf(item)].flatMap((p) => directivesOf(p.file).directives.filter((d) => d.scope === 'lines' && covers(d, p.line)));
        return [...local, ...global].filter((d) => names(d, ruleId));
    };
    for (const item of found) {
        const ruleId = item.message.ruleId;
        // Fatal and structural messages have no rule and cannot be ignored.
        const directives = ruleId === null ? [] : covering(item, ruleId);
        if (ruleId === null || directives.length === 0) {
            kept.push(item);
            continue;
        }
        for (const d of directives)
            used.set(d, (used.get(d) ?? new Set()).add(ruleId));
        const suppressions = directives.map((d) => ({ kind: 'directive', justification: d.reason, directive: d.text, file: d.file, line: d.line }));
        suppressed.push({ file: item.file, message: { ...item.message, suppressions } });
    }
    if (options.reportUnused !== 'off') {
        // Also the files the chain runs through and the program's sources, so a directive left there is seen.
        for (const file of chainFiles(model))
            directivesOf(file);
    }
    const locate = new Locator(model);
    const report = (ruleId, problem, severity) => {
        const loc = locate.line(problem.file, problem.line);
        const message = { ruleId, severity, message: problem.message, line: loc.start.line, column: loc.start.column, endLine: loc.end.line, endColumn: loc.end.column };
        return { file: problem.file, message };
    };
    for (const entry of byFile.values()) {
        for (const problem of entry.problems)
            kept.push(report(INVALID_IGNORE, problem, 1));
        if (options.reportUnused === 'off')
            continue;
        for (const d of entry.directives) {
            const what = d.tool === 'pid1-lint' ? unusedPart(d, used.get(d)) : null;
            if (what === null)
                continue;
            const problem = { file: d.file, line: d.line, message: `Unused pid1-lint ignore directive (no problems were reported from ${what})` };
            kept.push(report(UNUSED_IGNORE, problem, options.reportUnused === 'error' ? 2 : 1));
        }
    }
    return { kept, suppressed };
}
function* placesOf(item) {
    yield { file: item.file, line: item.message.line };
    if (item.origin)
        yield item.origin;
}
function covers(d, line) {
    return line >= d.fromLine && line <= d.toLine;
}
function names(d, ruleId) {
    return d.rules === 'all' || d.rules.includes(ruleId);
}
/** `'a' or 'b'` for the rules a directive names that suppressed nothing; null when it is used. */
function unusedPart(d, hits) {
    if (d.rules === 'all')
        return hits ? null : 'any rule';
    const unused = d.rules.filter((r) => !hits?.has(r));
    return unused.length > 0 ? unused.map((r) => `'${r}'`).join(' or ') : null;
}
function chainFiles(model) {
    const files = new Set(model.program?.facts?.files ?? []);
    for (const link of model.chain) {
        if (link.script)
            files.add(link.script.hostPath);
        if (link.program?.hostPath && link.program.hostExists)
            files.add(link.program.hostPath);
    }
    return [...files];
}
//# sourceMappingURL=apply.js.map