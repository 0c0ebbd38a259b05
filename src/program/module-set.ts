/**
 * The modules one program read, parsed in full only when the analysis
 * looks into them.
 *
 * Analysed modules are those whose code reach.ts follows and whose calls are
 * facts and call sites: the entry and preloads, every module whose text is
 * relevant (module-summary.ts `relevanceTest`), and every module that
 * imports one of those, directly or not (its calls may lead there). The
 * others ("dormant": they and all they import mention nothing the analysis
 * reports) are parsed only when analysed code asks for one of their values
 * (a function a listener calls, a constant), and analysed from then on only
 * once analysed code hands them a value (reach.ts `wake`): before that their
 * code can reach nothing but dormant code, so following it changes no fact.
 */
import type { ModuleInfo } from './module-info.js';

export class ModuleSet {
  private readonly infos = new Map<string, ModuleInfo | null>();
  private readonly read: Set<string>;
  private readonly analysedFiles: Set<string>;
  /** The modules each module is imported by (the walk's edges reversed). */
  private readonly importers = new Map<string, string[]>();
  /** For a module, every module that imports it, directly or not, and itself (`leadsTo`). */
  private readonly ancestors = new Map<string, Set<string>>();

  /**
   * `files`: every module read, in the walk's order; `targets`: the modules
   * each imports; `seeds`: the modules analysed from the start, before their
   * importers are added; `load`: the full parse (null when it fails).
   */
  constructor(
    private readonly files: readonly string[],
    targets: ReadonlyMap<string, readonly string[]>,
    seeds: Iterable<string>,
    private readonly load: (file: string) => ModuleInfo | null,
  ) {
    this.read = new Set(files);
    for (const [from, tos] of targets) {
      for (const to of tos) {
        const list = this.importers.get(to) ?? [];
        list.push(from);
        this.importers.set(to, list);
      }
    }
    this.analysedFiles = this.importersOf(seeds);
  }

  /** `files` and every module that imports one of them, directly or not. */
  private importersOf(files: Iterable<string>): Set<string> {
    const found = new Set(files);
    const queue = [...found];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      for (const importer of this.importers.get(file) ?? []) {
        if (found.has(importer)) continue;
        found.add(importer);
        queue.push(importer);
      }
    }
    return found;
  }

  /** Whether `from` is `to` or imports it, directly or not: only then can a value of `from` be one of `to`'s while both are dormant. */
  leadsTo(from: string, to: string): boolean {
    let ancestors = this.ancestors.get(to);
    if (!ancestors) {
      ancestors = this.importersOf([to]);
      this.ancestors.set(to, ancestors);
    }
    return ancestors.has(from);
  }

  /** The module of a file that was read, parsed on first use; null for files not read or that fail the full parse. */
  get(file: string): ModuleInfo | null {
    let info = this.infos.get(file);
    if (info === undefined) {
      info = this.read.has(file) ? this.load(file) : null;
      this.infos.set(file, info);
    }
    return info;
  }

  has(file: string): boolean {
    return this.read.has(file);
  }

  isAnalysed(file: string): boolean {
    return this.analysedFiles.has(file);
  }

  /** Analyses a dormant module from now on; false when it already was. */
  wake(file: string): boolean {
    if (this.analysedFiles.has(file)) return false;
    this.analysedFiles.add(file);
    return true;
  }

  /** The modules parsed in full so far (never parses one), in the walk's order. */
  parsed(): ModuleInfo[] {
    return this.files.map((f) => this.infos.get(f)).filter((m): m is ModuleInfo => m !== undefined && m !== null);
  }

  /** The analysed modules that parse, in the walk's order. */
  analysed(): ModuleInfo[] {
    return this.files.filter((f) => this.analysedFiles.has(f)).map((f) => this.get(f)).filter((m): m is ModuleInfo => m !== null);
  }
}
