import { parseProgram, SourceLines, styleOf, walk } from './source.js';
/**
 * A listener for the stop signal that closes the servers the entry file
 * declares at its top level, then exits 0, or just exits when it declares
 * none. It goes right after the last of those declarations (so the names
 * are initialised), else after the imports, requires and directives at the
 * top. null when the file does not parse.
 */
export function insertHandlerSuggestion(input) {
    return planHandler(input)?.edit ?? null;
}
/** insertHandlerSuggestion as a suggestion on `file`, saying which servers it closes. */
export function handlerSuggestion(file, input) {
    const plan = planHandler(input);
    if (!plan)
        return null;
    const closes = plan.closes.length > 0 ? `closes ${plan.closes.join(' and ')}, then exits 0` : 'exits 0';
    return { desc: `Add a ${input.signal} listener to the program that ${closes}: the program then ends on \`docker stop\` as PID 1 too`, fix: { ...plan.edit, file } };
}
function planHandler(input) {
    const program = parseProgram(input.text, input.language);
    if (!program)
        return null;
    const style = styleOf(input.text, program);
    const lines = new SourceLines(input.text);
    const declared = topLevelDeclarations(program);
    const closes = input.servers.filter((name) => declared.has(name));
    const handler = handlerText(input, closes, style);
    const after = closes.length > 0
        ? Math.max(...closes.map((name) => declared.get(name).range[1]))
        : prologueEnd(program, input.module);
    // Nothing to come after: the top of the file (below a hashbang line).
    if (after === null && !input.text.startsWith('#!'))
        return { edit: { range: [0, 0], text: `${handler}\n\n` }, closes };
    // At the end of the line, so a trailing `// comment` stays with its statement; a blank line on each side.
    const at = lines.lineEndAt(after ?? 0);
    const codeFollows = /^\r?\n[ \t]*\S/.test(input.text.slice(at));
    return { edit: { range: [at, at], text: `\n\n${handler}${codeFollows ? '\n' : ''}` }, closes };
}
function handlerText(input, servers, style) {
    const q = (s) => `${style.quote}${s}${style.quote}`;
    const semi = style.semicolon;
    const i1 = style.indent;
    const exit = `process.exit(0)`;
    let body;
    if (servers.length === 0)
        body = `${i1}${exit}${semi}`;
    else if (servers.length === 1)
        body = `${i1}${servers[0]}.close(() => ${exit})${semi}`;
    else {
        // TypeScript needs Promise<void> to call resolve() without a value.
        const promise = input.language === 'ts' ? 'new Promise<void>' : 'new Promise';
        body = `${i1}Promise.all([${servers.join(', ')}].map((server) => ${promise}((resolve) => server.close(() => resolve())))).then(() => ${exit})${semi}`;
    }
    return [
        `// ${input.signal} is how docker stop and Kubernetes ask the program to end; as PID 1 it is ignored unless something listens.`,
        `process.on(${q(input.signal)}, () => {`,
        body,
        `})${semi}`,
    ].join('\n');
}
/** Top-level `const|let|var name = …` (also exported) → the declaration statement, for initialised names. */
function topLevelDeclarations(program) {
    const out = new Map();
    for (const statement of program.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (declaration?.type !== 'VariableDeclaration')
            continue;
        for (const d of declaration.declarations) {
            // `let server;` assigned later may still be undefined when the signal comes.
            if (d.id.type === 'Identifier' && d.init)
                out.set(d.id.name, statement);
        }
    }
    return out;
}
/** The end of the leading directives, imports and `require` declarations; null when there are none. */
function prologueEnd(program, module) {
    let end = null;
    for (const statement of program.body) {
        const isDirective = statement.type === 'ExpressionStatement' && statement.directive !== undefined;
        const isImport = statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration';
        const isRequire = module === 'cjs' && statement.type === 'VariableDeclaration' && statement.declarations.every((d) => isRequireCall(d.init));
        if (!isDirective && !isImport && !isRequire)
            break;
        end = statement.range[1];
    }
    return end;
}
function isRequireCall(node) {
    let n = node;
    // `require('x').default`, `require('x')()`.
    while (n && (n.type === 'MemberExpression' || (n.type === 'CallExpression' && n.callee.type !== 'Identifier')))
        n = n.type === 'MemberExpression' ? n.object : n.callee;
    return n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require';
}
/**
 * Sets a library's exit option in the call that installs its handler
 * (data/shutdown-libraries.json `depends-on-option`: terminus `useExit0`,
 * NestJS `useProcessExit`, http-graceful-shutdown `forceExit`): the value
 * is replaced when the option is written, added to an options object
 * literal, spread over an options variable, or passed as a new argument.
 */
export function setCallOptionEdit(site, option) {
    const found = findCall(site);
    if (!found)
        return null;
    const { call, lines } = found;
    const value = JSON.stringify(option.value);
    const arg = call.arguments[option.arg];
    if (arg?.type === 'ObjectExpression') {
        const existing = arg.properties.find((p) => p.type === 'Property' && !p.computed && keyName(p.key) === option.name);
        if (existing?.type === 'Property')
            return { range: existing.value.range, text: value };
        const last = arg.properties.at(-1);
        if (!last)
            return { range: arg.range, text: `{ ${option.name}: ${value} }` };
        // After the last property, so no spread before it can override the value.
        const separator = lines.isMultiline(arg.range[0], arg.range[1]) ? `,\n${lines.indentAt(last.range[0])}` : ', ';
        return { range: [last.range[1], last.range[1]], text: `${separator}${option.name}: ${value}` };
    }
    if (arg && arg.type !== 'SpreadElement') {
        const source = site.text.slice(arg.range[0], arg.range[1]);
        return { range: arg.range, text: `{ ...${source}, ${option.name}: ${value} }` };
    }
    if (call.arguments.some((a) => a.type === 'SpreadElement'))
        return null;
    // Missing arguments before it are passed as undefined, which keeps their defaults.
    const padding = Array.from({ length: option.arg - call.arguments.length }, () => 'undefined');
    const added = [...padding, `{ ${option.name}: ${value} }`].join(', ');
    const lastArg = call.arguments.at(-1);
    if (lastArg)
        return { range: [lastArg.range[1], lastArg.range[1]], text: `, ${added}` };
    const close = call.range[1] - 1;
    return { range: [close, close], text: added };
}
/**
 * Ends the listener passed as argument `arg` of the call with
 * `process.exit(0)`: after its last statement (an async listener exits
 * after its awaits), or around an expression body.
 */
export function exitCallEdit(site, arg) {
    const found = findCall(site);
    if (!found)
        return null;
    const listener = found.call.arguments[arg];
    if (listener?.type !== 'ArrowFunctionExpression' && listener?.type !== 'FunctionExpression')
        return null;
    const { lines, style } = found;
    const body = listener.body;
    const exit = `process.exit(0)${style.semicolon}`;
    if (body.type === 'BlockStatement') {
        const last = body.body.at(-1);
        const indent = last ? lines.indentAt(last.range[0]) : `${lines.indentAt(listener.range[0])}${style.indent}`;
        const at = last ? last.range[1] : body.range[0] + 1;
        return { range: [at, at], text: `\n${indent}${exit}` };
    }
    const indent = lines.indentAt(listener.range[0]);
    const expression = site.text.slice(body.range[0], body.range[1]);
    return { range: body.range, text: `{\n${indent}${style.indent}${expression}${style.semicolon}\n${indent}${style.indent}${exit}\n${indent}}` };
}
function keyName(key) {
    if (key.type === 'Identifier')
        return key.name;
    if (key.type === 'Literal' && typeof key.value === 'string')
        return key.value;
    return null;
}
/**
 * The call exactly where the reader reported it: by its whole range, so
 * neither a chained call starting at the same place (`app.enableShutdownHooks().listen()`)
 * nor the inner call of a curried one (`require('death')(cb)`) is taken, whatever the callee is named.
 */
function findCall(site) {
    const program = parseProgram(site.text, site.language);
    if (!program)
        return null;
    const lines = new SourceLines(site.text);
    const start = lines.offsetOf(site.line, site.column);
    const end = lines.offsetOf(site.endLine, site.endColumn);
    let call = null;
    walk(program, (node) => {
        if (node.type === 'CallExpression' && node.range[0] === start && node.range[1] === end)
            call = node;
    });
    return call ? { call, lines, style: styleOf(site.text, program) } : null;
}
//# sourceMappingURL=handler.js.map