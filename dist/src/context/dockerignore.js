/**
 * .dockerignore, as Docker reads it: one pattern per line, `#` comments,
 * Go filepath.Match syntax plus `**`, a leading `!` re-includes, the last
 * matching pattern wins, and a pattern that matches a folder excludes
 * everything below it.
 */
import { globMatches } from './glob.js';
export function parseDockerignore(text) {
    const rules = [];
    for (const rawLine of text.split(/\r?\n/)) {
        let line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        let negate = false;
        if (line.startsWith('!')) {
            negate = true;
            line = line.slice(1).trim();
        }
        const segments = line.split('/').filter((s) => s !== '' && s !== '.');
        if (segments.length > 0)
            rules.push({ segments, negate });
    }
    return rules;
}
/** `rel` is a context-relative POSIX path. */
export function isIgnoredByDockerignore(rules, rel) {
    const parts = rel.split('/').filter((s) => s !== '' && s !== '.');
    let ignored = false;
    for (const rule of rules) {
        // A rule matches the path or any of its parent folders.
        for (let len = 1; len <= parts.length; len++) {
            if (matchSegments(rule.segments, 0, parts.slice(0, len), 0)) {
                ignored = !rule.negate;
                break;
            }
        }
    }
    return ignored;
}
function matchSegments(pattern, pi, parts, si) {
    // Iterative over `**` to stay linear-ish: each `**` tries every split once.
    while (pi < pattern.length) {
        const seg = pattern[pi];
        if (seg === '**') {
            if (pi === pattern.length - 1)
                return true;
            for (let k = si; k <= parts.length; k++)
                if (matchSegments(pattern, pi + 1, parts, k))
                    return true;
            return false;
        }
        if (si >= parts.length || !globMatches(seg, parts[si]))
            return false;
        pi++;
        si++;
    }
    return si === parts.length;
}
//# sourceMappingURL=dockerignore.js.map