/**
 * `pid1-lint verify`: resolve the chain as the linter does, lay it out on the
 * host, run it as PID 1 of a fresh PID namespace, send the effective stop
 * signal from outside, and report what the kernel did. This runs the
 * project's code, so it happens only when asked.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ContextFiles } from '../context/files.js';
import { lintDockerfile } from '../engine/linter.js';
import { layOut } from './layout.js';
import { checkCapabilities, runPid1, RunError } from './runner.js';
export async function verifyDockerfile(dockerfile, options = {}) {
    const capability = checkCapabilities();
    if (!capability.ok)
        return { dockerfile, refused: capability.reason };
    const lintOptions = {
        files: new ContextFiles(),
        ...(options.contextDir !== undefined ? { contextDir: options.contextDir } : {}),
        ...(options.target !== undefined ? { target: options.target } : {}),
    };
    let { model } = await lintDockerfile(dockerfile, lintOptions);
    if (!model)
        return { dockerfile, refused: 'the Dockerfile cannot be read' };
    if (options.prepare) {
        const env = { ...process.env, PATH: [...(options.toolPath ?? []), process.env.PATH ?? ''].join(path.delimiter) };
        const prepared = await runPrepare(options.prepare, model.contextDir, env);
        if (prepared.status !== 0) {
            return { dockerfile, refused: `--prepare "${options.prepare}" failed (exit ${prepared.status ?? prepared.signal}): ${prepared.output.trim().slice(-500)}` };
        }
        // Files the preparation built now exist on the host: read the Dockerfile again.
        model = (await lintDockerfile(dockerfile, { ...lintOptions, files: new ContextFiles() })).model;
        if (!model)
            return { dockerfile, refused: 'the Dockerfile cannot be read' };
    }
    const laid = layOut(model, options.toolPath ? { toolPath: options.toolPath } : {});
    if (!laid.ok)
        return { dockerfile, refused: laid.refused };
    const layout = laid.layout;
    try {
        const outcome = await runPid1({
            argv: layout.argv,
            cwd: layout.cwd,
            env: layout.env,
            signal: layout.signal,
            graceMs: options.graceMs ?? 10_000,
            ready: options.ready ?? { kind: 'delay', ms: 1500 },
            ...(layout.shell ? { shell: layout.shell } : {}),
        });
        return {
            dockerfile,
            argv: model.argv,
            hostArgv: layout.argv,
            signal: layout.signal,
            stopped: outcome.stopped,
            elapsedMs: outcome.elapsedMs,
            exitCode: outcome.exitCode,
            exitedCleanly: outcome.exitedCleanly,
            predicted: model.verdict.stopsOnSignal,
            stdout: outcome.stdout,
            stderr: outcome.stderr,
        };
    }
    catch (err) {
        if (err instanceof RunError) {
            const tail = (err.stderr || err.stdout || '').trim().split('\n').slice(-5).join('\n');
            return { dockerfile, refused: `${err.message}${tail ? `\n${tail}` : ''}` };
        }
        throw err;
    }
    finally {
        layout.dispose();
    }
}
/** `--ready 3000` (ms), `--ready port:8080`, `--ready log:listening`. */
export function parseReady(spec) {
    if (/^\d+$/.test(spec))
        return { kind: 'delay', ms: Number(spec) };
    const port = /^port:(\d+)$/.exec(spec);
    if (port)
        return { kind: 'port', port: Number(port[1]) };
    if (spec.startsWith('log:') && spec.length > 4)
        return { kind: 'log', pattern: spec.slice(4) };
    return null;
}
export function describeVerify(report, cwd) {
    const name = path.relative(cwd, report.dockerfile) || report.dockerfile;
    if ('refused' in report)
        return `${name}: not run: ${report.refused}\n`;
    const lines = [`${name}: ran ${JSON.stringify(report.argv)} as PID 1 and sent ${report.signal}`];
    if (report.stopped) {
        lines.push(`  stopped after ${report.elapsedMs ?? '?'} ms with exit code ${report.exitCode ?? '?'}: PID 1 exited by itself`);
    }
    else {
        lines.push(`  still running when the grace period ended: SIGKILLed (exit code ${report.exitCode ?? 137})`);
    }
    if (report.predicted !== null) {
        lines.push(report.predicted === report.stopped ? '  as the linter predicted' : `  the linter predicted the opposite (stopsOnSignal: ${report.predicted}): please report this`);
    }
    return `${lines.join('\n')}\n`;
}
/**
 * The preparation step, without blocking: verify runs concurrently with
 * other runs in one process (the kernel tests), whose PID-1 exit events a
 * synchronous build of several seconds would hold back until after their
 * grace period.
 */
function runPrepare(command, cwd, env) {
    return new Promise((resolve) => {
        execFile('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 10 * 60 * 1000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
            resolve({ status, signal: error?.signal ?? null, output: stderr || stdout });
        });
    });
}
//# sourceMappingURL=verify.js.map