/**
 * The parsers, loaded on first use only: typescript-estree pulls in the
 * TypeScript compiler (~0.6-0.9 s cold, ecosystem.md §6.3), which a run that
 * reads no program must not pay.
 *
 * Two ways to read a module: `parseWith` builds the full ESTree
 * (typescript-estree: TypeScript's parser, then a conversion that costs
 * several times the parse), `syntaxOf` runs TypeScript's parser alone, with
 * the options typescript-estree gives it, for the syntax errors and the
 * import declarations of a module the analysis may never need to look into
 * and that the scanner (scan.ts) could not read (module-summary.ts).
 */
import { createRequire } from 'node:module';
import { boundHeapGrowth } from '../cache/compile-cache.js';
const BUNDLED_ESTREE = typeof __PID1_LINT_BUNDLED_ESTREE__ === 'object' ? __PID1_LINT_BUNDLED_ESTREE__ : undefined;
const ESTREE = '@typescript-eslint/typescript-estree';
/** The version of typescript-estree a parse would use, read without loading it. */
export function estreeVersion() {
    return BUNDLED_ESTREE?.version ?? createRequire(import.meta.url)(`${ESTREE}/package.json`).version;
}
let parser;
let loaded;
export function loadParser() {
    parser ??= new Promise((resolve) => resolve(parserNow()));
    return parser;
}
/**
 * The parsers, loaded by the first call: what code that cannot wait uses
 * (the fix builders, once the program reader has loaded them). Throws when
 * they cannot be loaded.
 */
export function parserNow() {
    return (loaded ??= load());
}
function load() {
    // CommonJS, required (not imported): no scan of typescript.js for export names (~0.5 s), and
    // a plain require inside the bundled command (an import() there goes through an experimental vm loader).
    const require = createRequire(import.meta.url);
    const installed = () => {
        const ts = require('typescript');
        return parserOf(ts, BUNDLED_ESTREE ? require(BUNDLED_ESTREE.file)(ts) : require(ESTREE));
    };
    let reader;
    if (BUNDLED_ESTREE) {
        const ts = require(BUNDLED_ESTREE.typescript);
        let complete;
        reader = { ...parserOf(ts, require(BUNDLED_ESTREE.file)(ts)), complete: () => (complete ??= installed()) };
    }
    else {
        reader = installed();
    }
    boundHeapGrowth();
    return reader;
}
function parserOf(ts, estree) {
    const { parse } = estree;
    if (!parse)
        throw new Error(`${ESTREE} has no parse()`);
    return { ts, parse, version: `typescript ${ts.version}, typescript-estree ${estreeVersion()}` };
}
/**
 * The parser to parse again with when `error`, thrown by a parse with the
 * parser-only TypeScript, could be one of its missing parts rather than the
 * input's: anything but typescript-estree's syntax errors (which carry a
 * line) and a stack overflow. Undefined otherwise, or when the installed
 * TypeScript cannot be loaded (the error is then reported as it is).
 */
function parserForMissingPart(parser, error) {
    if (!parser.complete || isStackOverflow(error) || typeof error?.lineNumber === 'number')
        return undefined;
    try {
        return parser.complete();
    }
    catch {
        return undefined;
    }
}
const JSX_EXTENSIONS = new Set(['.tsx', '.jsx']);
const KNOWN_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
/** The file name the parser sees: extension-less files (bin/www) are Node CommonJS scripts, parsed as JS. */
function parserPath(file) {
    const dot = file.lastIndexOf('.');
    const ext = dot >= 0 ? file.slice(dot).toLowerCase() : '';
    return KNOWN_EXTENSIONS.has(ext) ? { filePath: file, ext } : { filePath: `${file}.js`, ext: '.js' };
}
export async function parseSource(file, text) {
    let loaded;
    try {
        loaded = await loadParser();
    }
    catch (error) {
        return { ok: false, message: `parser unavailable: ${String(error)}` };
    }
    return parseWith(loaded, file, text);
}
export function parseWith(parser, file, text) {
    const { filePath, ext } = parserPath(file);
    // typescript-estree picks the script kind from the extension (JS kinds allow JSX).
    const options = {
        filePath,
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
    if (tooDeep(text))
        return { ok: false, message: TOO_DEEP };
    try {
        return { ok: true, ast: parser.parse(stripHashbang(text), options) };
    }
    catch (error) {
        const complete = parserForMissingPart(parser, error);
        if (complete)
            return parseWith(complete, file, text);
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
/**
 * TypeScript's parse of a module, as typescript-estree makes it (same script
 * kind, language version, JSDoc mode and module indicator), so its first
 * syntax error is the one `parseWith` reports, at the same place. The
 * checks typescript-estree adds while converting (misplaced modifiers and
 * the like, which `tsc` rejects too) are not made here.
 */
export function syntaxOf(parser, file, text) {
    try {
        return syntaxWith(parser.ts, file, text);
    }
    catch (error) {
        const complete = parserForMissingPart(parser, error);
        if (complete)
            return syntaxOf(complete, file, text);
        throw error;
    }
}
function syntaxWith(ts, file, text) {
    const { filePath, ext } = parserPath(file);
    const kinds = { '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX, '.tsx': ts.ScriptKind.TSX };
    const moduleFile = ext === '.mjs' || ext === '.mts';
    if (tooDeep(text))
        return { ok: false, message: TOO_DEEP };
    let source;
    try {
        source = ts.createSourceFile(filePath, stripHashbang(text), {
            languageVersion: ts.ScriptTarget.Latest,
            jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
            ...(moduleFile ? { setExternalModuleIndicator: (f) => (f.externalModuleIndicator = true) } : {}),
        }, false, kinds[ext] ?? ts.ScriptKind.TS);
    }
    catch (error) {
        if (isStackOverflow(error))
            return { ok: false, message: TOO_DEEP };
        throw error;
    }
    const first = source.parseDiagnostics[0];
    if (!first)
        return { ok: true, source };
    const at = source.getLineAndCharacterOfPosition(first.start);
    // A parse diagnostic's text is a string; a chain comes from the checker only (flattening lives in a part of TypeScript no parse runs).
    const message = typeof first.messageText === 'string' ? first.messageText : ts.flattenDiagnosticMessageText(first.messageText, '\n');
    return { ok: false, message, line: at.line + 1, column: at.character + 1 };
}
/** What a file nested too deeply for a recursive parser or walker is told (instead of V8's RangeError text). */
export const TOO_DEEP = 'nested too deeply to be read (the parser ran out of stack)';
/**
 * Brackets nested deeper than any source a person writes. Past this the
 * parser may or may not run out of stack, depending on how warm V8's code
 * is: the outcome would change from run to run (and a kept analysis would
 * disagree with a new one), so such a source is not parsed at all.
 */
const MAX_BRACKET_DEPTH = 500;
/** Whether `( [ {` nest deeper than MAX_BRACKET_DEPTH (counted in strings and comments too: a bound, not a parse). */
export function tooDeep(text) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x28 || c === 0x5b || c === 0x7b) {
            if (++depth > MAX_BRACKET_DEPTH)
                return true;
        }
        else if ((c === 0x29 || c === 0x5d || c === 0x7d) && depth > 0)
            depth--;
    }
    return false;
}
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