import { childNodes, constTruth, isFunctionNode, memberName, startOf, unwrap } from './ast.js';
import { classOfThisOwner, excerpt, lookup, thisOwner } from './module-info.js';
const MAX_CALL_DEPTH = 2;
const NEUTRAL_GLOBALS = new Set([
    'console',
    'setTimeout',
    'setImmediate',
    'setInterval',
    'clearTimeout',
    'clearInterval',
    'clearImmediate',
    'queueMicrotask',
    'Promise',
    'JSON',
    'Date',
    'String',
    'Number',
    'Boolean',
    'Array',
    'Object',
    'Math',
    'Error',
    'Symbol',
    'Reflect',
    'parseInt',
    'parseFloat',
    'structuredClone',
    'Buffer',
    'URL',
    'Set',
    'Map',
]);
const NEUTRAL_METHODS = new Set([
    'then',
    'catch',
    'finally',
    'unref',
    'ref',
    'log',
    'info',
    'warn',
    'error',
    'debug',
    'trace',
    'fatal',
    'write',
    'removeAllListeners',
    'removeListener',
    'off',
    'emit',
    'push',
    'forEach',
    'map',
    'join',
    'toString',
]);
const SERVER_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls']);
export class EndingAnalyzer {
    program;
    libraries;
    openInterval;
    servers = new Map();
    constructor(program, libraries, openInterval) {
        this.program = program;
        this.libraries = libraries;
        this.openInterval = openInterval;
    }
    /** The ending of a listener given as an expression (a function, a reference, `fn.bind(…)`). */
    ofListener(node, mod) {
        if (!node || node.type === 'SpreadElement')
            return { ending: 'unknown', why: 'no listener function is given' };
        const v = this.program.valueOf(node, mod);
        if (v.k === 'process' && v.path.length === 1 && (v.path[0] === 'exit' || v.path[0] === 'reallyExit')) {
            return { ending: 'exits', why: 'the listener is process.exit itself' };
        }
        if (v.k !== 'fn') {
            return { ending: 'unknown', why: `the listener \`${excerpt(mod, node)}\` could not be resolved to a function` };
        }
        const scan = { exits: [], reraises: [], removesListeners: false, exitCodes: [], opaque: [], closes: new Set(), logs: 0, visited: new Set() };
        this.scanFunction(v.fn, v.mod, 0, scan);
        const result = this.decide(scan, v.mod);
        return v.wrappedBy ? { ...result, why: `\`${v.wrappedBy}(…)\` runs the function it wraps, which ${result.why}` } : result;
    }
    decide(scan, mod) {
        const first = scan.exits[0];
        if (first)
            return { ending: 'exits', why: `calls ${first.text} (${first.at})` };
        const reraise = scan.reraises[0];
        if (reraise) {
            // The default action ends a process that is not PID 1 once no listener is left (facts §6 lib-signalexit4-extra-nons).
            return {
                ending: scan.removesListeners ? 'reraises' : 'may-hang',
                why: `re-raises the signal with ${reraise.text} (${reraise.at}), which a PID 1 drops (facts K2)${scan.removesListeners ? '; any other process dies of it' : ''}; nothing else ends the process`,
                ...(scan.removesListeners ? {} : { reraisesWhileListening: true }),
            };
        }
        const servers = this.serversOf(mod);
        if (servers.length > 0 && servers.every((s) => scan.closes.has(s.key))) {
            const names = servers.map((s) => `${s.name} (line ${s.line})`).join(', ');
            if (this.openInterval) {
                return {
                    ending: 'may-hang',
                    why: `closes every server of ${this.program.cfs.rel(mod.file)} (${names}), but the setInterval at ${this.program.cfs.rel(this.openInterval.file)}:${this.openInterval.line} is never cleared: the event loop stays alive`,
                };
            }
            return {
                ending: 'exits',
                why: `closes every server of ${this.program.cfs.rel(mod.file)} (${names}) and no setInterval is left running, so Node exits when the event loop drains (heuristic: other open handles such as database pools or sockets are not seen)`,
            };
        }
        const opaque = scan.opaque[0];
        if (opaque) {
            return { ending: 'unknown', why: `calls \`${opaque.text}\` (${opaque.at}), which cannot be followed; no process.exit was found` };
        }
        const exitCode = scan.exitCodes[0];
        if (exitCode) {
            return {
                ending: 'may-hang',
                why: `sets process.exitCode (${exitCode.at}) but never calls process.exit: Node exits with it only once the event loop drains (facts §5)`,
            };
        }
        if (servers.length > 0 && scan.closes.size > 0) {
            const open = servers.filter((s) => !scan.closes.has(s.key)).map((s) => `${s.name} (line ${s.line})`);
            return { ending: 'may-hang', why: `closes some servers but not ${open.join(', ')}, and never calls process.exit` };
        }
        return {
            ending: 'may-hang',
            why: scan.logs > 0
                ? 'only logs: a listener replaces Node\'s default exit, and nothing here calls process.exit (facts §5)'
                : 'does nothing that ends the process: a listener replaces Node\'s default exit (facts §5)',
        };
    }
    at(mod, node) {
        return `${this.program.cfs.rel(mod.file)}:${startOf(node).line}`;
    }
    scanFunction(fn, mod, depth, scan) {
        if (scan.visited.has(fn))
            return;
        scan.visited.add(fn);
        const stack = [fn.body];
        while (stack.length > 0) {
            const node = stack.pop();
            if (!node)
                break;
            this.visit(node, mod, depth, scan);
            for (const child of liveChildren(node).reverse())
                stack.push(child);
        }
    }
    visit(node, mod, depth, scan) {
        if (node.type === 'MemberExpression' || node.type === 'Identifier') {
            const v = this.program.valueOf(node, mod);
            if (v.k === 'process' && v.path.length === 1 && ['exit', 'reallyExit', 'abort'].includes(v.path[0] ?? '')) {
                scan.exits.push({ text: `process.${v.path[0] ?? 'exit'}`, at: this.at(mod, node) });
            }
            return;
        }
        if (node.type === 'AssignmentExpression') {
            const left = unwrap(node.left);
            if (left.type === 'MemberExpression') {
                const v = this.program.valueOf(left, mod);
                if (v.k === 'process' && v.path.join('.') === 'exitCode')
                    scan.exitCodes.push({ text: 'process.exitCode', at: this.at(mod, node) });
            }
            return;
        }
        if (node.type === 'CallExpression' || node.type === 'NewExpression')
            this.call(node, mod, depth, scan);
    }
    call(call, mod, depth, scan) {
        const callee = unwrap(call.callee);
        const cv = this.program.valueOf(callee, mod);
        // Functions passed along (`server.close(done)`) run as part of the listener too.
        for (const arg of call.arguments) {
            const a = unwrap(arg);
            if (a.type === 'Identifier' || a.type === 'MemberExpression' || a.type === 'CallExpression') {
                const av = this.program.valueOf(a, mod);
                if (av.k === 'fn' && depth < MAX_CALL_DEPTH)
                    this.scanFunction(av.fn, av.mod, depth + 1, scan);
            }
        }
        if (cv.k === 'process') {
            const name = cv.path[0];
            if (name === 'kill' && cv.path.length === 1)
                this.kill(call, mod, scan);
            if (name === 'removeListener' || name === 'removeAllListeners' || name === 'off')
                scan.removesListeners = true;
            return;
        }
        if (this.libraries.match(call, mod).some((m) => m.entry.role === 'exits-process')) {
            scan.exits.push({ text: `${excerpt(mod, callee)}()`, at: this.at(mod, call) });
            return;
        }
        if (callee.type === 'MemberExpression') {
            const m = memberName(callee);
            if (m === 'close') {
                const key = serverKey(this.program, callee.object, mod);
                if (key)
                    scan.closes.add(key);
                return;
            }
            if (m && ['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal'].includes(m))
                scan.logs++;
            if (m && NEUTRAL_METHODS.has(m))
                return;
        }
        switch (cv.k) {
            case 'global':
                if (NEUTRAL_GLOBALS.has(cv.path[0] ?? ''))
                    return;
                break;
            case 'lib':
            case 'require':
                return;
            case 'fn':
                if (depth < MAX_CALL_DEPTH) {
                    this.scanFunction(cv.fn, cv.mod, depth + 1, scan);
                    return;
                }
                break;
            case 'module': {
                const whole = cv.mod.cjsWhole ? this.program.valueOf(cv.mod.cjsWhole, cv.mod) : null;
                if (whole?.k === 'fn' && depth < MAX_CALL_DEPTH) {
                    this.scanFunction(whole.fn, whole.mod, depth + 1, scan);
                    return;
                }
                break;
            }
            default:
                break;
        }
        // Inline callbacks are scanned as children; an unresolvable callee is not.
        if (isFunctionNode(callee))
            return;
        if (callee.type === 'Identifier' && this.callsParameter(callee, mod, depth, scan))
            return;
        scan.opaque.push({ text: excerpt(mod, callee), at: this.at(mod, call) });
    }
    /**
     * `onStop(fn) { process.on('SIGTERM', fn) … fn() }`: a call of a parameter
     * runs whatever the callers pass. Scans those arguments; false when no
     * caller could be found (the call stays opaque).
     */
    callsParameter(callee, mod, depth, scan) {
        const param = lookup(mod, callee)?.param;
        if (!param || depth >= MAX_CALL_DEPTH)
            return false;
        let found = false;
        for (const site of this.program.callSites(param.fn, mod)) {
            const arg = site.call.arguments[param.index];
            const av = arg ? this.program.valueOf(arg, site.mod) : null;
            if (av?.k !== 'fn')
                continue;
            found = true;
            this.scanFunction(av.fn, av.mod, depth + 1, scan);
        }
        return found;
    }
    kill(call, mod, scan) {
        const target = call.arguments[0];
        const tv = target ? this.program.valueOf(target, mod) : null;
        if (!(tv?.k === 'process' && tv.path.join('.') === 'pid'))
            return;
        const sigArg = call.arguments[1];
        const sigNode = sigArg ? unwrap(sigArg) : null;
        const isKill = (sigNode?.type === 'Literal' && sigNode.value === 9) || (sigNode ? this.program.strings(sigNode, mod).values.has('SIGKILL') : false);
        const text = `process.kill(process.pid${sigNode ? `, ${excerpt(mod, sigNode)}` : ''})`;
        if (isKill)
            scan.exits.push({ text, at: this.at(mod, call) });
        else
            scan.reraises.push({ text, at: this.at(mod, call) });
    }
    /** Servers a file creates, each with the key its `close()` is matched by. */
    serversOf(mod) {
        const cached = this.servers.get(mod);
        if (cached)
            return cached;
        const found = new Map();
        const add = (key, name, node) => {
            if (!found.has(key))
                found.set(key, { key, name, line: startOf(node).line });
        };
        for (const unit of mod.units) {
            for (const call of unit.calls) {
                // A call into a dormant module (`createRepo()`) leads to nothing relevant, a server included: not worth its full parse.
                if (call.type !== 'CallExpression' || this.program.dormantCall(call, mod))
                    continue;
                const callee = unwrap(call.callee);
                const listens = callee.type === 'MemberExpression' && memberName(callee) === 'listen';
                const cv = this.program.valueOf(callee, mod);
                const last = cv.k === 'lib' ? cv.path[cv.path.length - 1] : undefined;
                const isCreate = cv.k === 'lib' && SERVER_MODULES.has(cv.pkg) && (last === 'createServer' || last === 'createSecureServer');
                if (isCreate || isAppFactory(cv)) {
                    const holder = holderOf(this.program, call, mod);
                    add(holder.key, holder.name, call);
                    continue;
                }
                if (!listens || callee.type !== 'MemberExpression')
                    continue;
                // `server.listen()` on a known server or app instance starts nothing new.
                const receiver = unwrap(callee.object);
                const rv = this.program.valueOf(receiver, mod);
                if (rv.k === 'lib' && (isServerCreation(rv) || isAppInstance(rv)))
                    continue;
                const rKey = serverKey(this.program, receiver, mod);
                if (rKey && found.has(rKey))
                    continue;
                // Express/Koa/unknown `app.listen()` returns a new http.Server.
                const holder = holderOf(this.program, call, mod);
                add(holder.key, holder.name, call);
            }
        }
        const list = [...found.values()];
        this.servers.set(mod, list);
        return list;
    }
}
/** Children of a node, leaving out branches that are dead by a literal condition. */
function liveChildren(node) {
    if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') {
        const truth = constTruth(node.test);
        const out = [node.test];
        if (truth !== false)
            out.push(node.consequent);
        if (truth !== true && node.alternate)
            out.push(node.alternate);
        return out;
    }
    return childNodes(node);
}
function isServerCreation(v) {
    const i = v.path.lastIndexOf('()');
    const fn = i > 0 ? v.path[i - 1] : undefined;
    return SERVER_MODULES.has(v.pkg) && (fn === 'createServer' || fn === 'createSecureServer');
}
/** `fastify()` / `NestFactory.create()`: the app instance is itself what `close()` stops. */
function isAppFactory(v) {
    if (v.k !== 'lib' || !v.path)
        return false;
    const p = v.path[0] === 'default' ? v.path.slice(1) : v.path;
    if (v.pkg === 'fastify')
        return p.length === 0 || (p.length === 1 && p[0] === 'fastify');
    if (v.pkg === '@nestjs/core')
        return p.join('.') === 'NestFactory.create';
    return false;
}
function isAppInstance(v) {
    const p = v.path[0] === 'default' ? v.path.slice(1) : v.path;
    if (v.pkg === 'fastify')
        return p.join('.') === '()' || p.join('.') === 'fastify.()';
    if (v.pkg === '@nestjs/core')
        return p.join('.') === 'NestFactory.create.()';
    return false;
}
/**
 * Where a created server is kept: a variable, `this.x`, or nowhere (then it
 * cannot be closed by name). `.listen()` chained on the creation and
 * `await` are looked through.
 */
function holderOf(program, call, mod) {
    let node = call;
    for (let parent = mod.parent.get(node); parent; parent = mod.parent.get(node)) {
        if (parent.type === 'AwaitExpression' ||
            parent.type === 'TSAsExpression' ||
            parent.type === 'TSNonNullExpression' ||
            parent.type === 'TSSatisfiesExpression' ||
            parent.type === 'ChainExpression') {
            node = parent;
            continue;
        }
        if (parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'listen') {
            const outer = mod.parent.get(parent);
            if (outer?.type === 'CallExpression' && outer.callee === parent) {
                node = outer;
                continue;
            }
        }
        break;
    }
    const parent = mod.parent.get(node);
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
        const key = serverKey(program, parent.id, mod);
        if (key)
            return { key, name: parent.id.name };
    }
    if (parent?.type === 'AssignmentExpression' && parent.right === node) {
        const key = serverKey(program, parent.left, mod);
        if (key)
            return { key, name: excerpt(mod, parent.left) };
    }
    return { key: `${mod.file}#${call.range[0]}`, name: `unnamed ${excerpt(mod, call)}` };
}
/** The identity of a variable or `this.x` holding a server, to pair creations with `close()` calls. */
function serverKey(program, expr, mod) {
    const e = unwrap(expr);
    if (e.type === 'Identifier') {
        const b = lookup(mod, e);
        if (!b)
            return null;
        const target = b.import ? program.importedBinding(b, mod) : { b, mod };
        return target ? `${target.mod.file}#b${target.b.id.range[0]}` : null;
    }
    if (e.type === 'MemberExpression' && unwrap(e.object).type === 'ThisExpression') {
        const owner = classOfThisOwner(mod, thisOwner(mod, e));
        const name = memberName(e);
        return owner && name ? `${mod.file}#c${owner.cls.range[0]}.${name}` : null;
    }
    return null;
}
//# sourceMappingURL=ending.js.map