/** Lower-cased foreign code → pid1-lint rule ids, for one tool. */
export function foreignAliases(rules, tool) {
    const out = new Map();
    for (const rule of rules) {
        for (const source of rule.meta.sources ?? []) {
            const match = /^([\w-]+):(\S+)$/.exec(source);
            if (!match || match[1] !== tool)
                continue;
            const code = match[2].toLowerCase();
            out.set(code, [...(out.get(code) ?? []), rule.id]);
        }
    }
    return out;
}
/** `DL3025` → `shell-form-pid1 (hadolint DL3025)`: a hint for a foreign code written where a pid1-lint rule id belongs. */
export function aliasHint(rules, code) {
    for (const tool of ['hadolint', 'buildkit']) {
        const ids = foreignAliases(rules, tool).get(code.toLowerCase());
        if (ids)
            return `${ids.join(', ')} (${tool} ${code})`;
    }
    return null;
}
//# sourceMappingURL=aliases.js.map