let parser;
export function loadParser() {
    parser ??= import('@typescript-eslint/typescript-estree').then((mod) => {
        // CJS package: the named export is there through Node's CJS detection, `default` is the fallback.
        const ns = mod;
        const parse = ns.parse ?? ns.default?.parse;
        if (!parse)
            throw new Error('@typescript-eslint/typescript-estree has no parse()');
        return parse;
    });
    return parser;
}
const JSX_EXTENSIONS = new Set(['.tsx', '.jsx']);
const KNOWN_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
export async function parseSource(file, text) {
    let parse;
    try {
        parse = await loadParser();
    }
    catch (error) {
        return { ok: false, message: `parser unavailable: ${String(error)}` };
    }
    const dot = file.lastIndexOf('.');
    const ext = dot >= 0 ? file.slice(dot).toLowerCase() : '';
    // typescript-estree picks the script kind from the extension (JS kinds allow
    // JSX). Extension-less files (bin/www) are Node CommonJS scripts: parsed as JS.
    const options = {
        filePath: KNOWN_EXTENSIONS.has(ext) ? file : `${file}.js`,
        jsx: JSX_EXTENSIONS.has(ext),
        range: true,
        loc: true,
        comment: false,
        tokens: false,
        errorOnUnknownASTType: false,
        // Work nobody reads (BENCHMARKS.md): maps back to TypeScript's nodes, and JSDoc trees.
        preserveNodeMaps: false,
        jsDocParsingMode: 'none',
    };
    try {
        return { ok: true, ast: parse(stripHashbang(text), options) };
    }
    catch (error) {
        if (isStackOverflow(error))
            return { ok: false, message: TOO_DEEP };
        const e = error;
        const result = { ok: false, message: typeof e.message === 'string' ? e.message : String(error) };
        if (typeof e.lineNumber === 'number')
            result.line = e.lineNumber;
        if (typeof e.column === 'number')
            result.column = e.column + 1;
        return result;
    }
}
/** What a file nested too deeply for a recursive parser or walker is told (instead of V8's RangeError text). */
export const TOO_DEEP = 'nested too deeply to be read (the parser ran out of stack)';
export function isStackOverflow(error) {
    return error instanceof RangeError && /call stack/i.test(error.message);
}
/** `#!/usr/bin/env node` is valid for Node, and blanking it keeps every offset. */
function stripHashbang(text) {
    if (!text.startsWith('#!'))
        return text;
    const end = text.indexOf('\n');
    return ' '.repeat(end < 0 ? text.length : end) + (end < 0 ? '' : text.slice(end));
}
//# sourceMappingURL=parse.js.map