/**
 * The PID-1 model of one Dockerfile, computed once: the final stage, the
 * argv Docker starts, the chain of programs it leads to, the inits present,
 * the effective stop signal and what happens when it arrives. Rules only
 * read this.
 */
import path from 'node:path';
import type { ImageInfo, BaseImageEntry } from '../images/index.js';
import { ContextFiles, relativeTo, repositoryRoot } from '../context/files.js';
import { parseDockerignore, type DockerIgnore } from '../context/dockerignore.js';
import { parseDockerfile, type Instruction, type ParsedDockerfile } from '../dockerfile/parse.js';
import { buildStages, runtimeEnv, type CommandValue, type DockerfileModel, type Stage } from '../dockerfile/stages.js';
import { ChainResolver, type LinkOrigin, type ResolvedLink } from './chain.js';
import { installedInits, type InstalledInit } from './inits.js';
import { PathMapper } from './paths.js';
import { evaluateStop, UNREAD_PROGRAM, type AppFacts, type Verdict } from './verdict.js';
import type { ProgramAnalysis } from './program.js';
import { trimEndChars } from '../text.js';

/** Where a runtime setting was read: a compose file, a Kubernetes manifest, the config file. */
export interface SettingSource {
  /** Human description for --explain: `compose.yaml service api (init: true)`. */
  description: string;
  file: string | null;
  line: number | null;
}

/**
 * What the container is run with that the Dockerfile cannot show (issue 6
 * reads it from compose files, Kubernetes manifests and the config).
 */
export interface RuntimeSettings {
  /**
   * `docker run --init` / compose `init: true`: docker-init (tini) is PID 1 in front of the image's command.
   * Kubernetes `shareProcessNamespace: true`: the pause container is PID 1, so the command is not.
   */
  init?: { kind: 'docker-init' | 'shared-pid-namespace'; source: SettingSource };
  /** compose `stop_signal`, Kubernetes `lifecycle.stopSignal`, or the config's `runtime.stopSignal`. */
  stopSignal?: { name: string; source: SettingSource };
  /** compose `entrypoint`, Kubernetes `command`: replaces the image ENTRYPOINT and clears its CMD. */
  entrypoint?: { argv: string[]; source: SettingSource };
  /** compose `command`, Kubernetes `args`: replaces the image CMD. */
  command?: { argv: string[]; source: SettingSource };
  /** compose `stop_grace_period`, Kubernetes `terminationGracePeriodSeconds`. */
  gracePeriodSeconds?: { value: number; source: SettingSource };
}

export interface StopSignalInfo {
  /** Canonical name Docker sends (SIGTERM when nothing sets one). */
  name: string;
  /** As written, when written. */
  raw: string | null;
  source: 'dockerfile' | 'base-image' | 'default' | 'runtime';
  runtimeSource?: SettingSource;
  instruction: Instruction | null;
  /** STOPSIGNAL is set but Docker rejects it. */
  invalid: boolean;
}

export interface Pid1Model {
  dockerfilePath: string;
  contextDir: string;
  /** Said when the context is not the Dockerfile's folder. */
  contextNote: string | null;
  parsed: ParsedDockerfile;
  docker: DockerfileModel;
  /** The stage judged; null when the Dockerfile has no FROM (or --target is missing). */
  stage: Stage | null;
  image: ImageInfo | null;
  entrypoint: CommandValue | null;
  cmd: CommandValue | null;
  argv: string[];
  chain: ResolvedLink[];
  inits: InstalledInit[];
  stopSignal: StopSignalInfo;
  verdict: Verdict;
  /** Index in `chain` of the link that runs as PID 1. */
  pid1Index: number;
  files: ContextFiles;
  mapper: PathMapper | null;
  runtime: RuntimeSettings;
  /** The chain's first process is not PID 1 (Kubernetes shareProcessNamespace: pause is). */
  pid1Outside: boolean;
  /** What reading the program found (set by applyProgram in src/model/program.ts). */
  program: ProgramAnalysis | null;
}

export interface ModelOptions {
  dockerfilePath: string;
  /** The file's text (read by the caller so read errors are reported there). */
  text: string;
  contextDir?: string;
  target?: string;
  files?: ContextFiles;
  extraImages?: BaseImageEntry[];
  /** What reading the program found; the unread default leaves node verdicts open. */
  app?: AppFacts;
  runtime?: RuntimeSettings;
}

export function buildModel(options: ModelOptions): Pid1Model {
  const files = options.files ?? new ContextFiles();
  const dockerfilePath = path.resolve(options.dockerfilePath);
  const parsed = parseDockerfile(dockerfilePath, options.text);
  const docker = buildStages(parsed, { ...(options.target !== undefined ? { target: options.target } : {}), ...(options.extraImages ? { extraImages: options.extraImages } : {}) });
  const { contextDir, note } = options.contextDir
    ? { contextDir: path.resolve(options.contextDir), note: null }
    : detectContext(dockerfilePath, docker, files);
  const stage = docker.final;
  const image = stage?.rootImage ?? null;
  if (!stage) {
    return {
      dockerfilePath, contextDir, contextNote: note, parsed, docker, stage: null, image: null, entrypoint: null, cmd: null, argv: [], chain: [], inits: [],
      stopSignal: { name: 'SIGTERM', raw: null, source: 'default', instruction: null, invalid: false },
      verdict: { stopsOnSignal: null, appSignal: null, appWaitedFor: null, appWaitLimitMs: null, processes: [], steps: [] },
      pid1Index: 0, files, mapper: null, runtime: options.runtime ?? {}, pid1Outside: false, program: null,
    };
  }
  const dockerignore = readDockerignore(contextDir, dockerfilePath, files);
  const mapper = new PathMapper({ contextDir, files, dockerignore });
  const runtime = options.runtime ?? {};
  const inits = installedInits(stage);
  const config = stage.config;
  const launch = composeLaunch(config, runtime, dockerfilePath);
  if (runtime.init?.kind === 'docker-init') {
    inits.push({ name: 'docker-init', path: '/sbin/docker-init', via: runtime.init.source.description, instruction: null, fact: '§8' });
  }
  const argv = launch.argv;
  const origin = launch.origin;
  const cmdPart = launch.cmdPart;
  const resolver = new ChainResolver({
    stage, image, contextDir, files, mapper, dockerfilePath, inits,
    env: runtimeEnv(config),
    cwd: config.workdir,
    composed: argv,
    cmdPart,
  });
  const chain = resolver.resolve(argv, origin, launch.fromShellForm);
  const stopSignal = effectiveStopSignal(stage, runtime);
  const pid1Outside = runtime.init?.kind === 'shared-pid-namespace';
  const verdict = evaluateStop(chain, stopSignal.name, options.app ?? UNREAD_PROGRAM, { pid1Outside });
  const pid1Index = pid1Outside ? -1 : (verdict.processes[0]?.index ?? 0);
  return {
    dockerfilePath, contextDir, contextNote: note, parsed, docker, stage, image,
    entrypoint: config.entrypoint, cmd: config.cmd, argv, chain, inits, stopSignal, verdict, pid1Index, files, mapper, runtime, pid1Outside, program: null,
  };
}

/**
 * ENTRYPOINT + CMD as the container is started: the image's, with runtime
 * overrides (an entrypoint override clears the image's CMD, as
 * `docker run --entrypoint` and compose do) and docker-init in front when
 * the container runs with --init.
 */
function composeLaunch(config: Stage['config'], runtime: RuntimeSettings, dockerfilePath: string) {
  const runtimeOrigin = (source: SettingSource): LinkOrigin => ({ kind: 'runtime', file: source.file, line: source.line, instruction: null });
  const entry = runtime.entrypoint
    ? { argv: runtime.entrypoint.argv, origin: runtimeOrigin(runtime.entrypoint.source), fromShellForm: false }
    : config.entrypoint ? { argv: config.entrypoint.argv, origin: originOf(config.entrypoint, dockerfilePath), fromShellForm: config.entrypoint.form === 'shell' } : null;
  const cmd = runtime.command
    ? { argv: runtime.command.argv, origin: runtimeOrigin(runtime.command.source), fromShellForm: false }
    : runtime.entrypoint ? null
    : config.cmd ? { argv: config.cmd.argv, origin: originOf(config.cmd, dockerfilePath), fromShellForm: config.cmd.form === 'shell' } : null;
  const prefix = runtime.init?.kind === 'docker-init' ? ['/sbin/docker-init', '--'] : [];
  const head = entry ?? cmd;
  const argv = [...prefix, ...(entry?.argv ?? []), ...(entry ? (cmd?.argv ?? []) : (cmd?.argv ?? []))];
  const origin: LinkOrigin = prefix.length && runtime.init
    ? runtimeOrigin(runtime.init.source)
    : head?.origin ?? { kind: 'dockerfile', file: dockerfilePath, line: null, instruction: null };
  // The part of the argv that came from CMD (or from ENTRYPOINT after an init prefix) is attributed to where it is written.
  const cmdPart = entry && cmd && (cmd.origin.instruction || cmd.origin.kind === 'runtime')
    ? { origin: cmd.origin, entryLength: prefix.length + entry.argv.length, fromShellForm: cmd.fromShellForm }
    : prefix.length && head
      ? { origin: head.origin, entryLength: prefix.length, fromShellForm: head.fromShellForm }
      : null;
  return { argv, origin, cmdPart, fromShellForm: prefix.length ? false : (head?.fromShellForm ?? false) };
}

function originOf(value: CommandValue | null, dockerfilePath: string): LinkOrigin {
  if (!value) return { kind: 'dockerfile', file: dockerfilePath, line: null, instruction: null };
  if (!value.instruction) return { kind: 'image', file: null, line: null, instruction: null };
  return { kind: 'dockerfile', file: dockerfilePath, line: value.instruction.line, instruction: value.instruction };
}

function effectiveStopSignal(stage: Stage, runtime: RuntimeSettings): StopSignalInfo {
  if (runtime.stopSignal) {
    return { name: runtime.stopSignal.name, raw: runtime.stopSignal.name, source: 'runtime', runtimeSource: runtime.stopSignal.source, instruction: null, invalid: false };
  }
  const s = stage.config.stopSignal;
  if (!s) return { name: 'SIGTERM', raw: null, source: 'default', instruction: null, invalid: false };
  return {
    name: s.name ?? 'SIGTERM',
    raw: s.raw,
    source: s.instruction ? 'dockerfile' : 'base-image',
    instruction: s.instruction,
    invalid: s.name === null,
  };
}

function readDockerignore(contextDir: string, dockerfilePath: string, files: ContextFiles): DockerIgnore | null {
  // BuildKit prefers <Dockerfile>.dockerignore next to the Dockerfile, then the context's .dockerignore.
  for (const candidate of [`${dockerfilePath}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
    const read = files.read(candidate);
    if (read.ok) return parseDockerignore(read.text);
  }
  return null;
}

/**
 * The build context is the Dockerfile's folder unless its COPY sources are
 * missing there and all exist from an ancestor (up to the repository root):
 * then `docker build -f svc/Dockerfile .` from that ancestor is what the
 * project does, and we say so.
 */
function detectContext(dockerfilePath: string, docker: DockerfileModel, files: ContextFiles): { contextDir: string; note: string | null } {
  const own = path.dirname(dockerfilePath);
  const sources = contextSources(docker);
  if (sources.length === 0) return { contextDir: own, note: null };
  const found = (dir: string) => sources.filter((s) => files.exists(path.join(dir, s))).length;
  const ownCount = found(own);
  if (ownCount === sources.length) return { contextDir: own, note: null };
  // Up to the repository root, or (no .git: an archive, a CI artifact) a few folders up.
  const root = repositoryRoot(own) ?? ancestor(own, 6);
  let best = { dir: own, count: ownCount };
  for (let dir = path.dirname(own); dir.length >= root.length; dir = path.dirname(dir)) {
    const count = found(dir);
    if (count > best.count) best = { dir, count };
    if (count === sources.length || dir === path.dirname(dir)) break;
  }
  if (best.dir === own) return { contextDir: own, note: null };
  return {
    contextDir: best.dir,
    note: `COPY sources are missing next to the Dockerfile but exist in ${relativeTo(own, best.dir)}: using it as the build context (pass --context to choose)`,
  };
}

function contextSources(docker: DockerfileModel): string[] {
  const out = new Set<string>();
  for (const stage of docker.stages) {
    for (const copy of stage.copies) {
      if (copy.from.kind !== 'context') continue;
      for (const s of copy.sources) {
        if (/^[a-z]+:\/\//i.test(s) || /[*?[]/.test(s)) continue;
        // As BuildKit reads it: joined to / inside the context (`../x` is `x`).
        const clean = trimEndChars(path.posix.join('/', s).slice(1), '/');
        if (clean && clean !== '.') out.add(clean);
      }
    }
  }
  return [...out];
}

/** The folder `levels` above `dir` (or the filesystem root, if that comes first). */
function ancestor(dir: string, levels: number): string {
  let up = dir;
  for (let i = 0; i < levels && path.dirname(up) !== up; i++) up = path.dirname(up);
  return up;
}
