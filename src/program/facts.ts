/**
 * From the reached code to facts: signal listeners (`process.on` and
 * friends, and the table's libraries), child-process launches, and the
 * notes that explain them.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { HandlerEnding } from '../types.js';
import { memberName, startOf, staticString, unwrap, type CallNode, type Node } from './ast.js';
import { EndingAnalyzer, type EndingResult, type OpenHandle } from './ending.js';
import { patternLabel } from './libraries.js';
import type { LibraryMatch, LibraryMatcher } from './library-match.js';
import { excerpt, lookup, type ModuleInfo, type Unit } from './module-info.js';
import type { ProgramModel, Strings } from './program.js';
import type { Reach, Reachability } from './reach.js';
import type { ChildProcessFactX, HandlerFactX, LibraryEntry, SignalOption } from './types.js';
import type { ServerFact } from '../types.js';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const SIGNAL_NAME = /^SIG[A-Z0-9]+$/;

export interface CollectedFacts {
  handlers: HandlerFactX[];
  children: ChildProcessFactX[];
  notes: string[];
  servers: ServerFact[];
}

interface Site {
  unit: Unit;
  reach: Reach;
  call: CallNode;
}

export function collectFacts(program: ProgramModel, reach: Reachability, libraries: LibraryMatcher): CollectedFacts {
  const sites: Site[] = [];
  // Dormant code (module-set.ts) holds none: only analysed modules' calls are sites, less those
  // that only call into dormant code, unless the table matches them by method name alone.
  for (const [unit, r] of reach.units) {
    if (!program.modules.isAnalysed(unit.mod.file)) continue;
    for (const call of unit.calls) if (!program.dormantCall(call, unit.mod) || libraries.byMethodName(call)) sites.push({ unit, reach: r, call });
  }
  // Deterministic output: by file, then position.
  sites.sort((a, b) => a.unit.mod.file.localeCompare(b.unit.mod.file) || a.call.range[0] - b.call.range[0]);

  const ending = new EndingAnalyzer(program, libraries, openInterval(program, sites));
  const out: CollectedFacts = { handlers: [], children: [], notes: [], servers: [] };
  const collector = new Collector(program, libraries, ending, out);
  for (const site of sites) collector.site(site);
  collector.finish();
  for (const mod of program.modules.analysed()) out.servers.push(...ending.serversOf(mod).map((s) => ({ file: mod.file, line: s.line, name: s.name })));
  return out;
}

/** A `setInterval` in reached code that nothing clears or unrefs (keeps the event loop alive). */
function openInterval(program: ProgramModel, sites: Site[]): OpenHandle | null {
  let first: OpenHandle | null = null;
  for (const { unit, call } of sites) {
    if (call.type !== 'CallExpression') continue;
    const cv = program.valueOf(call.callee, unit.mod);
    const name = cv.k === 'global' && cv.path.length === 1 ? cv.path[0] : cv.k === 'lib' && cv.pkg === 'timers' ? cv.path[cv.path.length - 1] : undefined;
    if (name === 'clearInterval') return null;
    if (name !== 'setInterval' || first || isUnrefed(call, unit.mod)) continue;
    first = { file: unit.mod.file, line: startOf(call).line };
  }
  return first;
}

function isUnrefed(call: TSESTree.CallExpression, mod: ModuleInfo): boolean {
  const parent = mod.parent.get(call);
  if (parent?.type === 'MemberExpression' && parent.object === call && memberName(parent) === 'unref') return true;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
    const b = lookup(mod, parent.id);
    for (const unit of mod.units) {
      for (const c of unit.calls) {
        if (c.type !== 'CallExpression') continue;
        const callee = unwrap(c.callee);
        if (callee.type !== 'MemberExpression' || memberName(callee) !== 'unref') continue;
        const obj = unwrap(callee.object);
        if (obj.type === 'Identifier' && b && lookup(mod, obj) === b) return true;
      }
    }
  }
  return false;
}

class Collector {
  private readonly noted = new Set<string>();
  private readonly matchedEntries = new Set<string>();

  constructor(
    private readonly program: ProgramModel,
    private readonly libraries: LibraryMatcher,
    private readonly ending: EndingAnalyzer,
    private readonly out: CollectedFacts,
  ) {}

  private note(text: string): void {
    if (this.noted.has(text)) return;
    this.noted.add(text);
    this.out.notes.push(text);
  }

  private at(mod: ModuleInfo, node: Node): string {
    return `${this.program.cfs.rel(mod.file)}:${startOf(node).line}`;
  }

  site({ unit, reach, call }: Site): void {
    const mod = unit.mod;
    if (call.type === 'CallExpression') this.processListener(call, mod, reach);
    for (const match of this.libraries.match(call, mod)) {
      this.matchedEntries.add(match.entry.id);
      switch (match.entry.role) {
        case 'signal-handler':
          this.libraryHandler(call, mod, reach, match);
          break;
        case 'child-process':
          this.child(call, mod, reach, match);
          break;
        case 'no-handler':
          this.note(`${match.entry.id} at ${this.at(mod, call)}: ${match.entry.summary} (${match.entry.evidence})`);
          break;
        default:
          break;
      }
    }
  }

  finish(): void {
    for (const entry of this.libraries.entries) {
      if (this.matchedEntries.has(entry.id)) continue;
      const imported = entry.packages.some((p) => this.libraries.importedPackages.has(p.startsWith('node:') ? p.slice(5) : p));
      if (!imported) continue;
      if (entry.whenNotCalled) this.note(`${entry.whenNotCalled} (${entry.evidence})`);
      else if (entry.role === 'no-handler' && !entry.calls) this.note(`${entry.packages.join(', ')} imported: ${entry.summary} (${entry.evidence})`);
    }
    for (const n of this.program.envNotes) this.note(n);
  }

  private assumedNote(mod: ModuleInfo, node: Node, reach: Reach, what: string): void {
    if (reach.status === 'assumed') this.note(`assumed reachable: ${what} at ${this.at(mod, node)}, because ${reach.why ?? 'it could not be proven either way'}`);
  }

  private processListener(call: TSESTree.CallExpression, mod: ModuleInfo, reach: Reach): void {
    const cv = this.program.valueOf(call.callee, mod);
    if (cv.k !== 'process' || cv.path.length !== 1) return;
    const method = cv.path[0] ?? '';
    if (!LISTENER_METHODS.has(method)) return;
    const sigArg = call.arguments[0];
    const strings = sigArg ? this.program.strings(sigArg, mod) : { values: new Set<string>(), unknown: true };
    const signals = signalNames(strings);
    // Only known non-signal events (`exit`, `message`, …) are skipped; an
    // unresolved name, or an unset env variable, is still reported.
    const knownNonSignal = !strings.unknown && !strings.unset && signals.length === 0;
    if (knownNonSignal) return;
    const via = `process.${method}`;
    const result = this.ending.ofListener(call.arguments[1], mod);
    const fact = this.handler(call, mod, reach, via, signals, result);
    fact.listenerArg = 1;
    if (method === 'once' || method === 'prependOnceListener') {
      fact.once = true;
      // A `once` listener is gone when it re-raises: the default action then applies.
      if (result.reraisesWhileListening) fact.ending = 'reraises';
    }
    if (strings.unknown || signals.length === 0) fact.unresolvedSignal = sigArg ? excerpt(mod, sigArg) : '(none)';
    if (signals.length === 0) this.note(`${via} at ${this.at(mod, call)}: the signal name \`${fact.unresolvedSignal ?? ''}\` could not be resolved`);
    this.assumedNote(mod, call, reach, `${via}(${signals.join(', ') || fact.unresolvedSignal || ''})`);
  }

  private handler(call: CallNode, mod: ModuleInfo, reach: Reach, via: string, signals: string[], result: EndingResult): HandlerFactX {
    const pos = startOf(call);
    const fact: HandlerFactX = {
      signals,
      file: mod.file,
      line: pos.line,
      column: pos.column,
      endLine: call.loc.end.line,
      endColumn: call.loc.end.column + 1,
      via,
      ending: result.ending,
      endingWhy: result.why,
      reachable: reach.status,
    };
    this.out.handlers.push(fact);
    return fact;
  }

  private libraryHandler(call: CallNode, mod: ModuleInfo, reach: Reach, match: LibraryMatch): void {
    const entry = match.entry;
    if (call.type === 'TaggedTemplateExpression') return;
    const env = entry.disabledByEnv;
    if (env) {
      const value = this.program.env?.[env];
      if (value !== undefined && value !== '') {
        this.note(`${entry.id} at ${this.at(mod, call)}: ${env}=${JSON.stringify(value)} is set, so it installs no signal handler (${entry.evidence})`);
        return;
      }
      this.note(`${entry.id} at ${this.at(mod, call)}: assumes ${env} is not set at runtime`);
    }
    const args = call.arguments;
    const optionArgs = match.inner && match.inner.node.type !== 'TaggedTemplateExpression' ? match.inner.node.arguments : args;
    const optionMod = match.inner?.mod ?? mod;
    const signals = this.librarySignals(entry, optionArgs, optionMod);
    const result = this.libraryEnding(entry, args, mod);
    const fact = this.handler(call, mod, reach, match.pkg, signals, result);
    fact.library = entry.id;
    const e = entry.ending;
    // The option the handler-may-hang suggestion turns on; an unreadable option is not known to be off.
    if (e?.kind === 'depends-on-option' && (result.ending === 'may-hang' || result.ending === 'reraises')) fact.exitOption = { arg: e.arg, name: e.option, value: e.value };
    if (e?.kind === 'depends-on-callback') fact.listenerArg = e.arg;
    if (entry.once) fact.once = true;
    this.note(`library ${entry.id} (${match.pkg}) at ${this.at(mod, call)}: ${entry.summary}`);
    this.assumedNote(mod, call, reach, `${match.pkg} handler`);
  }

  private librarySignals(entry: LibraryEntry, args: TSESTree.CallExpressionArgument[], mod: ModuleInfo): string[] {
    let signals = [...(entry.signals?.default ?? [])];
    for (const opt of entry.signals?.options ?? []) {
      const value = this.optionNode(args, opt.arg, opt.option, mod);
      if (value === 'absent') continue;
      if (value === 'unknown') {
        this.note(`${entry.id}: the ${opt.option ?? `argument ${opt.arg + 1}`} option could not be read; assuming the default signals`);
        continue;
      }
      signals = this.applySignalOption(entry, opt, value, mod, signals);
    }
    return [...new Set(signals)].sort();
  }

  private applySignalOption(entry: LibraryEntry, opt: SignalOption, value: Node, mod: ModuleInfo, current: string[]): string[] {
    const unreadable = (): string[] => {
      this.note(`${entry.id}: the ${opt.option ?? 'signals'} option \`${excerpt(mod, value)}\` could not be evaluated; assuming the default signals`);
      return current;
    };
    let given: string[];
    switch (opt.type) {
      case 'string': {
        const s = this.program.strings(value, mod);
        if (s.unknown || s.values.size === 0) return unreadable();
        given = [...s.values];
        if (opt.mode === 'replace') return [...given, ...current.slice(1)];
        return [...current, ...given];
      }
      case 'string-array': {
        const s = this.program.elements(value, mod, 0);
        if (s.unknown) return unreadable();
        given = [...s.values];
        if (given.length === 0 && opt.emptyMeansDefault) return current;
        break;
      }
      case 'space-separated': {
        const s = this.program.strings(value, mod);
        if (s.unknown || s.values.size !== 1) return unreadable();
        given = ([...s.values][0] ?? '').split(' ').filter((x) => x !== '');
        break;
      }
      case 'flags': {
        const v = this.program.valueOf(value, mod);
        if (v.k !== 'object') return unreadable();
        const next = new Set(current);
        for (const p of v.obj.properties) {
          if (p.type !== 'Property') continue;
          const key = p.key.type === 'Identifier' && !p.computed ? p.key.name : staticString(p.key);
          if (!key || !SIGNAL_NAME.test(key)) continue;
          const val = unwrap(p.value);
          if (val.type === 'Literal' && val.value === false) next.delete(key);
          else if (val.type === 'Literal' && val.value === true) next.add(key);
        }
        return [...next];
      }
    }
    given = given.filter((g) => SIGNAL_NAME.test(g));
    return opt.mode === 'replace' ? given : [...current, ...given];
  }

  /** The node for argument `arg` (or its property `option`), `absent`, or `unknown` when it cannot be read. */
  private optionNode(args: TSESTree.CallExpressionArgument[], arg: number, option: string | undefined, mod: ModuleInfo): Node | 'absent' | 'unknown' {
    if (args.slice(0, arg + 1).some((a) => a.type === 'SpreadElement')) return 'unknown';
    const a = args[arg];
    if (!a) return 'absent';
    if (option === undefined) return a;
    const v = this.program.valueOf(a, mod);
    if (v.k !== 'object') return 'unknown';
    const prop = this.program.propertyNode(v.obj, option, v.mod);
    if (prop) return prop;
    return v.obj.properties.some((p) => p.type === 'SpreadElement') ? 'unknown' : 'absent';
  }

  private libraryEnding(entry: LibraryEntry, args: TSESTree.CallExpressionArgument[], mod: ModuleInfo): EndingResult {
    const e = entry.ending;
    if (!e) return { ending: 'unknown', why: `${entry.id}: the table gives no ending` };
    switch (e.kind) {
      case 'exits':
        return { ending: 'exits', why: `${e.why} (${entry.evidence})` };
      case 'may-hang':
        return { ending: e.reraise ? 'reraises' : 'may-hang', why: `${e.why} (${entry.evidence})` };
      case 'depends-on-option': {
        const node = this.optionNode(args, e.arg, e.option, mod);
        let value: unknown = e.default;
        if (node === 'unknown') return { ending: 'unknown', why: `the ${e.option} option could not be read; ${e.why}` };
        if (node !== 'absent') {
          const lit = literalValue(this.program, node, mod);
          if (lit === undefined) return { ending: 'unknown', why: `${e.option}: \`${excerpt(mod, node)}\` is not a literal; ${e.why}` };
          value = lit;
        }
        const shown = node === 'absent' ? `${e.option} is not set` : `${e.option}: ${JSON.stringify(value)}`;
        if (value === e.value) return { ending: 'exits', why: `${shown}, so ${entry.id} ends the process (${entry.evidence})` };
        return { ending: e.reraise ? 'reraises' : 'may-hang', why: `${shown}: ${e.why} (${entry.evidence})` };
      }
      case 'depends-on-callback': {
        const result = this.ending.ofListener(args[e.arg], mod);
        const ending: HandlerEnding = result.ending;
        return { ending, why: `${e.why}; the callback ${result.why}` };
      }
    }
  }

  private child(call: CallNode, mod: ModuleInfo, reach: Reach, match: LibraryMatch): void {
    const pos = startOf(call);
    const fact: ChildProcessFactX = {
      file: mod.file,
      line: pos.line,
      column: pos.column,
      via: patternLabel(match.pkg, match.pattern),
      reachable: reach.status,
    };
    if (call.type === 'TaggedTemplateExpression') {
      const text = call.quasi.quasis.map((q) => q.value.cooked ?? '').join('${…}').trim();
      if (text) fact.command = text;
    } else {
      const first = staticString(call.arguments[0]);
      if (first !== null) fact.command = first;
      for (const arg of call.arguments) {
        const v = arg.type === 'SpreadElement' ? null : this.program.valueOf(arg, mod);
        if (v?.k !== 'object') continue;
        const detached = this.program.propertyNode(v.obj, 'detached', v.mod);
        const d = detached ? unwrap(detached) : null;
        if (d?.type === 'Literal' && d.value === true) fact.detached = true;
      }
    }
    this.out.children.push(fact);
    this.assumedNote(mod, call, reach, fact.via);
  }
}

function signalNames(s: Strings): string[] {
  return [...s.values].filter((v) => SIGNAL_NAME.test(v)).sort();
}

/** A literal (or a const bound to one) as a JS value; undefined when not literal. */
function literalValue(program: ProgramModel, node: Node, mod: ModuleInfo, depth = 0): unknown {
  const n = unwrap(node);
  if (n.type === 'Literal') return n.value instanceof RegExp ? undefined : n.value;
  if (n.type === 'UnaryExpression' && n.operator === '!') {
    const inner = literalValue(program, n.argument, mod, depth + 1);
    return inner === undefined ? undefined : !inner;
  }
  if (n.type === 'Identifier' && depth < 8) {
    if (n.name === 'undefined' && !lookup(mod, n)) return undefined;
    const b = lookup(mod, n);
    if (b?.kind === 'const' && b.init && b.path.length === 0) return literalValue(program, b.init, mod, depth + 1);
  }
  const s = staticString(n);
  return s ?? undefined;
}
