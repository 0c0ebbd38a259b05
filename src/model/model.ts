/**
 * The PID-1 model of one Dockerfile, computed once: the final stage, the
 * argv Docker starts, the chain of programs it leads to, the inits present,
 * the effective stop signal and what happens when it arrives. Rules only
 * read this.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImageInfo, BaseImageEntry } from '../images/index.js';
import { ContextFiles, relativeTo } from '../context/files.js';
import { parseDockerignore, type DockerIgnore } from '../context/dockerignore.js';
import { parseDockerfile, type Instruction, type ParsedDockerfile } from '../dockerfile/parse.js';
import { buildStages, composeArgv, runtimeEnv, type CommandValue, type DockerfileModel, type Stage } from '../dockerfile/stages.js';
import { ChainResolver, type LinkOrigin, type ResolvedLink } from './chain.js';
import { installedInits, type InstalledInit } from './inits.js';
import { PathMapper } from './paths.js';
import { evaluateStop, UNREAD_PROGRAM, type AppFacts, type Verdict } from './verdict.js';

export interface StopSignalInfo {
  /** Canonical name Docker sends (SIGTERM when nothing sets one). */
  name: string;
  /** As written, when written. */
  raw: string | null;
  source: 'dockerfile' | 'base-image' | 'default';
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
      pid1Index: 0, files, mapper: null,
    };
  }
  const dockerignore = readDockerignore(contextDir, dockerfilePath, files);
  const mapper = new PathMapper({ contextDir, files, dockerignore });
  const inits = installedInits(stage);
  const config = stage.config;
  const argv = composeArgv(config);
  const origin = originOf(config.entrypoint ?? config.cmd, dockerfilePath);
  const cmdPart = config.entrypoint && config.cmd?.instruction
    ? { origin: originOf(config.cmd, dockerfilePath), entryLength: config.entrypoint.argv.length, fromShellForm: config.cmd.form === 'shell' }
    : null;
  const resolver = new ChainResolver({
    stage, image, contextDir, files, mapper, dockerfilePath, inits,
    env: runtimeEnv(config),
    cwd: config.workdir,
    composed: argv,
    cmdPart,
  });
  const fromShellForm = (config.entrypoint ?? config.cmd)?.form === 'shell';
  const chain = resolver.resolve(argv, origin, fromShellForm);
  const stopSignal = effectiveStopSignal(stage);
  const verdict = evaluateStop(chain, stopSignal.name, options.app ?? UNREAD_PROGRAM);
  const pid1Index = verdict.processes[0]?.index ?? 0;
  return {
    dockerfilePath, contextDir, contextNote: note, parsed, docker, stage, image,
    entrypoint: config.entrypoint, cmd: config.cmd, argv, chain, inits, stopSignal, verdict, pid1Index, files, mapper,
  };
}

function originOf(value: CommandValue | null, dockerfilePath: string): LinkOrigin {
  if (!value) return { kind: 'dockerfile', file: dockerfilePath, line: null, instruction: null };
  if (!value.instruction) return { kind: 'image', file: null, line: null, instruction: null };
  return { kind: 'dockerfile', file: dockerfilePath, line: value.instruction.line, instruction: value.instruction };
}

function effectiveStopSignal(stage: Stage): StopSignalInfo {
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
  const root = repositoryRoot(own);
  let best = { dir: own, count: ownCount };
  for (let dir = path.dirname(own); root && dir.length >= root.length; dir = path.dirname(dir)) {
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
        const clean = s.replace(/^\/+/, '').replace(/\/+$/, '');
        if (clean && clean !== '.') out.add(clean);
      }
    }
  }
  return [...out];
}

function repositoryRoot(start: string): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}
