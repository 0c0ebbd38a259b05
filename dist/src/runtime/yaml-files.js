import { parseYaml } from '../config/yaml.js';
/** Manifests larger than this are generated bundles, not something a person keeps in sync with a Dockerfile. */
export const MAX_YAML_BYTES = 1024 * 1024;
export class YamlFiles {
    files;
    parsed = new Map();
    constructor(files) {
        this.files = files;
    }
    read(file) {
        let entry = this.parsed.get(file);
        if (!entry) {
            entry = this.load(file);
            this.parsed.set(file, entry);
        }
        return entry;
    }
    load(file) {
        const size = this.files.stat(file)?.size ?? 0;
        if (size > MAX_YAML_BYTES)
            return { ok: false, reason: `larger than ${MAX_YAML_BYTES} bytes` };
        const read = this.files.read(file);
        if (!read.ok)
            return { ok: false, reason: read.reason };
        const yaml = parseYaml(read.text, { multi: true });
        const error = yaml.errors[0];
        if (error)
            return { ok: false, reason: `invalid YAML at line ${error.line}, column ${error.column}: ${error.message}` };
        return { ok: true, yaml, text: read.text };
    }
}
//# sourceMappingURL=yaml-files.js.map