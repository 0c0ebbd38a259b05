/**
 * Which code runs. Starting from the entry and preload module bodies, a
 * unit (module body or function) is reached when it is called directly,
 * instantiated (constructors and field initialisers), run as an IIFE,
 * imported (module bodies), or passed as a callback. Callbacks handed to
 * callers known to invoke them (`.then`, `listen`, timers, array iteration,
 * `process.on`, the library table's installers, a local function that calls
 * its parameter) are reached outright; callbacks handed to anything else,
 * and methods of decorated classes (framework-instantiated), are
 * `assumed`, with the reason kept for notes.
 *
 * Code of dormant modules (module-set.ts) is reached but not followed until
 * analysed code hands it a value (`wake`): until then it can only lead to
 * more dormant code, which holds no facts.
 */
import { memberName, startOf, unwrap, type CallNode, type FunctionNode, type Node } from './ast.js';
import type { ContextFs } from './fs-context.js';
import type { LibraryMatcher } from './library-match.js';
import { excerpt, lookup, type ModuleInfo, type Unit } from './module-info.js';
import type { ProgramModel, Value } from './program.js';

export interface Reach {
  status: 'yes' | 'assumed';
  why?: string;
}

/** Methods that call the function they are given. */
const CALLING_METHODS = new Set([
  'then',
  'catch',
  'finally',
  'listen',
  'ready',
  'register',
  'after',
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'call',
  'apply',
  'nextTick',
  'setTimeout',
  'setImmediate',
  'setInterval',
  'queueMicrotask',
]);

const CALLING_GLOBALS = new Set(['setTimeout', 'setImmediate', 'setInterval', 'queueMicrotask', 'Promise']);
const PROCESS_LISTENERS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'nextTick']);

export class Reachability {
  readonly units = new Map<Unit, Reach>();
  private readonly queue: Unit[] = [];
  /** Reached units of dormant modules, followed if their module wakes. */
  private readonly waiting = new Map<ModuleInfo, Unit[]>();
  /** Dormant modules imported by reached code (not parsed for that), by file. */
  private readonly waitingTops = new Map<string, Reach>();
  /** Calls into dormant code left unevaluated (ProgramModel `dormantCall`), evaluated once a module wakes. */
  private deferred: { call: CallNode; unit: Unit; s: Reach['status']; inherited: string | undefined }[] = [];

  constructor(
    private readonly program: ProgramModel,
    private readonly libraries: LibraryMatcher,
  ) {}

  run(roots: ModuleInfo[]): void {
    for (const mod of roots) this.mark(mod.top, 'yes');
    for (let unit = this.queue.shift(); unit; unit = this.queue.shift()) this.process(unit);
  }

  private mark(unit: Unit | undefined, status: Reach['status'], why?: string): void {
    if (!unit) return;
    const current = this.units.get(unit);
    if (current && (current.status === 'yes' || status === 'assumed')) return;
    this.units.set(unit, why === undefined ? { status } : { status, why });
    this.queue.push(unit);
  }

  private process(unit: Unit): void {
    const reach = this.units.get(unit);
    if (!reach) return;
    const mod = unit.mod;
    if (!this.program.modules.isAnalysed(mod.file)) {
      const list = this.waiting.get(mod) ?? [];
      list.push(unit);
      this.waiting.set(mod, list);
      return;
    }
    const s = reach.status;
    const inherited = s === 'assumed' ? reach.why : undefined;
    for (const edge of unit.edges) {
      const file = this.program.targetFile(mod, edge.spec, edge.kind === 'require' ? 'require' : 'import');
      if (file === null) continue;
      if (this.program.modules.isAnalysed(file)) this.mark(this.program.modules.get(file)?.top, s, inherited);
      else this.waitTop(file, s, inherited);
    }
    for (const cls of unit.classes) {
      if (cls.decorators.length === 0) continue;
      const name = cls.id?.name ?? '(anonymous)';
      const why = `class ${name} is decorated (${where(this.program.cfs, mod, cls)}): a framework instantiates it and calls its methods`;
      this.mark(mod.classInit.get(cls), 'assumed', why);
      for (const m of cls.body.body) if (m.type === 'MethodDefinition') this.mark(mod.unitOf.get(m.value), 'assumed', why);
    }
    for (const call of unit.calls) this.call(call, unit, s, inherited);
  }

  /** Like `mark` for the body of a dormant module, kept by file until it wakes. */
  private waitTop(file: string, status: Reach['status'], why?: string): void {
    const current = this.waitingTops.get(file);
    if (current && (current.status === 'yes' || status === 'assumed')) return;
    this.waitingTops.set(file, why === undefined ? { status } : { status, why });
  }

  /** A dormant module handed a value by analysed code is analysed from now on: its reached code is followed. */
  private wake(mod: ModuleInfo): void {
    if (!this.program.wake(mod)) return;
    this.queue.push(...(this.waiting.get(mod) ?? []));
    this.waiting.delete(mod);
    const top = this.waitingTops.get(mod.file);
    if (top) this.mark(mod.top, top.status, top.why);
    const deferred = this.deferred;
    this.deferred = [];
    for (const d of deferred) this.call(d.call, d.unit, d.s, d.inherited);
  }

  private call(call: CallNode, unit: Unit, s: Reach['status'], inherited: string | undefined): void {
    const mod = unit.mod;
    if (this.program.dormantCall(call, mod)) {
      this.deferred.push({ call, unit, s, inherited });
      return;
    }
    const calleeNode = call.type === 'TaggedTemplateExpression' ? call.tag : call.callee;
    const cv = this.program.valueOf(calleeNode, mod);
    const into = cv.k === 'fn' || cv.k === 'class' || cv.k === 'module' ? cv.mod : null;
    if (into && !this.program.modules.isAnalysed(into.file) && this.handsValue(call, mod)) this.wake(into);
    if (call.type === 'NewExpression' && cv.k === 'class') this.instantiate(cv, s, inherited);
    if (cv.k === 'fn') this.mark(cv.mod.unitOf.get(cv.fn), s, inherited);
    if (cv.k === 'module' && cv.mod.cjsWhole) {
      const whole = this.program.valueOf(cv.mod.cjsWhole, cv.mod);
      if (whole.k === 'fn') this.mark(whole.mod.unitOf.get(whole.fn), s, inherited);
    }
    // `_.once(fn)` does not run fn: calling its result does, and that call reaches fn through valueOf.
    if (call.type === 'TaggedTemplateExpression' || this.program.wrappedArgument(call, mod)) return;
    call.arguments.forEach((arg, index) => {
      if (arg.type === 'SpreadElement') return;
      for (const fn of this.functionsIn(arg, mod)) {
        const calls = this.callsItsCallback(call, calleeNode, cv, index, mod);
        const why = calls ? inherited : `it is passed as a callback to \`${excerpt(mod, calleeNode)}\` (${where(this.program.cfs, mod, call)}), which may never call it`;
        this.mark(fn.mod.unitOf.get(fn.fn), calls ? s : 'assumed', why);
      }
    });
  }

  /** Whether a call passes anything the analysis knows the value of (a function, an object, a package…). */
  private handsValue(call: CallNode, mod: ModuleInfo): boolean {
    if (call.type === 'TaggedTemplateExpression') return call.quasi.expressions.some((e) => this.program.valueOf(e, mod).k !== 'unknown');
    return call.arguments.some((a) => a.type === 'SpreadElement' || this.program.valueOf(a, mod).k !== 'unknown');
  }

  /** `new C()` runs C's constructor and field initialisers, and those of every superclass. */
  private instantiate(cls: Extract<Value, { k: 'class' }>, s: Reach['status'], inherited: string | undefined): void {
    let current: Value = cls;
    for (let depth = 0; current.k === 'class' && depth < 8; depth++) {
      this.mark(current.mod.classInit.get(current.cls), s, inherited);
      current = current.cls.superClass ? this.program.valueOf(current.cls.superClass, current.mod) : { k: 'unknown' };
    }
  }

  /** Functions given as an argument: directly, or as values of an object or array literal argument. */
  private functionsIn(arg: Node, mod: ModuleInfo): { fn: FunctionNode; mod: ModuleInfo }[] {
    const out: { fn: FunctionNode; mod: ModuleInfo }[] = [];
    const add = (v: Value): void => {
      if (v.k === 'fn') out.push({ fn: v.fn, mod: v.mod });
    };
    const a = unwrap(arg);
    if (a.type === 'ObjectExpression') {
      for (const p of a.properties) if (p.type === 'Property') add(this.program.valueOf(p.value, mod));
    } else if (a.type === 'ArrayExpression') {
      for (const el of a.elements) if (el && el.type !== 'SpreadElement') add(this.program.valueOf(el, mod));
    } else add(this.program.valueOf(a, mod));
    return out;
  }

  private callsItsCallback(call: CallNode, calleeNode: Node, cv: Value, index: number, mod: ModuleInfo): boolean {
    const callee = unwrap(calleeNode);
    if (callee.type === 'MemberExpression') {
      const m = memberName(callee);
      if (m && CALLING_METHODS.has(m)) return true;
    }
    if (cv.k === 'global' && cv.path.length === 1 && CALLING_GLOBALS.has(cv.path[0] ?? '')) return true;
    if (cv.k === 'process' && cv.path.length === 1 && PROCESS_LISTENERS.has(cv.path[0] ?? '')) return true;
    if (cv.k === 'fn') return callsParam(cv.fn, cv.mod, index);
    return this.libraries.match(call, mod).some((m) => m.entry.role === 'signal-handler');
  }
}

/** Whether a local function calls (or forwards to a caller of) its parameter at `index`. */
function callsParam(fn: FunctionNode, mod: ModuleInfo, index: number): boolean {
  const param = fn.params[index];
  if (param?.type !== 'Identifier') return false;
  const unit = mod.unitOf.get(fn);
  if (!unit) return false;
  for (const call of unit.calls) {
    if (call.type === 'TaggedTemplateExpression') continue;
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier' && callee.name === param.name && lookup(mod, callee)?.id === param) return true;
    for (const arg of call.arguments) {
      const a = unwrap(arg);
      if (a.type === 'Identifier' && a.name === param.name && lookup(mod, a)?.id === param) return true;
    }
  }
  return false;
}

function where(cfs: ContextFs, mod: ModuleInfo, node: Node): string {
  return `${cfs.rel(mod.file)}:${startOf(node).line}`;
}
