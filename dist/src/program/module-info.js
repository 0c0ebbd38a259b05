import { childNodes, constTruth, isFunctionNode, keyName, moduleExportName, staticString, unwrap, } from './ast.js';
let nextUnitId = 1;
export function buildModuleInfo(file, text, ast) {
    return new Builder(file, text, ast).build();
}
/** Finds the binding an identifier refers to (null: a global or unknown name). */
export function lookup(mod, id) {
    let scope = mod.refScope.get(id);
    while (scope) {
        const b = scope.vars.get(id.name);
        if (b)
            return b;
        scope = scope.parent;
    }
    return null;
}
export function lookupName(scope, name) {
    let s = scope;
    while (s) {
        const b = s.vars.get(name);
        if (b)
            return b;
        s = s.parent;
    }
    return null;
}
/** Short source text of a node for notes (first line, at most 60 characters). */
export function excerpt(mod, node) {
    const text = mod.text.slice(node.range[0], node.range[1]);
    const firstLine = text.split('\n')[0] ?? '';
    return firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine;
}
/** Call sites `f(…)` of a local function, found through the callee's binding. */
export function callSitesOf(mod, fn) {
    if (!mod.callSites) {
        const map = new Map();
        for (const unit of mod.units) {
            for (const call of unit.calls) {
                if (call.type !== 'CallExpression')
                    continue;
                const callee = unwrap(call.callee);
                if (callee.type !== 'Identifier')
                    continue;
                const b = lookup(mod, callee);
                const target = b?.decl && isFunctionNode(b.decl) ? b.decl : b?.init && b.path.length === 0 ? unwrap(b.init) : null;
                if (target && isFunctionNode(target)) {
                    const list = map.get(target) ?? [];
                    list.push(call);
                    map.set(target, list);
                }
            }
        }
        mod.callSites = map;
    }
    return mod.callSites.get(fn) ?? [];
}
/** The nearest non-arrow function around `node` (what `this` refers to), or null at module level. */
export function thisOwner(mod, node) {
    let n = mod.parent.get(node);
    while (n) {
        if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression')
            return n;
        if (n.type === 'PropertyDefinition' || n.type === 'StaticBlock')
            return n;
        n = mod.parent.get(n);
    }
    return null;
}
/** The class whose instance `this` is inside `owner` (a method, constructor or field), and whether it is static. */
export function classOfThisOwner(mod, owner) {
    if (!owner)
        return null;
    let member = owner;
    if (owner.type === 'FunctionExpression')
        member = mod.parent.get(owner);
    if (!member)
        return null;
    if (member.type === 'MethodDefinition' || member.type === 'PropertyDefinition' || member.type === 'StaticBlock') {
        const body = mod.parent.get(member);
        const cls = body ? mod.parent.get(body) : undefined;
        if (cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression')) {
            return { cls, isStatic: member.type === 'StaticBlock' || member.static };
        }
    }
    return null;
}
class Builder {
    mod;
    scope;
    unit;
    pendingAssigns = [];
    pendingRequires = [];
    constructor(file, text, ast) {
        const scope = { node: ast, parent: null, isFunction: true, vars: new Map() };
        const partial = {
            file,
            text,
            ast,
            scope,
            units: [],
            unitOf: new Map(),
            parent: new Map(),
            refScope: new Map(),
            exports: new Map(),
            stars: [],
            cjsWhole: null,
            cjsProps: new Map(),
            thisAssigns: new Map(),
            classInit: new Map(),
        };
        this.mod = partial;
        this.scope = scope;
        this.unit = this.newUnit(ast);
        this.mod.top = this.unit;
    }
    build() {
        for (const stmt of this.mod.ast.body)
            this.visit(stmt, this.mod.ast);
        for (const [id, value] of this.pendingAssigns)
            lookup(this.mod, id)?.assigns.push(value);
        // `const req = createRequire(import.meta.url); req('./x')` is only known once bindings exist.
        for (const [callee, spec, node, unit] of this.pendingRequires) {
            const b = lookup(this.mod, callee);
            const init = b?.init ? unwrap(b.init) : null;
            if (init?.type === 'CallExpression' && isCreateRequireCall(init))
                unit.edges.push({ spec, kind: 'require', node, unit });
        }
        return this.mod;
    }
    newUnit(node) {
        const unit = { id: nextUnitId++, mod: this.mod, node, calls: [], edges: [], classes: [] };
        this.mod.units.push(unit);
        this.mod.unitOf.set(node, unit);
        return unit;
    }
    declare(scope, id, kind, extra = {}) {
        const binding = { name: id.name, kind, id, path: [], assigns: [], ...extra };
        scope.vars.set(id.name, binding);
        this.mod.refScope.set(id, scope);
        return binding;
    }
    functionScope() {
        let s = this.scope;
        while (!s.isFunction && s.parent)
            s = s.parent;
        return s;
    }
    withScope(node, isFunction, body) {
        const saved = this.scope;
        this.scope = { node, parent: saved, isFunction, vars: new Map() };
        try {
            body();
        }
        finally {
            this.scope = saved;
        }
    }
    withUnit(unit, body) {
        const saved = this.unit;
        this.unit = unit;
        try {
            body();
        }
        finally {
            this.unit = saved;
        }
    }
    visitAll(nodes, parent) {
        for (const n of nodes)
            if (n)
                this.visit(n, parent);
    }
    visitChildren(node) {
        for (const child of childNodes(node))
            this.visit(child, node);
    }
    /** Declares the names of a binding pattern; `path` leads from `init` to each name. */
    declarePattern(pattern, parent, kind, scope, base, path) {
        this.mod.parent.set(pattern, parent);
        switch (pattern.type) {
            case 'Identifier':
                this.declare(scope, pattern, kind, { ...base, path });
                return;
            case 'ObjectPattern':
                for (const prop of pattern.properties) {
                    this.mod.parent.set(prop, pattern);
                    if (prop.type === 'RestElement') {
                        this.declarePattern(prop.argument, prop, kind, scope, base, [...path, { rest: true }]);
                        continue;
                    }
                    if (prop.computed)
                        this.visit(prop.key, prop);
                    const name = keyName(prop.key, prop.computed);
                    const step = name === null ? { rest: true } : { key: name };
                    this.declarePattern(prop.value, prop, kind, scope, base, [...path, step]);
                }
                return;
            case 'ArrayPattern':
                pattern.elements.forEach((el, index) => {
                    if (!el)
                        return;
                    if (el.type === 'RestElement')
                        this.declarePattern(el.argument, el, kind, scope, base, [...path, { rest: true }]);
                    else
                        this.declarePattern(el, pattern, kind, scope, base, [...path, { index }]);
                });
                return;
            case 'AssignmentPattern':
                this.visit(pattern.right, pattern);
                this.declarePattern(pattern.left, pattern, kind, scope, { ...base, defaultValue: pattern.right }, path);
                return;
            case 'RestElement':
                this.declarePattern(pattern.argument, pattern, kind, scope, base, [...path, { rest: true }]);
                return;
            case 'TSParameterProperty':
                this.declarePattern(pattern.parameter, pattern, kind, scope, base, path);
                return;
            default:
                // Member expressions in `for (a.b of …)` and similar: plain code.
                this.visit(pattern, parent);
        }
    }
    visit(node, parent) {
        this.mod.parent.set(node, parent);
        switch (node.type) {
            case 'ImportDeclaration':
                return this.importDeclaration(node);
            case 'ExportNamedDeclaration':
                return this.exportNamed(node);
            case 'ExportDefaultDeclaration':
                return this.exportDefault(node);
            case 'ExportAllDeclaration': {
                if (node.exportKind === 'type')
                    return;
                const spec = node.source.value;
                this.unit.edges.push({ spec, kind: 'import', node, unit: this.unit });
                if (node.exported)
                    this.mod.exports.set(moduleExportName(node.exported), { kind: 'reexport', spec, name: '*' });
                else
                    this.mod.stars.push(spec);
                return;
            }
            case 'TSImportEqualsDeclaration': {
                const ref = node.moduleReference;
                if (ref.type === 'TSExternalModuleReference' && node.importKind !== 'type') {
                    const spec = staticString(ref.expression);
                    if (spec !== null) {
                        this.declare(this.scope, node.id, 'import', { import: { source: spec, name: '=' } });
                        this.unit.edges.push({ spec, kind: 'require', node, unit: this.unit });
                    }
                }
                return;
            }
            case 'TSExportAssignment':
                this.visit(node.expression, node);
                this.mod.cjsWhole = node.expression;
                return;
            case 'TSInterfaceDeclaration':
            case 'TSTypeAliasDeclaration':
            case 'TSDeclareFunction':
            case 'TSAbstractMethodDefinition':
            case 'TSAbstractPropertyDefinition':
            case 'TSIndexSignature':
                return;
            case 'TSEnumDeclaration':
                this.declare(this.scope, node.id, 'enum', { decl: node });
                return;
            case 'TSModuleDeclaration':
                if (node.id.type === 'Identifier')
                    this.declare(this.scope, node.id, 'namespace');
                if (node.body)
                    this.withScope(node, false, () => this.visitChildren(node.body));
                return;
            case 'FunctionDeclaration': {
                if (node.id) {
                    this.declare(this.scope, node.id, 'function', { decl: node });
                    // Sloppy-mode functions in blocks are also visible function-wide.
                    const fs = this.functionScope();
                    if (fs !== this.scope && !fs.vars.has(node.id.name))
                        fs.vars.set(node.id.name, { name: node.id.name, kind: 'function', id: node.id, decl: node, path: [], assigns: [] });
                }
                return this.functionUnit(node);
            }
            case 'FunctionExpression':
            case 'ArrowFunctionExpression':
                return this.functionUnit(node);
            case 'ClassDeclaration':
            case 'ClassExpression':
                return this.classUnit(node);
            case 'VariableDeclaration': {
                const scope = node.kind === 'var' ? this.functionScope() : this.scope;
                const kind = node.kind === 'var' ? 'var' : node.kind === 'const' ? 'const' : 'let';
                for (const d of node.declarations) {
                    this.mod.parent.set(d, node);
                    if (d.init)
                        this.visit(d.init, d);
                    this.declarePattern(d.id, d, kind, scope, d.init ? { init: d.init } : {}, []);
                }
                return;
            }
            case 'BlockStatement':
                return this.withScope(node, false, () => this.visitAll(node.body, node));
            case 'StaticBlock':
                return this.withScope(node, false, () => this.visitAll(node.body, node));
            case 'ForStatement':
                return this.withScope(node, false, () => this.visitChildren(node));
            case 'ForInStatement':
            case 'ForOfStatement':
                return this.withScope(node, false, () => {
                    this.visit(node.right, node);
                    if (node.left.type === 'VariableDeclaration') {
                        const decl = node.left;
                        this.mod.parent.set(decl, node);
                        const scope = decl.kind === 'var' ? this.functionScope() : this.scope;
                        const kind = decl.kind === 'var' ? 'var' : decl.kind === 'const' ? 'const' : 'let';
                        for (const d of decl.declarations) {
                            this.mod.parent.set(d, decl);
                            this.declarePattern(d.id, d, kind, scope, node.type === 'ForOfStatement' ? { forOf: node.right } : {}, []);
                        }
                    }
                    else
                        this.visit(node.left, node);
                    this.visit(node.body, node);
                });
            case 'CatchClause':
                return this.withScope(node, false, () => {
                    if (node.param)
                        this.declarePattern(node.param, node, 'catch', this.scope, {}, []);
                    this.visit(node.body, node);
                });
            case 'SwitchStatement':
                this.visit(node.discriminant, node);
                return this.withScope(node, false, () => this.visitAll(node.cases, node));
            case 'IfStatement': {
                this.visit(node.test, node);
                const truth = constTruth(node.test);
                if (truth !== false)
                    this.visit(node.consequent, node);
                if (truth !== true && node.alternate)
                    this.visit(node.alternate, node);
                return;
            }
            case 'ConditionalExpression': {
                this.visit(node.test, node);
                const truth = constTruth(node.test);
                if (truth !== false)
                    this.visit(node.consequent, node);
                if (truth !== true)
                    this.visit(node.alternate, node);
                return;
            }
            case 'LogicalExpression': {
                this.visit(node.left, node);
                const truth = constTruth(node.left);
                const skip = (node.operator === '&&' && truth === false) || (node.operator === '||' && truth === true);
                if (!skip)
                    this.visit(node.right, node);
                return;
            }
            case 'WhileStatement':
                this.visit(node.test, node);
                if (constTruth(node.test) !== false)
                    this.visit(node.body, node);
                return;
            case 'Identifier':
                this.mod.refScope.set(node, this.scope);
                return;
            case 'MemberExpression':
                this.visit(node.object, node);
                if (node.computed)
                    this.visit(node.property, node);
                else
                    this.mod.parent.set(node.property, node);
                return;
            case 'Property':
                if (node.computed)
                    this.visit(node.key, node);
                this.visit(node.value, node);
                return;
            case 'LabeledStatement':
                this.visit(node.body, node);
                return;
            case 'BreakStatement':
            case 'ContinueStatement':
                return;
            case 'CallExpression':
                this.unit.calls.push(node);
                this.requireEdge(node);
                return this.visitChildren(node);
            case 'NewExpression':
            case 'TaggedTemplateExpression':
                this.unit.calls.push(node);
                return this.visitChildren(node);
            case 'ImportExpression': {
                const spec = staticString(node.source);
                if (spec !== null)
                    this.unit.edges.push({ spec, kind: 'dynamic', node, unit: this.unit });
                return this.visitChildren(node);
            }
            case 'AssignmentExpression':
                this.assignment(node);
                return this.visitChildren(node);
            default:
                return this.visitChildren(node);
        }
    }
    importDeclaration(node) {
        const specs = node.specifiers;
        // TS elides imports whose every specifier is a type.
        const typeOnly = node.importKind === 'type' ||
            (specs.length > 0 && specs.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
        if (typeOnly)
            return;
        const source = node.source.value;
        for (const s of specs) {
            this.mod.parent.set(s, node);
            if (s.type === 'ImportSpecifier' && s.importKind === 'type')
                continue;
            const name = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : moduleExportName(s.imported);
            this.declare(this.mod.scope, s.local, 'import', { import: { source, name } });
        }
        this.unit.edges.push({ spec: source, kind: 'import', node, unit: this.unit });
    }
    exportNamed(node) {
        if (node.exportKind === 'type')
            return;
        if (node.source) {
            const spec = node.source.value;
            this.unit.edges.push({ spec, kind: 'import', node, unit: this.unit });
            for (const s of node.specifiers) {
                if (s.exportKind === 'type')
                    continue;
                this.mod.exports.set(moduleExportName(s.exported), { kind: 'reexport', spec, name: moduleExportName(s.local) });
            }
            return;
        }
        const decl = node.declaration;
        if (decl) {
            this.visit(decl, node);
            const names = [];
            if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id)
                names.push(decl.id.name);
            else if (decl.type === 'VariableDeclaration')
                for (const d of decl.declarations)
                    collectPatternNames(d.id, names);
            else if ((decl.type === 'TSEnumDeclaration' || decl.type === 'TSModuleDeclaration') && decl.id.type === 'Identifier')
                names.push(decl.id.name);
            else if (decl.type === 'TSImportEqualsDeclaration')
                names.push(decl.id.name);
            for (const name of names)
                this.mod.exports.set(name, { kind: 'local', name });
            return;
        }
        for (const s of node.specifiers) {
            if (s.exportKind === 'type')
                continue;
            this.mod.parent.set(s, node);
            this.mod.exports.set(moduleExportName(s.exported), { kind: 'local', name: moduleExportName(s.local) });
        }
    }
    exportDefault(node) {
        const decl = node.declaration;
        this.visit(decl, node);
        if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) {
            this.mod.exports.set('default', { kind: 'local', name: decl.id.name });
        }
        else if (decl.type !== 'TSInterfaceDeclaration' && decl.type !== 'TSDeclareFunction') {
            this.mod.exports.set('default', { kind: 'node', node: decl });
        }
    }
    functionUnit(fn) {
        const unit = this.newUnit(fn);
        this.withUnit(unit, () => this.withScope(fn, true, () => {
            if (fn.type === 'FunctionExpression' && fn.id)
                this.declare(this.scope, fn.id, 'function', { decl: fn });
            fn.params.forEach((p, index) => this.declarePattern(p, fn, 'param', this.scope, { param: { fn, index } }, []));
            if (fn.body.type === 'BlockStatement') {
                this.mod.parent.set(fn.body, fn);
                this.visitAll(fn.body.body, fn.body);
            }
            else
                this.visit(fn.body, fn);
        }));
    }
    classUnit(cls) {
        if (cls.type === 'ClassDeclaration' && cls.id)
            this.declare(this.scope, cls.id, 'class', { decl: cls });
        this.unit.classes.push(cls);
        this.visitAll(cls.decorators, cls);
        if (cls.superClass)
            this.visit(cls.superClass, cls);
        this.mod.parent.set(cls.body, cls);
        this.withScope(cls, false, () => {
            if (cls.type === 'ClassExpression' && cls.id)
                this.declare(this.scope, cls.id, 'class', { decl: cls });
            const members = cls.body.body;
            const ctor = members.find((m) => m.type === 'MethodDefinition' && m.kind === 'constructor');
            if (ctor) {
                this.mod.parent.set(ctor, cls.body);
                this.visitAll(ctor.decorators, ctor);
                this.visit(ctor.value, ctor);
            }
            const init = (ctor && this.mod.unitOf.get(ctor.value)) ?? this.newUnit(cls);
            this.mod.classInit.set(cls, init);
            for (const m of members) {
                if (m === ctor)
                    continue;
                this.mod.parent.set(m, cls.body);
                if (m.type === 'MethodDefinition') {
                    this.visitAll(m.decorators, m);
                    if (m.computed)
                        this.visit(m.key, m);
                    this.visit(m.value, m);
                }
                else if (m.type === 'PropertyDefinition' || m.type === 'AccessorProperty') {
                    this.visitAll(m.decorators, m);
                    if (m.computed)
                        this.visit(m.key, m);
                    // Instance fields run when the class is instantiated; static ones at definition.
                    if (m.value) {
                        const value = m.value;
                        if (m.static)
                            this.visit(value, m);
                        else
                            this.withUnit(init, () => this.visit(value, m));
                    }
                }
                else if (m.type === 'StaticBlock')
                    this.visit(m, cls.body);
            }
        });
    }
    assignment(node) {
        const left = unwrap(node.left);
        if (left.type === 'Identifier') {
            this.pendingAssigns.push([left, node.right]);
            return;
        }
        if (left.type !== 'MemberExpression')
            return;
        const obj = unwrap(left.object);
        const name = left.computed ? staticString(left.property) : left.property.type === 'Identifier' ? left.property.name : null;
        if (name === null)
            return;
        if (obj.type === 'Identifier' && obj.name === 'module' && name === 'exports') {
            this.mod.cjsWhole = node.right;
        }
        else if ((obj.type === 'Identifier' && obj.name === 'exports') ||
            (obj.type === 'MemberExpression' && isModuleExports(obj))) {
            this.mod.cjsProps.set(name, node.right);
        }
        else if (obj.type === 'ThisExpression') {
            const owner = classOfThisOwner(this.mod, thisOwner(this.mod, node));
            if (owner) {
                let byName = this.mod.thisAssigns.get(owner.cls);
                if (!byName) {
                    byName = new Map();
                    this.mod.thisAssigns.set(owner.cls, byName);
                }
                const list = byName.get(name) ?? [];
                list.push(node.right);
                byName.set(name, list);
            }
        }
    }
    requireEdge(call) {
        const spec = staticString(call.arguments[0]);
        if (spec === null)
            return;
        const callee = unwrap(call.callee);
        if (callee.type === 'Identifier') {
            if (callee.name === 'require')
                this.unit.edges.push({ spec, kind: 'require', node: call, unit: this.unit });
            else
                this.pendingRequires.push([callee, spec, call, this.unit]);
        }
        else if (callee.type === 'CallExpression' && isCreateRequireCall(callee)) {
            this.unit.edges.push({ spec, kind: 'require', node: call, unit: this.unit });
        }
    }
}
function isModuleExports(node) {
    const obj = unwrap(node.object);
    return obj.type === 'Identifier' && obj.name === 'module' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'exports';
}
/** `createRequire(…)` or `module.createRequire(…)`: its result is a `require`. */
export function isCreateRequireCall(call) {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier')
        return callee.name === 'createRequire';
    return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'createRequire';
}
function collectPatternNames(pattern, out) {
    switch (pattern.type) {
        case 'Identifier':
            out.push(pattern.name);
            return;
        case 'ObjectPattern':
            for (const p of pattern.properties)
                collectPatternNames(p.type === 'RestElement' ? p.argument : p.value, out);
            return;
        case 'ArrayPattern':
            for (const el of pattern.elements)
                if (el)
                    collectPatternNames(el, out);
            return;
        case 'AssignmentPattern':
            collectPatternNames(pattern.left, out);
            return;
        case 'RestElement':
            collectPatternNames(pattern.argument, out);
            return;
        default:
            return;
    }
}
//# sourceMappingURL=module-info.js.map