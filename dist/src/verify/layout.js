/**
 * Lays the PID-1 command of a Dockerfile out on the host so `verify` can run
 * it: the working directory is the build-context folder that WORKDIR maps
 * to, container paths in argv become host paths, programs the image ships
 * (tini, dumb-init, node, npm, the node image's docker-entrypoint.sh) come
 * from a folder of shims put first on PATH, and the image's /bin/sh flavour
 * is simulated by the runner (busybox ash for Alpine, facts §0).
 *
 * Refuses, with a reason, whatever cannot run faithfully on the host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { relativeTo } from '../context/files.js';
import { runtimeEnv } from '../dockerfile/stages.js';
import { packageRoot } from '../package-info.js';
import { basename, initName } from '../model/launchers.js';
/** Tools the chain may name, and what provides them on the host. */
const HOST_TOOLS = ['tini', 'tini-static', 'dumb-init', 'npm', 'npx', 'yarn', 'yarnpkg', 'pnpm', 'pnpx', 'bash', 'busybox', 'env', 'tsx', 'ts-node', 'nodemon', 'pm2-runtime', 'next', 'deno', 'bun', 'corepack'];
export function layOut(model, options = {}) {
    const env = options.env ?? process.env;
    const stage = model.stage;
    if (!stage || !model.mapper)
        return refuse('the Dockerfile has no FROM stage to run');
    if (model.argv.length === 0)
        return refuse('the image has no ENTRYPOINT or CMD');
    if (model.stopSignal.invalid)
        return refuse(`Docker would not build this image: invalid STOPSIGNAL ${model.stopSignal.raw ?? ''}`);
    if (process.platform !== 'linux')
        return refuse(`verify needs Linux PID namespaces; this is ${process.platform}`);
    const searchPath = [...(options.toolPath ?? []), ...(env.PATH ?? '').split(path.delimiter)].filter(Boolean);
    const hostTool = (name) => {
        if (name === 'node' || name === 'nodejs')
            return process.execPath;
        for (const dir of [path.dirname(process.execPath), ...searchPath]) {
            const candidate = path.join(dir, name);
            if (isExecutable(candidate))
                return candidate;
        }
        return null;
    };
    // 1. Every link must be something the host can run as the image would.
    for (const link of model.chain) {
        const problem = unrunnable(link, model, hostTool);
        if (problem)
            return refuse(problem);
    }
    const program = model.chain.at(-1)?.program;
    // Node resolves `dist/index` to dist/index.js: a file the preparation built counts.
    const builtOnHost = program?.hostPath ? ['', '.js', '.cjs', '.mjs', '/index.js'].some((ext) => model.files.isFile(`${program.hostPath}${ext}`)) : false;
    if (program?.containerPath && program.built && !program.hostExists && !builtOnHost) {
        return refuse(`${program.hostPath ? relativeTo(model.contextDir, program.hostPath) : program.containerPath} is built inside the image; build it on the host first (--prepare "npm run build")`);
    }
    const missingDeps = missingDependencies(model);
    if (missingDeps)
        return refuse(missingDeps);
    // 2. The working directory.
    const cwd = hostWorkdir(model);
    if (!cwd)
        return refuse(`WORKDIR ${stage.config.workdir} does not correspond to one folder of the build context, so the command cannot be laid out on the host`);
    // 3. Shims for the image's programs, first on PATH.
    const shimDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-verify-'));
    const home = path.join(shimDir, 'home');
    fs.mkdirSync(home);
    const bin = path.join(shimDir, 'bin');
    fs.mkdirSync(bin);
    const shim = (name, target) => {
        const at = path.join(bin, name);
        if (!fs.existsSync(at))
            fs.symlinkSync(target, at);
        return at;
    };
    for (const script of model.image?.scripts ?? []) {
        if (basename(script.path) === 'docker-entrypoint.sh' && script.prepend[0] === 'node') {
            shim('docker-entrypoint.sh', path.join(packageRoot(), 'data', 'verify', 'node-docker-entrypoint.sh'));
        }
    }
    for (const tool of ['node', ...HOST_TOOLS]) {
        const found = hostTool(tool);
        if (found)
            shim(tool, found);
    }
    for (const init of model.inits) {
        const name = initName(init.path);
        const host = name === 'tini' ? hostTool(basename(init.path).includes('static') ? 'tini-static' : 'tini') ?? hostTool('tini') : name ? hostTool(name) : null;
        if (host)
            shim(basename(init.path), host);
    }
    // 4. argv: container paths of programs → shims; files from the context → host paths.
    const argv = model.argv.map((word, index) => mapWord(word, index, model, bin, shim, hostTool));
    const imageEnv = runtimeEnv(stage.config);
    delete imageEnv.PATH;
    const runEnv = {
        ...imageEnv,
        PATH: [bin, path.dirname(process.execPath), ...searchPath].join(':'),
        HOME: home,
        npm_config_cache: path.join(home, '.npm'),
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        NO_UPDATE_NOTIFIER: '1',
        COREPACK_ENABLE_NETWORK: '0',
        COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
    };
    const shell = shellOf(model);
    return {
        ok: true,
        layout: {
            argv,
            cwd,
            env: runEnv,
            shell,
            signal: model.stopSignal.name,
            dispose: () => fs.rmSync(shimDir, { recursive: true, force: true }),
        },
    };
}
function refuse(refused) {
    return { ok: false, refused };
}
function isExecutable(file) {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    }
    catch {
        return false;
    }
}
/** Why a link cannot run on the host, or null. */
function unrunnable(link, model, hostTool) {
    // A command only known at run time is worked out by the shell before it, on the host as in the image.
    if (link.dynamic)
        return null;
    if (link.uncertain)
        return `${link.name}: ${link.uncertain}`;
    switch (link.kind) {
        case 'init': {
            if (!link.init?.installed)
                return `the container would not start: ${link.argv[0]} is not in the image`;
            const name = link.init.invocation.name;
            if (name !== 'tini' && name !== 'dumb-init')
                return `${name} is not modelled on the host`;
            return hostTool(name) ? null : `${name} is not installed on this host (apt-get install ${name})`;
        }
        case 'shell': {
            const flavour = link.shell?.flavour;
            if (flavour === 'none')
                return 'the image has no /bin/sh: the container cannot start';
            if (flavour === 'busybox-ash' && !hostTool('busybox'))
                return 'busybox is not installed on this host (apt-get install busybox), so the image\'s /bin/sh cannot be simulated';
            if (flavour === 'bash' && !hostTool('bash'))
                return 'bash is not installed on this host';
            return null;
        }
        case 'script':
            return null;
        case 'package-manager': {
            const pm = link.packageManager;
            if (!pm)
                return null;
            if (pm.flavour === 'yarn-berry')
                return 'yarn berry needs its release, which it would download: not run offline';
            if (pm.flavour === 'corepack' || link.name === 'corepack')
                return 'corepack downloads the package manager it runs: not run offline';
            const tool = pm.invocation.name;
            if (!hostTool(tool))
                return `${tool} is not installed on this host`;
            if (pm.invocation.action === 'exec' && !model.files.isDirectory(path.join(model.contextDir, 'node_modules'))) {
                return `${tool} exec needs the dependencies installed (node_modules is missing in ${relativeTo(process.cwd(), model.contextDir)})`;
            }
            return null;
        }
        case 'node':
        case 'wrapper':
            return link.kind === 'wrapper' && !hostTool(basename(link.argv[0] ?? '')) ? `${link.argv[0]} is not installed on this host` : null;
        default: {
            const name = basename(link.argv[0] ?? link.name);
            if (link.kind === 'unknown' && link.argv[0]?.includes('/'))
                return `${link.argv[0]} exists only inside the image`;
            return hostTool(name) ? null : `${name} is not installed on this host (it exists only inside the image)`;
        }
    }
}
/** The host folder that plays WORKDIR (the path mapper knows which context folder it corresponds to). */
function hostWorkdir(model) {
    const stage = model.stage;
    if (!stage || !model.mapper)
        return null;
    const workdir = stage.config.workdir;
    const mapped = model.mapper.map(stage, workdir);
    if ('host' in mapped && model.files.isDirectory(mapped.host))
        return mapped.host;
    return workdir === '/' ? model.contextDir : null;
}
/** package.json dependencies that Node could not resolve from the program's folder (node_modules here or in any parent). */
function missingDependencies(model) {
    const program = model.chain.at(-1)?.program;
    if (!program?.hostPath)
        return null;
    for (let dir = path.dirname(program.hostPath); dir.startsWith(model.contextDir); dir = path.dirname(dir)) {
        const read = model.files.read(path.join(dir, 'package.json'));
        if (read.ok) {
            let deps;
            try {
                deps = Object.keys(JSON.parse(read.text).dependencies ?? {});
            }
            catch {
                return null;
            }
            const missing = deps.filter((d) => !resolvableFrom(dir, d));
            return missing.length ? `dependencies not installed: ${missing.join(', ')} (run npm ci in ${relativeTo(process.cwd(), dir)})` : null;
        }
        if (dir === model.contextDir)
            break;
    }
    return null;
}
function resolvableFrom(dir, dependency) {
    for (let d = dir;; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, 'node_modules', dependency)))
            return true;
        if (d === path.dirname(d))
            return false;
    }
}
function mapWord(word, index, model, bin, shim, hostTool) {
    if (!word.startsWith('/'))
        return word;
    const base = basename(word);
    // The image's own programs: a shim of the same name.
    if (fs.existsSync(path.join(bin, base)) && (initName(word) || ['node', 'nodejs', 'npm', 'npx', 'yarn', 'pnpm', 'docker-entrypoint.sh', 'env'].includes(base))) {
        return path.join(bin, base);
    }
    if (index === 0 && /\/(node|nodejs)$/.test(word))
        return shim('node', process.execPath);
    if (word === '/bin/sh' || word === '/bin/bash' || word === '/usr/bin/env')
        return word;
    const mapped = model.stage && model.mapper ? model.mapper.map(model.stage, word) : null;
    if (mapped && 'host' in mapped && mapped.exists)
        return mapped.host;
    const tool = hostTool(base);
    return tool ?? word;
}
/** The runner's /bin/sh simulation for the image's shell. */
function shellOf(model) {
    switch (model.image?.shell) {
        case 'busybox-ash':
            return 'busybox-ash';
        case 'bash':
            return 'bash';
        case 'dash':
            return 'dash';
        default:
            return undefined;
    }
}
//# sourceMappingURL=layout.js.map