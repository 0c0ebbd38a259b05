/**
 * Matches call sites against the library table: a call matches when its
 * callee resolves to an import of one of an entry's packages along the
 * pattern's path (`createTerminus`, default export, `chromium.launch`), or,
 * for method patterns, when the method name matches and the package is
 * imported somewhere in the program.
 */
import { memberName, unwrap } from './ast.js';
import { calleePath, normalizeSpecifier, patternPath, samePath } from './libraries.js';
export class LibraryMatcher {
    program;
    entries;
    importedPackages;
    memo = new Map();
    constructor(program, entries, 
    /** Packages imported by any file read (normalised). */
    importedPackages) {
        this.program = program;
        this.entries = entries;
        this.importedPackages = importedPackages;
    }
    /** Whether some entry matches calls of this method name, whatever they are called on. */
    byMethodName(call) {
        const callee = unwrap(call.type === 'TaggedTemplateExpression' ? call.tag : call.callee);
        const name = callee.type === 'MemberExpression' ? memberName(callee) : null;
        return name !== null && this.entries.some((e) => e.calls?.some((p) => 'method' in p && p.method === name));
    }
    match(call, mod) {
        const cached = this.memo.get(call);
        if (cached)
            return cached;
        const result = this.compute(call, mod);
        this.memo.set(call, result);
        return result;
    }
    compute(call, mod) {
        const out = [];
        const calleeNode = call.type === 'TaggedTemplateExpression' ? call.tag : call.callee;
        const callee = unwrap(calleeNode);
        const tagged = call.type === 'TaggedTemplateExpression';
        const cv = this.program.valueOf(calleeNode, mod);
        const path = cv.k === 'lib' ? calleePath(cv.path) : null;
        // `require('death')(opts)` is only the options call when its result is called in turn.
        const parent = mod.parent.get(call);
        const resultIsCalled = parent?.type === 'CallExpression' && parent.callee === call;
        for (const entry of this.entries) {
            const pkgs = entry.packages.map(normalizeSpecifier);
            for (const pattern of entry.calls ?? []) {
                if ('method' in pattern) {
                    if (tagged || callee.type !== 'MemberExpression' || memberName(callee) !== pattern.method)
                        continue;
                    const pkg = pkgs.find((p) => this.importedPackages.has(p));
                    if (pkg) {
                        out.push({ entry, pattern, pkg });
                        break;
                    }
                    continue;
                }
                if (cv.k !== 'lib' || !path || !pkgs.includes(cv.pkg) || Boolean(pattern.tagged) !== tagged)
                    continue;
                const want = patternPath(pattern) ?? [];
                if (samePath(path, want)) {
                    if (pattern.curried && resultIsCalled)
                        continue;
                    out.push({ entry, pattern, pkg: cv.pkg });
                    break;
                }
                else if (pattern.curried && cv.call && samePath(path, [...want, '()'])) {
                    out.push({ entry, pattern, pkg: cv.pkg, inner: cv.call });
                    break;
                }
            }
        }
        return out;
    }
}
//# sourceMappingURL=library-match.js.map