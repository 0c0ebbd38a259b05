#!/usr/bin/env node
/**
 * The command line. This is the only module that reads argv, writes to the
 * terminal and sets the exit code: 0 no errors, 1 errors (or more warnings
 * than --max-warnings), 2 usage, configuration or internal errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverDockerfiles } from './discover.js';
import { lintDockerfile, fatalResult } from './engine/linter.js';
import { ContextFiles } from './context/files.js';
import { formatters } from './formatters/index.js';
import { OutputError, writeReports } from './report.js';
import { packageVersion } from './package-info.js';
import { deepenRun, enableCompileCache } from './cache/compile-cache.js';
import { standardOutput } from './output.js';
import { Project } from './config/project.js';
import { relativeTo } from './context/files.js';
const HELP = `Usage: pid1-lint [options] [paths...]
       pid1-lint verify [options] [Dockerfiles...]   (runs the PID-1 command; see pid1-lint verify --help)

Lints Dockerfiles and the programs they start: will the container stop
gracefully on \`docker stop\`, or hang until SIGKILL? Paths are Dockerfiles or
folders (searched for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*).
With no path, the current folder is searched.

Options:
  --context DIR        Build context (default: the Dockerfile's folder, or the
                       ancestor where its COPY sources exist)
  --target NAME        Judge this stage instead of the last one
  -f, --format NAME    Output format: ${Object.keys(formatters).join(', ')} (default: stylish)
  -o, --output-file F  Write the report to F instead of the terminal
  --sarif-file F       Also write the report as SARIF to F (e.g. --format github for
                       annotations plus SARIF for code scanning, in one run)
  --explain            Show the PID-1 chain link by link, what happens on the stop
                       signal, and where each runtime setting comes from
  -c, --config FILE    Use this configuration file (JSON or YAML) for every Dockerfile
  --no-config          Use no configuration file (defaults only)
  --report-unused-ignores
                       Report inline ignore directives that suppress nothing
  --fix                Apply the fixes to the files (suggestions are only listed)
  --fix-dry-run        Compute the fixes and show them as unified diffs; write nothing
                       (with --format json each changed file carries "output" and "diff")
  --fix-type TYPE      init or handler: where both an init and a stop-signal handler
                       would fix a finding, which one is the fix (default: the config's
                       fix.type, else init)
  --quiet              Report errors only
  --max-warnings N     Exit 1 when there are more than N warnings
  --color, --no-color  Force or disable colours (NO_COLOR and FORCE_COLOR are honoured)
  -v, --version        Print the version
  -h, --help           Print this help

Configuration: the nearest .pid1lintrc.json, .pid1lintrc.yaml, .pid1lintrc.yml,
pid1lint.config.json or package.json "pid1lint" key, from the Dockerfile's
folder up to the repository root. Compose files, skaffold.yaml and Kubernetes
manifests in the repository say how the container is run (init, stop signal,
command overrides).

Exit codes: 0 no errors, 1 errors found, 2 usage, configuration or internal error.
Docs: https://github.com/pid1-lint/pid1-lint#readme
`;
export class UsageError extends Error {
}
/** An internal error raised in a worker thread: its stack is the worker's. */
class WorkerError extends Error {
    constructor(stack) {
        super(stack.split('\n')[0] ?? 'internal error');
        this.stack = stack;
    }
}
export async function main(argv, io) {
    // verify, the worker pool and the fixer are loaded only when used: a plain lint starts faster (BENCHMARKS.md).
    if (argv[0] === 'verify')
        return (await import('./verify/command.js')).verifyCommand(argv.slice(1), io);
    let values;
    let positionals;
    try {
        const parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                context: { type: 'string' },
                target: { type: 'string' },
                format: { type: 'string', short: 'f' },
                'output-file': { type: 'string', short: 'o' },
                'sarif-file': { type: 'string' },
                explain: { type: 'boolean' },
                config: { type: 'string', short: 'c' },
                'no-config': { type: 'boolean' },
                'report-unused-ignores': { type: 'boolean' },
                fix: { type: 'boolean' },
                'fix-dry-run': { type: 'boolean' },
                'fix-type': { type: 'string' },
                quiet: { type: 'boolean' },
                'max-warnings': { type: 'string' },
                color: { type: 'boolean' },
                'no-color': { type: 'boolean' },
                version: { type: 'boolean', short: 'v' },
                help: { type: 'boolean', short: 'h' },
            },
        });
        values = parsed.values;
        positionals = parsed.positionals;
    }
    catch (err) {
        io.stderr.write(`pid1-lint: ${err instanceof Error ? err.message : String(err)}\nRun pid1-lint --help for usage.\n`);
        return 2;
    }
    if (values.help) {
        io.stdout.write(HELP);
        return 0;
    }
    if (values.version) {
        io.stdout.write(`${packageVersion()}\n`);
        return 0;
    }
    try {
        const format = values.format ?? 'stylish';
        const formatter = formatters[format];
        if (!formatter)
            throw new UsageError(`unknown format "${format}" (expected one of ${Object.keys(formatters).join(', ')})`);
        for (const flag of ['output-file', 'sarif-file']) {
            if (values[flag] === '')
                throw new UsageError(`--${flag} needs a file name`);
        }
        const maxWarningsRaw = values['max-warnings'];
        const maxWarnings = maxWarningsRaw === undefined ? -1 : Number(maxWarningsRaw);
        if (!Number.isInteger(maxWarnings) || maxWarnings < -1)
            throw new UsageError(`--max-warnings expects a whole number, not "${maxWarningsRaw}"`);
        const fixType = parseFixType(values['fix-type']);
        if (values.fix && values['fix-dry-run'])
            throw new UsageError('--fix and --fix-dry-run cannot be used together');
        const fixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : null;
        deepenRun(1);
        // Shared by every Dockerfile of the run: each file is looked at and read once.
        const files = new ContextFiles();
        const contextDir = values.context;
        if (contextDir !== undefined && !files.isDirectory(path.resolve(io.cwd, contextDir)))
            throw new UsageError(`--context ${contextDir}: no such folder`);
        const configFile = values.config;
        if (configFile !== undefined && values['no-config'])
            throw new UsageError('--config and --no-config cannot be used together');
        if (configFile !== undefined && !files.isFile(path.resolve(io.cwd, configFile)))
            throw new UsageError(`--config ${configFile}: no such file`);
        const discovery = discoverDockerfiles(positionals, io.cwd);
        for (const m of discovery.missing)
            io.stderr.write(`pid1-lint: ${m.path}: ${m.reason}\n`);
        if (discovery.files.length === 0 && discovery.missing.length === 0) {
            io.stderr.write(`pid1-lint: no Dockerfile found in ${positionals.length ? positionals.join(', ') : 'the current folder'}\n`);
            return 2;
        }
        const results = [];
        let internalError = false;
        let writeFailed = false;
        const internal = (file, err) => {
            internalError = true;
            const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
            io.stderr.write(`pid1-lint: internal error while linting ${file}:\n${detail}\nPlease report it with the Dockerfile: https://github.com/pid1-lint/pid1-lint/issues\n`);
            results.push(fatalResult(file, 'internal error (see the message on stderr)'));
        };
        // Each Dockerfile's configuration and how its container is run (src/config/project.ts).
        const plan = new Project({
            files,
            ...(configFile !== undefined ? { configFile: path.resolve(io.cwd, configFile) } : {}),
            noConfig: Boolean(values['no-config']),
            reportUnusedIgnores: Boolean(values['report-unused-ignores']),
        }).plan(discovery.files, new Set(positionals.map((p) => path.resolve(io.cwd, p))), io.cwd);
        for (const line of plan.messages)
            io.stderr.write(`pid1-lint: ${line}\n`);
        if (plan.stop)
            return 2;
        for (const f of plan.failures)
            internal(f.file, f.error);
        const lintOptions = {
            ...(contextDir !== undefined ? { contextDir: path.resolve(io.cwd, contextDir) } : {}),
            ...(values.target !== undefined ? { target: values.target } : {}),
            ...(fixType ? { fixType } : {}),
        };
        const tasks = plan.tasks.map((t) => ({ file: t.file, options: { ...t.options, ...lintOptions } }));
        // Many Dockerfiles (a monorepo): worker threads share the parsing (src/engine/pool.ts).
        // Fixing stays in this thread: each pass re-reads what the previous one changed.
        const pool = !fixMode && tasks.length > 1 ? await import('./engine/pool.js') : null;
        const workers = pool ? pool.workerCount(tasks.length, io.env) : 0;
        const pooled = pool && workers > 0 ? await pool.lintInWorkers(tasks, workers) : null;
        for (const [index, { file, options }] of tasks.entries()) {
            try {
                if (fixMode) {
                    const fixed = await fixFile(file, options, fixMode, io);
                    results.push(...fixed.results);
                    writeFailed ||= fixed.writeFailed;
                    continue;
                }
                const outcome = pooled?.[index];
                if (outcome && 'error' in outcome)
                    throw new WorkerError(outcome.error);
                const fileResults = outcome ? outcome.results : (await lintDockerfile(file, { ...options, files })).results;
                results.push(...fileResults);
            }
            catch (err) {
                internal(file, err);
            }
        }
        const shown = values.quiet ? results.map(errorsOnly) : results;
        const color = decideColor(values, io);
        writeReports(shown, {
            format,
            outputFile: values['output-file'],
            sarifFile: values['sarif-file'],
            dockerfiles: discovery.files,
            cwd: io.cwd,
            env: io.env,
            color,
            explain: Boolean(values.explain),
            diffs: fixMode === 'dry-run' && format === 'stylish',
        }, io.stdout);
        const fatal = results.some((r) => r.fatalErrorCount > 0);
        if (internalError || fatal || writeFailed || plan.configError || discovery.missing.length > 0)
            return 2;
        const errors = results.reduce((n, r) => n + r.errorCount, 0);
        const warnings = results.reduce((n, r) => n + r.warningCount, 0);
        if (errors > 0)
            return 1;
        if (maxWarnings >= 0 && warnings > maxWarnings) {
            io.stderr.write(`pid1-lint found too many warnings (maximum: ${maxWarnings}).\n`);
            return 1;
        }
        return 0;
    }
    catch (err) {
        if (err instanceof UsageError || err instanceof OutputError) {
            io.stderr.write(`pid1-lint: ${err.message}\n`);
            return 2;
        }
        io.stderr.write(`pid1-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return 2;
    }
}
/**
 * --fix / --fix-dry-run on one Dockerfile: the fix passes, then (with --fix)
 * each changed file written atomically. A file that cannot be written is
 * reported and the others are still written.
 */
async function fixFile(file, options, mode, io) {
    const { fixDockerfile, withChanges } = await import('./fix/loop.js');
    const { writeFileAtomic } = await import('./fix/write.js');
    const run = await fixDockerfile(file, options);
    if (run.circular)
        io.stderr.write(`pid1-lint: ${relativeTo(io.cwd, file)}: the fixes undo each other; stopped after ${run.passes} passes\n`);
    let writeFailed = false;
    for (const change of mode === 'write' ? run.changes : []) {
        const written = writeFileAtomic(change.file, change.after);
        if (written.ok)
            continue;
        writeFailed = true;
        io.stderr.write(`pid1-lint: cannot write the fixes to ${relativeTo(io.cwd, change.file)}: ${written.reason}\n`);
    }
    return { results: withChanges(run.results, run.changes, io.cwd), writeFailed };
}
function parseFixType(value) {
    if (value === undefined)
        return null;
    if (value === 'init' || value === 'handler')
        return value;
    throw new UsageError(`--fix-type expects init or handler, not "${value}"`);
}
function errorsOnly(result) {
    const messages = result.messages.filter((m) => m.severity === 2);
    return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
function decideColor(values, io) {
    if (values['no-color'])
        return false;
    if (values.color)
        return true;
    if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')
        return false;
    const force = io.env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force !== 'false';
    return io.isTTY;
}
/** Runs the command on this process's argv and sets its exit code (the bundled `pid1-lint` command calls this). */
export function runCli() {
    const stdout = standardOutput(1, () => process.stdout);
    // Made at the first message: most runs write none.
    let stderr;
    const lazyStderr = { write: (text) => (stderr ??= standardOutput(2, () => process.stderr).output).write(text) };
    main(process.argv.slice(2), { stdout: stdout.output, stderr: lazyStderr, cwd: process.cwd(), env: process.env, isTTY: stdout.isTTY })
        .then((code) => {
        process.exitCode = code;
    })
        .catch((err) => {
        process.stderr.write(`pid1-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 2;
    });
}
// `node dist/src/cli.js`: run when executed directly (not when imported by tests or bundled).
const invokedAs = process.argv[1] ? fs.realpathSync(process.argv[1]) : '';
if (invokedAs && invokedAs === fs.realpathSync(new URL(import.meta.url).pathname)) {
    // Before the parser loads: its V8 code is cached across runs (BENCHMARKS.md).
    enableCompileCache();
    runCli();
}
//# sourceMappingURL=cli.js.map