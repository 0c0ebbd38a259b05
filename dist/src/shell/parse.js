/**
 * A POSIX sh parser, plus the bash forms that show up in container entrypoints, sized for reasoning about
 * PID 1: which command runs last, with which argv, and which shell features a command string uses.
 *
 * It is a hand-written scanner feeding a recursive-descent parser. No regular expression touches the input,
 * and the cost is linear in the input size. Nesting is capped at MAX_DEPTH, so deep input cannot overflow the
 * stack, and the AST size at MAX_COMMANDS / MAX_WORDS, so a crafted 10 MB input cannot exhaust memory.
 * `parseShell` never throws: problems come back as `errors`, next to a best-effort AST.
 *
 * AST conventions:
 * - Offsets are UTF-16 indexes into the input, half-open [start, end). Lines are 1-based and count '\n' only,
 *   so CRLF input gets the same lines as LF input. A '\r' before '\n' (or at the end) is a blank, never part of a word.
 * - `Word.raw` is the source slice (quotes, escapes and line continuations included). `Word.value` is the text after
 *   quote removal, or null when the word is dynamic (see Word).
 * - Command substitutions are parsed (so `$( case … esac )` and nested quotes end at the right place) but their
 *   inner AST is not kept; backtick bodies and heredoc bodies are skipped, not parsed.
 * - Compound nodes list their nested lists in `body`, in source order. `if`/`while`/`until` split them further into
 *   `conditions` and `branches`, `case` into `items`, and a function keeps its body command in `command`
 *   (its `body` is that command's `body`, so a walker should follow `body` only).
 * - bash extras: `[[ … ]]` is a simple command whose words run from `[[` to `]]`; `(( … ))` is a simple command
 *   with one arithmetic word; `function f { … }`, `select`, `for (( … ))`, `$'…'`, `<(…)`, `|&`, `&>`, `<<<`.
 *   `&>` is read as bash reads it (a redirect). dash reads `a &>f` as `a &` then `>f`: callers that care check
 *   `Redirect.op === '&>'`.
 * - `$((` is arithmetic when its parentheses close as `))`, otherwise a command substitution of a subshell, as in
 *   bash. The same test decides between `(( … ))` and nested subshells.
 */
/** Deeper nesting than this is reported as an error and parsing stops (keeps the stack bounded). */
export const MAX_DEPTH = 100;
/**
 * Size limits. An AST node costs a few hundred bytes, so a crafted 10 MB input (`a;a;a;…`) would otherwise need
 * gigabytes. Past a limit the parse stops with an error; real entrypoints stay far below (10,000 lines ≈ 30,000
 * commands).
 */
export const MAX_COMMANDS = 100_000;
export const MAX_WORDS = 500_000;
/** Comments recorded; later ones are skipped silently. */
const MAX_COMMENTS = 100_000;
/** Errors kept per parse; garbage input must not build millions of error objects. */
const MAX_ERRORS = 100;
export function parseShell(text) {
    // Typed callers always pass a string; plain-JS callers might not, and we promise never to throw.
    const src = typeof text === 'string' ? text : String(text ?? '');
    const parser = new Parser(src);
    try {
        return { list: parser.parseProgram(), errors: parser.errors, comments: parser.comments };
    }
    catch (err) {
        // Defensive only: every construct is depth-limited, but an internal bug must still come back as data.
        const message = err instanceof Error ? err.message : String(err);
        const errors = [...parser.errors, { message: `internal parser error: ${message}`, offset: 0, line: 1 }];
        return { list: { items: [] }, errors, comments: parser.comments };
    }
}
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const AMP = 38;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const TILDE = 126;
const RESERVED = new Set([
    'if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select',
]);
const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '<<<', '&>', '&>>']);
/** Inside `[[ … ]]` these operators are words of the test expression. */
const CONDITIONAL_OPS = new Set(['&&', '||', '(', ')', '<', '>', '|']);
const NO_TERMS = new Set();
const THEN = new Set(['then']);
const IF_BODY_END = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const BRACE_END = new Set(['}']);
const ESAC = new Set(['esac']);
function isNameStart(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameChar(c) {
    return isNameStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
/** Special parameters: `$@ $* $# $? $- $$ $!` (digits are handled with the names). */
function isSpecialParam(c) {
    return c === 64 || c === STAR || c === HASH || c === QUESTION || c === 45 || c === DOLLAR || c === BANG;
}
/** Characters that end a run of ordinary word text. */
function isWordSpecial(c) {
    return c === BACKSLASH || c === SQUOTE || c === DQUOTE || c === BACKTICK || c === DOLLAR ||
        c === STAR || c === QUESTION || c === LBRACKET || c === RBRACKET;
}
function newState() {
    return { text: '', parameter: false, substitution: false, arithmetic: false, quoted: false, glob: false, bracket: false };
}
class Parser {
    errors = [];
    comments = [];
    src;
    len;
    pos = 0;
    depth = 0;
    aborted = false;
    commandCount = 0;
    wordCount = 0;
    lineStarts = [0];
    pending = [];
    /** closeOf memo: 0 unknown, -1 unmatched, else index of the matching ')' + 1. Allocated on first use. */
    parenClose = null;
    /** closeOf scans share this budget so crafted input cannot make them quadratic. */
    scanBudget;
    constructor(src) {
        this.src = src;
        this.len = src.length;
        this.scanBudget = 4 * src.length + 10_000;
        for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1))
            this.lineStarts.push(i + 1);
    }
    // ---------------------------------------------------------------- helpers
    code(i) {
        return this.src.charCodeAt(i);
    }
    lineAt(offset) {
        const starts = this.lineStarts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    error(message, offset) {
        // After an abort the rest of the input is skipped; errors from unwinding would only repeat the cause.
        if (this.aborted || this.errors.length >= MAX_ERRORS)
            return;
        this.errors.push({ message, offset, line: this.lineAt(offset) });
    }
    abort() {
        this.aborted = true;
        this.pos = this.len;
    }
    enter(offset) {
        if (this.depth >= MAX_DEPTH) {
            this.error(`nesting deeper than ${MAX_DEPTH} levels; the rest of the input is not parsed`, offset);
            this.abort();
            return false;
        }
        this.depth++;
        return true;
    }
    leave() {
        this.depth--;
    }
    /** Counts one more command (or word); false, after reporting and aborting, when over the limit. */
    count(kind, at) {
        const n = kind === 'commands' ? ++this.commandCount : ++this.wordCount;
        if (n <= (kind === 'commands' ? MAX_COMMANDS : MAX_WORDS))
            return true;
        this.error(`more than ${kind === 'commands' ? MAX_COMMANDS : MAX_WORDS} ${kind}; the rest of the input is not parsed`, at);
        this.abort();
        return false;
    }
    /** A '\r' that belongs to a CRLF line end (or ends the input) is a blank. */
    isLineEndCR(i) {
        return this.code(i) === CR && (i + 1 >= this.len || this.code(i + 1) === LF);
    }
    isWordEnd(i) {
        if (i >= this.len)
            return true;
        const c = this.code(i);
        return c === SPACE || c === TAB || c === LF || c === SEMI || c === AMP || c === PIPE || c === LPAREN ||
            c === RPAREN || c === LT || c === GT || (c === CR && this.isLineEndCR(i));
    }
    /** Skips blanks, line continuations and comments; stops at a newline, an operator or a word. */
    skipBlanks() {
        while (this.pos < this.len) {
            const c = this.code(this.pos);
            if (c === SPACE || c === TAB || (c === CR && this.isLineEndCR(this.pos))) {
                this.pos++;
            }
            else if (c === BACKSLASH && this.code(this.pos + 1) === LF) {
                this.pos += 2;
            }
            else if (c === BACKSLASH && this.code(this.pos + 1) === CR && this.code(this.pos + 2) === LF) {
                this.pos += 3;
            }
            else if (c === HASH) {
                const nl = this.src.indexOf('\n', this.pos);
                let end = nl < 0 ? this.len : nl;
                if (end > this.pos && this.code(end - 1) === CR)
                    end--;
                if (this.comments.length < MAX_COMMENTS)
                    this.comments.push({ start: this.pos, end, line: this.lineAt(this.pos) });
                this.pos = end;
            }
            else {
                break;
            }
        }
    }
    /** Skips blanks and newlines (reading any pending heredoc bodies). */
    skipLinebreaks() {
        for (;;) {
            this.skipBlanks();
            if (this.pos < this.len && this.code(this.pos) === LF)
                this.consumeNewline();
            else
                return;
        }
    }
    consumeNewline() {
        this.pos++;
        if (this.pending.length > 0)
            this.readHeredocBodies();
    }
    /** The operator at i, or null when a word (or the end) starts there. */
    opAt(i) {
        const c = this.code(i);
        const n = this.code(i + 1);
        switch (c) {
            case LF:
                return '\n';
            case SEMI:
                if (n === SEMI)
                    return this.code(i + 2) === AMP ? ';;&' : ';;';
                return n === AMP ? ';&' : ';';
            case AMP:
                if (n === AMP)
                    return '&&';
                if (n === GT)
                    return this.code(i + 2) === GT ? '&>>' : '&>';
                return '&';
            case PIPE:
                if (n === PIPE)
                    return '||';
                return n === AMP ? '|&' : '|';
            case LPAREN:
                return '(';
            case RPAREN:
                return ')';
            case LT:
                if (n === LPAREN)
                    return null; // <( process substitution is a word
                if (n === LT) {
                    const t = this.code(i + 2);
                    return t === LT ? '<<<' : t === 45 ? '<<-' : '<<';
                }
                return n === AMP ? '<&' : n === GT ? '<>' : '<';
            case GT:
                if (n === LPAREN)
                    return null;
                return n === GT ? '>>' : n === AMP ? '>&' : n === PIPE ? '>|' : '>';
            default:
                return null;
        }
    }
    /** A reserved word at the current position (command position is the caller's business), or null. */
    peekReserved() {
        const i = this.pos;
        const c = this.code(i);
        if (c === BANG || c === LBRACE || c === RBRACE)
            return this.isWordEnd(i + 1) ? this.src[i] ?? null : null;
        let j = i;
        // Reserved words are short lowercase words; looking further would make peeking cost O(word length).
        while (j < this.len && j - i < 9 && this.code(j) >= 97 && this.code(j) <= 122)
            j++;
        if (j === i || !this.isWordEnd(j))
            return null;
        // Compared in place: this runs several times per command, and slicing would allocate each time.
        for (const w of RESERVED)
            if (w.length === j - i && this.src.startsWith(w, i))
                return w;
        return null;
    }
    /** A redirect (with optional fd digits) starts at the current position. */
    atRedirect() {
        let i = this.pos;
        while (i < this.len && isDigit(this.code(i)))
            i++;
        const op = this.opAt(i);
        return op !== null && REDIRECT_OPS.has(op) && (i === this.pos || (op !== '&>' && op !== '&>>'));
    }
    /**
     * The index of the ')' that matches the '(' at i, -1 when it never closes, -2 when the scan budget is spent.
     * Quote-aware but not a parse: it only decides `((`/`$((` between arithmetic and subshells. One scan records
     * the match of every '(' it passes, so nested queries are answered from the memo.
     */
    closeOf(i) {
        this.parenClose ??= new Int32Array(this.len + 1);
        const memo = this.parenClose;
        const known = memo[i] ?? 0;
        if (known !== 0)
            return known > 0 ? known - 1 : -1;
        if (this.scanBudget <= 0)
            return -2;
        const stack = [];
        let j = i;
        for (; j < this.len; j++) {
            const c = this.code(j);
            if (c === LPAREN) {
                stack.push(j);
            }
            else if (c === RPAREN) {
                const open = stack.pop();
                if (open !== undefined)
                    memo[open] = j + 1;
                if (stack.length === 0)
                    break;
            }
            else if (c === BACKSLASH) {
                j++;
            }
            else if (c === SQUOTE) {
                const k = this.src.indexOf("'", j + 1);
                j = k < 0 ? this.len : k;
            }
            else if (c === DQUOTE || c === BACKTICK) {
                j++;
                while (j < this.len && this.code(j) !== c)
                    j += this.code(j) === BACKSLASH ? 2 : 1;
            }
        }
        this.scanBudget -= j - i + 1;
        for (const open of stack)
            memo[open] = -1;
        const v = memo[i] ?? 0;
        return v > 0 ? v - 1 : -1;
    }
    /** `((` at i closes as `))`: an arithmetic command/expansion rather than nested subshells. */
    arithmeticEnd(i) {
        const inner = this.closeOf(i + 1);
        const outer = this.closeOf(i);
        return inner >= 0 && outer === inner + 1 ? outer : -1;
    }
    // ---------------------------------------------------------------- grammar
    parseProgram() {
        const items = [];
        for (;;) {
            const list = this.parseList(NO_TERMS);
            for (const item of list.items)
                items.push(item);
            if (this.pos >= this.len)
                break;
            // parseList stops only at ')' or a case terminator here: neither is valid at the top level.
            const before = this.pos;
            this.skipUnexpected();
            if (this.pos === before)
                this.pos++;
        }
        if (this.pending.length > 0)
            this.readHeredocBodies();
        return { items };
    }
    /** Reports the token at pos as unexpected and skips it. */
    skipUnexpected() {
        const op = this.opAt(this.pos);
        const reserved = op === null ? this.peekReserved() : null;
        const token = op ?? reserved;
        if (token !== null) {
            this.error(`unexpected '${token === '\n' ? '\\n' : token}'`, this.pos);
            this.pos += token.length;
        }
        else {
            const w = this.readWord('argument');
            this.error(`unexpected word '${w.raw.slice(0, 40)}'`, w.start);
        }
    }
    /** Parses and-or lists until the end, ')', a case terminator, or one of `terms` in command position. */
    parseList(terms) {
        const items = [];
        while (!this.aborted) {
            this.skipLinebreaks();
            if (this.pos >= this.len)
                break;
            const op = this.opAt(this.pos);
            if (op === ')' || op === ';;' || op === ';&' || op === ';;&')
                break;
            const reserved = op === null ? this.peekReserved() : null;
            if (reserved !== null && terms.has(reserved))
                break;
            const before = this.pos;
            const item = this.parseAndOr();
            if (item === null) {
                if (this.pos >= this.len)
                    break;
                this.skipUnexpected();
                if (this.pos === before)
                    this.pos++;
                continue;
            }
            items.push(item);
            this.skipBlanks();
            const sep = this.opAt(this.pos);
            if (sep === '&') {
                item.background = true;
                this.pos++;
            }
            else if (sep === ';') {
                this.pos++;
            }
            else if (sep !== '\n') {
                break; // a terminator, or something the caller reports
            }
        }
        return { items };
    }
    parseAndOr() {
        const first = this.parsePipeline();
        if (first === null)
            return null;
        const rest = [];
        let end = first.end;
        for (;;) {
            this.skipBlanks();
            const op = this.opAt(this.pos);
            if (op !== '&&' && op !== '||')
                break;
            const opPos = this.pos;
            this.pos += 2;
            this.skipLinebreaks();
            const pipeline = this.parsePipeline();
            if (pipeline === null) {
                this.error(`expected a command after '${op}'`, opPos);
                break;
            }
            rest.push({ op, pipeline });
            end = pipeline.end;
        }
        return { first, rest, background: false, start: first.start, end, line: first.line };
    }
    parsePipeline() {
        this.skipBlanks();
        const start = this.pos;
        let negated = false;
        while (!this.aborted && this.peekReserved() === '!') {
            negated = !negated;
            this.pos++;
            this.skipBlanks();
        }
        const first = this.parseCommand();
        if (first === null) {
            if (negated)
                this.error("expected a command after '!'", start);
            return null;
        }
        const commands = [first];
        for (;;) {
            this.skipBlanks();
            const op = this.opAt(this.pos);
            if (op !== '|' && op !== '|&')
                break;
            const opPos = this.pos;
            this.pos += op.length;
            this.skipLinebreaks();
            const next = this.parseCommand();
            if (next === null) {
                this.error(`expected a command after '${op}'`, opPos);
                break;
            }
            commands.push(next);
        }
        const last = commands[commands.length - 1] ?? first;
        return { commands, negated, start, end: last.end, line: this.lineAt(start) };
    }
    parseCommand() {
        this.skipBlanks();
        if (this.aborted || this.pos >= this.len || !this.count('commands', this.pos))
            return null;
        const op = this.opAt(this.pos);
        if (op === '(') {
            if (this.code(this.pos + 1) === LPAREN) {
                const end = this.arithmeticEnd(this.pos);
                if (end >= 0)
                    return this.parseArithmeticCommand(end);
            }
            return this.withRedirects(this.parseSubshell());
        }
        if (op !== null && !REDIRECT_OPS.has(op))
            return null;
        if (op === null) {
            switch (this.peekReserved()) {
                case '{':
                    return this.withRedirects(this.parseGroup());
                case 'if':
                    return this.withRedirects(this.parseIf());
                case 'while':
                case 'until':
                    return this.withRedirects(this.parseLoop());
                case 'for':
                case 'select':
                    return this.withRedirects(this.parseFor());
                case 'case':
                    return this.withRedirects(this.parseCase());
                case 'function':
                    return this.parseFunctionKeyword();
                case 'then':
                case 'elif':
                case 'else':
                case 'fi':
                case 'do':
                case 'done':
                case 'esac':
                case '}':
                case 'in':
                    return null; // a closing word where a command should be: the caller reports or stops
                default:
                    break;
            }
        }
        return this.parseSimpleCommand();
    }
    compound(type, start) {
        return { type, body: [], redirects: [], start, end: start, line: this.lineAt(start) };
    }
    /** Redirects after a compound command (`{ …; } >log`, `done <file`). */
    withRedirects(cmd) {
        if (cmd === null)
            return null;
        for (;;) {
            this.skipBlanks();
            if (this.aborted || !this.atRedirect())
                break;
            const r = this.parseRedirect();
            cmd.redirects.push(r);
            cmd.end = r.end;
        }
        return cmd;
    }
    /** Consumes the reserved word `word` if it is next; reports it missing otherwise. */
    expectReserved(word, opener, openerStart) {
        this.skipLinebreaks();
        if (this.peekReserved() === word) {
            this.pos += word.length;
            return true;
        }
        this.error(`expected '${word}' for '${opener}' from line ${this.lineAt(openerStart)}`, this.pos);
        return false;
    }
    /** Shells reject `( )`, `{ }`, `if then`, … : a list that must hold a command but is empty. */
    nonEmpty(list, where) {
        if (list.items.length === 0)
            this.error(`expected a command in ${where}`, this.pos);
        return list;
    }
    parseSubshell() {
        const start = this.pos;
        if (!this.enter(start))
            return null;
        const node = this.compound('subshell', start);
        this.pos++;
        node.body.push(this.nonEmpty(this.parseList(NO_TERMS), "'( )'"));
        this.skipLinebreaks();
        if (this.code(this.pos) === RPAREN)
            this.pos++;
        else
            this.error(`expected ')' to close '(' from line ${node.line}`, this.pos);
        node.end = this.pos;
        this.leave();
        return node;
    }
    parseGroup() {
        const start = this.pos;
        if (!this.enter(start))
            return null;
        const node = this.compound('group', start);
        this.pos++;
        node.body.push(this.nonEmpty(this.parseList(BRACE_END), "'{ }'"));
        this.expectReserved('}', '{', start);
        node.end = this.pos;
        this.leave();
        return node;
    }
    parseIf() {
        const start = this.pos;
        if (!this.enter(start))
            return null;
        const node = this.compound('if', start);
        const conditions = [];
        const branches = [];
        this.pos += 2;
        let keyword = 'if';
        while (!this.aborted) {
            const condition = this.nonEmpty(this.parseList(THEN), `the '${keyword}' condition`);
            conditions.push(condition);
            node.body.push(condition);
            if (!this.expectReserved('then', keyword, start))
                break;
            const branch = this.nonEmpty(this.parseList(IF_BODY_END), "'then'");
            branches.push(branch);
            node.body.push(branch);
            this.skipLinebreaks();
            const next = this.peekReserved();
            if (next === 'elif') {
                this.pos += 4;
                keyword = 'elif';
                continue;
            }
            if (next === 'else') {
                this.pos += 4;
                const elseBranch = this.nonEmpty(this.parseList(FI), "'else'");
                branches.push(elseBranch);
                node.body.push(elseBranch);
                node.hasElse = true;
            }
            this.expectReserved('fi', 'if', start);
            break;
        }
        node.conditions = conditions;
        node.branches = branches;
        node.hasElse ??= false;
        node.end = this.pos;
        this.leave();
        return node;
    }
    parseLoop() {
        const start = this.pos;
        if (!this.enter(start))
            return null;
        const keyword = this.code(start) === 119 ? 'while' : 'until';
        const node = this.compound(keyword, start);
        this.pos += keyword.length;
        const condition = this.nonEmpty(this.parseList(DO), `the '${keyword}' condition`);
        node.body.push(condition);
        node.conditions = [condition];
        node.branches = [];
        if (this.expectReserved('do', keyword, start)) {
            const body = this.nonEmpty(this.parseList(DONE), "'do … done'");
            node.body.push(body);
            node.branches.push(body);
            this.expectReserved('done', keyword, start);
        }
        node.end = this.pos;
        this.leave();
        return node;
    }
    parseFor() {
        const start = this.pos;
        if (!this.enter(start))
            return null;
        const node = this.compound('for', start);
        const keyword = this.code(start) === 102 ? 'for' : 'select';
        this.pos += keyword.length;
        this.skipBlanks();
        const arith = this.code(this.pos) === LPAREN && this.code(this.pos + 1) === LPAREN ? this.arithmeticEnd(this.pos) : -1;
        if (arith >= 0) {
            node.words = [this.arithmeticWord(this.pos, arith + 1)];
            this.pos = arith + 1;
            this.skipBlanks();
            if (this.opAt(this.pos) === ';')
                this.pos++;
        }
        else if (this.opAt(this.pos) !== null || this.pos >= this.len) {
            this.error(`expected a variable name after '${keyword}'`, this.pos);
        }
        else {
            node.name = this.readWord('argument').raw;
            this.skipLinebreaks();
            if (this.peekReserved() === 'in') {
                this.pos += 2;
                const words = [];
                while (!this.aborted) {
                    this.skipBlanks();
                    if (this.pos >= this.len)
                        break;
                    const op = this.opAt(this.pos);
                    if (op === ';')
                        this.pos++;
                    else if (op === '\n')
                        this.consumeNewline();
                    if (op !== null)
                        break;
                    words.push(this.readWord('argument'));
                }
                node.words = words;
            }
            else {
                node.words = null;
                if (this.opAt(this.pos) === ';')
                    this.pos++;
            }
        }
        if (this.expectReserved('do', keyword, start)) {
            node.body.push(this.nonEmpty(this.parseList(DONE), "'do … done'"));
            this.expectReserved('done', keyword, start);
        }
        node.end = this.pos;
        this.leave();
        return node;
    }
    parseCase() {
        const start = this.pos;
        if (!this.enter(start))
            return null;
        const node = this.compound('case', start);
        const items = [];
        node.items = items;
        this.pos += 4;
        this.skipBlanks();
        if (this.opAt(this.pos) !== null || this.pos >= this.len) {
            this.error("expected a word after 'case'", this.pos);
        }
        else {
            node.words = [this.readWord('argument')];
        }
        if (this.expectReserved('in', 'case', start)) {
            while (!this.aborted) {
                this.skipLinebreaks();
                if (this.pos >= this.len) {
                    this.error(`expected 'esac' to close 'case' from line ${node.line}`, this.pos);
                    break;
                }
                if (this.peekReserved() === 'esac') {
                    this.pos += 4;
                    break;
                }
                const itemStart = this.pos;
                if (this.opAt(this.pos) === '(')
                    this.pos++;
                const patterns = [];
                for (;;) {
                    this.skipBlanks();
                    if (this.pos >= this.len || this.opAt(this.pos) !== null)
                        break;
                    patterns.push(this.readWord('pattern'));
                    this.skipBlanks();
                    if (this.opAt(this.pos) !== '|')
                        break;
                    this.pos++;
                }
                if (patterns.length === 0 || this.opAt(this.pos) !== ')') {
                    this.error("expected a case pattern followed by ')'", this.pos);
                    break;
                }
                this.pos++;
                const body = this.parseList(ESAC);
                node.body.push(body);
                const op = this.opAt(this.pos);
                const terminator = op === ';;' || op === ';&' || op === ';;&' ? op : null;
                if (terminator !== null)
                    this.pos += terminator.length;
                items.push({ patterns, body, terminator, start: itemStart, end: this.pos });
                if (terminator === null) {
                    this.expectReserved('esac', 'case', start);
                    break;
                }
            }
        }
        node.end = this.pos;
        this.leave();
        return node;
    }
    parseFunctionKeyword() {
        const start = this.pos;
        this.pos += 8;
        this.skipBlanks();
        if (this.opAt(this.pos) !== null || this.pos >= this.len) {
            this.error("expected a name after 'function'", this.pos);
            return null;
        }
        const name = this.readWord('argument').raw;
        this.skipBlanks();
        if (this.code(this.pos) === LPAREN) {
            let j = this.pos + 1;
            while (this.code(j) === SPACE || this.code(j) === TAB)
                j++;
            if (this.code(j) === RPAREN)
                this.pos = j + 1;
        }
        return this.parseFunctionBody(name, start);
    }
    parseFunctionBody(name, start) {
        const node = this.compound('function', start);
        node.name = name;
        this.skipLinebreaks();
        const bodyStart = this.pos;
        const body = this.parseCommand();
        if (body === null || body.type === 'simple') {
            this.error(`expected a compound command such as '{ …; }' as the body of function '${name}'`, bodyStart);
        }
        else {
            node.command = body;
            node.body = body.body;
        }
        node.end = body?.end ?? this.pos;
        return node;
    }
    parseArithmeticCommand(close) {
        const start = this.pos;
        const word = this.arithmeticWord(start, close + 1);
        this.pos = close + 1;
        const cmd = {
            type: 'simple', assignments: [], words: [word], redirects: [], start, end: this.pos, line: this.lineAt(start),
        };
        for (;;) {
            this.skipBlanks();
            if (this.aborted || !this.atRedirect())
                break;
            const r = this.parseRedirect();
            cmd.redirects.push(r);
            cmd.end = r.end;
        }
        return cmd;
    }
    /** A word the scanner did not go through: an arithmetic `((…))`, or an empty placeholder after an abort. */
    arithmeticWord(start, end, arithmetic = true) {
        return {
            raw: this.src.slice(start, end), value: arithmetic ? null : '', expansions: arithmetic, parameter: false,
            substitution: false, arithmetic, glob: false, quoted: false, tilde: false, start, end,
        };
    }
    parseSimpleCommand() {
        const start = this.pos;
        const cmd = {
            type: 'simple', assignments: [], words: [], redirects: [], start, end: start, line: this.lineAt(start),
        };
        while (!this.aborted) {
            this.skipBlanks();
            if (this.pos >= this.len)
                break;
            if (this.atRedirect()) {
                const r = this.parseRedirect();
                cmd.redirects.push(r);
                cmd.end = r.end;
                continue;
            }
            if (this.opAt(this.pos) !== null)
                break;
            if (cmd.words.length === 0) {
                const assignment = this.tryAssignment();
                if (assignment !== null) {
                    cmd.assignments.push(assignment);
                    cmd.end = assignment.end;
                    continue;
                }
                // An unterminated `a=(` ended the parse: no empty word at the end of the input.
                if (this.aborted)
                    break;
            }
            const word = this.readWord('argument');
            cmd.words.push(word);
            cmd.end = word.end;
            if (cmd.words.length === 1 && cmd.assignments.length === 0 && cmd.redirects.length === 0) {
                if (word.raw === '[[') {
                    this.readConditional(cmd);
                    continue;
                }
                if (word.value !== null && !word.quoted && !word.glob && this.atFunctionParens()) {
                    return this.parseFunctionBody(word.value, start);
                }
            }
        }
        if (cmd.end === start)
            return null;
        return cmd;
    }
    /** After a first word: `()` follows, so this is a function definition. Consumes the parens when true. */
    atFunctionParens() {
        let i = this.pos;
        while (this.code(i) === SPACE || this.code(i) === TAB)
            i++;
        if (this.code(i) !== LPAREN)
            return false;
        i++;
        while (this.code(i) === SPACE || this.code(i) === TAB)
            i++;
        if (this.code(i) !== RPAREN)
            return false;
        this.pos = i + 1;
        return true;
    }
    /** The words of `[[ … ]]`: here `&&`, `<`, `(` and friends belong to the test expression. */
    readConditional(cmd) {
        const open = cmd.start;
        while (!this.aborted) {
            this.skipBlanks();
            if (this.pos >= this.len) {
                this.error(`expected ']]' to close '[[' from line ${this.lineAt(open)}`, this.pos);
                return;
            }
            const op = this.opAt(this.pos);
            if (op === '\n') {
                this.consumeNewline();
                continue;
            }
            if (op !== null) {
                if (!CONDITIONAL_OPS.has(op)) {
                    this.error(`expected ']]' to close '[[' from line ${this.lineAt(open)}`, this.pos);
                    return;
                }
                const start = this.pos;
                this.pos += op.length;
                cmd.words.push({
                    raw: op, value: op, expansions: false, parameter: false, substitution: false, arithmetic: false,
                    glob: false, quoted: false, tilde: false, start, end: this.pos,
                });
                cmd.end = this.pos;
                continue;
            }
            const word = this.readWord('pattern');
            cmd.words.push(word);
            cmd.end = word.end;
            if (word.raw === ']]')
                return;
        }
    }
    /** `NAME=value` / `NAME+=value` at the current position, consumed; null (nothing consumed) otherwise. */
    tryAssignment() {
        const start = this.pos;
        if (!isNameStart(this.code(start)))
            return null;
        let i = start + 1;
        while (i < this.len && isNameChar(this.code(i)))
            i++;
        let valueStart;
        if (this.code(i) === EQ)
            valueStart = i + 1;
        else if (this.code(i) === PLUS && this.code(i + 1) === EQ)
            valueStart = i + 2;
        else
            return null;
        const name = this.src.slice(start, i);
        if (this.code(valueStart) === LPAREN) {
            // bash array: NAME=( … )
            const close = this.closeOf(valueStart);
            if (close < 0) {
                this.error('unterminated array assignment', valueStart);
                this.abort();
                return null;
            }
            const end = close + 1;
            const value = {
                raw: this.src.slice(valueStart, end), value: null, expansions: false, parameter: false, substitution: false,
                arithmetic: false, glob: false, quoted: false, tilde: false, start: valueStart, end,
            };
            this.pos = end;
            return { name, value, start, end };
        }
        this.pos = valueStart;
        const value = this.readWord('assignment');
        return { name, value, start, end: value.end };
    }
    parseRedirect() {
        const start = this.pos;
        let fd = null;
        while (isDigit(this.code(this.pos)))
            this.pos++;
        if (this.pos > start)
            fd = Math.min(Number(this.src.slice(start, this.pos)), Number.MAX_SAFE_INTEGER);
        const op = this.opAt(this.pos) ?? '>';
        this.pos += op.length;
        const redirect = { op, fd, target: null, start, end: this.pos };
        this.skipBlanks();
        if (this.pos >= this.len || this.opAt(this.pos) !== null) {
            this.error(`expected a word after '${op}'`, this.pos);
            return redirect;
        }
        const target = this.readWord(op === '<<' || op === '<<-' ? 'pattern' : 'argument');
        redirect.target = target;
        redirect.end = target.end;
        if (op === '<<' || op === '<<-') {
            const heredoc = {
                delimiter: target.value ?? unquoteLoosely(target.raw), quoted: target.quoted, stripTabs: op === '<<-', body: '',
            };
            redirect.heredoc = heredoc;
            this.pending.push({ heredoc });
        }
        return redirect;
    }
    /** Reads heredoc bodies queued on the line that just ended; pos is at the start of the next line. */
    readHeredocBodies() {
        const queue = this.pending;
        this.pending = [];
        for (const { heredoc } of queue) {
            const bodyStart = this.pos;
            const delim = heredoc.delimiter;
            for (;;) {
                if (this.pos >= this.len) {
                    // Shells accept a heredoc ended by end of input (bash warns), so this is not an error.
                    heredoc.body = this.src.slice(bodyStart, this.len);
                    break;
                }
                const nl = this.src.indexOf('\n', this.pos);
                let lineEnd = nl < 0 ? this.len : nl;
                if (lineEnd > this.pos && this.code(lineEnd - 1) === CR)
                    lineEnd--;
                let lineStart = this.pos;
                if (heredoc.stripTabs)
                    while (lineStart < lineEnd && this.code(lineStart) === TAB)
                        lineStart++;
                if (lineEnd - lineStart === delim.length && this.src.startsWith(delim, lineStart)) {
                    heredoc.body = this.src.slice(bodyStart, this.pos);
                    this.pos = nl < 0 ? this.len : nl + 1;
                    break;
                }
                this.pos = nl < 0 ? this.len : nl + 1;
            }
        }
    }
    // ---------------------------------------------------------------- words
    readWord(kind) {
        const start = this.pos;
        if (!this.count('words', start))
            return this.arithmeticWord(start, start, false);
        const st = newState();
        const tilde = kind !== 'pattern' && this.code(start) === TILDE;
        const c0 = this.code(start);
        if ((c0 === LT || c0 === GT) && this.code(start + 1) === LPAREN) {
            this.commandSubstitution(start + 1, start, st); // <( … ) / >( … )
        }
        while (this.pos < this.len && !this.isWordEnd(this.pos)) {
            const c = this.code(this.pos);
            switch (c) {
                case BACKSLASH:
                    this.backslash(st);
                    break;
                case SQUOTE:
                    this.singleQuote(st);
                    break;
                case DQUOTE:
                    this.doubleQuote(st);
                    break;
                case BACKTICK:
                    this.backtick(st);
                    break;
                case DOLLAR:
                    this.dollar(st, false);
                    break;
                case STAR:
                case QUESTION:
                    if (kind === 'argument')
                        st.glob = true;
                    st.text += c === STAR ? '*' : '?';
                    this.pos++;
                    break;
                case LBRACKET:
                    st.bracket = true;
                    st.text += '[';
                    this.pos++;
                    break;
                case RBRACKET:
                    if (st.bracket && kind === 'argument')
                        st.glob = true;
                    st.text += ']';
                    this.pos++;
                    break;
                default: {
                    let j = this.pos + 1;
                    while (j < this.len && !isWordSpecial(this.code(j)) && !this.isWordEnd(j))
                        j++;
                    st.text += this.src.slice(this.pos, j);
                    this.pos = j;
                }
            }
        }
        const end = this.pos;
        const expansions = st.parameter || st.substitution || st.arithmetic;
        const raw = this.src.slice(start, end);
        return {
            raw,
            // Same length and nothing quoted means nothing was removed: share the string instead of keeping two copies.
            value: expansions || tilde ? null : !st.quoted && st.text.length === raw.length ? raw : st.text,
            expansions,
            parameter: st.parameter,
            substitution: st.substitution,
            arithmetic: st.arithmetic,
            glob: st.glob,
            quoted: st.quoted,
            tilde,
            start,
            end,
        };
    }
    backslash(st) {
        const n = this.code(this.pos + 1);
        if (n === LF) {
            this.pos += 2; // line continuation
        }
        else if (n === CR && this.code(this.pos + 2) === LF) {
            this.pos += 3;
        }
        else if (this.pos + 1 >= this.len) {
            st.text += '\\';
            this.pos++;
        }
        else {
            st.text += this.src[this.pos + 1] ?? '';
            st.quoted = true;
            this.pos += 2;
        }
    }
    singleQuote(st) {
        const open = this.pos;
        st.quoted = true;
        const close = this.src.indexOf("'", open + 1);
        if (close < 0) {
            this.error('unterminated single quote', open);
            st.text += this.src.slice(open + 1);
            this.pos = this.len;
            return;
        }
        st.text += this.src.slice(open + 1, close);
        this.pos = close + 1;
    }
    doubleQuote(st) {
        const open = this.pos;
        st.quoted = true;
        this.pos++;
        while (this.pos < this.len) {
            const c = this.code(this.pos);
            if (c === DQUOTE) {
                this.pos++;
                return;
            }
            if (c === BACKSLASH) {
                const n = this.code(this.pos + 1);
                if (n === DOLLAR || n === BACKTICK || n === DQUOTE || n === BACKSLASH) {
                    st.text += this.src[this.pos + 1] ?? '';
                    this.pos += 2;
                }
                else if (n === LF) {
                    this.pos += 2;
                }
                else if (n === CR && this.code(this.pos + 2) === LF) {
                    this.pos += 3;
                }
                else {
                    st.text += '\\';
                    this.pos++;
                }
            }
            else if (c === DOLLAR) {
                this.dollar(st, true);
            }
            else if (c === BACKTICK) {
                this.backtick(st);
            }
            else {
                let j = this.pos + 1;
                while (j < this.len) {
                    const d = this.code(j);
                    if (d === DQUOTE || d === BACKSLASH || d === DOLLAR || d === BACKTICK)
                        break;
                    j++;
                }
                st.text += this.src.slice(this.pos, j);
                this.pos = j;
            }
        }
        if (!this.aborted)
            this.error('unterminated double quote', open);
    }
    backtick(st) {
        const open = this.pos;
        st.substitution = true;
        this.pos++;
        while (this.pos < this.len) {
            const c = this.code(this.pos);
            if (c === BACKTICK) {
                this.pos++;
                return;
            }
            this.pos += c === BACKSLASH ? 2 : 1;
        }
        this.pos = this.len;
        this.error('unterminated backquote', open);
    }
    dollar(st, inDouble) {
        const at = this.pos;
        const n = this.code(at + 1);
        if (n === LBRACE) {
            this.braceParameter(st, inDouble);
        }
        else if (n === LPAREN) {
            if (this.code(at + 2) === LPAREN) {
                const end = this.arithmeticEnd(at + 1);
                if (end >= 0) {
                    st.arithmetic = true;
                    this.pos = end + 1;
                    return;
                }
                if (this.closeOf(at + 1) === -1) {
                    this.error("unterminated '$(('", at);
                    this.abort();
                    return;
                }
            }
            this.commandSubstitution(at + 1, at, st);
        }
        else if (n === SQUOTE && !inDouble) {
            this.ansiCQuote(st);
        }
        else if (n === DQUOTE && !inDouble) {
            this.pos++; // $"…" (locale translation) reads as a double-quoted string
            this.doubleQuote(st);
        }
        else if (isNameStart(n)) {
            let j = at + 2;
            while (j < this.len && isNameChar(this.code(j)))
                j++;
            st.parameter = true;
            this.pos = j;
        }
        else if (isDigit(n) || isSpecialParam(n)) {
            st.parameter = true;
            this.pos = at + 2;
        }
        else {
            st.text += '$';
            this.pos++;
        }
    }
    braceParameter(st, inDouble) {
        const open = this.pos;
        st.parameter = true;
        if (!this.enter(open))
            return;
        this.pos += 2;
        // Nested quotes and expansions only need skipping; their flags still matter (a `$(…)` inside a default).
        const inner = newState();
        let closed = false;
        while (this.pos < this.len) {
            const c = this.code(this.pos);
            if (c === RBRACE) {
                this.pos++;
                closed = true;
                break;
            }
            if (c === BACKSLASH)
                this.pos = Math.min(this.pos + 2, this.len);
            else if (c === SQUOTE && !inDouble)
                this.singleQuote(inner);
            else if (c === DQUOTE)
                this.doubleQuote(inner);
            else if (c === DOLLAR)
                this.dollar(inner, inDouble);
            else if (c === BACKTICK)
                this.backtick(inner);
            else
                this.pos++;
        }
        if (!closed)
            this.error("unterminated '${'", open);
        st.substitution ||= inner.substitution;
        st.arithmetic ||= inner.arithmetic;
        this.leave();
    }
    /** `$(` at parenPos - 1 (or `<(` / `>(`): the body is parsed as commands, so `)` in quotes or case patterns is fine. */
    commandSubstitution(parenPos, start, st) {
        st.substitution = true;
        this.pos = parenPos + 1;
        if (!this.enter(start))
            return;
        this.parseList(NO_TERMS);
        this.skipLinebreaks();
        if (this.code(this.pos) === RPAREN) {
            this.pos++;
        }
        else {
            this.error(`unterminated '${this.src.slice(start, parenPos + 1)}'`, start);
            this.abort();
        }
        this.leave();
    }
    /** bash `$'…'`: backslash escapes are decoded. */
    ansiCQuote(st) {
        const open = this.pos;
        st.quoted = true;
        this.pos += 2;
        const out = [];
        while (this.pos < this.len) {
            const c = this.code(this.pos);
            if (c === SQUOTE) {
                this.pos++;
                st.text += out.join('');
                return;
            }
            if (c !== BACKSLASH) {
                let j = this.pos + 1;
                while (j < this.len && this.code(j) !== SQUOTE && this.code(j) !== BACKSLASH)
                    j++;
                out.push(this.src.slice(this.pos, j));
                this.pos = j;
                continue;
            }
            const e = this.src[this.pos + 1] ?? '';
            this.pos += 2;
            switch (e) {
                case 'n':
                    out.push('\n');
                    break;
                case 't':
                    out.push('\t');
                    break;
                case 'r':
                    out.push('\r');
                    break;
                case 'a':
                    out.push('\x07');
                    break;
                case 'b':
                    out.push('\b');
                    break;
                case 'e':
                case 'E':
                    out.push('\x1b');
                    break;
                case 'f':
                    out.push('\f');
                    break;
                case 'v':
                    out.push('\v');
                    break;
                case 'x': {
                    let j = this.pos;
                    while (j < this.pos + 2 && isHexDigit(this.code(j)))
                        j++;
                    out.push(j > this.pos ? String.fromCharCode(parseInt(this.src.slice(this.pos, j), 16)) : '\\x');
                    this.pos = j;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        let j = this.pos;
                        while (j < this.pos + 2 && this.code(j) >= 48 && this.code(j) <= 55)
                            j++;
                        out.push(String.fromCharCode(parseInt(e + this.src.slice(this.pos, j), 8)));
                        this.pos = j;
                    }
                    else {
                        out.push(e === '\\' || e === "'" || e === '"' || e === '?' ? e : `\\${e}`);
                    }
            }
        }
        this.pos = this.len;
        this.error("unterminated $'", open);
        st.text += out.join('');
    }
}
function isHexDigit(c) {
    return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** Heredoc delimiters with `$` in them are literal: drop the quoting characters and keep the rest. */
function unquoteLoosely(raw) {
    let out = '';
    for (const ch of raw)
        if (ch !== "'" && ch !== '"' && ch !== '\\')
            out += ch;
    return out;
}
//# sourceMappingURL=parse.js.map