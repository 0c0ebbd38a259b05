/**
 * Variable expansion the way the Dockerfile frontend does it (BuildKit's
 * shell lexer) for the instructions Docker expands: FROM, COPY, ADD, ENV,
 * ARG, WORKDIR, USER, STOPSIGNAL, LABEL, EXPOSE, VOLUME. CMD, ENTRYPOINT and
 * RUN are never expanded by Docker (the shell does it at run time, if any).
 *
 * Variables that are declared without a value (a build argument supplied
 * only at build time) are unknown to us: they are kept as `${NAME}` and
 * listed in `unknown`, so callers can treat that part as a wildcard.
 */
/**
 * Expands `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`, `${X:?m}`
 * and removes quotes, as BuildKit's ProcessWord does. Single quotes prevent
 * expansion; the Dockerfile escape character protects the next character.
 *
 * `lookup` returns a string for a known value, `null` for "declared, no
 * value" (unknown at lint time), `undefined` for "not declared" (empty, as
 * Docker expands it).
 */
export function expandWord(text, lookup, escape = '\\') {
    const unknown = [];
    let out = '';
    let i = 0;
    let quote = null;
    while (i < text.length) {
        const ch = text[i];
        if (quote === "'") {
            if (ch === "'")
                quote = null;
            else
                out += ch;
            i++;
            continue;
        }
        if (ch === escape && i + 1 < text.length) {
            const next = text[i + 1];
            // Inside double quotes only $, ", and the escape character itself are escapable.
            if (quote === '"' && next !== '$' && next !== '"' && next !== escape) {
                out += ch;
                i++;
                continue;
            }
            out += next;
            i += 2;
            continue;
        }
        if (ch === '"' || (ch === "'" && quote === null)) {
            quote = quote === ch ? null : ch;
            i++;
            continue;
        }
        if (ch === '$') {
            const consumed = expandDollar(text, i, lookup, escape, unknown);
            if (consumed) {
                out += consumed.value;
                i = consumed.next;
                continue;
            }
        }
        out += ch;
        i++;
    }
    return { value: out, unknown };
}
function isNameStart(ch) {
    return ch !== undefined && /[A-Za-z_]/.test(ch);
}
function isNameChar(ch) {
    return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}
function valueOf(name, lookup, unknown) {
    const v = lookup(name);
    if (v === undefined)
        return { value: '', set: false, known: true };
    if (v === null) {
        if (!unknown.includes(name))
            unknown.push(name);
        return { value: `\${${name}}`, set: true, known: false };
    }
    return { value: v, set: true, known: true };
}
function expandDollar(text, start, lookup, escape, unknown) {
    const after = text[start + 1];
    if (isNameStart(after)) {
        let end = start + 1;
        while (isNameChar(text[end]))
            end++;
        const name = text.slice(start + 1, end);
        return { value: valueOf(name, lookup, unknown).value, next: end };
    }
    if (after !== '{')
        return null;
    // Find the matching close brace, allowing nested ${…} in the default word.
    let depth = 1;
    let j = start + 2;
    while (j < text.length && depth > 0) {
        const c = text[j];
        if (c === escape) {
            j += 2;
            continue;
        }
        if (c === '{')
            depth++;
        else if (c === '}')
            depth--;
        if (depth > 0)
            j++;
    }
    if (depth !== 0)
        return null; // unterminated: left as written
    const inner = text.slice(start + 2, j);
    let n = 0;
    while (isNameChar(inner[n]))
        n++;
    const name = inner.slice(0, n);
    if (name === '')
        return { value: text.slice(start, j + 1), next: j + 1 };
    const rest = inner.slice(n);
    const v = valueOf(name, lookup, unknown);
    const modifier = /^(:?[-+?])/.exec(rest);
    if (!modifier)
        return { value: v.value, next: j + 1 };
    const op = modifier[1];
    const word = rest.slice(op.length);
    const colon = op.startsWith(':');
    const empty = !v.set || (colon && v.known && v.value === '');
    const sub = () => {
        const e = expandWord(word, lookup, escape);
        for (const u of e.unknown)
            if (!unknown.includes(u))
                unknown.push(u);
        return e.value;
    };
    if (!v.known) {
        // Declared without a value: we cannot tell which branch Docker takes.
        return { value: v.value, next: j + 1 };
    }
    switch (op.replace(':', '')) {
        case '-':
            return { value: empty ? sub() : v.value, next: j + 1 };
        case '+':
            return { value: empty ? '' : sub(), next: j + 1 };
        default: // '?': an error at build time when unset; keep the value when set
            return { value: v.value, next: j + 1 };
    }
}
//# sourceMappingURL=expand.js.map