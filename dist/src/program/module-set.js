export class ModuleSet {
    files;
    load;
    infos = new Map();
    read;
    analysedFiles;
    /** The modules each module is imported by (the walk's edges reversed). */
    importers = new Map();
    /** For a module, every module that imports it, directly or not, and itself (`leadsTo`). */
    ancestors = new Map();
    /**
     * `files`: every module read, in the walk's order; `targets`: the modules
     * each imports; `seeds`: the modules analysed from the start, before their
     * importers are added; `load`: the full parse (null when it fails).
     */
    constructor(files, targets, seeds, load) {
        this.files = files;
        this.load = load;
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
    importersOf(files) {
        const found = new Set(files);
        const queue = [...found];
        for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
            for (const importer of this.importers.get(file) ?? []) {
                if (found.has(importer))
                    continue;
                found.add(importer);
                queue.push(importer);
            }
        }
        return found;
    }
    /** Whether `from` is `to` or imports it, directly or not: only then can a value of `from` be one of `to`'s while both are dormant. */
    leadsTo(from, to) {
        let ancestors = this.ancestors.get(to);
        if (!ancestors) {
            ancestors = this.importersOf([to]);
            this.ancestors.set(to, ancestors);
        }
        return ancestors.has(from);
    }
    /** The module of a file that was read, parsed on first use; null for files not read or that fail the full parse. */
    get(file) {
        let info = this.infos.get(file);
        if (info === undefined) {
            info = this.read.has(file) ? this.load(file) : null;
            this.infos.set(file, info);
        }
        return info;
    }
    has(file) {
        return this.read.has(file);
    }
    isAnalysed(file) {
        return this.analysedFiles.has(file);
    }
    /** Analyses a dormant module from now on; false when it already was. */
    wake(file) {
        if (this.analysedFiles.has(file))
            return false;
        this.analysedFiles.add(file);
        return true;
    }
    /** The modules parsed in full so far (never parses one), in the walk's order. */
    parsed() {
        return this.files.map((f) => this.infos.get(f)).filter((m) => m !== undefined && m !== null);
    }
    /** The analysed modules that parse, in the walk's order. */
    analysed() {
        return this.files.filter((f) => this.analysedFiles.has(f)).map((f) => this.get(f)).filter((m) => m !== null);
    }
}
//# sourceMappingURL=module-set.js.map