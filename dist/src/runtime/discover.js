/**
 * Finds how the image of one Dockerfile is run: compose services from the
 * Dockerfile's folder up to the repository root, skaffold.yaml artifacts in
 * the same folders, and Kubernetes containers anywhere in the repository
 * whose image is the one built (named by compose `image:`, skaffold or the
 * config's `runtime.image`). Without a repository (no `.git` above), only the
 * Dockerfile's own folder is searched. Everything is read once per run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../context/files.js';
import { composeDeployment, readComposeServices } from './compose.js';
import { imageMatches, kubernetesDeployments, scanYamlFiles, skaffoldImages } from './kubernetes.js';
import { imageSettings } from './settings.js';
import { YamlFiles } from './yaml-files.js';
const SKAFFOLD = ['skaffold.yaml', 'skaffold.yml'];
export class RuntimeDiscovery {
    yamlFiles;
    compose = new Map();
    scans = new Map();
    constructor(files) {
        this.yamlFiles = new YamlFiles(files);
    }
    forDockerfile(dockerfile, config) {
        const file = path.resolve(dockerfile);
        const dir = path.dirname(file);
        const root = repositoryRoot(dir) ?? dir;
        const folders = foldersUp(dir, root);
        const notes = [];
        const noted = (entry) => {
            notes.push(...entry.notes);
            return entry.value;
        };
        const services = folders.flatMap((folder) => noted(once(this.compose, folder, (n) => readComposeServices(folder, this.yamlFiles, n))));
        const building = services.filter((s) => s.builds !== null && samePath(s.builds, file));
        const skaffoldFiles = folders.flatMap((folder) => SKAFFOLD.map((n) => path.join(folder, n))).filter((f) => this.yamlFiles.files.isFile(f));
        const names = [
            ...new Set([
                ...config.images,
                ...building.flatMap((s) => (s.image ? [s.image] : [])),
                ...skaffoldFiles.flatMap((f) => skaffoldImages(f, file, this.yamlFiles, samePath)),
            ]),
        ];
        // A service without `build` whose image is the one built runs it too (`worker: { image: acme/api, command: … }`).
        const running = services.filter((s) => s.builds === null && s.image !== null && imageMatches(s.image, names));
        const deployments = [...building, ...running].map(composeDeployment);
        if (names.length > 0) {
            const manifests = noted(once(this.scans, root, (n) => scanYamlFiles(root, this.yamlFiles, n)));
            deployments.push(...kubernetesDeployments(manifests, names, this.yamlFiles, notes));
        }
        return { image: imageSettings(config, deployments), deployments, notes: [...new Set(notes)] };
    }
}
function once(cache, key, compute) {
    let entry = cache.get(key);
    if (!entry) {
        const notes = [];
        entry = { value: compute(notes), notes };
        cache.set(key, entry);
    }
    return entry;
}
/** `dir` and its ancestors up to `root` (inclusive). */
function foldersUp(dir, root) {
    const out = [];
    for (let d = dir;; d = path.dirname(d)) {
        out.push(d);
        if (d === root || d === path.dirname(d) || !d.startsWith(root))
            break;
    }
    return out;
}
/** The same file, symlinks resolved where they exist. */
export function samePath(a, b) {
    const real = (p) => {
        try {
            return fs.realpathSync(p);
        }
        catch {
            return path.resolve(p);
        }
    };
    return path.resolve(a) === path.resolve(b) || real(a) === real(b);
}
//# sourceMappingURL=discover.js.map