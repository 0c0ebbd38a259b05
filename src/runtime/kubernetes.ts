/**
 * Kubernetes manifests and skaffold.yaml. Manifests are found by a bounded
 * scan of the repository (YAML files only, no dependency, VCS or hidden
 * folders, capped in count and size); a container runs the image when its
 * `image` names it, compared without tag or digest. What it changes about
 * PID 1 (pid1-facts §9): `shareProcessNamespace` (the pause container is
 * PID 1), `command`/`args` (replace ENTRYPOINT/CMD), `lifecycle.stopSignal`
 * and `terminationGracePeriodSeconds`.
 */
import path from 'node:path';
import type { Document, Node, Pair } from 'yaml';
import { SKIP_DIRS } from '../discover.js';
import { parseImageRef } from '../images/index.js';
import { parseSignal } from '../signals.js';
import { isMap, nodeAtPath, pairAt, rangeOf, scalarValue, seqItems, valueAt, type ParsedYaml } from '../config/yaml.js';
import type { RuntimeSettings } from '../model/model.js';
import type { YamlFiles } from './yaml-files.js';
import { argvOf, sourceOf, valueText } from './settings.js';
import type { Deployment } from './types.js';

/** Bounds of the repository scan: a repository with more YAML than this is scanned in part (and --explain says so). */
export const SCAN_LIMITS = { files: 2000, directories: 5000, depth: 12 };

/** Where the pod spec is in each workload kind. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The *.yaml / *.yml files of a repository, bounded. */
export function scanYamlFiles(root: string, yamlFiles: YamlFiles, notes: string[]): string[] {
  const out: string[] = [];
  let dirs = 0;
  let truncated = false;
  const walk = (dir: string, depth: number) => {
    if (truncated) return;
    if (++dirs > SCAN_LIMITS.directories || depth > SCAN_LIMITS.depth) {
      truncated = true;
      return;
    }
    for (const name of [...(yamlFiles.files.list(dir) ?? [])].sort()) {
      const full = path.join(dir, name);
      const st = yamlFiles.files.stat(full);
      if (!st) continue;
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(full, depth + 1);
      } else if (/\.ya?ml$/i.test(name)) {
        if (out.length >= SCAN_LIMITS.files) {
          truncated = true;
          return;
        }
        out.push(full);
      }
    }
  };
  walk(root, 0);
  if (truncated) notes.push(`Kubernetes manifests: the scan of ${root} stopped at ${SCAN_LIMITS.files} YAML files, ${SCAN_LIMITS.directories} folders or ${SCAN_LIMITS.depth} levels; containers in the rest were not matched`);
  return out;
}

/** Does a container's image name one of `names`? Tags and digests are ignored; a name without registry matches any registry. */
export function imageMatches(image: string, names: readonly string[]): boolean {
  const ref = parseImageRef(image);
  if (!ref) return false;
  return names.some((name) => {
    const want = parseImageRef(name);
    return want !== null && want.repository === ref.repository && (want.registry === null || ref.registry === null || want.registry === ref.registry);
  });
}

/** Containers in `files` whose image is one of `names`. */
export function kubernetesDeployments(files: readonly string[], names: readonly string[], yamlFiles: YamlFiles, notes: string[]): Deployment[] {
  if (names.length === 0) return [];
  const out: Deployment[] = [];
  for (const file of files) {
    const read = yamlFiles.files.read(file);
    // Most YAML in a repository is not a workload; only parse what can hold one.
    if (!read.ok || !/\bcontainers\b/.test(read.text)) continue;
    const parsed = yamlFiles.read(file);
    if (!parsed.ok) {
      notes.push(`${file}: not read as a Kubernetes manifest (${parsed.reason})`);
      continue;
    }
    for (const doc of parsed.yaml.docs) collect(doc.contents as Node | null, { file, yaml: parsed.yaml, doc }, names, out);
  }
  return out;
}

/** One document of a manifest file: values are read with aliases and merge keys resolved in it. */
interface Manifest {
  file: string;
  yaml: ParsedYaml;
  doc: Document;
}

function collect(root: Node | null, m: Manifest, names: readonly string[], out: Deployment[]): void {
  const kind = scalarValue(valueAt(root, 'kind', m.doc), m.doc);
  if (kind === 'List') {
    for (const item of seqItems(valueAt(root, 'items', m.doc), m.doc)) collect(item, m, names, out);
    return;
  }
  const specPath = typeof kind === 'string' ? POD_SPEC[kind] : undefined;
  if (!specPath) return;
  const spec = nodeAtPath(root, specPath, m.doc);
  if (!spec.complete || !spec.node) return;
  const workload = { kind: kind as string, name: String(scalarValue(nodeAtPath(root, ['metadata', 'name'], m.doc).node, m.doc) ?? '?') };
  for (const container of seqItems(valueAt(spec.node, 'containers', m.doc), m.doc)) {
    const image = scalarValue(valueAt(container, 'image', m.doc), m.doc);
    if (typeof image !== 'string' || !imageMatches(image, names)) continue;
    out.push(containerDeployment(workload, spec.node, container, m));
  }
}

function containerDeployment(workload: { kind: string; name: string }, spec: Node, container: Node, m: Manifest): Deployment {
  const containerName = String(scalarValue(valueAt(container, 'name', m.doc), m.doc) ?? '?');
  const label = `Kubernetes ${workload.kind} "${workload.name}", container "${containerName}"`;
  const source = (pair: Pair, key: string) => sourceOf(label, key, valueText(pair.value, m.doc), m.file, m.yaml, pair);
  const value = (pair: Pair) => scalarValue(pair.value, m.doc);
  const settings: RuntimeSettings = {};
  const notes: string[] = [];
  const share = pairAt(spec, 'shareProcessNamespace', m.doc);
  if (share && value(share) === true) settings.init = { kind: 'shared-pid-namespace', source: source(share, 'shareProcessNamespace') };
  const hostPid = pairAt(spec, 'hostPID', m.doc);
  if (hostPid && value(hostPid) === true) notes.push('hostPID: true: the container runs in the host PID namespace, so its command is not PID 1; not modelled');
  for (const [key, setting] of [['command', 'entrypoint'], ['args', 'command']] as const) {
    const pair = pairAt(container, key, m.doc);
    if (!pair) continue;
    const argv = argvOf(pair.value, false, m.doc);
    if (argv) settings[setting] = { argv, source: source(pair, key) };
    else notes.push(`${key} is not a list of strings; ignored`);
  }
  const stop = pairAt(valueAt(container, 'lifecycle', m.doc), 'stopSignal', m.doc);
  if (stop) {
    const signal = parseSignal(String(value(stop) ?? ''));
    if (signal) {
      settings.stopSignal = { name: signal.name, source: source(stop, 'lifecycle.stopSignal') };
      notes.push('lifecycle.stopSignal needs the ContainerStopSignals feature gate (alpha since Kubernetes 1.33) and spec.os.name; without them the image STOPSIGNAL is sent (pid1-facts §9)');
    } else notes.push(`lifecycle.stopSignal ${valueText(stop.value, m.doc)} is not a signal name; ignored`);
  }
  const grace = pairAt(spec, 'terminationGracePeriodSeconds', m.doc);
  const seconds = grace ? value(grace) : undefined;
  if (grace && typeof seconds === 'number') settings.gracePeriodSeconds = { value: seconds, source: source(grace, 'terminationGracePeriodSeconds') };
  const name = `${workload.kind}/${workload.name} container ${containerName}`;
  return { kind: 'kubernetes', name, label, loc: { file: m.file, ...rangeOf(m.yaml.lines, container) }, settings, notes };
}

/** Image names of the skaffold.yaml artifacts that build `dockerfile` (`build.artifacts`, also under `profiles`). */
export function skaffoldImages(file: string, dockerfile: string, yamlFiles: YamlFiles, samePath: (a: string, b: string) => boolean): string[] {
  const read = yamlFiles.read(file);
  if (!read.ok) return [];
  const names: string[] = [];
  const dir = path.dirname(file);
  for (const doc of read.yaml.docs) {
    const artifacts = (root: Node | null) => seqItems(nodeAtPath(root, ['build', 'artifacts'], doc).node, doc);
    const root = doc.contents as Node | null;
    const all = [...artifacts(root), ...seqItems(valueAt(root, 'profiles', doc), doc).flatMap(artifacts)];
    for (const artifact of all) {
      if (!isMap(artifact)) continue;
      const text = (keys: string[]) => scalarValue(nodeAtPath(artifact, keys, doc).node, doc);
      const [image, context, df] = [text(['image']), text(['context']), text(['docker', 'dockerfile'])];
      const target = path.resolve(dir, typeof context === 'string' ? context : '.', typeof df === 'string' ? df : 'Dockerfile');
      if (typeof image === 'string' && samePath(target, dockerfile)) names.push(image);
    }
  }
  return names;
}
