import { childNodes, isClassNode, isFunctionNode, keyName, memberName, staticString, unwrap, } from './ast.js';
import { calleePath, normalizeSpecifier, patternPath, samePath } from './libraries.js';
import { callSitesOf, classOfThisOwner, excerpt, lookup, thisOwner, } from './module-info.js';
import { resolveSpecifier } from './resolve.js';
const UNKNOWN = { k: 'unknown' };
const MAX_DEPTH = 48;
export class ProgramModel {
    cfs;
    modules;
    env;
    wrappers;
    memo = new Map();
    inProgress = new Set();
    depth = 0;
    siteIndex;
    /** Dormant calls left out of the index, with the dormant module each calls into (`dormantCall`). */
    skippedSites = [];
    /** Whether a dormant module was woken (reach.ts). */
    woken = false;
    buildingSites = false;
    /** Sentences about environment variables used while evaluating signals (for notes). */
    envNotes = new Set();
    constructor(cfs, modules, env, 
    /** Library entries with role wraps-function (`_.once`, `util.promisify`). */
    wrappers = []) {
        this.cfs = cfs;
        this.modules = modules;
        this.env = env;
        this.wrappers = wrappers;
    }
    targetModule(from, spec, mode) {
        const file = this.targetFile(from, spec, mode);
        return file === null ? null : this.modules.get(file);
    }
    /** The file an import leads to, without parsing it. */
    targetFile(from, spec, mode) {
        const r = resolveSpecifier(this.cfs, from.file, spec, mode);
        return r.kind === 'file' ? r.path : null;
    }
    /** Analyses a dormant module from now on (module-set.ts); its calls become call sites. */
    wake(mod) {
        if (!this.modules.wake(mod.file))
            return false;
        this.woken = true;
        if (this.siteIndex) {
            this.indexCalls(mod, this.siteIndex);
            this.indexSkipped(this.siteIndex);
        }
        return true;
    }
    /**
     * A call of something imported from a dormant module that hands it only
     * literals (`createRepo()`, `new Cache('users')`): until a module wakes,
     * everything such a callee leads to is dormant (module-set.ts), so the
     * call can be left unevaluated, and its module unparsed. Once one wakes, a
     * dormant barrel may lead to it, so no call counts as dormant any more.
     */
    dormantCall(call, mod) {
        return this.dormantCallee(call, mod) !== null;
    }
    /** The dormant module a dormant call (`dormantCall`) calls into, or null for any other call. */
    dormantCallee(call, mod) {
        if (this.woken || call.type === 'TaggedTemplateExpression')
            return null;
        if (!call.arguments.every((a) => a.type === 'Literal' || (a.type === 'TemplateLiteral' && a.expressions.length === 0)))
            return null;
        let root = unwrap(call.callee);
        while (root.type === 'MemberExpression')
            root = unwrap(root.object);
        const b = root.type === 'Identifier' ? lookup(mod, root) : null;
        if (!b?.import)
            return null;
        const file = this.targetFile(mod, b.import.source, b.import.name === '=' ? 'require' : 'import');
        return file !== null && this.modules.has(file) && !this.modules.isAnalysed(file) ? file : null;
    }
    // -------------------------------------------------------------------------
    // Values
    // -------------------------------------------------------------------------
    valueOf(node, mod) {
        const n = unwrap(node);
        const cached = this.memo.get(n);
        if (cached)
            return cached;
        if (this.inProgress.has(n) || this.depth > MAX_DEPTH)
            return UNKNOWN;
        this.inProgress.add(n);
        this.depth++;
        let v;
        try {
            v = this.compute(n, mod);
        }
        finally {
            this.depth--;
            this.inProgress.delete(n);
        }
        this.memo.set(n, v);
        return v;
    }
    compute(n, mod) {
        switch (n.type) {
            case 'FunctionDeclaration':
            case 'FunctionExpression':
            case 'ArrowFunctionExpression':
                return { k: 'fn', fn: n, mod };
            case 'ClassDeclaration':
            case 'ClassExpression':
                return { k: 'class', cls: n, mod };
            case 'ObjectExpression':
                return { k: 'object', obj: n, mod };
            case 'Identifier':
                return this.identValue(n, mod);
            case 'ThisExpression': {
                const owner = classOfThisOwner(mod, thisOwner(mod, n));
                if (!owner)
                    return UNKNOWN;
                return owner.isStatic ? { k: 'class', cls: owner.cls, mod } : { k: 'instance', cls: owner.cls, mod };
            }
            case 'MemberExpression': {
                const name = memberName(n);
                return name === null ? UNKNOWN : this.member(this.valueOf(n.object, mod), name);
            }
            case 'CallExpression':
                return this.callValue(n, mod);
            case 'NewExpression': {
                const cv = this.valueOf(n.callee, mod);
                if (cv.k === 'class')
                    return { k: 'instance', cls: cv.cls, mod: cv.mod };
                if (cv.k === 'lib')
                    return { k: 'lib', pkg: cv.pkg, path: [...cv.path, '()'], call: { node: n, mod } };
                return UNKNOWN;
            }
            case 'AwaitExpression':
                return this.valueOf(n.argument, mod);
            case 'ImportExpression': {
                const spec = staticString(n.source);
                return spec === null ? UNKNOWN : this.importValue(mod, spec, '*', 'import');
            }
            case 'LogicalExpression': {
                const left = this.valueOf(n.left, mod);
                return left.k !== 'unknown' ? left : this.valueOf(n.right, mod);
            }
            case 'ConditionalExpression': {
                const c = this.valueOf(n.consequent, mod);
                return c.k !== 'unknown' ? c : this.valueOf(n.alternate, mod);
            }
            case 'SequenceExpression': {
                const last = n.expressions[n.expressions.length - 1];
                return last ? this.valueOf(last, mod) : UNKNOWN;
            }
            case 'AssignmentExpression':
                return this.valueOf(n.right, mod);
            default:
                return UNKNOWN;
        }
    }
    identValue(id, mod) {
        const b = lookup(mod, id);
        if (!b) {
            switch (id.name) {
                case 'process':
                    return { k: 'process', path: [] };
                case 'require':
                    return { k: 'require' };
                case 'globalThis':
                case 'global':
                    return { k: 'global', path: [] };
                default:
                    return { k: 'global', path: [id.name] };
            }
        }
        return this.bindingValue(b, mod);
    }
    bindingValue(b, mod) {
        if (b.decl) {
            if (isFunctionNode(b.decl))
                return { k: 'fn', fn: b.decl, mod };
            if (isClassNode(b.decl))
                return { k: 'class', cls: b.decl, mod };
            return UNKNOWN;
        }
        if (b.import) {
            const v = b.import.name === '='
                ? this.importValue(mod, b.import.source, '=', 'require')
                : this.importValue(mod, b.import.source, b.import.name, 'import');
            return this.applyPath(v, b.path);
        }
        if (b.param) {
            // A parameter is known only when its function has a single call site.
            const sites = this.callSites(b.param.fn, mod);
            const site = sites.length === 1 ? sites[0] : undefined;
            const arg = site?.call.arguments[b.param.index];
            return site && arg && arg.type !== 'SpreadElement' ? this.applyPath(this.valueOf(arg, site.mod), b.path) : UNKNOWN;
        }
        const src = this.singleSource(b);
        return src ? this.applyPath(this.valueOf(src, mod), b.path) : UNKNOWN;
    }
    /** The one expression a variable holds: its initialiser, or its only assignment. */
    singleSource(b) {
        if (b.kind === 'const' || b.assigns.length === 0)
            return b.init ?? null;
        const candidates = [b.init, ...b.assigns].filter((x) => {
            if (!x)
                return false;
            const u = unwrap(x);
            return !(u.type === 'Literal' && u.value === null) && !(u.type === 'Identifier' && u.name === 'undefined');
        });
        return candidates.length === 1 ? (candidates[0] ?? null) : null;
    }
    applyPath(v, path) {
        let cur = v;
        for (const step of path) {
            if ('key' in step)
                cur = this.member(cur, step.key);
            else if ('rest' in step)
                continue;
            else
                return UNKNOWN;
        }
        return cur;
    }
    /** What `import … from spec` (or `require(spec)` for name '=') denotes. */
    importValue(mod, spec, name, mode) {
        const r = resolveSpecifier(this.cfs, mod.file, spec, mode);
        if (r.kind === 'file') {
            const target = this.modules.get(r.path);
            if (!target)
                return UNKNOWN;
            if (name === '*')
                return { k: 'module', mod: target };
            if (name === '=')
                return target.cjsWhole ? this.valueOf(target.cjsWhole, target) : { k: 'module', mod: target };
            return this.exportValue(target, name, 0);
        }
        if (r.kind === 'package' || r.kind === 'builtin') {
            const pkg = normalizeSpecifier(r.name);
            const path = name === '*' || name === '=' || name === 'default' ? [] : [name];
            if (pkg === 'process')
                return { k: 'process', path };
            return { k: 'lib', pkg, path };
        }
        return UNKNOWN;
    }
    exportValue(target, name, depth) {
        if (depth > 64)
            return UNKNOWN;
        const e = target.exports.get(name);
        if (e) {
            if (e.kind === 'local') {
                const b = target.scope.vars.get(e.name);
                return b ? this.bindingValue(b, target) : UNKNOWN;
            }
            if (e.kind === 'node')
                return this.valueOf(e.node, target);
            return this.importValue(target, e.spec, e.name, 'import');
        }
        const prop = target.cjsProps.get(name);
        if (prop)
            return this.valueOf(prop, target);
        if (target.cjsWhole) {
            const whole = this.valueOf(target.cjsWhole, target);
            return name === 'default' ? whole : this.member(whole, name);
        }
        if (name === 'default' && target.exports.size === 0)
            return { k: 'module', mod: target };
        for (const spec of target.stars) {
            const next = this.targetModule(target, spec, 'import');
            if (next) {
                const v = this.exportValue(next, name, depth + 1);
                if (v.k !== 'unknown')
                    return v;
            }
            else {
                const r = resolveSpecifier(this.cfs, target.file, spec, 'import');
                if (r.kind === 'package' || r.kind === 'builtin')
                    return { k: 'lib', pkg: normalizeSpecifier(r.name), path: [name] };
            }
        }
        return UNKNOWN;
    }
    member(v, name) {
        switch (v.k) {
            case 'module':
                return this.exportValue(v.mod, name, 0);
            case 'lib':
                // `require('x').default` of a package is the package itself.
                if (name === 'default' && v.path.length === 0)
                    return v;
                return { k: 'lib', pkg: v.pkg, path: [...v.path, name] };
            case 'process':
                if (name === 'default' && v.path.length === 0)
                    return v;
                return { k: 'process', path: [...v.path, name] };
            case 'global':
                if (v.path.length === 0 && name === 'process')
                    return { k: 'process', path: [] };
                return { k: 'global', path: [...v.path, name] };
            case 'object': {
                const node = this.propertyNode(v.obj, name, v.mod);
                return node ? this.valueOf(node, v.mod) : UNKNOWN;
            }
            case 'instance':
                return this.classMember(v.cls, v.mod, name, false, 0);
            case 'class':
                return this.classMember(v.cls, v.mod, name, true, 0);
            case 'fn':
                // `f.call(…)`, `f.apply(…)`, `f.bind(…)` all end in f.
                return name === 'call' || name === 'apply' || name === 'bind' ? v : UNKNOWN;
            default:
                return UNKNOWN;
        }
    }
    /** The value node of property `name` in an object literal (later properties win; spreads followed). */
    propertyNode(obj, name, mod) {
        for (let i = obj.properties.length - 1; i >= 0; i--) {
            const p = obj.properties[i];
            if (!p)
                continue;
            if (p.type === 'SpreadElement') {
                const inner = this.valueOf(p.argument, mod);
                if (inner.k === 'object') {
                    const found = this.propertyNode(inner.obj, name, inner.mod);
                    if (found)
                        return found;
                }
                continue;
            }
            if (keyName(p.key, p.computed) === name)
                return p.value;
        }
        return null;
    }
    classMember(cls, mod, name, isStatic, depth) {
        for (const m of cls.body.body) {
            if (m.type === 'MethodDefinition' && m.kind === 'method' && m.value.type === 'FunctionExpression' && m.static === isStatic && keyName(m.key, m.computed) === name) {
                return { k: 'fn', fn: m.value, mod };
            }
            if (m.type === 'PropertyDefinition' && m.static === isStatic && m.value && keyName(m.key, m.computed) === name) {
                return this.valueOf(m.value, mod);
            }
        }
        if (!isStatic) {
            const assigned = mod.thisAssigns.get(cls)?.get(name);
            if (assigned?.length === 1 && assigned[0])
                return this.valueOf(assigned[0], mod);
        }
        if (cls.superClass && depth < 8) {
            const parent = this.valueOf(cls.superClass, mod);
            if (parent.k === 'class')
                return this.classMember(parent.cls, parent.mod, name, isStatic, depth + 1);
        }
        return UNKNOWN;
    }
    callValue(call, mod) {
        const callee = unwrap(call.callee);
        if (callee.type === 'MemberExpression' && memberName(callee) === 'bind')
            return this.valueOf(callee.object, mod);
        // Compiled output wraps imports in interop helpers (tsc, Babel, esbuild): they return their argument.
        const calleeName = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee) : null;
        if (calleeName !== null && INTEROP_HELPERS.has(calleeName) && call.arguments[0])
            return this.valueOf(call.arguments[0], mod);
        const cv = this.valueOf(callee, mod);
        switch (cv.k) {
            case 'require': {
                const spec = staticString(call.arguments[0]);
                return spec === null ? UNKNOWN : this.importValue(mod, spec, '=', 'require');
            }
            case 'fn':
                return this.returnValue(cv.fn, cv.mod);
            case 'lib': {
                // `_.once(fn)` is a function that runs fn: judged as fn itself.
                const wrapped = this.wrappedArgument(call, mod);
                if (wrapped) {
                    const inner = this.valueOf(wrapped, mod);
                    // Compiled output calls `(0, once_1.default)(fn)`: the name is the last expression.
                    const named = callee.type === 'SequenceExpression' ? (callee.expressions.at(-1) ?? callee) : callee;
                    return inner.k === 'fn' ? { ...inner, wrappedBy: excerpt(mod, named) } : inner;
                }
                const last = cv.path[cv.path.length - 1];
                if (cv.pkg === 'module' && last === 'createRequire')
                    return { k: 'require' };
                return { k: 'lib', pkg: cv.pkg, path: [...cv.path, '()'], call: { node: call, mod } };
            }
            case 'module': {
                const whole = cv.mod.cjsWhole ? this.valueOf(cv.mod.cjsWhole, cv.mod) : UNKNOWN;
                return whole.k === 'fn' ? this.returnValue(whole.fn, whole.mod) : UNKNOWN;
            }
            default:
                return UNKNOWN;
        }
    }
    /** The function a table wrapper is given (`fn` in `_.once(fn)`, role wraps-function), or null when the call is no such wrapper. */
    wrappedArgument(call, mod) {
        if (call.type === 'TaggedTemplateExpression' || this.wrappers.length === 0)
            return null;
        const cv = this.valueOf(call.callee, mod);
        if (cv.k !== 'lib')
            return null;
        const called = calleePath(cv.path);
        const named = (pattern) => {
            const want = patternPath(pattern);
            return want !== null && samePath(called, want);
        };
        const entry = this.wrappers.find((e) => e.packages.some((p) => normalizeSpecifier(p) === cv.pkg) && (e.calls ?? []).some(named));
        const arg = entry ? call.arguments[entry.wrappedArg ?? 0] : undefined;
        return arg && arg.type !== 'SpreadElement' ? arg : null;
    }
    /** What a function returns, when every `return` agrees. */
    returnValue(fn, mod) {
        if (fn.body.type !== 'BlockStatement')
            return this.valueOf(fn.body, mod);
        const returns = [];
        const walk = (node) => {
            if (returns.length > 8)
                return;
            if (node.type === 'ReturnStatement') {
                if (node.argument)
                    returns.push(node.argument);
                return;
            }
            if (isFunctionNode(node) || isClassNode(node))
                return;
            for (const child of childNodes(node))
                walk(child);
        };
        for (const stmt of fn.body.body)
            walk(stmt);
        let result = UNKNOWN;
        for (const r of returns) {
            const v = this.valueOf(r, mod);
            if (v.k === 'unknown')
                continue;
            if (result.k !== 'unknown' && !sameValue(result, v))
                return UNKNOWN;
            result = v;
        }
        return result;
    }
    /**
     * Direct call sites of a function across the analysed modules (`f(…)`,
     * `ns.f(…)`, `obj.method(…)`); a dormant module holds none of an analysed
     * function (module-set.ts). While the index is being built, values it
     * needs fall back to the function's own module.
     */
    callSites(fn, mod) {
        if (!this.siteIndex) {
            if (this.buildingSites)
                return callSitesOf(mod, fn).map((call) => ({ call, mod }));
            this.buildingSites = true;
            const index = new Map();
            try {
                for (const m of this.modules.analysed())
                    this.indexCalls(m, index);
            }
            finally {
                this.buildingSites = false;
            }
            this.siteIndex = index;
        }
        // The sites of a dormant function may be among the dormant calls left out:
        // those into a module that leads to the function's.
        if (!this.modules.isAnalysed(mod.file))
            this.indexSkipped(this.siteIndex, mod.file);
        return this.siteIndex.get(fn) ?? [];
    }
    indexCalls(m, index) {
        for (const unit of m.units) {
            for (const call of unit.calls) {
                if (call.type !== 'CallExpression')
                    continue;
                const callee = this.dormantCallee(call, m);
                if (callee !== null)
                    this.skippedSites.push({ call, mod: m, callee });
                else
                    this.indexCall(call, m, index);
            }
        }
    }
    /**
     * Indexes the dormant calls left out; with `towards`, only those into a
     * module that is `towards` or imports it. Until a module wakes, the others'
     * callees are values of modules that cannot reach `towards` (they were
     * handed only literals), so none is a function of it, and their modules
     * stay unparsed.
     */
    indexSkipped(index, towards) {
        const skipped = this.skippedSites;
        this.skippedSites = [];
        for (const site of skipped) {
            if (towards === undefined || this.modules.leadsTo(site.callee, towards))
                this.indexCall(site.call, site.mod, index);
            else
                this.skippedSites.push(site);
        }
    }
    indexCall(call, m, index) {
        // `f.call(this, …)` shifts the arguments: not a direct call site.
        const callee = unwrap(call.callee);
        if (callee.type === 'MemberExpression' && ['call', 'apply', 'bind'].includes(memberName(callee) ?? ''))
            return;
        const v = this.valueOf(call.callee, m);
        if (v.k !== 'fn')
            return;
        const list = index.get(v.fn) ?? [];
        list.push({ call, mod: m });
        index.set(v.fn, list);
    }
    // -------------------------------------------------------------------------
    // Strings (signal names)
    // -------------------------------------------------------------------------
    strings(node, mod, depth = 0) {
        if (!node || depth > 24)
            return unknownStrings();
        const n = unwrap(node);
        const s = staticString(n);
        if (s !== null)
            return { values: new Set([s]), unknown: false };
        switch (n.type) {
            case 'Identifier':
                return this.identStrings(n, mod, depth);
            case 'MemberExpression':
                return this.memberStrings(n, mod, depth);
            case 'LogicalExpression': {
                if (n.operator === '&&')
                    return unknownStrings();
                const left = this.strings(n.left, mod, depth + 1);
                const right = () => this.strings(n.right, mod, depth + 1);
                if (left.unset)
                    return right();
                if (left.empty)
                    return n.operator === '||' ? right() : left;
                if (!left.unknown && left.values.size > 0 && [...left.values].every((v) => v !== ''))
                    return left;
                return union(left, right());
            }
            case 'ConditionalExpression':
                return union(this.strings(n.consequent, mod, depth + 1), this.strings(n.alternate, mod, depth + 1));
            case 'BinaryExpression': {
                if (n.operator !== '+')
                    return unknownStrings();
                const l = this.strings(n.left, mod, depth + 1);
                const r = this.strings(n.right, mod, depth + 1);
                if (l.unknown || r.unknown || l.values.size !== 1 || r.values.size !== 1)
                    return unknownStrings();
                return { values: new Set([`${[...l.values][0] ?? ''}${[...r.values][0] ?? ''}`]), unknown: false };
            }
            case 'CallExpression': {
                // `String(x)`, `x.toUpperCase()`, `x.trim()`
                const callee = unwrap(n.callee);
                if (callee.type === 'Identifier' && callee.name === 'String' && n.arguments[0])
                    return this.strings(n.arguments[0], mod, depth + 1);
                if (callee.type === 'MemberExpression') {
                    const m = memberName(callee);
                    const inner = () => this.strings(callee.object, mod, depth + 1);
                    if (m === 'toUpperCase')
                        return mapStrings(inner(), (x) => x.toUpperCase());
                    if (m === 'trim')
                        return mapStrings(inner(), (x) => x.trim());
                }
                return unknownStrings();
            }
            default:
                return unknownStrings();
        }
    }
    identStrings(id, mod, depth) {
        const b = lookup(mod, id);
        if (!b)
            return unknownStrings();
        return this.bindingStrings(b, mod, depth);
    }
    bindingStrings(b, mod, depth) {
        if (b.forOf)
            return this.pick(this.elements(b.forOf, mod, depth + 1, pickOf(b.path)), b.path);
        if (b.param)
            return this.paramStrings(b, mod, depth);
        if (b.import) {
            const target = this.importedBinding(b, mod);
            return target ? this.bindingStrings(target.b, target.mod, depth + 1) : unknownStrings();
        }
        if (b.decl)
            return unknownStrings();
        const sources = [b.init, ...(b.kind === 'const' ? [] : b.assigns)].filter((x) => x !== undefined);
        if (sources.length === 0)
            return unknownStrings();
        let result = { values: new Set(), unknown: false };
        const last = b.path[b.path.length - 1];
        if (b.path.length === 1 && last && 'key' in last && sources.length === 1 && sources[0]) {
            // `const { STOP_SIGNAL = 'SIGTERM' } = process.env`
            const from = this.valueOf(sources[0], mod);
            if (from.k === 'process' && from.path.join('.') === 'env') {
                const env = this.envStrings(last.key);
                return env.unset && b.defaultValue ? this.strings(b.defaultValue, mod, depth + 1) : env;
            }
        }
        for (const src of sources) {
            let node = src;
            for (const step of b.path) {
                if (!node)
                    break;
                const u = unwrap(node);
                if ('key' in step && u.type === 'ObjectExpression')
                    node = this.propertyNode(u, step.key, mod);
                else if ('index' in step && u.type === 'ArrayExpression') {
                    const el = u.elements[step.index];
                    node = el && el.type !== 'SpreadElement' ? el : null;
                }
                else
                    node = null;
            }
            result = union(result, node ? this.strings(node, mod, depth + 1) : unknownStrings());
        }
        return result;
    }
    /** The binding an import refers to in the module that declares it (through re-exports). */
    importedBinding(b, mod) {
        let source = b.import?.source;
        let name = b.import?.name;
        let from = mod;
        for (let hops = 0; hops < 64 && source !== undefined && name !== undefined; hops++) {
            const target = this.targetModule(from, source, 'import');
            if (!target)
                return null;
            const e = target.exports.get(name);
            if (!e) {
                const star = target.stars.map((s) => this.targetModule(target, s, 'import')).find((t) => t?.exports.has(name ?? ''));
                if (!star)
                    return null;
                from = target;
                source = target.stars.find((s) => this.targetModule(target, s, 'import') === star);
                continue;
            }
            if (e.kind === 'local') {
                const found = target.scope.vars.get(e.name);
                if (!found)
                    return null;
                if (found.import) {
                    source = found.import.source;
                    name = found.import.name;
                    from = target;
                    continue;
                }
                return { b: found, mod: target };
            }
            if (e.kind === 'reexport') {
                source = e.spec;
                name = e.name;
                from = target;
                continue;
            }
            return null;
        }
        return null;
    }
    memberStrings(n, mod, depth) {
        const name = memberName(n);
        if (name === null)
            return unknownStrings();
        const obj = this.valueOf(n.object, mod);
        if (obj.k === 'process' && obj.path.length === 1 && obj.path[0] === 'env')
            return this.envStrings(name);
        // Enum-like members of a library (`ShutdownSignal.SIGTERM` from @nestjs/common) are their own name.
        if (obj.k === 'lib' && /^SIG[A-Z0-9]+$/.test(name))
            return { values: new Set([name]), unknown: false };
        if (obj.k === 'object') {
            const prop = this.propertyNode(obj.obj, name, obj.mod);
            return prop ? this.strings(prop, obj.mod, depth + 1) : unknownStrings();
        }
        const base = unwrap(n.object);
        if (base.type === 'Identifier') {
            const b = lookup(mod, base);
            const target = b?.import ? this.importedBinding(b, mod) : b ? { b, mod } : null;
            const decl = target?.b.decl;
            if (decl?.type === 'TSEnumDeclaration' && target) {
                const members = 'body' in decl && decl.body ? decl.body.members : decl.members;
                for (const m of members) {
                    if (keyName(m.id, m.computed ?? false) === name) {
                        return m.initializer ? this.strings(m.initializer, target.mod, depth + 1) : unknownStrings();
                    }
                }
            }
        }
        return unknownStrings();
    }
    envStrings(name) {
        if (!this.env || !Object.prototype.hasOwnProperty.call(this.env, name)) {
            this.envNotes.add(`process.env.${name} is not set by the Dockerfile ENV: evaluated as unset (a runtime -e would change it)`);
            return { values: new Set(), unknown: false, unset: name };
        }
        const value = this.env[name] ?? '';
        this.envNotes.add(`process.env.${name} = ${JSON.stringify(value)} from the Dockerfile ENV`);
        if (value === '')
            return { values: new Set(['']), unknown: false, empty: true };
        return { values: new Set([value]), unknown: false };
    }
    paramStrings(b, mod, depth) {
        const param = b.param;
        if (!param)
            return unknownStrings();
        const fn = param.fn;
        const parent = mod.parent.get(fn);
        // `list.forEach(sig => …)`: the first parameter is each element.
        if (parent?.type === 'CallExpression' && parent.arguments[0] === fn && param.index === 0) {
            const callee = unwrap(parent.callee);
            const m = callee.type === 'MemberExpression' ? memberName(callee) : null;
            if (callee.type === 'MemberExpression' && m && ITERATING_METHODS.has(m)) {
                return this.pick(this.elements(callee.object, mod, depth + 1, pickOf(b.path)), b.path);
            }
        }
        if (b.path.length > 0)
            return unknownStrings();
        const sites = this.callSites(fn, mod);
        if (sites.length === 0)
            return unknownStrings();
        let result = { values: new Set(), unknown: false };
        for (const site of sites) {
            const arg = site.call.arguments[param.index];
            result = union(result, arg && arg.type !== 'SpreadElement' ? this.strings(arg, site.mod, depth + 1) : unknownStrings());
        }
        return result;
    }
    /** Destructuring beyond the picked element (`[sig, fn]` → index 0) is not followed. */
    pick(s, path) {
        return path.length > 1 ? unknownStrings() : s;
    }
    /**
     * The string elements of an iterable: array literals, `new Set([…])`,
     * `Object.keys(o)`, `Object.entries(o)` (with `pick` 0: the keys), constants.
     */
    elements(node, mod, depth, pick) {
        if (depth > 24)
            return unknownStrings();
        const n = unwrap(node);
        switch (n.type) {
            case 'ArrayExpression': {
                let result = { values: new Set(), unknown: false };
                for (const el of n.elements) {
                    if (!el)
                        continue;
                    if (el.type === 'SpreadElement')
                        result = union(result, this.elements(el.argument, mod, depth + 1, pick));
                    else if (pick === undefined)
                        result = union(result, this.strings(el, mod, depth + 1));
                    else {
                        const pair = unwrap(el);
                        const item = pair.type === 'ArrayExpression' ? pair.elements[pick] : undefined;
                        result = union(result, item && item.type !== 'SpreadElement' ? this.strings(item, mod, depth + 1) : unknownStrings());
                    }
                }
                return result;
            }
            case 'NewExpression': {
                const callee = unwrap(n.callee);
                if (callee.type === 'Identifier' && (callee.name === 'Set' || callee.name === 'Map') && n.arguments[0]) {
                    return this.elements(n.arguments[0], mod, depth + 1, callee.name === 'Map' ? (pick ?? 0) : pick);
                }
                return unknownStrings();
            }
            case 'CallExpression': {
                const callee = unwrap(n.callee);
                if (callee.type !== 'MemberExpression')
                    return unknownStrings();
                const m = memberName(callee);
                const target = unwrap(callee.object);
                if (target.type === 'Identifier' && target.name === 'Object' && !lookup(mod, target)) {
                    const arg = n.arguments[0];
                    if (!arg || arg.type === 'SpreadElement')
                        return unknownStrings();
                    if (m === 'keys' || (m === 'entries' && pick === 0))
                        return this.objectKeys(arg, mod, depth + 1);
                    if (m === 'values' && pick === undefined)
                        return this.objectValues(arg, mod, depth + 1);
                    return unknownStrings();
                }
                if (m === 'concat') {
                    let result = this.elements(callee.object, mod, depth + 1, pick);
                    for (const a of n.arguments) {
                        if (a.type === 'SpreadElement')
                            continue;
                        const u = unwrap(a);
                        result = union(result, u.type === 'ArrayExpression' || u.type === 'Identifier' ? this.elements(a, mod, depth + 1, pick) : this.strings(a, mod, depth + 1));
                    }
                    return result;
                }
                // `list.filter(…)` / `.slice(…)`: a subset; reported as the whole list.
                if (m === 'filter' || m === 'slice')
                    return this.elements(callee.object, mod, depth + 1, pick);
                return unknownStrings();
            }
            case 'Identifier': {
                const b = lookup(mod, n);
                if (!b)
                    return unknownStrings();
                if (b.param && b.path.length === 0) {
                    // A parameter iterated: the lists its callers pass.
                    const sites = this.callSites(b.param.fn, mod);
                    if (sites.length === 0)
                        return unknownStrings();
                    let result = { values: new Set(), unknown: false };
                    for (const site of sites) {
                        const arg = site.call.arguments[b.param.index];
                        result = union(result, arg && arg.type !== 'SpreadElement' ? this.elements(arg, site.mod, depth + 1, pick) : unknownStrings());
                    }
                    return result;
                }
                const target = b.import ? this.importedBinding(b, mod) : { b, mod };
                if (!target || target.b.path.length > 0)
                    return unknownStrings();
                const init = target.b.init;
                if (!init || (target.b.kind !== 'const' && target.b.assigns.length > 0))
                    return unknownStrings();
                return this.elements(init, target.mod, depth + 1, pick);
            }
            case 'MemberExpression': {
                const name = memberName(n);
                const obj = this.valueOf(n.object, mod);
                if (name !== null && obj.k === 'object') {
                    const prop = this.propertyNode(obj.obj, name, obj.mod);
                    return prop ? this.elements(prop, obj.mod, depth + 1, pick) : unknownStrings();
                }
                return unknownStrings();
            }
            default:
                return unknownStrings();
        }
    }
    objectLiteral(node, mod) {
        const v = this.valueOf(node, mod);
        return v.k === 'object' ? { obj: v.obj, mod: v.mod } : null;
    }
    objectKeys(node, mod, depth) {
        const o = this.objectLiteral(node, mod);
        if (!o)
            return unknownStrings();
        let result = { values: new Set(), unknown: false };
        for (const p of o.obj.properties) {
            if (p.type === 'SpreadElement') {
                result = union(result, this.objectKeys(p.argument, o.mod, depth + 1));
                continue;
            }
            const k = keyName(p.key, p.computed);
            result = union(result, k !== null ? { values: new Set([k]), unknown: false } : this.strings(p.key, o.mod, depth + 1));
        }
        return result;
    }
    objectValues(node, mod, depth) {
        const o = this.objectLiteral(node, mod);
        if (!o)
            return unknownStrings();
        let result = { values: new Set(), unknown: false };
        for (const p of o.obj.properties) {
            result = union(result, p.type === 'SpreadElement' ? this.objectValues(p.argument, o.mod, depth + 1) : this.strings(p.value, o.mod, depth + 1));
        }
        return result;
    }
}
/** Module interop helpers of compiled output; each returns (a wrapper of) its argument. */
const INTEROP_HELPERS = new Set([
    '__importDefault',
    '__importStar',
    '_interopRequireDefault',
    '_interopRequireWildcard',
    '__toESM',
    '__toCommonJS',
]);
/** Array methods whose callback's first parameter is each element. */
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex']);
function pickOf(path) {
    const first = path[0];
    return first && 'index' in first ? first.index : undefined;
}
export function unknownStrings() {
    return { values: new Set(), unknown: true };
}
function union(a, b) {
    const out = { values: new Set([...a.values, ...b.values]), unknown: a.unknown || b.unknown };
    if (a.unset)
        out.unset = a.unset;
    else if (b.unset)
        out.unset = b.unset;
    return out;
}
function mapStrings(s, f) {
    return { ...s, values: new Set([...s.values].map(f)) };
}
export function sameValue(a, b) {
    if (a.k !== b.k)
        return false;
    switch (a.k) {
        case 'fn':
            return b.k === 'fn' && a.fn === b.fn;
        case 'class':
        case 'instance':
            return (b.k === 'class' || b.k === 'instance') && a.cls === b.cls;
        case 'object':
            return b.k === 'object' && a.obj === b.obj;
        case 'module':
            return b.k === 'module' && a.mod === b.mod;
        case 'lib':
            return b.k === 'lib' && a.pkg === b.pkg && a.path.join('.') === b.path.join('.');
        case 'process':
        case 'global':
            return (b.k === 'process' || b.k === 'global') && a.path.join('.') === b.path.join('.');
        default:
            return true;
    }
}
//# sourceMappingURL=program.js.map