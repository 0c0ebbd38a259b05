/**
 * The fix loop, as ESLint's verifyAndFix (aesthetics.md §1): lint, apply
 * every fix that does not overlap another, lint the result again, up to
 * MAX_FIX_PASSES passes; stop when nothing changes, or when a pass brings
 * back the files as they were two passes earlier (fixes that undo each
 * other). Files are changed in memory only: the caller writes them, or
 * shows their diffs. The results are those of the final texts.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { ContextFiles, relativeTo } from '../context/files.js';
import { lintDockerfile, resultOf } from '../engine/linter.js';
import { unifiedDiff } from './diff.js';
import { applyEdits } from './edits.js';
export const MAX_FIX_PASSES = 10;
export async function fixDockerfile(dockerfilePath, options = {}) {
    const dockerfile = path.resolve(dockerfilePath);
    const originals = new Map();
    const current = new Map();
    const lint = () => lintDockerfile(dockerfile, {
        ...options,
        files: new ContextFiles({ texts: current }),
        ...(current.has(dockerfile) ? { text: current.get(dockerfile) } : {}),
    });
    let { results, model } = await lint();
    const history = [snapshot(current, originals)];
    let passes = 0;
    let circular = false;
    const insideContext = new ContextFiles();
    while (passes < MAX_FIX_PASSES && model) {
        // Only the Dockerfile and files of the build context (after symlinks) are ever changed.
        const contextDir = model.contextDir;
        const allowed = (file) => file === dockerfile || (file !== contextDir && insideContext.isInside(file, contextDir));
        const byFile = new Map();
        for (const result of results) {
            for (const message of result.messages) {
                const fix = message.fix;
                const file = fix ? path.resolve(fix.file ?? result.filePath) : null;
                if (!fix || !file || !allowed(file))
                    continue;
                byFile.set(file, [...(byFile.get(file) ?? []), fix]);
            }
        }
        let changed = false;
        for (const [file, fixes] of byFile) {
            const before = current.get(file) ?? readOriginal(file);
            if (before === null)
                continue;
            const { output } = applyEdits(before, fixes);
            if (output === before)
                continue;
            if (!originals.has(file))
                originals.set(file, before);
            current.set(file, output);
            changed = true;
        }
        if (!changed)
            break;
        passes++;
        const state = snapshot(current, originals);
        circular = history.length >= 2 && history[history.length - 2] === state;
        history.push(state);
        ({ results, model } = await lint());
        if (circular)
            break;
    }
    const changes = [...originals].flatMap(([file, before]) => {
        const after = current.get(file);
        return after === before ? [] : [{ file, before, after }];
    });
    return { results, changes, passes, circular };
}
/** The results with `output` and `diff` on every changed file (a result is added for a file that has no findings left). */
export function withChanges(results, changes, cwd) {
    const out = [...results];
    for (const change of changes) {
        let index = out.findIndex((r) => r.filePath === change.file);
        if (index < 0)
            index = out.push(resultOf(change.file, [])) - 1;
        const label = relativeTo(cwd, change.file);
        out[index] = { ...out[index], output: change.after, diff: unifiedDiff(change.before, change.after, { oldLabel: `a/${label}`, newLabel: `b/${label}` }) };
    }
    return out;
}
/** A file's text, or null when it cannot be read or is not UTF-8 (its other bytes would be written back as U+FFFD). */
function readOriginal(file) {
    try {
        const bytes = fs.readFileSync(file);
        return isUtf8(bytes) ? bytes.toString('utf8') : null;
    }
    catch {
        return null;
    }
}
/** The changed files and their texts: a file changed back to its original text counts as unchanged. */
function snapshot(texts, originals) {
    return JSON.stringify([...texts].filter(([file, text]) => originals.get(file) !== text).sort(([a], [b]) => a.localeCompare(b)));
}
//# sourceMappingURL=loop.js.map