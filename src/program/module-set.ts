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
    const importers = new Map<string, string[]>();
    for (const [from, tos] of targets) {
      for (const to of tos) {
        const list = importers.get(to) ?? [];
        list.push(from);
        importers.set(to, list);
      }
    }
    this.analysedFiles = new Set(seeds);
    const queue = [...this.analysedFiles];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      for (const importer of importers.get(file) ?? []) {
        if (this.analysedFiles.has(importer)) continue;
        this.analysedFiles.add(importer);
        queue.push(importer);
      }
    }
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

  /** The analysed modules that parse, in the walk's order. */
  analysed(): ModuleInfo[] {
    return this.files.filter((f) => this.analysedFiles.has(f)).map((f) => this.get(f)).filter((m): m is ModuleInfo => m !== null);
  }
}
