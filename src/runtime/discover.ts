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
import { repositoryRoot, type ContextFiles } from '../context/files.js';
import type { ConfigRuntime } from '../config/types.js';
import { composeDeployment, readComposeServices, type ComposeService } from './compose.js';
import { imageMatches, kubernetesDeployments, scanYamlFiles, skaffoldImages } from './kubernetes.js';
import { imageSettings } from './settings.js';
import { YamlFiles } from './yaml-files.js';
import type { RuntimeContext } from './types.js';

const SKAFFOLD = ['skaffold.yaml', 'skaffold.yml'];

/** A value computed once per key, with the notes made while computing it. */
interface Noted<T> {
  value: T;
  notes: string[];
}

export class RuntimeDiscovery {
  private readonly yamlFiles: YamlFiles;
  private readonly compose = new Map<string, Noted<ComposeService[]>>();
  private readonly scans = new Map<string, Noted<string[]>>();

  constructor(files: ContextFiles) {
    this.yamlFiles = new YamlFiles(files);
  }

  forDockerfile(dockerfile: string, config: ConfigRuntime): RuntimeContext {
    const file = path.resolve(dockerfile);
    const dir = path.dirname(file);
    const root = repositoryRoot(dir) ?? dir;
    const folders = foldersUp(dir, root);
    const notes: string[] = [];
    const noted = <T>(entry: Noted<T>): T => {
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

function once<T>(cache: Map<string, Noted<T>>, key: string, compute: (notes: string[]) => T): Noted<T> {
  let entry = cache.get(key);
  if (!entry) {
    const notes: string[] = [];
    entry = { value: compute(notes), notes };
    cache.set(key, entry);
  }
  return entry;
}

/** `dir` and its ancestors up to `root` (inclusive). */
function foldersUp(dir: string, root: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    out.push(d);
    if (d === root || d === path.dirname(d) || !d.startsWith(root)) break;
  }
  return out;
}

/** The same file, symlinks resolved where they exist. */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return path.resolve(a) === path.resolve(b) || real(a) === real(b);
}
