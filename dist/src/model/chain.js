/**
 * The PID-1 chain: from the argv Docker starts (ENTRYPOINT + CMD), follow
 * each program to the next one it runs — inits, shells, entrypoint scripts,
 * package managers and their package.json scripts, Node and the tools that
 * run Node programs — recording how each link starts the next (exec, spawn,
 * in-process) and what it does with a stop signal (see verdict.ts).
 *
 * Every behaviour here comes from ../shared/knowledge/pid1-facts.md; the
 * section is cited where a decision is made.
 */
import path from 'node:path';
import { analyzeCommandString, analyzeScript, parseShebang, programJob, replacesShell } from '../shell/analyze.js';
import { relativeTo } from '../context/files.js';
import { expandWord } from '../dockerfile/expand.js';
import { resolvePath } from '../dockerfile/stages.js';
import { canonicalSignal } from '../signals.js';
import { nextStandalonePath } from '../program/next-standalone.js';
import { findInit } from './inits.js';
import { basename, firstOperand, initName, NODEMON_VALUE_OPTIONS, packageManagerName, parseInit, parseNodeArgs, parsePackageManager, parseShell, parseWrapper, PM2_VALUE_OPTIONS, splitNodeOptions, toolFromScriptPath, TSX_VALUE_OPTIONS, } from './launchers.js';
/** Programs every image with a shell has; enough for `command -v` in docker-entrypoint.sh. */
const COMMON_COMMANDS = new Set(['sh', 'bash', 'env', 'exec', 'cat', 'echo', 'true', 'false', 'sleep', 'su', 'gosu', 'su-exec', 'tail', 'ls']);
export class ChainResolver {
    input;
    links = [];
    /** Unset `$VAR` words staticArgv left out; noted on the next link pushed. */
    droppedExpansions = [];
    constructor(input) {
        this.input = input;
    }
    resolve(argv, origin, fromShellForm) {
        this.follow(argv, { env: { ...this.input.env }, cwd: this.input.cwd, origin, depth: 0, fromShellForm, fromPackageScript: false });
        return this.links;
    }
    push(kind, name, argv, state, behaviour, why, extra = {}) {
        if (this.droppedExpansions.length > 0) {
            why += ` (${this.droppedExpansions.join(', ')}: set by no ENV or ARG, so empty unless \`docker run -e\` sets it; left out)`;
            this.droppedExpansions = [];
        }
        const link = {
            kind,
            name,
            argv,
            why,
            origin: state.origin,
            behaviour,
            env: state.env,
            cwd: state.cwd,
            ...(state.origin.file ? { file: state.origin.file } : {}),
            ...(state.origin.line ? { line: state.origin.line } : {}),
            ...extra,
        };
        this.links.push(link);
        return link;
    }
    setRelation(link, relation) {
        link.relation = relation;
    }
    follow(argv, state) {
        if (state.depth > 24) {
            this.push('unknown', argv[0] ?? '', argv, state, { type: 'unknown' }, 'the chain is too deep to follow (a loop?)');
            return;
        }
        // With ENTRYPOINT ["docker-entrypoint.sh"] + CMD ["node","app.js"], what runs `node app.js` is written on the CMD line.
        const cmdPart = this.input.cmdPart;
        if (cmdPart && state.origin.kind !== 'package-json' && state.origin.kind !== 'script' && state.origin !== cmdPart.origin
            && startsInCmd(this.input.composed, cmdPart.entryLength, argv)) {
            state = { ...state, origin: cmdPart.origin, fromShellForm: cmdPart.fromShellForm };
        }
        const program = argv[0];
        if (program === undefined || program === '') {
            this.push('unknown', '', argv, state, { type: 'unknown' }, 'no command: the container has no ENTRYPOINT or CMD to run');
            return;
        }
        const next = { ...state, depth: state.depth + 1 };
        const imageScript = this.imageEntrypointScript(program, state);
        if (imageScript)
            return this.followImageScript(imageScript, argv, next, state);
        if (initName(program))
            return this.followInit(argv, next, state);
        const shell = parseShell(argv);
        if (shell)
            return this.followShell(shell, argv, next, state);
        const wrapper = parseWrapper(argv);
        if (wrapper) {
            const behaviour = wrapper.relays ? { type: 'relay', tool: wrapper.name } : wrapper.relation === 'exec' ? { type: 'program', runtime: 'unknown' } : { type: 'unknown' };
            const why = wrapper.relays
                ? `${wrapper.name} starts the command as a child process, relays SIGTERM, SIGINT and SIGHUP to it and exits when it does (measured: fixtures ${wrapper.name}-*)`
                : wrapper.relation === 'exec' ? `${wrapper.name} replaces itself with the command it runs` : `${wrapper.name} starts the command as a child process and stays`;
            const link = this.push('wrapper', wrapper.name, argv, state, behaviour, why);
            this.setRelation(link, wrapper.relation);
            return this.follow(wrapper.child, { ...next, env: { ...state.env, ...wrapper.env } });
        }
        const pm = packageManagerName(program);
        if (pm)
            return this.followPackageManager(argv, next, state);
        const base = basename(program);
        if (base === 'node' || base === 'nodejs')
            return this.followNode(argv.slice(1), argv, next, state);
        if (base === 'tsx')
            return this.followTsx(argv, next, state);
        if (base === 'ts-node' || base === 'ts-node-esm' || base === 'ts-node-transpile-only')
            return this.followTsNode(argv, next, state);
        if (base === 'nodemon')
            return this.followNodemon(argv, next, state);
        if (base === 'pm2-runtime' || base === 'pm2-docker')
            return this.followPm2Runtime(argv, next, state);
        if (base === 'next')
            return this.followNext(argv, state);
        if (base === 'bun' || base === 'deno') {
            this.push(base, base, argv, state, { type: 'program', runtime: base }, `${base} runs the program itself; how ${base} behaves as PID 1 is not verified (facts §12)`, { uncertain: `${base} signal behaviour is not verified` });
            return;
        }
        // A file from the build context: an entrypoint script or an executable with a shebang.
        const file = this.findExecutable(program, state);
        if (file)
            return this.followFile(file, argv, next, state);
        if (globalBins(this.input.stage).has(base)) {
            // `npm install -g flowise` then `flowise start`: a Node program whose source is in the image, not the context.
            this.push('node', base, argv, state, { type: 'program', runtime: 'node' }, `${base} is a Node.js command installed globally in the image (npm install -g or similar): its source is not in the build context`, {
                program: { runtime: 'node', containerPath: program, hostPath: null, hostExists: false, built: false, unmappedReason: 'a global package install puts it there inside the image', preloads: [], inline: null, packageDir: null, env: state.env, cwd: state.cwd },
            });
            return;
        }
        this.push('unknown', base, argv, state, { type: 'program', runtime: 'unknown' }, `${program} is not a program pid1-lint knows, and no file in the build context provides it`);
    }
    // -- base-image entrypoint scripts (docker-entrypoint.sh) -----------------
    imageEntrypointScript(program, state) {
        const scripts = this.input.image?.scripts ?? [];
        for (const script of scripts) {
            const matches = program === script.path || (!program.includes('/') && basename(script.path) === program && this.inPath(script.path, state));
            if (!matches)
                continue;
            // A COPY of the user's own script to the same path replaces the image's.
            const mapped = this.input.mapper.map(this.input.stage, script.path);
            if ('host' in mapped && mapped.exists)
                return null;
            return script;
        }
        return null;
    }
    inPath(file, state) {
        return this.pathDirs(state).includes(path.posix.dirname(file));
    }
    pathDirs(state) {
        return (state.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':').filter(Boolean);
    }
    followImageScript(script, argv, next, state) {
        const args = argv.slice(1);
        const first = args[0];
        const prepend = script.behaviour === 'prepend-if-option-or-subcommand'
            ? first !== undefined && (first.startsWith('-') || (script.subcommands ?? []).includes(first))
            : first === undefined || first.startsWith('-') || !this.isCommand(first, state);
        const link = this.push('script', basename(script.path), argv, state, { type: 'program', runtime: 'unknown' }, prepend
            ? `${basename(script.path)} from the base image: \`${first ?? '(no argument)'}\` is not a command, so it runs \`${[...script.prepend, ...args].join(' ')}\` with exec (facts §7)`
            : `${basename(script.path)} from the base image ends in \`exec "$@"\`: it hands PID 1 to \`${args.join(' ')}\` (facts §7)`);
        this.setRelation(link, 'exec');
        this.follow(prepend ? [...script.prepend, ...args] : args, next);
    }
    /** `command -v` in the image, as docker-entrypoint.sh asks it. */
    isCommand(word, state) {
        if (word.includes('/')) {
            // A path: a command when it is an executable file; a non-executable file gets `node` prepended.
            const mapped = this.input.mapper.map(this.input.stage, resolvePath(state.cwd, word));
            if (!('host' in mapped))
                return true; // not from the context (the image's own /bin/sh, a binary a RUN built): trust it
            if (mapped.exists) {
                const chmod = chmodOf(mapped);
                if (chmod !== null)
                    return (chmod & 0o111) !== 0;
                const st = this.input.files.stat(mapped.host);
                return st !== null && (st.mode & 0o111) !== 0;
            }
            return false;
        }
        if (this.input.image?.programs[word] || COMMON_COMMANDS.has(word) || initName(word) || packageManagerName(word))
            return true;
        if (globalBins(this.input.stage).has(word))
            return true;
        if (findInit(word, this.input.inits, this.pathDirs(state)))
            return true;
        // A file copied into a PATH folder.
        for (const dir of this.pathDirs(state)) {
            const mapped = this.input.mapper.map(this.input.stage, path.posix.join(dir, word));
            if ('host' in mapped && mapped.exists)
                return true;
        }
        // Anything else (`app.js`, `server`) is not found by `command -v`: the script prepends node.
        return false;
    }
    // -- inits (facts §4) ------------------------------------------------------
    followInit(argv, next, state) {
        const invocation = parseInit(argv, state.env);
        if (!invocation)
            return;
        const installed = findInit(argv[0], this.input.inits, this.pathDirs(state));
        const how = invocation.name === 'dumb-init'
            ? invocation.group ? 'signals the whole process group of its child (setsid mode)' : 'signals only its direct child (--single-child)'
            : invocation.group ? 'signals the whole process group of its child (-g)' : 'signals only its direct child';
        const link = this.push('init', invocation.name, argv, state, { type: 'init', init: invocation }, `${invocation.name} runs the command as a child, ${how}, reaps zombies and exits when the child exits (facts §4)`, { init: { invocation, installed } });
        if (invocation.name === 'catatonit' || invocation.name === 's6-overlay') {
            link.behaviour = { type: 'unknown' };
            link.uncertain = `${invocation.name} forwarding is not verified (facts §12)`;
        }
        if (invocation.child.length === 0)
            return;
        this.setRelation(link, 'spawn');
        this.follow(invocation.child, next);
    }
    // -- shells (facts §3) -----------------------------------------------------
    shellFlavour(name, program) {
        if (name === 'bash')
            return 'bash';
        if (name === 'dash')
            return 'dash';
        if (name === 'ash' || name === 'busybox')
            return 'busybox-ash';
        if (name === 'zsh')
            return 'unknown';
        // `sh` is whatever /bin/sh is in this image.
        if (program === 'sh' || program === '/bin/sh' || program === '/usr/bin/sh')
            return this.input.image?.shell ?? 'unknown';
        return this.input.image?.shell ?? 'unknown';
    }
    followShell(shell, argv, next, state) {
        const flavour = this.shellFlavour(shell.name, argv[0]);
        if (shell.command === null) {
            if (shell.script) {
                const file = this.findExecutable(shell.script, state, true);
                if (file) {
                    // `sh script.sh args`: the shell runs the file (no exec optimisation for scripts).
                    return this.followShellScript(file, [argv[0], ...shell.params], argv, next, state);
                }
            }
            this.push('shell', shellLinkName(shell.name, flavour), argv, state, { type: 'shell-wait', trapSignals: [] }, 'a shell without -c reads commands from standard input; with no terminal it exits at once', { uncertain: 'interactive shell' });
            return;
        }
        const text = shell.command;
        const facts = analyzeCommandString(text);
        const link = this.push('shell', shellLinkName(shell.name, flavour), argv, state, { type: 'shell-wait', trapSignals: trapSignals(facts) }, '', {
            shell: { flavour, text, facts, fromShellForm: state.fromShellForm, fromPackageScript: state.fromPackageScript },
        });
        const main = facts.main;
        if (!facts.ok || !main) {
            link.why = facts.ok ? 'the command string is empty' : `the command string does not parse (${facts.errors[0]?.message ?? 'syntax error'})`;
            link.uncertain = 'unparsable command';
            return;
        }
        if (facts.traps.length > 0 && isTrapForward(facts)) {
            link.behaviour = { type: 'shell-trap-forward', trapSignals: trapSignals(facts) };
        }
        const cwd = cwdAfterCd(facts, state.cwd);
        if (main.compound && main.node.type !== 'simple') {
            return this.followTrailingGroup(link, main.node, text, flavour, shell.params, { ...next, cwd }, state);
        }
        const childState = { ...next, cwd, env: { ...state.env, ...staticAssignments(main) } };
        const mainArgv = this.staticArgv(main, state.env, shell.params);
        const described = mainArgv ? `\`${mainArgv.join(' ')}\`` : 'its command';
        if (replacesShell(main)) {
            link.why = `the shell runs ${described} with exec: the command replaces the shell (facts §3 dash-c-exec)`;
            this.setRelation(link, 'exec');
        }
        else if (facts.mainInTailPosition && (flavour === 'bash' || flavour === 'busybox-ash')) {
            link.why = `${flavour === 'bash' ? 'bash 5.2' : 'busybox ash'} execs the last command of -c by itself, so ${described} replaces the shell (facts §3 ${flavour === 'bash' ? 'bash-c' : 'busybox-c'})`;
            link.implicitExec = true;
            this.setRelation(link, 'exec');
        }
        else {
            this.setRelation(link, 'spawn');
            if (flavour === 'dash') {
                link.why = `dash (Debian's /bin/sh) never execs the command of -c: it stays as the parent of ${described} and, as PID 1, ignores SIGTERM (facts §3 dash-c)`;
            }
            else if (flavour === 'bash' || flavour === 'busybox-ash') {
                link.why = `${described} is not the last simple command of the string, so the shell stays as its parent (facts §3 ${flavour === 'bash' ? 'bash-c-notlast' : 'busybox-c-notlast'})`;
            }
            else if (flavour === 'none') {
                link.why = 'the image has no shell: Docker cannot start this command (exec: "/bin/sh": no such file)';
                link.uncertain = 'no shell in the image';
            }
            else {
                link.why = `the image's /bin/sh is not known: dash would stay as the parent of ${described} (Debian, Ubuntu); busybox ash and bash exec a last simple command (facts §3)`;
                link.uncertain = "unknown /bin/sh";
            }
        }
        if (link.behaviour.type === 'shell-trap-forward') {
            link.why = `the shell starts the program in the background, traps ${link.behaviour.trapSignals.join(', ')} to forward it and waits (facts §3 dash-trap-bg-wait)`;
            const background = programJob(facts.commands, text);
            const bgArgv = background ? this.staticArgv(background, state.env, shell.params) : null;
            this.setRelation(link, 'spawn');
            if (bgArgv)
                this.follow(bgArgv, { ...childState, fromShellForm: false });
            return;
        }
        if (!mainArgv) {
            this.push('unknown', '?', main.argv.map((a) => a ?? '?'), childState, { type: 'program', runtime: 'unknown' }, 'the command depends on values only known at run time (command substitution or an unset variable)', { uncertain: 'dynamic command', dynamic: true });
            return;
        }
        this.follow(mainArgv, { ...childState, fromShellForm: false });
    }
    /**
     * `sh -c "prepare && ( a & b )"` or `… && { node x; }`: the program is the
     * last command inside the group. busybox ash execs it (measured with the
     * facts' method: fixture sh-c-trailing-group-alpine); dash stays its parent; bash
     * is not measured.
     */
    followTrailingGroup(link, group, text, flavour, params, childState, state) {
        const inner = lastSimpleCommand(group);
        const innerFacts = inner ? analyzeCommandString(text.slice(inner.start, inner.end)) : null;
        const innerMain = innerFacts?.main ?? null;
        const innerArgv = innerMain ? this.staticArgv(innerMain, state.env, params) : null;
        const shape = group.type === 'subshell' ? '( … )' : '{ …; }';
        const described = innerArgv ? `\`${innerArgv.join(' ')}\`` : 'its last command';
        if (group.type === 'subshell' || group.type === 'group') {
            if (flavour === 'busybox-ash') {
                link.why = `busybox ash execs the last command of a trailing ${shape} too, so ${described} replaces the shell (measured: fixture sh-c-trailing-group-alpine)`;
                link.implicitExec = true;
                this.setRelation(link, 'exec');
            }
            else {
                this.setRelation(link, 'spawn');
                link.why = flavour === 'dash'
                    ? `dash (Debian's /bin/sh) stays the parent of ${described}, the last command of the trailing ${shape} (facts §3 dash-c-and)`
                    : `the shell runs ${described} inside a trailing ${shape}; whether ${flavour} execs it there is not measured`;
                if (flavour !== 'dash')
                    link.uncertain = `${flavour} with a trailing ${shape}`;
            }
        }
        else {
            this.setRelation(link, 'spawn');
            link.why = `the command ends in a ${group.type} block; the shell stays its parent`;
        }
        if (!innerArgv) {
            this.push('unknown', '?', [], childState, { type: 'program', runtime: 'unknown' }, 'the last command inside the group is only known at run time', { uncertain: 'dynamic command', dynamic: true });
            return;
        }
        this.follow(innerArgv, { ...childState, fromShellForm: false, env: { ...state.env, ...(innerMain ? staticAssignments(innerMain) : {}) } });
    }
    /** argv of a shell command with `$VAR` expanded from the environment; null when something is dynamic. */
    staticArgv(cmd, env, params) {
        this.droppedExpansions = [];
        const out = [];
        for (let i = 0; i < cmd.argv.length; i++) {
            const value = cmd.argv[i];
            if (value !== null && value !== undefined) {
                out.push(value);
                continue;
            }
            const word = cmd.words[i];
            if (!word)
                return null;
            if (/^"?\$(\{@\}|@)"?$/.test(word.raw)) {
                out.push(...params.slice(1));
                continue;
            }
            // An unquoted `$NODE_ARGS` that no ENV sets expands to nothing unless `docker run -e` sets it:
            // drop it (and say so on the next link) rather than lose the program. Not for the command name.
            const unset = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(word.raw)?.[1];
            if (unset !== undefined && env[unset] === undefined && out.length > 0) {
                this.droppedExpansions.push(word.raw);
                continue;
            }
            const expanded = expandRuntime(word.raw, env);
            if (expanded === null) {
                this.droppedExpansions = [];
                return null;
            }
            // Unquoted expansions split on blanks.
            if (word.raw.startsWith('"'))
                out.push(expanded);
            else
                out.push(...expanded.split(/\s+/).filter(Boolean));
        }
        return out;
    }
    // -- scripts from the build context (facts §3 script-*) --------------------
    /** A program that is a file in the build context (path, or bare name in PATH). */
    findExecutable(program, state, relativeToCwd = false) {
        const candidates = [];
        if (program.includes('/') || relativeToCwd)
            candidates.push(resolvePath(state.cwd, program));
        else
            for (const dir of this.pathDirs(state))
                candidates.push(path.posix.join(dir, program));
        for (const container of candidates) {
            const mapped = this.input.mapper.map(this.input.stage, container);
            if ('host' in mapped && mapped.exists)
                return { host: mapped.host, container };
        }
        return null;
    }
    followFile(file, argv, next, state) {
        const read = this.input.files.read(file.host, this.input.contextDir);
        if (!read.ok) {
            this.push('unknown', basename(file.container), argv, state, { type: 'program', runtime: 'unknown' }, `${relativeTo(this.input.contextDir, file.host)} could not be read: ${read.reason}`);
            return;
        }
        const shebang = parseShebang(read.text);
        if (shebang && /^(node|nodejs)$/.test(shebang.interpreter)) {
            return this.followNode([...shebang.args, file.container, ...argv.slice(1)], argv, next, state);
        }
        if (shebang && !/^(sh|bash|dash|ash|busybox)$/.test(shebang.interpreter)) {
            this.push('unknown', basename(file.container), argv, state, { type: 'program', runtime: 'unknown' }, `${relativeTo(this.input.contextDir, file.host)} runs with ${shebang.path}, which pid1-lint does not model`);
            return;
        }
        if (!shebang && !/\.(sh|bash)$/.test(file.host) && !looksLikeShell(read.text)) {
            this.push('unknown', basename(file.container), argv, state, { type: 'program', runtime: 'unknown' }, `${relativeTo(this.input.contextDir, file.host)} is not a script pid1-lint can read (no shebang)`);
            return;
        }
        this.followShellScript(file, argv, argv, next, state, read.text);
    }
    followShellScript(file, scriptArgv, argv, next, state, text) {
        const source = text ?? (() => {
            const read = this.input.files.read(file.host, this.input.contextDir);
            return read.ok ? read.text : '';
        })();
        const facts = analyzeScript(source);
        const rel = relativeTo(this.input.contextDir, file.host);
        const scriptOrigin = { kind: 'script', file: file.host, line: null, instruction: null };
        const link = this.push('script', basename(file.container), argv, state, { type: 'shell-wait', trapSignals: trapSignals(facts) }, '', {
            script: { hostPath: file.host, containerPath: file.container, facts },
        });
        const args = scriptArgv.slice(1);
        const final = facts.final;
        if (facts.waitsForBackground && facts.traps.length > 0) {
            link.behaviour = { type: 'shell-trap-forward', trapSignals: trapSignals(facts) };
            link.why = `${rel} starts the program in the background, traps ${trapSignals(facts).join(', ')} and waits (facts §3 dash-trap-bg-wait)`;
            this.setRelation(link, 'spawn');
            const background = programJob(facts.commands, source);
            const bgArgv = background ? this.staticArgv(background, state.env, ['', ...args]) : null;
            if (bgArgv)
                this.follow(bgArgv, { ...next, origin: { ...scriptOrigin, line: background?.line ?? null } });
            return;
        }
        if (facts.execsArguments) {
            const rawPrepend = facts.prependsToArguments.at(-1) ?? [];
            if (rawPrepend.some((w) => w === null)) {
                link.uncertain = 'the script prepends a value known only at run time to its arguments';
            }
            const prepend = rawPrepend.filter((w) => w !== null);
            link.why = `${rel} ends in \`exec "$@"\`: it hands PID 1 to its arguments${prepend.length ? ` (after \`set -- ${prepend.join(' ')} "$@"\`)` : ''} (facts §3 script-sh-exec)`;
            this.setRelation(link, 'exec');
            this.follow([...prepend, ...args], { ...next, origin: state.origin });
            return;
        }
        if (!final) {
            link.why = `${rel} runs no long-lived command: the script ends and the container exits`;
            return;
        }
        const finalArgv = this.staticArgv(final, state.env, ['', ...args]);
        const finalOrigin = { ...scriptOrigin, line: final.line };
        if (replacesShell(final)) {
            link.why = `${rel}:${final.line} runs \`${(finalArgv ?? final.argv).join(' ')}\` with exec: it replaces the script (facts §3 script-sh-exec)`;
            this.setRelation(link, 'exec');
        }
        else {
            link.why = `${rel}:${final.line} runs \`${(finalArgv ?? final.argv.map((a) => a ?? '?')).join(' ')}\` without exec: the script's shell stays as its parent and, as PID 1, ignores SIGTERM (facts §3 script-sh-noexec; shells never exec the last command of a script file)`;
            this.setRelation(link, 'spawn');
        }
        if (!finalArgv) {
            this.push('unknown', '?', final.argv.map((a) => a ?? '?'), { ...next, origin: finalOrigin }, { type: 'program', runtime: 'unknown' }, 'the command depends on values only known at run time', { uncertain: 'dynamic command', dynamic: true });
            return;
        }
        this.follow(finalArgv, { ...next, origin: finalOrigin, env: { ...state.env, ...staticAssignments(final) } });
    }
    // -- package managers (facts §2) -------------------------------------------
    followPackageManager(argv, next, state) {
        const invocation = parsePackageManager(argv);
        if (!invocation)
            return;
        if (invocation.name === 'corepack') {
            const link = this.push('package-manager', 'corepack', argv, state, { type: 'program', runtime: 'unknown' }, 'corepack loads the package manager it shims into its own process (not verified by an experiment)', { uncertain: 'corepack is not verified' });
            if (!invocation.delegate)
                return;
            this.setRelation(link, 'in-process');
            this.follow(invocation.delegate, next);
            return;
        }
        const packageDir = resolvePath(state.cwd, invocation.dir ?? '.');
        const pkg = this.readPackageJson(packageDir, invocation.workspace);
        const { flavour, version, why: versionWhy } = this.packageManagerFlavour(invocation.name, pkg);
        const display = invocation.name === 'npx' ? 'npx' : invocation.name;
        const link = this.push('package-manager', flavourName(flavour, display), argv, state, { type: 'package-manager', flavour }, '', {
            packageManager: { invocation, flavour, version, versionWhy, packageJson: pkg?.host ?? null, scriptName: null, scriptText: null, scriptLine: null },
        });
        const info = link.packageManager;
        let command;
        if (invocation.action === 'run' && invocation.script) {
            const script = pkg?.json.scripts?.[invocation.script];
            info.scriptName = invocation.script;
            if (typeof script === 'string') {
                command = script;
                info.scriptText = script;
                info.scriptLine = pkg ? findScriptLine(pkg.text, invocation.script) : null;
            }
            else if (invocation.script === 'start' && pkg && this.input.files.exists(path.join(path.dirname(pkg.host), 'server.js'))) {
                // npm's default start script (facts §2: run-script-pkg.js L40).
                command = 'node server.js';
                info.scriptText = command;
            }
            else {
                link.why = pkg
                    ? `package.json (${relativeTo(this.input.contextDir, pkg.host)}) has no "${invocation.script}" script`
                    : `no package.json maps to ${packageDir} in the build context`;
                link.uncertain = 'script not found';
                return;
            }
        }
        else if (invocation.action === 'exec') {
            const bin = invocation.execArgv;
            if (bin.length === 0)
                return;
            command = bin.map(quoteWord).join(' ');
            info.scriptText = command;
        }
        else if (invocation.action === 'node') {
            this.setRelation(link, 'spawn');
            link.why = 'yarn node starts node as a child process';
            this.follow(invocation.execArgv, next);
            return;
        }
        else {
            link.why = `\`${argv.join(' ')}\` does not start a long-running program`;
            return;
        }
        const fullCommand = [command, ...invocation.extraArgs.map(quoteWord)].join(' ');
        const scriptState = {
            ...next,
            cwd: pkg ? this.containerDirOf(pkg.host, packageDir) : packageDir,
            env: { ...state.env, PATH: `${pkg ? this.containerDirOf(pkg.host, packageDir) : packageDir}/node_modules/.bin:${state.env.PATH ?? ''}` },
            origin: { kind: 'package-json', file: pkg?.host ?? null, line: info.scriptLine, instruction: null },
            fromPackageScript: true,
            fromShellForm: false,
        };
        this.setRelation(link, 'spawn');
        const what = invocation.action === 'exec' ? `the local binary \`${command}\`` : `the "${info.scriptName}" script \`${fullCommand}\``;
        if (flavour === 'yarn-berry') {
            // Berry runs scripts with its own JS shell and spawns the program directly (facts §2 yarnberry-*).
            link.why = `yarn ${version ?? 'berry'} runs ${what} through its own shell and spawns the program directly, forwarding signals and waiting for it (facts §2)`;
            const facts = analyzeCommandString(fullCommand);
            const main = facts.main;
            const mainArgv = main ? this.staticArgv(main, scriptState.env, ['']) : null;
            if (mainArgv)
                this.follow(mainArgv, { ...scriptState, env: { ...scriptState.env, ...(main ? staticAssignments(main) : {}) } });
            return;
        }
        link.why = `${display} runs ${what} with \`sh -c\` as a child process (facts §2)`;
        this.follow(['sh', '-c', fullCommand], scriptState);
    }
    packageManagerFlavour(name, pkg) {
        if (name === 'npm' || name === 'npx')
            return { flavour: 'npm', version: null, why: 'npm 10 and 11 behave the same (facts §2)' };
        const declared = pkg?.json.packageManager;
        const declaredVersion = typeof declared === 'string' && declared.startsWith(`${name}@`) ? declared.slice(name.length + 1).replace(/\+.*$/, '') : null;
        const installed = name === 'corepack' ? null : this.installedPackageManagerVersion(name);
        const version = declaredVersion ?? installed;
        const major = version ? Number(/^(\d+)/.exec(version)?.[1] ?? NaN) : NaN;
        if (name === 'yarn') {
            if (!Number.isNaN(major))
                return { flavour: major >= 2 ? 'yarn-berry' : 'yarn1', version, why: declaredVersion ? `package.json packageManager is ${declared}` : `installed in the Dockerfile: yarn ${installed}` };
            const dir = pkg ? path.dirname(pkg.host) : this.input.contextDir;
            if (this.input.files.exists(path.join(dir, '.yarnrc.yml')) || this.input.files.exists(path.join(this.input.contextDir, '.yarnrc.yml'))) {
                return { flavour: 'yarn-berry', version: null, why: '.yarnrc.yml marks a yarn berry project' };
            }
            if (this.input.image?.programs.yarn)
                return { flavour: 'yarn1', version: '1.22', why: `the base image ships yarn 1 (${this.input.image.programs.yarn})` };
            return { flavour: 'yarn1', version: null, why: 'no packageManager field or .yarnrc.yml: yarn 1 assumed' };
        }
        // pnpm
        if (!Number.isNaN(major)) {
            if (major >= 12)
                return { flavour: 'pnpm-native', version, why: `pnpm ${version} is the native binary (facts §2 pnpm12-*)` };
            if (major <= 10)
                return { flavour: 'pnpm-legacy', version, why: `pnpm ${version} (facts §2 pnpm9/10)` };
            return { flavour: 'unknown', version, why: `pnpm ${version} is not verified (facts §2 tested 9, 10 and 12)` };
        }
        return { flavour: 'pnpm-legacy', version: null, why: 'pnpm version unknown: pnpm 9/10 behaviour assumed (the most common)' };
    }
    /** A version pinned by `npm i -g pnpm@10`, `corepack prepare yarn@4.1.0`, `yarn set version 4`. */
    installedPackageManagerVersion(name) {
        let version = null;
        for (let stage = this.input.stage; stage; stage = stage.base.kind === 'stage' ? stage.base.stage : null) {
            for (const run of stage.runs) {
                const re = new RegExp(`(?:npm\\s+(?:i|install|add)\\s+(?:-g|--global)\\s+(?:[^\\s]+\\s+)*?|corepack\\s+(?:prepare|install\\s+-g|use)\\s+)${name}@([\\w.-]+)`);
                const m = re.exec(run.text);
                if (m)
                    version = m[1] === 'latest' || m[1] === 'stable' ? null : m[1];
                const set = name === 'yarn' ? /yarn\s+set\s+version\s+([\w.-]+)/.exec(run.text) : null;
                if (set)
                    version = set[1] === 'berry' || set[1] === 'stable' ? '4' : set[1];
            }
            if (version)
                return version;
        }
        return version;
    }
    readPackageJson(containerDir, workspace) {
        const host = this.hostPackageJson(containerDir);
        if (host === null)
            return null;
        const root = readJson(this.input.files, host, this.input.contextDir);
        if (!root || !workspace)
            return root;
        return findWorkspacePackage(this.input.files, path.dirname(host), root, workspace, this.input.contextDir) ?? root;
    }
    /**
     * The build-context file behind `<containerDir>/package.json`, or null. Next.js standalone output
     * (`.next/standalone/package.json`, built in the image) is a copy of the project's package.json;
     * in a monorepo the copy mirrors the app's path below the workspace root (the context's root, as
     * the source mapper takes it): `apps/web/.next/standalone/apps/web/package.json`.
     */
    hostPackageJson(containerDir) {
        const mapped = this.input.mapper.map(this.input.stage, path.posix.join(containerDir, 'package.json'));
        if (!('host' in mapped))
            return null;
        if (mapped.exists)
            return mapped.host;
        const standalone = nextStandalonePath(mapped.host);
        if (!standalone)
            return null;
        const candidates = [path.join(standalone.appDir, ...standalone.below), path.join(this.input.contextDir, ...standalone.below)];
        return candidates.find((project) => this.input.files.exists(project)) ?? null;
    }
    /** The container directory of a package.json found on the host (for workspace packages). */
    containerDirOf(hostPackageJson, containerRoot) {
        const rootHost = this.hostPackageJson(containerRoot);
        if (rootHost === null)
            return containerRoot;
        const rel = path.relative(path.dirname(rootHost), path.dirname(hostPackageJson)).split(path.sep).join('/');
        return rel ? resolvePath(containerRoot, rel) : containerRoot;
    }
    // -- Node and the tools that run Node programs (facts §2, §5, §6) -----------
    followNode(nodeArgs, argv, next, state) {
        const inv = parseNodeArgs(nodeArgs);
        if (inv.script) {
            const tool = toolFromScriptPath(inv.script);
            if (tool && tool !== 'node') {
                // `node node_modules/.bin/tsx src/index.ts` is tsx.
                return this.follow([tool, ...inv.args], { ...state });
            }
        }
        const program = this.programTarget('node', inv, state);
        const extra = { program };
        if (inv.watch) {
            this.push('node', 'node', argv, state, { type: 'unknown' }, 'node --watch runs the program in a child process it restarts; not verified by an experiment', { ...extra, uncertain: 'node --watch' });
            return;
        }
        const what = inv.inline !== null ? 'inline code (-e)' : inv.script ? `\`${inv.script}\`` : 'no script (a REPL that exits without a terminal)';
        this.push('node', 'node', argv, state, { type: 'program', runtime: 'node' }, `node runs ${what} in its own process: what the stop signal does depends on the program's listeners and on whether node is PID 1 (facts §5)`, extra);
    }
    programTarget(runtime, inv, state) {
        const target = {
            runtime,
            containerPath: null,
            hostPath: null,
            hostExists: false,
            built: false,
            unmappedReason: null,
            preloads: [],
            inline: inv.inline,
            packageDir: null,
            env: state.env,
            cwd: state.cwd,
        };
        const nodeOptions = state.env.NODE_OPTIONS ? parseNodeArgs(splitNodeOptions(state.env.NODE_OPTIONS)) : null;
        const preloadSpecs = [
            ...(nodeOptions?.requires ?? []).map((spec) => ({ spec, via: `NODE_OPTIONS --require ${spec}` })),
            ...(nodeOptions?.imports ?? []).map((spec) => ({ spec, via: `NODE_OPTIONS --import ${spec}` })),
            ...inv.requires.map((spec) => ({ spec, via: `--require ${spec}` })),
            ...inv.imports.map((spec) => ({ spec, via: `--import ${spec}` })),
        ];
        for (const { spec, via } of preloadSpecs) {
            const local = spec.startsWith('.') || spec.startsWith('/');
            const mapped = local ? this.input.mapper.map(this.input.stage, resolvePath(state.cwd, spec)) : null;
            target.preloads.push({ spec, via, hostPath: mapped && 'host' in mapped ? mapped.host : null });
        }
        if (!inv.script)
            return target;
        const containerPath = resolvePath(state.cwd, inv.script);
        target.containerPath = containerPath;
        const mapped = this.input.mapper.map(this.input.stage, containerPath);
        if ('host' in mapped) {
            target.hostPath = mapped.host;
            target.hostExists = mapped.exists;
            target.built = mapped.built;
            if (mapped.exists && this.input.files.isDirectory(mapped.host))
                target.packageDir = mapped.host;
        }
        else {
            target.unmappedReason = mapped.reason;
        }
        return target;
    }
    followTsx(argv, next, state) {
        const args = argv.slice(1);
        const watch = args[0] === 'watch';
        const rest = watch ? args.slice(1) : args;
        const { operand, index } = firstOperand(rest, TSX_VALUE_OPTIONS);
        const link = this.push('tsx', 'tsx', argv, state, watch ? { type: 'unknown' } : { type: 'tsx' }, watch
            ? 'tsx watch restarts the program in a child process; its signal handling is not verified'
            : 'tsx runs the program in a child node process and relays the stop signal to it, then exits with its code (facts §2 tsx-*)', watch ? { uncertain: 'tsx watch' } : {});
        if (!operand)
            return;
        this.setRelation(link, 'spawn');
        const nodeArgv = ['node', ...rest.slice(0, index).filter((o) => o !== '--tsconfig'), operand, ...rest.slice(index + 1)];
        this.followNode(nodeArgv.slice(1), nodeArgv, next, next);
    }
    followTsNode(argv, next, state) {
        const { operand, index } = firstOperand(argv.slice(1), new Set(['-P', '--project', '-r', '--require', '-C', '--compiler', '-O', '--compilerOptions']));
        const link = this.push('ts-node', basename(argv[0]), argv, state, { type: 'program', runtime: 'node' }, 'ts-node compiles and runs the program inside its own node process: it behaves like node as PID 1 (facts §2 ts-node-*)');
        if (!operand)
            return;
        this.setRelation(link, 'in-process');
        const nodeArgv = ['node', operand, ...argv.slice(index + 2)];
        this.followNode(nodeArgv.slice(1), nodeArgv, next, next);
    }
    followNodemon(argv, next, state) {
        const { operand, index } = firstOperand(argv.slice(1), NODEMON_VALUE_OPTIONS);
        const link = this.push('nodemon', 'nodemon', argv, state, { type: 'nodemon' }, 'nodemon runs the program as a direct child; on SIGTERM it sends the child SIGTERM, then SIGINT twice, waits up to 10 s and exits 143 (facts §2 nodemon-*)');
        if (!operand)
            return;
        this.setRelation(link, 'spawn');
        const exec = /\.(ts|mts|cts|tsx)$/.test(operand) ? 'ts-node' : 'node';
        this.follow([exec, operand, ...argv.slice(index + 2)], next);
    }
    followPm2Runtime(argv, next, state) {
        // `pm2-runtime start app.js` is `pm2-runtime app.js` (pm2's Docker docs use both).
        const args = argv[1] === 'start' ? argv.slice(2) : argv.slice(1);
        const { operand, index } = firstOperand(args, PM2_VALUE_OPTIONS);
        const env = state.env;
        const killSignal = canonicalSignal(env.PM2_KILL_SIGNAL ?? '') ?? 'SIGINT';
        let killTimeoutMs = Number(env.PM2_KILL_TIMEOUT ?? '') || 1600;
        let script = operand;
        let why = '';
        if (operand && /ecosystem|\.config\.(c?js|json)$|\.(json|ya?ml)$/.test(operand) && !/^(app|server|index|main)\.(c?js)$/.test(basename(operand))) {
            const eco = this.readEcosystem(resolvePath(state.cwd, operand));
            if (eco) {
                script = eco.script;
                if (eco.killTimeout !== null)
                    killTimeoutMs = eco.killTimeout;
                why = ` (${basename(operand)}: script ${eco.script ?? '?'}${eco.killTimeout !== null ? `, kill_timeout ${eco.killTimeout}` : ''})`;
            }
        }
        const link = this.push('pm2-runtime', 'pm2-runtime', argv, state, { type: 'pm2-runtime', killSignal, killTimeoutMs }, `pm2-runtime runs the app as a child; on the stop signal it sends the app ${killSignal} and SIGKILLs it after ${killTimeoutMs} ms${why} (facts §2, §6)`);
        if (!script)
            return;
        this.setRelation(link, 'spawn');
        this.follow(['node', script, ...args.slice(index + 1)], next);
    }
    readEcosystem(containerPath) {
        const mapped = this.input.mapper.map(this.input.stage, containerPath);
        if (!('host' in mapped) || !mapped.exists)
            return null;
        const read = this.input.files.read(mapped.host, this.input.contextDir);
        if (!read.ok)
            return null;
        // Plain-data reading only: the first `script` and `kill_timeout` values (documented heuristic; never evaluated).
        const script = /["']?script["']?\s*:\s*["']([^"'\n]+)["']/.exec(read.text)?.[1] ?? null;
        const kt = /["']?kill_timeout["']?\s*:\s*(\d+)/.exec(read.text)?.[1];
        return { script, killTimeout: kt ? Number(kt) : null };
    }
    followNext(argv, state) {
        const sub = argv[1] ?? 'dev';
        if (sub !== 'start') {
            this.push('next', 'next', argv, state, { type: 'unknown' }, `\`next ${sub}\` is not verified as PID 1 (facts §6 covers next start)`, { uncertain: `next ${sub}` });
            return;
        }
        const dirArg = argv.slice(2).find((a) => !a.startsWith('-'));
        const containerDir = resolvePath(state.cwd, dirArg ?? '.');
        const mapped = this.input.mapper.map(this.input.stage, containerDir);
        const manual = state.env.NEXT_MANUAL_SIG_HANDLE !== undefined && state.env.NEXT_MANUAL_SIG_HANDLE !== '';
        this.push('next', 'next', argv, state, { type: 'program', runtime: 'next' }, manual
            ? 'next start runs the server in its own process, but NEXT_MANUAL_SIG_HANDLE is set: Next installs no SIGTERM handler, so the app must (facts §6)'
            : 'next start runs the server in its own process and installs SIGINT/SIGTERM handlers that exit (143) (facts §6 next-start)', {
            program: {
                runtime: 'next', containerPath: containerDir, hostPath: 'host' in mapped ? mapped.host : null, hostExists: 'host' in mapped && mapped.exists,
                built: false, unmappedReason: 'host' in mapped ? null : mapped.reason, preloads: [], inline: null, packageDir: 'host' in mapped ? mapped.host : null,
                env: state.env, cwd: state.cwd,
            },
        });
    }
}
function readJson(files, host, root) {
    const read = files.read(host, root);
    if (!read.ok)
        return null;
    try {
        const json = JSON.parse(read.text.replace(/^\uFEFF/, ''));
        if (json === null || typeof json !== 'object' || Array.isArray(json))
            return null;
        return { host, text: read.text, json: json };
    }
    catch {
        return null;
    }
}
function findWorkspacePackage(files, rootDir, root, selector, contextDir) {
    // pnpm selectors may add dependents/dependencies (`...app`, `app^...`); the package is the same.
    const name = selector.replace(/^\.\.\.\^?|\^?\.\.\.$/g, '');
    // A folder: pnpm `--filter ./apps/server` or `{apps/server}`, npm `-w apps/server`.
    const folder = /^\{(.+)\}$/.exec(name)?.[1] ?? (name.startsWith('.') || (name.includes('/') && !name.startsWith('@')) ? name : null);
    if (folder !== null && !/[*?]/.test(folder)) {
        const dir = path.resolve(rootDir, folder);
        if (dir.startsWith(rootDir))
            return readJson(files, path.join(dir, 'package.json'), contextDir);
    }
    const ws = root.json.workspaces;
    const patterns = Array.isArray(ws) ? ws : ws && typeof ws === 'object' && Array.isArray(ws.packages) ? ws.packages : [];
    const pnpm = files.read(path.join(rootDir, 'pnpm-workspace.yaml'), contextDir);
    if (pnpm.ok)
        for (const m of pnpm.text.matchAll(/^[ \t]*-[ \t]*['"]?([^'"\n#]+)['"]?/gm))
            patterns.push(m[1].trim());
    for (const pattern of patterns) {
        if (typeof pattern !== 'string')
            continue;
        const dirs = pattern.endsWith('/*') || pattern.endsWith('/**')
            ? (files.list(path.join(rootDir, pattern.replace(/\/\*\*?$/, ''))) ?? []).map((d) => path.join(rootDir, pattern.replace(/\/\*\*?$/, ''), d))
            : [path.join(rootDir, pattern)];
        for (const dir of dirs) {
            const pkg = readJson(files, path.join(dir, 'package.json'), contextDir);
            if (pkg && (pkg.json.name === name || path.basename(dir) === name))
                return pkg;
        }
    }
    return null;
}
function findScriptLine(text, script) {
    const scriptsAt = text.search(/"scripts"\s*:/);
    if (scriptsAt < 0)
        return null;
    const key = JSON.stringify(script);
    const at = text.indexOf(`${key}`, scriptsAt);
    if (at < 0)
        return null;
    return text.slice(0, at).split(/\r\n|\n|\r/).length;
}
function flavourName(flavour, display) {
    switch (flavour) {
        case 'yarn1':
            return 'yarn1';
        case 'yarn-berry':
            return 'yarn-berry';
        case 'pnpm-legacy':
        case 'pnpm-native':
        case 'unknown':
            return display === 'pnpm' ? 'pnpm' : display;
        default:
            return display;
    }
}
function shellLinkName(name, flavour) {
    if (flavour === 'dash' || flavour === 'bash' || flavour === 'busybox-ash')
        return flavour;
    return name;
}
function trapSignals(facts) {
    const out = new Set();
    for (const t of facts.traps)
        for (const s of t.signals) {
            const name = canonicalSignal(s);
            if (name)
                out.add(name);
        }
    return [...out];
}
/** `app & pid=$!; trap 'kill -TERM $pid' TERM; wait $pid`: a trap plus a wait on a background job. */
function isTrapForward(facts) {
    const hasBackground = facts.commands.some((c) => c.background);
    const waits = facts.commands.some((c) => c.argv[0] === 'wait');
    return hasBackground && waits;
}
function staticAssignments(cmd) {
    const env = {};
    for (const a of cmd.assignments)
        if (a.value !== null)
            env[a.name] = a.value;
    return env;
}
/** `cd /app && node x`: the working directory the main command runs in. */
function cwdAfterCd(facts, cwd) {
    let dir = cwd;
    for (const c of facts.commands) {
        if (c === facts.main)
            break;
        if (c.argv[0] === 'cd' && typeof c.argv[1] === 'string')
            dir = resolvePath(dir, c.argv[1]);
    }
    return dir;
}
/** `$VAR`, `${VAR}`, `${VAR:-default}` from the container environment; null when unknown. */
function expandRuntime(raw, env) {
    if (/\$\(|`/.test(raw))
        return null;
    const result = expandWord(raw, (name) => env[name]);
    const undefinedUse = [...raw.matchAll(/\$\{?([A-Za-z_]\w*)(:?[-+=?])?/g)].some((m) => env[m[1]] === undefined && !m[2]);
    return undefinedUse ? null : result.value;
}
/** The last simple command a group or subshell runs in the foreground (recursing into nested groups). */
function lastSimpleCommand(command, depth = 0) {
    if (command.type === 'simple')
        return command;
    if (depth > 16 || (command.type !== 'subshell' && command.type !== 'group'))
        return null;
    const items = command.body.at(-1)?.items ?? [];
    for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (item.background)
            continue;
        const pipeline = item.rest.at(-1)?.pipeline ?? item.first;
        const last = pipeline.commands.at(-1);
        return last ? lastSimpleCommand(last, depth + 1) : null;
    }
    return null;
}
/** Binaries a package brings when its name is not the binary's (everything else: the package name). */
const PACKAGE_BINS = {
    pm2: ['pm2', 'pm2-runtime', 'pm2-docker', 'pm2-dev'],
    typescript: ['tsc', 'tsserver'],
    'ts-node': ['ts-node', 'ts-node-esm', 'ts-node-transpile-only', 'ts-node-cwd', 'ts-script'],
    pnpm: ['pnpm', 'pnpx'],
    yarn: ['yarn', 'yarnpkg'],
    npm: ['npm', 'npx'],
};
/** Commands installed globally by `npm install -g`, `yarn global add`, `pnpm add -g` in the image's stages. */
function globalBins(stage) {
    const bins = new Set();
    for (let s = stage; s; s = s.base.kind === 'stage' ? s.base.stage : null) {
        for (const run of s.runs) {
            for (const m of run.text.matchAll(/\b(?:npm\s+(?:i|install|add)|pnpm\s+(?:add|install|i)|bun\s+(?:add|install))\b([^;&|\n]*)|\byarn\s+global\s+add\b([^;&|\n]*)/g)) {
                const words = (m[1] ?? m[2]).split(/\s+/).filter(Boolean);
                const global = m[2] !== undefined || words.some((w) => w === '-g' || w === '--global');
                if (!global)
                    continue;
                for (const w of words) {
                    if (w.startsWith('-'))
                        continue;
                    const name = w.replace(/(.)@[^/]*$/, '$1');
                    const base = name.startsWith('@') ? (name.split('/')[1] ?? name) : name;
                    for (const bin of PACKAGE_BINS[name] ?? [base])
                        bins.add(bin);
                }
            }
        }
    }
    return bins;
}
/** Does `argv` (possibly after a word the entrypoint prepended, like `node`) start inside the CMD part? */
function startsInCmd(composed, entryLength, argv) {
    for (const drop of [0, 1]) {
        const tail = argv.slice(drop);
        if (tail.length === 0 || tail.length > composed.length)
            continue;
        const start = composed.length - tail.length;
        // Dropping a word is for one the entrypoint prepended (`node`), not one that is really there.
        if (drop === 1 && composed[start - 1] === argv[0])
            continue;
        if (start >= entryLength && tail.every((w, k) => composed[start + k] === w))
            return true;
    }
    return false;
}
function quoteWord(word) {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function looksLikeShell(text) {
    // Blanks within the line only: `\s*` after a line start would rescan every following blank line (quadratic).
    return /^[ \t]*(?:exec|set -e|echo|if \[|export )/m.test(text);
}
/** The mode set by `COPY --chmod=755` on the last step that placed the file, or null. */
function chmodOf(mapped) {
    const value = mapped.via.at(-1)?.instruction.flags.get('chmod');
    return value && /^[0-7]{3,4}$/.test(value) ? parseInt(value, 8) : null;
}
//# sourceMappingURL=chain.js.map