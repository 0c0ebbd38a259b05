export class ModuleSet {
    files;
    load;
    infos = new Map();
    read;
    analysedFiles;
    /**
     * `files`: every module read, in the walk's order; `targets`: the modules
     * each imports; `seeds`: the modules analysed from the start, before their
     * importers are added; `load`: the full parse (null when it fails).
     */
    constructor(files, targets, seeds, load) {
        this.files = files;
        this.load = load;
        this.read = new Set(files);
        const importers = new Map();
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
                if (this.analysedFiles.has(importer))
                    continue;
                this.analysedFiles.add(importer);
                queue.push(importer);
            }
        }
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
    /** The analysed modules that parse, in the walk's order. */
    analysed() {
        return this.files.filter((f) => this.analysedFiles.has(f)).map((f) => this.get(f)).filter((m) => m !== null);
    }
}
//# sourceMappingURL=module-set.js.map