/**
 * The PID-1 model of one Dockerfile, computed once: the final stage, the
 * argv Docker starts, the chain of programs it leads to, the inits present,
 * the effective stop signal and what happens when it arrives. Rules only
 * read this.
 */
import path from 'node:path';
import { ContextFiles, relativeTo, repositoryRoot } from '../context/files.js';
import { parseDockerignore } from '../context/dockerignore.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { buildStages, runtimeEnv } from '../dockerfile/stages.js';
import { ChainResolver } from './chain.js';
import { installedInits } from './inits.js';
import { PathMapper } from './paths.js';
import { evaluateStop, UNREAD_PROGRAM } from './verdict.js';
import { trimEndChars } from '../text.js';
export function buildModel(options) {
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
function composeLaunch(config, runtime, dockerfilePath) {
    const runtimeOrigin = (source) => ({ kind: 'runtime', file: source.file, line: source.line, instruction: null });
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
    const origin = prefix.length && runtime.init
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
function originOf(value, dockerfilePath) {
    if (!value)
        return { kind: 'dockerfile', file: dockerfilePath, line: null, instruction: null };
    if (!value.instruction)
        return { kind: 'image', file: null, line: null, instruction: null };
    return { kind: 'dockerfile', file: dockerfilePath, line: value.instruction.line, instruction: value.instruction };
}
function effectiveStopSignal(stage, runtime) {
    if (runtime.stopSignal) {
        return { name: runtime.stopSignal.name, raw: runtime.stopSignal.name, source: 'runtime', runtimeSource: runtime.stopSignal.source, instruction: null, invalid: false };
    }
    const s = stage.config.stopSignal;
    if (!s)
        return { name: 'SIGTERM', raw: null, source: 'default', instruction: null, invalid: false };
    return {
        name: s.name ?? 'SIGTERM',
        raw: s.raw,
        source: s.instruction ? 'dockerfile' : 'base-image',
        instruction: s.instruction,
        invalid: s.name === null,
    };
}
function readDockerignore(contextDir, dockerfilePath, files) {
    // BuildKit prefers <Dockerfile>.dockerignore next to the Dockerfile, then the context's .dockerignore.
    for (const candidate of [`${dockerfilePath}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
        const read = files.read(candidate);
        if (read.ok)
            return parseDockerignore(read.text);
    }
    return null;
}
/**
 * The build context is the Dockerfile's folder unless its COPY sources are
 * missing there and all exist from an ancestor (up to the repository root):
 * then `docker build -f svc/Dockerfile .` from that ancestor is what the
 * project does, and we say so.
 */
function detectContext(dockerfilePath, docker, files) {
    const own = path.dirname(dockerfilePath);
    const sources = contextSources(docker);
    if (sources.length === 0)
        return { contextDir: own, note: null };
    const found = (dir) => sources.filter((s) => files.exists(path.join(dir, s))).length;
    const ownCount = found(own);
    if (ownCount === sources.length)
        return { contextDir: own, note: null };
    // Up to the repository root, or (no .git: an archive, a CI artifact) a few folders up.
    const root = repositoryRoot(own) ?? ancestor(own, 6);
    let best = { dir: own, count: ownCount };
    for (let dir = path.dirname(own); dir.length >= root.length; dir = path.dirname(dir)) {
        const count = found(dir);
        if (count > best.count)
            best = { dir, count };
        if (count === sources.length || dir === path.dirname(dir))
            break;
    }
    if (best.dir === own)
        return { contextDir: own, note: null };
    return {
        contextDir: best.dir,
        note: `COPY sources are missing next to the Dockerfile but exist in ${relativeTo(own, best.dir)}: using it as the build context (pass --context to choose)`,
    };
}
function contextSources(docker) {
    const out = new Set();
    for (const stage of docker.stages) {
        for (const copy of stage.copies) {
            if (copy.from.kind !== 'context')
                continue;
            for (const s of copy.sources) {
                if (/^[a-z]+:\/\//i.test(s) || /[*?[]/.test(s))
                    continue;
                // As BuildKit reads it: joined to / inside the context (`../x` is `x`).
                const clean = trimEndChars(path.posix.join('/', s).slice(1), '/');
                if (clean && clean !== '.')
                    out.add(clean);
            }
        }
    }
    return [...out];
}
/** The folder `levels` above `dir` (or the filesystem root, if that comes first). */
function ancestor(dir, levels) {
    let up = dir;
    for (let i = 0; i < levels && path.dirname(up) !== up; i++)
        up = path.dirname(up);
    return up;
}
//# sourceMappingURL=model.js.map