/** The init: it changes only the Dockerfile and the container stops at once (see README "Fixing"). */
export const DEFAULT_FIX_TYPE = 'init';
/** Identity function that makes `messageId` typos a compile error. */
export function defineRule(rule) {
    return rule;
}
/** Fills `{{name}}` placeholders. Unknown names are left visible so a missing value shows in tests. */
export function interpolate(template, data = {}) {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole);
}
/** The public doc page of a rule (the page ships in the package and lives in the repository). */
export function ruleDocUrl(ruleId) {
    return `https://github.com/pid1-lint/pid1-lint/blob/main/rules/${ruleId}.md`;
}
//# sourceMappingURL=rule.js.map