/**
 * Reads bundler configs (tsup.config.ts, webpack.config.js) as data, never
 * by running them: a small tokenizer plus a parser for object, array,
 * string, number and boolean literals, `path.resolve(__dirname, 'dist')`,
 * and top-level `const x = …` references. Anything else is opaque.
 * Linear scans only; no regex over the input.
 */
const OPAQUE = { t: 'opaque' };
const MAX_TOKENS = 200_000;
function isIdentStart(c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
}
function isIdentPart(c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
}
function tokenize(text) {
    const out = [];
    let i = 0;
    const n = text.length;
    // A `/` starts a regex after these (or at the start); otherwise it divides.
    const regexAfter = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', 'return', '=>']);
    while (i < n && out.length < MAX_TOKENS) {
        const c = text[i] ?? '';
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
            i++;
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < n && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        }
        else if (c === '"' || c === "'") {
            let v = '';
            i++;
            while (i < n && text[i] !== c && text[i] !== '\n') {
                if (text[i] === '\\') {
                    v += text[i + 1] ?? '';
                    i += 2;
                }
                else
                    v += text[i++];
            }
            i++;
            out.push({ type: 'str', value: v });
        }
        else if (c === '`') {
            let v = '';
            let simple = true;
            i++;
            while (i < n && text[i] !== '`') {
                if (text[i] === '\\') {
                    v += text[i + 1] ?? '';
                    i += 2;
                }
                else if (text[i] === '$' && text[i + 1] === '{') {
                    simple = false;
                    let depth = 0;
                    for (; i < n; i++) {
                        if (text[i] === '{')
                            depth++;
                        else if (text[i] === '}' && --depth === 0)
                            break;
                    }
                    i++;
                }
                else
                    v += text[i++];
            }
            i++;
            out.push({ type: simple ? 'str' : 'tpl', value: v });
        }
        else if (c >= '0' && c <= '9') {
            const start = i;
            while (i < n && (isIdentPart(text[i] ?? '') || text[i] === '.'))
                i++;
            out.push({ type: 'num', value: text.slice(start, i) });
        }
        else if (isIdentStart(c)) {
            const start = i;
            while (i < n && isIdentPart(text[i] ?? ''))
                i++;
            out.push({ type: 'ident', value: text.slice(start, i) });
        }
        else if (c === '/' && (out.length === 0 || regexAfter.has(out[out.length - 1]?.value ?? ''))) {
            i++;
            let inClass = false;
            while (i < n && text[i] !== '\n') {
                const r = text[i];
                if (r === '\\')
                    i++;
                else if (r === '[')
                    inClass = true;
                else if (r === ']')
                    inClass = false;
                else if (r === '/' && !inClass)
                    break;
                i++;
            }
            i++;
            while (i < n && isIdentPart(text[i] ?? ''))
                i++;
            out.push({ type: 'tpl', value: '' });
        }
        else if (c === '.' && text[i + 1] === '.' && text[i + 2] === '.') {
            out.push({ type: 'punct', value: '...' });
            i += 3;
        }
        else if (c === '=' && text[i + 1] === '>') {
            out.push({ type: 'punct', value: '=>' });
            i += 2;
        }
        else {
            out.push({ type: 'punct', value: c });
            i++;
        }
    }
    return out;
}
class LiteralParser {
    tokens;
    consts;
    depth;
    i = 0;
    constructor(tokens, consts, depth = 0) {
        this.tokens = tokens;
        this.consts = consts;
        this.depth = depth;
    }
    peek(offset = 0) {
        return this.tokens[this.i + offset];
    }
    isPunct(value, offset = 0) {
        const t = this.peek(offset);
        return t?.type === 'punct' && t.value === value;
    }
    /** Skips one expression: up to `,` `)` `]` `}` at depth 0. */
    skipExpression() {
        let depth = 0;
        while (this.i < this.tokens.length) {
            const t = this.tokens[this.i];
            if (t?.type === 'punct') {
                if (t.value === '(' || t.value === '[' || t.value === '{')
                    depth++;
                else if (t.value === ')' || t.value === ']' || t.value === '}') {
                    if (depth === 0)
                        return;
                    depth--;
                }
                else if (t.value === ',' && depth === 0)
                    return;
            }
            this.i++;
        }
    }
    parseAt(index) {
        this.i = index;
        return this.value();
    }
    value() {
        const start = this.i;
        const result = this.valueInner();
        // Trailing operators (`x || y`, `cond ? a : b`) make the value opaque.
        const next = this.peek();
        if (next && next.type === 'punct' && ![',', ')', ']', '}', ';'].includes(next.value)) {
            this.i = start;
            this.skipExpression();
            return OPAQUE;
        }
        return result;
    }
    valueInner() {
        const t = this.peek();
        if (!t)
            return OPAQUE;
        if (t.type === 'str') {
            this.i++;
            return { t: 'str', v: t.value };
        }
        if (t.type === 'num') {
            this.i++;
            return { t: 'num', v: Number(t.value) };
        }
        if (t.type === 'punct' && t.value === '{')
            return this.object();
        if (t.type === 'punct' && t.value === '[')
            return this.array();
        if (t.type === 'punct' && t.value === '(') {
            // `({ … })`: a parenthesised literal.
            this.i++;
            const inner = this.value();
            if (this.isPunct(')')) {
                this.i++;
                return inner;
            }
            this.skipExpression();
            return OPAQUE;
        }
        if (t.type === 'ident') {
            if (t.value === 'true' || t.value === 'false') {
                this.i++;
                return { t: 'bool', v: t.value === 'true' };
            }
            if (t.value === '__dirname') {
                this.i++;
                return { t: 'dirname' };
            }
            // path.resolve(…) / path.join(…) / resolve(…) / join(…) / defineConfig(…)
            let name = t.value;
            let j = 1;
            if (this.isPunct('.', 1) && this.peek(2)?.type === 'ident') {
                name = `${t.value}.${this.peek(2)?.value ?? ''}`;
                j = 3;
            }
            if (this.isPunct('(', j)) {
                const fn = name.split('.').pop() ?? '';
                if (fn === 'resolve' || fn === 'join' || name === 'defineConfig') {
                    this.i += j + 1;
                    const args = [];
                    while (this.i < this.tokens.length && !this.isPunct(')')) {
                        const before = this.i;
                        args.push(this.value());
                        if (this.isPunct(','))
                            this.i++;
                        else if (!this.isPunct(')')) {
                            this.skipExpression();
                            if (this.isPunct(','))
                                this.i++;
                        }
                        if (this.i === before)
                            this.i++;
                    }
                    this.i++;
                    if (name === 'defineConfig')
                        return args[0] ?? OPAQUE;
                    return { t: 'path', parts: args };
                }
            }
            // A reference to a top-level `const x = …`.
            if (j === 1 && !this.isPunct('(', 1) && this.depth < 8) {
                const at = this.consts.get(t.value);
                if (at !== undefined) {
                    this.i++;
                    return new LiteralParser(this.tokens, this.consts, this.depth + 1).parseAt(at);
                }
            }
        }
        this.skipExpression();
        return OPAQUE;
    }
    object() {
        this.i++;
        const props = new Map();
        while (this.i < this.tokens.length && !this.isPunct('}')) {
            const before = this.i;
            const key = this.peek();
            if (this.isPunct('...') || !key || (key.type !== 'ident' && key.type !== 'str' && key.type !== 'num')) {
                this.skipExpression();
            }
            else if (this.isPunct(':', 1)) {
                this.i += 2;
                props.set(key.value, this.value());
            }
            else {
                // Shorthand `{ entry }` or a method: not plain data.
                this.skipExpression();
            }
            if (this.isPunct(','))
                this.i++;
            else if (!this.isPunct('}'))
                this.skipExpression();
            // Malformed input (a stray `)`): always make progress.
            if (this.i === before)
                this.i++;
        }
        this.i++;
        return { t: 'obj', props };
    }
    array() {
        this.i++;
        const items = [];
        while (this.i < this.tokens.length && !this.isPunct(']')) {
            const before = this.i;
            items.push(this.value());
            if (this.isPunct(','))
                this.i++;
            else if (!this.isPunct(']'))
                this.skipExpression();
            if (this.i === before)
                this.i++;
        }
        this.i++;
        return { t: 'arr', items };
    }
}
/**
 * The exported value of a JS/TS config file (`export default …`,
 * `module.exports = …`), as literal data.
 */
export function readLiteralConfig(text) {
    const tokens = tokenize(text);
    const consts = new Map();
    let exportAt = -1;
    for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        const next = tokens[k + 1];
        if (t?.type !== 'ident')
            continue;
        if ((t.value === 'const' || t.value === 'let' || t.value === 'var') && next?.type === 'ident' && tokens[k + 2]?.value === '=') {
            if (!consts.has(next.value))
                consts.set(next.value, k + 3);
        }
        else if (t.value === 'export' && next?.value === 'default') {
            exportAt = k + 2;
        }
        else if (t.value === 'module' && next?.value === '.' && tokens[k + 2]?.value === 'exports' && tokens[k + 3]?.value === '=') {
            exportAt = k + 4;
        }
    }
    if (exportAt < 0)
        return OPAQUE;
    return new LiteralParser(tokens, consts).parseAt(exportAt);
}
export function litString(v) {
    return v?.t === 'str' ? v.v : null;
}
/** Evaluates a `path` literal against the config's folder; null when any part is opaque. */
export function litPath(v, dirname, join) {
    if (!v)
        return null;
    if (v.t === 'str')
        return join(dirname, v.v);
    if (v.t === 'dirname')
        return dirname;
    if (v.t !== 'path')
        return null;
    const parts = [];
    for (const p of v.parts) {
        if (p.t === 'str')
            parts.push(p.v);
        else if (p.t === 'dirname')
            parts.push(dirname);
        else
            return null;
    }
    return join(dirname, ...parts);
}
//# sourceMappingURL=literal-config.js.map