/** Keys that never hold runtime code (types) or are not children. */
const SKIP_KEYS = new Set([
    'parent',
    'loc',
    'range',
    'type',
    'typeAnnotation',
    'returnType',
    'typeParameters',
    'typeArguments',
    'superTypeArguments',
    'superTypeParameters',
    'implements',
]);
export function isNode(value) {
    return typeof value === 'object' && value !== null && typeof value.type === 'string';
}
/** Child nodes in source order, types left out. */
export function childNodes(node) {
    const out = [];
    const record = node;
    for (const key in record) {
        if (SKIP_KEYS.has(key))
            continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (const item of value)
                if (isNode(item))
                    out.push(item);
        }
        else if (isNode(value))
            out.push(value);
    }
    return out;
}
export function isFunctionNode(node) {
    return (node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression');
}
export function isClassNode(node) {
    return node?.type === 'ClassDeclaration' || node?.type === 'ClassExpression';
}
/** Strips wrappers that do not change the runtime value: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b`. */
export function unwrap(node) {
    let n = node;
    for (;;) {
        switch (n.type) {
            case 'TSAsExpression':
            case 'TSNonNullExpression':
            case 'TSSatisfiesExpression':
            case 'TSTypeAssertion':
            case 'TSInstantiationExpression':
                n = n.expression;
                break;
            case 'ChainExpression':
                n = n.expression;
                break;
            default:
                return n;
        }
    }
}
/** A string literal or a template literal without substitutions. */
export function staticString(node) {
    if (!node)
        return null;
    const n = unwrap(node);
    if (n.type === 'Literal' && typeof n.value === 'string')
        return n.value;
    if (n.type === 'TemplateLiteral' && n.expressions.length === 0)
        return n.quasis[0]?.value.cooked ?? null;
    return null;
}
/** The property name of `a.b` / `a['b']` / `a?.b`, or null when computed from a non-literal. */
export function memberName(node) {
    if (!node.computed) {
        return node.property.type === 'Identifier' ? node.property.name : node.property.type === 'PrivateIdentifier' ? `#${node.property.name}` : null;
    }
    return staticString(node.property);
}
/** The name of an object/class key (`a`, `'a'`, `[\`a\`]`), or null. */
export function keyName(key, computed) {
    if (!computed && key.type === 'Identifier')
        return key.name;
    if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
        return String(key.value);
    return computed ? staticString(key) : null;
}
/** The name in `export { a as b }` / `import { a as b }` (identifiers or string names). */
export function moduleExportName(node) {
    return node.type === 'Identifier' ? node.name : node.value;
}
/**
 * The truth value of a condition that is constant in the source (`false`,
 * `0`, `!true`, `void 0`, `undefined`), or undefined when it depends on
 * runtime. Only literal constants count: this is for `if (false)` dead code.
 */
export function constTruth(node) {
    const n = unwrap(node);
    if (n.type === 'Literal') {
        if (n.value === null)
            return false;
        if (typeof n.value === 'boolean' || typeof n.value === 'number' || typeof n.value === 'string')
            return Boolean(n.value);
        return undefined;
    }
    if (n.type === 'UnaryExpression') {
        if (n.operator === 'void')
            return false;
        if (n.operator === '!') {
            const inner = constTruth(n.argument);
            return inner === undefined ? undefined : !inner;
        }
    }
    if (n.type === 'Identifier' && n.name === 'undefined')
        return false;
    return undefined;
}
/** 1-based line and column of a node's start. */
export function startOf(node) {
    return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}
//# sourceMappingURL=ast.js.map