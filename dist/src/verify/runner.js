/**
 * The `verify` runner: proves a PID-1 verdict on the kernel, following the
 * method of shared/knowledge/pid1-facts.md §0.
 *
 * 1. Start the PID-1 command as the init of a fresh PID namespace:
 *      [unshare --user --map-root-user --] setpriv --pdeathsig KILL
 *        unshare --pid --fork --mount-proc --propagation private --kill-child --
 *        [mount wrapper] argv…
 *    (the user-namespace prefix when not root; setpriv when installed).
 * 2. Wait for the ready probe, then `settleMs` (default 700 ms, §0 step 2).
 * 3. Snapshot every process of the namespace from the host's /proc, and
 *    PID 1's SigCgt/SigIgn/SigBlk.
 * 4. kill(<host PID of PID 1>, signal) from the parent namespace, as
 *    `docker stop` does (§0 step 4, §1 K1).
 * 5. Wait `graceMs`; if PID 1 is still alive, SIGKILL it (the end of the
 *    grace period).
 * 6. Exit code as Docker reports it: the code, or 128+N after signal N.
 *    util-linux 2.38 `unshare` exits 1 with "sigprocmask unblock failed" when
 *    its child died by SIGKILL (§0 "Reporting quirk"): that is reported as 137.
 *
 * Signal dispositions (§0 step 1: HUP, INT, QUIT, TERM, USR1, USR2 must be
 * SIG_DFL in the child). Node's `spawn` (libuv `uv__process_child_init`) sets
 * every signal 1–31 to SIG_DFL and empties the signal mask in the forked child
 * before exec. That also undoes SIG_IGN: Node itself runs with PIPE and XFSZ
 * ignored, and whatever a `nohup` parent ignored. setpriv and unshare add no
 * SIG_IGN (unshare blocks INT/TERM in its parent half only and restores the
 * mask in the child). A `sh -c 'trap - HUP …; exec "$@"'` wrapper would NOT
 * do it: POSIX shells cannot reset a signal that was ignored on entry to a
 * non-interactive shell. As a guard against a future libuv change, the runner
 * reads SigIgn of the unshare process (PID 1 inherits it) and refuses to run
 * when one of the six is ignored.
 *
 * Finding PID 1: the only child of the unshare process
 * (/proc/<unshare>/task/<unshare>/children, else a PPid scan), confirmed by its
 * NSpid ending in 1.
 *
 * Mounts (alpine-sim, `binds`): the namespace has a private mount namespace
 * (`--mount-proc` implies `--mount`; propagation private so nothing leaks to
 * the host). A wrapper `/bin/sh -c 'mount --bind …; exec "$@"'` runs there
 * first and then `exec`s argv, so the wrapper never stays PID 1.
 *
 * Clean-up: on any error the namespace is SIGKILLed (PID 1, then unshare,
 * whose --kill-child SIGKILLs PID 1 too); a process 'exit' hook does the same
 * for runs still alive; `setpriv --pdeathsig KILL` makes unshare die with the
 * Node thread that spawned it, even when Node is SIGKILLed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync, realpathSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { constants as osConstants } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf, innermostPid, readStartTime, readStatus, snapshotNamespace } from './proc.js';
import { decodeSignalMask, parseSignal } from '../signals.js';
/** A run that produced no verdict. stdout/stderr/exitCode hold what was seen. */
export class RunError extends Error {
    code;
    stdout;
    stderr;
    exitCode;
    constructor(code, message, stdout = '', stderr = '', exitCode = null) {
        super(message);
        this.code = code;
        this.stdout = stdout;
        this.stderr = stderr;
        this.exitCode = exitCode;
        this.name = 'RunError';
    }
}
const OUTPUT_CAP = 64 * 1024;
const DEFAULT_SETTLE_MS = 700;
const DEFAULT_READY_TIMEOUT_MS = 30_000;
const RESET_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2'];
const UNSHARE_QUIRK = /(?:^|\n)unshare: sigprocmask unblock failed[^\n]*\n?$/;
function findExecutable(name) {
    const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
    for (const dir of dirs) {
        if (!dir)
            continue;
        const file = join(dir, name);
        try {
            accessSync(file, fsConstants.X_OK);
            if (statSync(file).isFile())
                return file;
        }
        catch {
            // not here
        }
    }
    return null;
}
/**
 * The command that puts argv (appended after it) into a fresh PID namespace.
 * `setpriv --pdeathsig KILL` makes unshare die with the Node process (and
 * --kill-child then takes PID 1 with it), even when Node is SIGKILLed.
 * The kernel clears the parent-death signal when credentials change, which
 * unshare(CLONE_NEWUSER) does; so in userns mode the user namespace is
 * entered first by an outer unshare (no fork, it just execs on) and setpriv
 * runs inside it.
 */
function namespaceCommand(mode, unshare, setpriv) {
    const pidns = ['--pid', '--fork', '--mount-proc', '--propagation', 'private', '--kill-child', '--'];
    if (!setpriv)
        return mode === 'userns' ? [unshare, '--user', '--map-root-user', ...pidns] : [unshare, ...pidns];
    const guarded = [setpriv, '--pdeathsig', 'KILL', unshare, ...pidns];
    return mode === 'userns' ? [unshare, '--user', '--map-root-user', '--', ...guarded] : guarded;
}
let capability;
/**
 * Can this machine run verify? Tries the real thing (`unshare … true`), as
 * root first, then with an unprivileged user namespace. Cached per process.
 */
export function checkCapabilities() {
    capability ??= probeCapabilities();
    return capability;
}
function probeCapabilities() {
    if (process.platform !== 'linux')
        return { ok: false, reason: `PID namespaces need Linux (this is ${process.platform})` };
    const unshare = findExecutable('unshare');
    if (!unshare)
        return { ok: false, reason: 'unshare (util-linux) not found in PATH' };
    const trueBin = findExecutable('true');
    if (!trueBin)
        return { ok: false, reason: '`true` not found in PATH' };
    const setpriv = findExecutable('setpriv');
    const modes = process.getuid?.() === 0 ? ['root', 'userns'] : ['userns'];
    const failures = [];
    for (const mode of modes) {
        // The exact command runPid1 will use.
        const [file, ...args] = namespaceCommand(mode, unshare, setpriv);
        const r = spawnSync(file, [...args, trueBin], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
        if (r.status === 0)
            return { ok: true, mode };
        const why = r.error?.message ?? (r.stderr.toString().trim() || `exit ${r.status ?? r.signal}`);
        failures.push(`${mode === 'root' ? 'as root' : 'user namespace'}: ${why}`);
    }
    return { ok: false, reason: `unshare --pid --fork --mount-proc failed (${failures.join('; ')})` };
}
/** 'a'b' → 'a'\''b' for a POSIX shell. */
function shQuote(s) {
    return `'${s.replaceAll("'", `'\\''`)}'`;
}
function resolveShellBind(shell) {
    const wanted = { 'busybox-ash': 'busybox', dash: 'dash', bash: 'bash' }[shell];
    const source = findExecutable(wanted);
    if (!source)
        throw new RunError('bad-spec', `shell '${shell}' needs ${wanted} on the host`);
    const target = realpathSync('/bin/sh');
    const real = realpathSync(source);
    return real === target ? null : { source: real, target };
}
/** Keeps the last OUTPUT_CAP bytes of a stream. */
class Tail {
    buf = Buffer.alloc(0);
    push(chunk) {
        const joined = Buffer.concat([this.buf, chunk]);
        this.buf = joined.length > OUTPUT_CAP ? joined.subarray(joined.length - OUTPUT_CAP) : joined;
    }
    text() {
        return this.buf.toString('utf8');
    }
    /** The last `bytes` bytes as text. */
    recent(bytes) {
        return this.buf.subarray(Math.max(0, this.buf.length - bytes)).toString('utf8');
    }
}
function makeLogMatcher(pattern) {
    const re = /^\/(.*)\/([dgimsuy]*)$/s.exec(pattern);
    if (re) {
        const regex = new RegExp(re[1] ?? '', (re[2] ?? '').replace('g', ''));
        return (text) => regex.test(text);
    }
    return (text) => text.includes(pattern);
}
function portOpen(port, host) {
    return new Promise((resolve) => {
        const socket = connect({ port, host });
        const done = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.setTimeout(500, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
    });
}
/**
 * The exit code Docker would show, from how unshare ended.
 * unshare exits with PID 1's code, or re-raises PID 1's fatal signal on
 * itself, except SIGKILL, which it cannot re-raise (facts §0 quirk).
 */
export function dockerExitCode(code, signal, sigkilledByUs, stderr) {
    if (signal)
        return 128 + (osConstants.signals[signal] ?? 0);
    if (code === 1 && (sigkilledByUs || UNSHARE_QUIRK.test(stderr)))
        return 137;
    return code;
}
/** Resolves true when `p` settles within `ms`, false otherwise; leaves no timer behind. */
async function within(p, ms) {
    const timer = new AbortController();
    try {
        return await Promise.race([p.then(() => true), sleep(ms, false, { signal: timer.signal }).catch(() => false)]);
    }
    finally {
        timer.abort();
    }
}
// Runs still alive, killed when this process exits (normal exit or uncaught error).
const live = new Set();
let exitHookInstalled = false;
function track(kill) {
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => {
            for (const k of live)
                k();
        });
    }
    live.add(kill);
    return () => live.delete(kill);
}
export async function runPid1(spec) {
    if (spec.argv.length === 0 || !spec.argv[0])
        throw new RunError('bad-spec', 'argv is empty');
    if (!existsSync(spec.cwd) || !statSync(spec.cwd).isDirectory())
        throw new RunError('bad-spec', `cwd is not a directory: ${spec.cwd}`);
    const parsedSignal = parseSignal(String(spec.signal));
    if (!parsedSignal)
        throw new RunError('bad-spec', `unknown signal: ${spec.signal}`);
    const signo = parsedSignal.number;
    const cap = checkCapabilities();
    if (!cap.ok)
        throw new RunError('unsupported', cap.reason);
    const mode = spec.mode ?? cap.mode;
    const mounts = [];
    if (spec.shell) {
        const bind = resolveShellBind(spec.shell);
        if (bind)
            mounts.push(bind);
    }
    for (const b of spec.binds ?? []) {
        if (!isAbsolute(b.source) || !isAbsolute(b.target))
            throw new RunError('bad-spec', `bind paths must be absolute: ${b.source} → ${b.target}`);
        if (!existsSync(b.source))
            throw new RunError('bad-spec', `bind source does not exist: ${b.source}`);
        if (!existsSync(b.target))
            throw new RunError('bad-spec', `bind target does not exist on the host: ${b.target}`);
        mounts.push(b);
    }
    const unshare = findExecutable('unshare');
    if (!unshare)
        throw new RunError('unsupported', 'unshare not found');
    const command = namespaceCommand(mode, unshare, findExecutable('setpriv'));
    if (mounts.length > 0) {
        const mount = findExecutable('mount');
        if (!mount)
            throw new RunError('unsupported', 'mount not found (needed for shell simulation and binds)');
        const script = ['set -e', ...mounts.map((m) => `${shQuote(mount)} --bind ${shQuote(m.source)} ${shQuote(m.target)}`), 'exec "$@"'].join('\n');
        command.push('/bin/sh', '-c', script, 'pid1-lint-mount');
    }
    command.push(...spec.argv);
    const t0 = performance.now();
    const [file, ...args] = command;
    // detached: own session, so a Ctrl-C on our terminal does not reach the namespace.
    const child = spawn(file, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = new Tail();
    const err = new Tail();
    // The log probe looks at every chunk as it arrives (with 4 KiB before it, for
    // a marker split across chunks), so a chatty app cannot push it out of the tail.
    const logMatch = spec.ready.kind === 'log' ? makeLogMatcher(spec.ready.pattern) : null;
    let logSeen = false;
    const onData = (tail) => (d) => {
        tail.push(d);
        if (logMatch && !logSeen)
            logSeen = logMatch(tail.recent(d.length + 4096));
    };
    child.stdout?.on('data', onData(out));
    child.stderr?.on('data', onData(err));
    let exit = null;
    let spawnError = null;
    const exited = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
            exit = { code, signal, at: performance.now() };
            resolve(exit);
        });
        child.once('error', (e) => {
            spawnError = e;
            resolve({ code: null, signal: null, at: performance.now() });
        });
    });
    const closed = new Promise((resolve) => child.once('close', () => resolve()));
    let pid1 = null;
    let pid1Start = null;
    const pid1Alive = () => pid1 !== null && exit === null && readStartTime(pid1) === pid1Start;
    const pid1Running = () => pid1Alive() && readStatus(pid1 ?? 0)?.get('State')?.startsWith('Z') !== true;
    const killPid1 = () => {
        try {
            // The start-time check keeps a late SIGKILL off a recycled PID.
            if (pid1 !== null && pid1Alive())
                process.kill(pid1, 'SIGKILL');
        }
        catch {
            // already gone
        }
    };
    const killAll = () => {
        killPid1();
        // --kill-child: unshare's death SIGKILLs PID 1 as well (covers a PID 1 not found yet).
        if (child.exitCode === null && child.signalCode === null)
            child.kill('SIGKILL');
    };
    const untrack = track(killAll);
    const waitOrExit = (ms) => within(exited, ms);
    const fail = async (code, message) => {
        killAll();
        await within(exited, 5000);
        await within(closed, 1000);
        const e = exit;
        const stderr = err.text();
        const exitCode = e ? dockerExitCode(e.code, e.signal, false, stderr) : null;
        throw new RunError(code, message, out.text(), stderr, exitCode);
    };
    try {
        // 1. PID 1 = the child unshare forks; its NSpid ends in 1.
        const ignored = decodeSignalMask(readStatus(child.pid ?? -1)?.get('SigIgn') ?? '0').filter((s) => RESET_SIGNALS.includes(s));
        if (ignored.length > 0)
            await fail('dirty-dispositions', `PID 1 would inherit ignored ${ignored.join(', ')}`);
        for (const deadline = performance.now() + 10_000; pid1 === null;) {
            if (spawnError)
                await fail('spawn-failed', `could not start unshare: ${spawnError.message}`);
            if (exit)
                await fail('exited-early', `PID 1 exited during start-up`);
            if (performance.now() > deadline)
                await fail('spawn-failed', 'unshare did not fork PID 1 within 10 s');
            for (const pid of childrenOf(child.pid ?? -1)) {
                const st = readStatus(pid);
                if (st && innermostPid(st) === 1) {
                    pid1Start = readStartTime(pid);
                    pid1 = pid;
                }
            }
            if (pid1 === null)
                await waitOrExit(10);
        }
        // 2. Ready probe, then settle.
        const readyDeadline = performance.now() + (spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
        const ready = spec.ready;
        if (ready.kind === 'delay') {
            if (await waitOrExit(ready.ms))
                await fail('exited-early', 'PID 1 exited before the ready delay passed');
        }
        else {
            for (;;) {
                if (exit)
                    await fail('exited-early', 'PID 1 exited before it became ready');
                const ok = logMatch ? logSeen : await portOpen(ready.kind === 'port' ? ready.port : 0, (ready.kind === 'port' && ready.host) || '127.0.0.1');
                if (ok)
                    break;
                if (performance.now() > readyDeadline)
                    await fail('not-ready', `ready probe ${JSON.stringify(ready)} did not pass within ${spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS} ms`);
                await waitOrExit(logMatch ? 20 : 100);
            }
        }
        const readyAfterMs = performance.now() - t0;
        if (await waitOrExit(spec.settleMs ?? DEFAULT_SETTLE_MS))
            await fail('exited-early', 'PID 1 exited after it became ready, before the signal');
        // 3. Snapshot, 4. signal from outside.
        const snapshot = snapshotNamespace(pid1);
        const zombiesBeforeSignal = snapshot.processes.filter((p) => p.state === 'Z').length;
        if (!pid1Alive())
            await fail('exited-early', 'PID 1 exited before the signal');
        const sentAt = performance.now();
        try {
            process.kill(pid1, signo);
        }
        catch (e) {
            await fail('exited-early', `PID 1 vanished before the signal (${e.message})`);
        }
        // 5. Grace period, then SIGKILL.
        let killedAtGrace = false;
        if (!(await waitOrExit(spec.graceMs))) {
            // On a loaded machine unshare's exit can be reported late: PID 1 already
            // gone (or a zombie waiting to be reaped) at the deadline stopped by itself.
            if (!pid1Running()) {
                if (!(await waitOrExit(10_000)))
                    await fail('spawn-failed', 'unshare did not exit after PID 1 ended');
            }
            else {
                killedAtGrace = true;
                killPid1(); // not unshare: it must live to report PID 1's end
                if (!(await waitOrExit(10_000)))
                    await fail('spawn-failed', 'the namespace did not die after SIGKILL');
            }
        }
        await within(closed, 2000); // the rest of the output
        // 6. Exit code.
        const e = exit;
        if (!e)
            return await fail('spawn-failed', 'no exit status');
        let stderr = err.text();
        const exitCode = dockerExitCode(e.code, e.signal, killedAtGrace, stderr);
        if (exitCode === 137)
            stderr = stderr.replace(UNSHARE_QUIRK, ''); // harness noise, not the app's
        return {
            stopped: !killedAtGrace,
            elapsedMs: killedAtGrace ? null : Math.round(e.at - sentAt),
            exitCode,
            exitedCleanly: !killedAtGrace,
            killedAtGrace,
            readyAfterMs: Math.round(readyAfterMs),
            snapshot,
            stdout: out.text(),
            stderr,
            zombiesBeforeSignal,
        };
    }
    catch (e) {
        if (!(e instanceof RunError)) {
            killAll();
            await within(exited, 5000);
        }
        throw e;
    }
    finally {
        untrack();
    }
}
//# sourceMappingURL=runner.js.map