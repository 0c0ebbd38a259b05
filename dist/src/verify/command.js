/** `pid1-lint verify`: argument parsing and output. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverDockerfiles } from '../discover.js';
import { describeVerify, parseReady, verifyDockerfile } from './verify.js';
const HELP = `Usage: pid1-lint verify [options] [Dockerfiles or folders...]

Proves the verdict on the kernel: runs the Dockerfile's PID-1 command, laid
out on this host against the build context, as the init of a fresh PID
namespace (unshare), waits until it is up, sends the stop signal from outside
the namespace as docker stop does, and reports whether PID 1 exited before the
grace period ended.

THIS RUNS THE PROJECT'S CODE on this machine (the plain lint never does).

Options:
  --context DIR      Build context (as for linting)
  --target NAME      Stage to run
  --grace MS         Grace period before SIGKILL (default 10000, Docker's)
  --ready SPEC       When the program is up: MS (a delay, default 1500),
                     port:N, or log:TEXT (a line it prints)
  --prepare CMD      Shell command run in the build context first (npm ci && npm run build)
  -f, --format NAME  stylish (default) or json
  -h, --help         Print this help

Exit codes: 0 every container stopped, 1 one kept running until SIGKILL,
2 one could not be run (the reason is printed) or a usage error.
`;
export async function verifyCommand(argv, io) {
    let values;
    let positionals;
    try {
        ({ values, positionals } = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                context: { type: 'string' },
                target: { type: 'string' },
                grace: { type: 'string' },
                ready: { type: 'string' },
                prepare: { type: 'string' },
                format: { type: 'string', short: 'f' },
                help: { type: 'boolean', short: 'h' },
            },
        }));
    }
    catch (err) {
        io.stderr.write(`pid1-lint verify: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    if (values.help) {
        io.stdout.write(HELP);
        return 0;
    }
    const format = values.format ?? 'stylish';
    if (format !== 'stylish' && format !== 'json') {
        io.stderr.write(`pid1-lint verify: unknown format "${format}" (expected stylish or json)\n`);
        return 2;
    }
    const graceRaw = values.grace;
    const graceMs = graceRaw === undefined ? 10_000 : Number(graceRaw);
    if (!Number.isInteger(graceMs) || graceMs <= 0) {
        io.stderr.write(`pid1-lint verify: --grace expects milliseconds, not "${graceRaw}"\n`);
        return 2;
    }
    const readyRaw = values.ready;
    const ready = readyRaw === undefined ? undefined : parseReady(readyRaw);
    if (ready === null) {
        io.stderr.write(`pid1-lint verify: --ready expects MS, port:N or log:TEXT, not "${readyRaw}"\n`);
        return 2;
    }
    const discovery = discoverDockerfiles(positionals, io.cwd);
    for (const m of discovery.missing)
        io.stderr.write(`pid1-lint verify: ${m.path}: ${m.reason}\n`);
    if (discovery.files.length === 0) {
        if (discovery.missing.length === 0)
            io.stderr.write('pid1-lint verify: no Dockerfile found\n');
        return 2;
    }
    const reports = [];
    for (const file of discovery.files) {
        const report = await verifyDockerfile(file, {
            graceMs,
            ...(ready ? { ready } : {}),
            ...(values.context !== undefined ? { contextDir: path.resolve(io.cwd, values.context) } : {}),
            ...(values.target !== undefined ? { target: values.target } : {}),
            ...(values.prepare !== undefined ? { prepare: values.prepare } : {}),
        });
        reports.push(report);
        if (format === 'stylish')
            io.stdout.write(describeVerify(report, io.cwd));
    }
    if (format === 'json') {
        const shown = reports.map((r) => ('refused' in r ? r : { dockerfile: r.dockerfile, argv: r.argv, signal: r.signal, stopped: r.stopped, elapsedMs: r.elapsedMs, exitCode: r.exitCode, exitedCleanly: r.exitedCleanly, predicted: r.predicted }));
        io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    }
    if (reports.some((r) => 'refused' in r) || discovery.missing.length > 0)
        return 2;
    return reports.some((r) => !('refused' in r) && !r.stopped) ? 1 : 0;
}
//# sourceMappingURL=command.js.map