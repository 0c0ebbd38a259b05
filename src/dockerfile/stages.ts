/**
 * The stage model: what each stage's image config is at its end (ENTRYPOINT,
 * CMD, ENV, WORKDIR, USER, SHELL, STOPSIGNAL, with Docker's inheritance), and
 * the COPY/ADD and RUN steps kept for path mapping and init detection.
 *
 * Docker's rules implemented here (BuildKit dockerfile2llb):
 * - a stage inherits the config of its base (image or earlier stage);
 * - ENTRYPOINT resets the inherited CMD unless this stage set CMD before it;
 * - the last ENTRYPOINT / CMD wins;
 * - shell form is stored as SHELL + [text] (default ["/bin/sh","-c"]);
 * - ARGs declared before the first FROM are visible only in FROM lines,
 *   unless re-declared (`ARG NAME`) inside the stage;
 * - ENV wins over an ARG of the same name.
 */
import { lookupImage, type BaseImageEntry, type ImageInfo } from '../images/index.js';
import { expandWord, type Expansion } from './expand.js';
import { splitRawWords, type Instruction, type ParsedDockerfile } from './parse.js';
import { parseSignal } from '../signals.js';
import { trimEndChars } from '../text.js';

export const DEFAULT_SHELL = ['/bin/sh', '-c'];
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Where a config value came from: an instruction of some stage, or the base image. */
export interface Origin {
  instruction: Instruction | null;
  stage: Stage | null;
}

export interface CommandValue extends Origin {
  form: 'exec' | 'shell' | 'image';
  /** As Docker stores it: the exec argv, or SHELL + [text] for shell form. */
  argv: string[];
  /** The command text of a shell-form instruction. */
  text: string | null;
}

export interface EnvValue extends Origin {
  /** null when it depends on a build argument without a default. */
  value: string | null;
}

export interface StopSignalValue extends Origin {
  raw: string;
  /** Canonical name, or null when Docker would reject it. */
  name: string | null;
}

export interface ImageConfig {
  entrypoint: CommandValue | null;
  cmd: CommandValue | null;
  env: Map<string, EnvValue>;
  workdir: string;
  user: string | null;
  shell: string[];
  stopSignal: StopSignalValue | null;
}

export type CopySource = { kind: 'context' } | { kind: 'stage'; stage: Stage } | { kind: 'image'; ref: string };

export interface CopyStep {
  instruction: Instruction;
  keyword: 'COPY' | 'ADD';
  from: CopySource;
  /** Expanded source paths as written (context-relative, or absolute in the --from stage), or URLs for ADD. */
  sources: string[];
  /** Absolute destination in the image. */
  dest: string;
  /** The destination is a directory (trailing slash, `.`, several sources). */
  destIsDir: boolean;
  workdir: string;
}

export interface RunStep {
  instruction: Instruction;
  /** The command text (exec form joined by spaces), heredoc bodies included. */
  text: string;
}

export interface Stage {
  index: number;
  name: string | null;
  from: Instruction;
  /** The expanded base reference as written after FROM. */
  baseRef: string;
  base: { kind: 'stage'; stage: Stage } | { kind: 'image'; image: ImageInfo } | { kind: 'scratch' };
  /** The external image at the root of the FROM chain (the stage's OS and /bin/sh). */
  rootImage: ImageInfo | null;
  instructions: Instruction[];
  config: ImageConfig;
  copies: CopyStep[];
  runs: RunStep[];
  /** Variables Docker would see at the end of the stage (for --explain and runtime env). */
  args: Map<string, string | null>;
  /** Problems met while building the model (unknown --from stage, bad SHELL…). */
  problems: { instruction: Instruction; message: string }[];
  /**
   * Folders known to exist in the image (WORKDIRs, the base image's, COPY
   * destinations that are folders): `COPY server.js /app` puts the file
   * inside /app when /app is one of them, trailing slash or not.
   */
  dirs: Set<string>;
}

export interface DockerfileModel {
  parsed: ParsedDockerfile;
  stages: Stage[];
  /** The stage judged: --target, else the last one. null when there is no FROM. */
  final: Stage | null;
  /** `--target` named a stage that does not exist. */
  missingTarget: string | null;
  globalArgs: Map<string, string | null>;
}

export interface StageOptions {
  target?: string;
  extraImages?: BaseImageEntry[];
  /** Build arguments as `--build-arg` would give them. */
  buildArgs?: Record<string, string>;
}

/** Automatic platform ARGs: present, but their values depend on the builder. */
const AUTOMATIC_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

export function buildStages(parsed: ParsedDockerfile, options: StageOptions = {}): DockerfileModel {
  const escape = parsed.escape;
  const buildArgs = options.buildArgs ?? {};
  const globalArgs = new Map<string, string | null>(AUTOMATIC_ARGS.map((a) => [a, null]));
  const stages: Stage[] = [];
  let current: Stage | null = null;
  let cmdSetInStage = false;
  let stageArgs = new Map<string, string | null>();

  const lookupIn = (stage: Stage | null) => (name: string): string | null | undefined => {
    if (!stage) return globalArgs.has(name) ? globalArgs.get(name) : undefined;
    const env = stage.config.env.get(name);
    if (env) return env.value;
    if (stageArgs.has(name)) return stageArgs.get(name);
    return undefined;
  };
  const expand = (text: string, stage: Stage | null): Expansion => expandWord(text, lookupIn(stage), escape);

  for (const ins of parsed.instructions) {
    if (ins.keyword === 'FROM') {
      current = startStage(ins, stages, globalArgs, escape, options.extraImages);
      stages.push(current);
      cmdSetInStage = false;
      stageArgs = new Map();
      continue;
    }
    if (!current) {
      if (ins.keyword === 'ARG') {
        for (const p of ins.properties) {
          const given = buildArgs[p.name];
          globalArgs.set(p.name, given ?? (p.raw === null ? null : expand(p.raw, null).value));
        }
      }
      continue;
    }
    const stage: Stage = current;
    stage.instructions.push(ins);
    const config = stage.config;
    const origin = { instruction: ins, stage };
    switch (ins.keyword) {
      case 'ARG':
        for (const p of ins.properties) {
          const given = buildArgs[p.name];
          if (given !== undefined) stageArgs.set(p.name, given);
          else if (p.raw !== null) stageArgs.set(p.name, valueOrNull(expand(p.raw, stage)));
          else stageArgs.set(p.name, globalArgs.has(p.name) ? (globalArgs.get(p.name) ?? null) : null);
        }
        break;
      case 'ENV':
        for (const p of ins.properties) {
          config.env.set(p.name, { ...origin, value: p.raw === null ? '' : valueOrNull(expand(p.raw, stage)) });
        }
        break;
      case 'WORKDIR': {
        const dir = expand(ins.rest, stage).value.trim();
        config.workdir = resolvePath(config.workdir, dir);
        stage.dirs.add(config.workdir);
        break;
      }
      case 'USER':
        config.user = expand(ins.rest, stage).value.trim() || null;
        break;
      case 'SHELL':
        if (ins.json && ins.json.length > 0) config.shell = ins.json;
        else stage.problems.push({ instruction: ins, message: 'SHELL requires the exec (JSON array) form; Docker rejects this line' });
        break;
      case 'STOPSIGNAL': {
        const raw = expand(ins.rest, stage).value.trim();
        config.stopSignal = { ...origin, raw, name: parseSignal(raw)?.name ?? null };
        break;
      }
      case 'ENTRYPOINT':
        config.entrypoint = commandValue(ins, stage, config.shell);
        if (!cmdSetInStage) config.cmd = null;
        break;
      case 'CMD':
        config.cmd = commandValue(ins, stage, config.shell);
        cmdSetInStage = true;
        break;
      case 'COPY':
      case 'ADD': {
        const step = copyStep(ins, stage, stages, (t) => expand(t, stage));
        stage.copies.push(step);
        if (step.destIsDir) stage.dirs.add(step.dest);
        break;
      }
      case 'RUN':
        stage.runs.push({
          instruction: ins,
          text: [ins.json ? ins.json.join(' ') : ins.rest, ...ins.heredocs.map((h) => h.content)].join('\n'),
        });
        break;
      default:
        break;
    }
    stage.args = new Map(stageArgs);
  }

  let final: Stage | null = stages.at(-1) ?? null;
  let missingTarget: string | null = null;
  if (options.target !== undefined) {
    final = findStage(stages, options.target) ?? null;
    if (!final) missingTarget = options.target;
  }
  return { parsed, stages, final, missingTarget, globalArgs };
}

function valueOrNull(e: Expansion): string | null {
  return e.unknown.length > 0 && e.value === `\${${e.unknown[0]}}` ? null : e.value;
}

function startStage(
  ins: Instruction,
  stages: Stage[],
  globalArgs: Map<string, string | null>,
  escape: string,
  extraImages: BaseImageEntry[] | undefined,
): Stage {
  const words = splitRawWords(ins.rest);
  const lookup = (name: string) => (globalArgs.has(name) ? globalArgs.get(name) : undefined);
  const baseRef = words[0] ? expandWord(words[0], lookup, escape).value : '';
  const asIndex = words.findIndex((w) => w.toUpperCase() === 'AS');
  const name = asIndex > 0 && words[asIndex + 1] ? (words[asIndex + 1] as string).toLowerCase() : null;
  const parentStage = findStage(stages, baseRef);
  let base: Stage['base'];
  let rootImage: ImageInfo | null;
  let config: ImageConfig;
  if (parentStage) {
    base = { kind: 'stage', stage: parentStage };
    rootImage = parentStage.rootImage;
    config = cloneConfig(parentStage.config);
  } else if (baseRef.toLowerCase() === 'scratch') {
    base = { kind: 'scratch' };
    rootImage = null;
    config = emptyConfig();
    config.shell = [...DEFAULT_SHELL];
  } else {
    const image = lookupImage(baseRef, extraImages);
    base = { kind: 'image', image };
    rootImage = image;
    config = configFromImage(image);
  }
  return {
    index: stages.length,
    name,
    from: ins,
    baseRef,
    base,
    rootImage,
    instructions: [],
    config,
    copies: [],
    runs: [],
    args: new Map(),
    problems: [],
    dirs: new Set(parentStage ? parentStage.dirs : ['/', config.workdir]),
  };
}

/** A stage by name (case-insensitive, as Docker) or by index. */
export function findStage(stages: Stage[], ref: string): Stage | undefined {
  const lower = ref.toLowerCase();
  const byName = stages.find((s) => s.name === lower);
  if (byName) return byName;
  if (/^[0-9]+$/.test(ref)) return stages[Number(ref)];
  return undefined;
}

function emptyConfig(): ImageConfig {
  return { entrypoint: null, cmd: null, env: new Map(), workdir: '/', user: null, shell: [...DEFAULT_SHELL], stopSignal: null };
}

function configFromImage(image: ImageInfo): ImageConfig {
  const config = emptyConfig();
  const origin = { instruction: null, stage: null };
  if (image.entrypoint) config.entrypoint = { ...origin, form: 'image', argv: image.entrypoint, text: null };
  if (image.cmd) config.cmd = { ...origin, form: 'image', argv: image.cmd, text: null };
  const env = { PATH: DEFAULT_PATH, ...image.env };
  for (const [name, value] of Object.entries(env)) config.env.set(name, { ...origin, value });
  if (image.workdir) config.workdir = image.workdir;
  config.user = image.user;
  if (image.stopSignal) config.stopSignal = { ...origin, raw: image.stopSignal, name: parseSignal(image.stopSignal)?.name ?? null };
  return config;
}

function cloneConfig(config: ImageConfig): ImageConfig {
  return { ...config, env: new Map(config.env), shell: [...config.shell] };
}

function commandValue(ins: Instruction, stage: Stage, shell: string[]): CommandValue {
  if (ins.json) return { instruction: ins, stage, form: 'exec', argv: ins.json, text: null };
  return { instruction: ins, stage, form: 'shell', argv: [...shell, ins.rest], text: ins.rest };
}

function copyStep(ins: Instruction, stage: Stage, stages: Stage[], expand: (t: string) => Expansion): CopyStep {
  const keyword = ins.keyword as 'COPY' | 'ADD';
  const fromFlag = ins.flags.get('from');
  let from: CopySource = { kind: 'context' };
  if (fromFlag) {
    const ref = expand(fromFlag).value;
    const source = findStage(stages.slice(0, stage.index), ref);
    from = source ? { kind: 'stage', stage: source } : { kind: 'image', ref };
  }
  const words = ins.json ?? splitRawWords(ins.rest).map((w) => expand(w).value);
  const paths = ins.heredocs.length > 0 ? words.filter((w) => !w.startsWith('<<')) : words;
  const destRaw = paths.at(-1) ?? '.';
  const sources = paths.slice(0, -1);
  const workdir = stage.config.workdir;
  const dest = resolvePath(workdir, destRaw);
  const destIsDir = destRaw.endsWith('/') || destRaw === '.' || destRaw === '..' || sources.length > 1 || sources.some(hasGlob) || stage.dirs.has(dest);
  return { instruction: ins, keyword, from, sources, dest, destIsDir, workdir };
}

export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** POSIX path join + normalise, rooted at `/`. */
export function resolvePath(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${trimEndChars(base, '/')}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The argv Docker starts: ENTRYPOINT + CMD (CMD alone when there is no ENTRYPOINT). */
export function composeArgv(config: ImageConfig): string[] {
  const entry = config.entrypoint?.argv ?? [];
  const cmd = config.cmd?.argv ?? [];
  return [...entry, ...cmd];
}

/** ENV of the final image as a plain object (null values dropped). */
export function runtimeEnv(config: ImageConfig): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, v] of config.env) if (v.value !== null) env[name] = v.value;
  return env;
}
