/**
 * Lints one Dockerfile: build the model once, run every enabled rule over
 * it, and turn reports into ESLint-shaped results, one per file a finding
 * belongs to (the Dockerfile first, then scripts and sources).
 */
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { interpolate } from '../rule.js';
import { rules as allRules } from '../../rules/index.js';
import { describeError, relativeTo } from '../context/files.js';
import { buildModel } from '../model/model.js';
import { applyProgram, readProgram } from '../model/program.js';
import { applyIgnores } from '../ignores/apply.js';
import { ignoredBy } from '../config/ignore.js';
import { judgeDeployments } from '../runtime/judge.js';
import { settingReports } from '../runtime/report.js';
import { Locator } from './locate.js';
import { decidingHandler } from '../model/program.js';
export async function lintDockerfile(dockerfilePath, options = {}) {
    const file = path.resolve(dockerfilePath);
    // A --fix pass lints the text it changed in memory, not the file on disk.
    const read = options.text !== undefined ? { ok: true, text: options.text, invalidUtf8Line: null } : readDockerfile(file);
    if (!read.ok)
        return { results: [fatalResult(file, read.message)], model: null };
    const text = read.text;
    const modelOptions = {
        dockerfilePath: file,
        text,
        ...(options.contextDir !== undefined ? { contextDir: options.contextDir } : {}),
        ...(options.target !== undefined ? { target: options.target } : {}),
        ...(options.files ? { files: options.files } : {}),
        ...(options.extraImages ? { extraImages: options.extraImages } : {}),
    };
    /** The model with runtime settings, and the program it runs read into its verdict. */
    const analyse = async (runtime) => {
        const model = buildModel({ ...modelOptions, ...(runtime ? { runtime } : {}) });
        const program = await readProgram(model, {
            ...(options.programCache ? { cache: options.programCache } : {}),
            ...(options.extraLibraries ? { extraLibraries: options.extraLibraries } : {}),
        });
        if (program)
            applyProgram(model, program);
        return { model, program };
    };
    const { model, program } = await analyse(options.runtime);
    let found = [];
    if (read.invalidUtf8Line !== null) {
        const line = read.invalidUtf8Line;
        found.push({ file, message: { ruleId: null, severity: 1, message: 'invalid UTF-8 on this line: its bytes that are not UTF-8 were read as U+FFFD', line, column: 1, endLine: line, endColumn: 1 } });
    }
    for (const error of program?.facts?.errors ?? []) {
        // A file of the program that cannot be read or does not parse is reported; the rest of the graph was still read.
        const what = error.kind === 'read' ? error.message : `${relativeTo(model.contextDir, error.file)} could not be parsed: ${error.message}`;
        const message = `${what}; the rest of the program was still read`;
        found.push({ file: error.file, message: { ruleId: null, severity: 1, message, line: error.line ?? 1, column: error.column ?? 1, endLine: error.line ?? 1, endColumn: error.column ?? 1 } });
    }
    const structural = structuralProblems(model);
    if (structural)
        found.push({ file, message: structural });
    if (model.stage)
        found.push(...runRules(model, options));
    const services = model.stage && options.deployments?.length
        ? await judgeDeployments(options.runtime ?? {}, options.deployments, found, model.contextDir, async (runtime) => {
            const other = (await analyse(runtime)).model;
            return { found: runRules(other, options), pid1: pid1Report(other) };
        })
        : null;
    if (services)
        found.push(...services.found);
    const { ignore } = options;
    if (ignore)
        found = found.filter((f) => f.file === file || ignoredBy(ignore, f.file) === null);
    const { kept, suppressed } = applyIgnores(model, found, { rules: options.rules ?? allRules, reportUnused: options.reportUnusedIgnores ?? 'off' });
    const byFile = new Map([[file, []]]);
    for (const f of kept)
        byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.message]);
    for (const f of suppressed)
        if (!byFile.has(f.file))
            byFile.set(f.file, []);
    const results = [];
    for (const [filePath, messages] of byFile) {
        messages.sort(byPosition);
        const result = resultOf(filePath, messages);
        const quiet = suppressed.filter((f) => f.file === filePath).map((f) => f.message);
        if (quiet.length > 0)
            result.suppressedMessages = quiet.sort(byPosition);
        if (filePath === file) {
            result.pid1 = pid1Report(model);
            if (options.runtimeNotes?.length)
                result.pid1.notes.push(...options.runtimeNotes);
            if (services)
                result.services = services.services;
        }
        results.push(result);
    }
    return { results, model };
}
function byPosition(a, b) {
    return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}
/** Every enabled rule over one model, with configured severities and options. */
function runRules(model, options) {
    const found = [];
    const locate = new Locator(model);
    for (const rule of options.rules ?? allRules) {
        const configured = options.severities?.[rule.id];
        if (configured === 'off')
            continue;
        const reports = [];
        try {
            rule.check({
                model,
                locate,
                options: options.ruleOptions?.[rule.id] ?? {},
                ...(options.fixType ? { fixType: options.fixType } : {}),
                report: (r) => reports.push(r),
            });
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            throw new Error(`rule ${rule.id} failed on ${model.dockerfilePath}: ${message}`, { cause: err });
        }
        for (const report of reports) {
            const severity = configured ?? report.severity ?? rule.meta.defaultSeverity;
            found.push({ file: report.loc.file, message: toMessage(rule, report, severity === 'error' ? 2 : 1) });
        }
    }
    return found;
}
/**
 * Dockerfiles larger than this are refused: real ones are kilobytes, and
 * dockerfile-ast needs about 2 s of CPU per MiB (a 10 MB one took 20 s).
 */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024;
/** The Dockerfile's text, or the fatal message that says why it cannot be linted. */
function readDockerfile(file) {
    try {
        // stat first: a FIFO or a device named Dockerfile would block or never end.
        const st = fs.statSync(file);
        if (st.isDirectory())
            return { ok: false, message: 'cannot read the Dockerfile: is a directory' };
        if (!st.isFile())
            return { ok: false, message: 'cannot read the Dockerfile: not a regular file' };
        if (st.size > MAX_DOCKERFILE_BYTES)
            return { ok: false, message: `not linted: ${st.size} bytes is too large for a Dockerfile (the limit is ${MAX_DOCKERFILE_BYTES} bytes)` };
        const buf = fs.readFileSync(file);
        if (buf.includes(0))
            return { ok: false, message: 'not a Dockerfile: binary content (NUL bytes)' };
        return { ok: true, text: buf.toString('utf8'), invalidUtf8Line: firstInvalidUtf8Line(buf) };
    }
    catch (err) {
        return { ok: false, message: `cannot read the Dockerfile: ${describeError(err)}` };
    }
}
/** The 1-based line of the first byte sequence that is not UTF-8, or null. */
export function firstInvalidUtf8Line(buf) {
    if (isUtf8(buf))
        return null;
    let line = 1;
    let start = 0;
    while (start <= buf.length) {
        const nl = buf.indexOf(10, start);
        const end = nl < 0 ? buf.length : nl;
        if (!isUtf8(buf.subarray(start, end)))
            return line;
        line++;
        start = end + 1;
    }
    return null;
}
function toMessage(rule, report, severity) {
    // As ESLint: a rule that fixes or suggests says so in its meta (docs and formatters rely on it).
    if (report.fix && !rule.meta.fixable)
        throw new Error(`rule ${rule.id} reported a fix but its meta.fixable is not set`);
    if (report.suggest?.length && !rule.meta.hasSuggestions)
        throw new Error(`rule ${rule.id} reported suggestions but its meta.hasSuggestions is not set`);
    const template = rule.meta.messages[report.messageId] ?? report.messageId;
    const message = {
        ruleId: rule.id,
        severity,
        message: interpolate(template, report.data),
        line: report.loc.start.line,
        column: report.loc.start.column,
        endLine: report.loc.end.line,
        endColumn: report.loc.end.column,
    };
    if (report.fix)
        message.fix = report.fix;
    if (report.suggest?.length)
        message.suggestions = report.suggest;
    return message;
}
/** Findings that are not rule findings: no FROM, a missing --target. */
function structuralProblems(model) {
    if (model.docker.missingTarget !== null) {
        const names = model.docker.stages.map((s) => s.name).filter(Boolean).join(', ');
        return fatalMessage(`--target ${model.docker.missingTarget}: no such stage${names ? ` (stages: ${names})` : ''}`);
    }
    if (model.docker.stages.length === 0) {
        return fatalMessage(model.parsed.instructions.length === 0 ? 'empty Dockerfile: nothing to lint' : 'no FROM instruction: this is not a Dockerfile Docker can build');
    }
    return null;
}
function fatalMessage(message) {
    return { ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
export function fatalResult(filePath, message) {
    return resultOf(filePath, [fatalMessage(message)]);
}
export function resultOf(filePath, messages) {
    let errorCount = 0;
    let warningCount = 0;
    let fatalErrorCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    for (const m of messages) {
        if (m.severity === 2) {
            errorCount++;
            if (m.fatal)
                fatalErrorCount++;
            if (m.fix)
                fixableErrorCount++;
        }
        else {
            warningCount++;
            if (m.fix)
                fixableWarningCount++;
        }
    }
    return { filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}
/** The JSON `pid1` object: the chain and the verdict, with context-relative paths. */
export function pid1Report(model) {
    const rel = (p) => relativeTo(model.contextDir, p);
    const app = model.chain.at(-1)?.program;
    const program = model.program;
    const received = model.verdict.appSignal ?? model.stopSignal.name;
    const deciding = program?.facts ? decidingHandler(program.facts, received).handler : null;
    return {
        chain: model.chain.map((l) => ({
            kind: l.kind,
            name: l.name,
            argv: l.argv,
            ...(l.relation ? { relation: l.relation } : {}),
            ...(l.file ? { file: rel(l.file) } : {}),
            ...(l.line ? { line: l.line } : {}),
            why: l.why,
        })),
        argv: model.argv,
        stopSignal: model.stopSignal.name,
        entry: program?.lookup.source ? rel(program.lookup.source) : app?.hostPath && app.hostExists ? rel(app.hostPath) : null,
        handler: deciding ? { file: rel(deciding.file), line: deciding.line, via: deciding.via } : program?.lookup.nextStandalone || program?.lookup.via === 'next start' ? { file: program.lookup.source ? rel(program.lookup.source) : '', line: 0, via: 'Next.js' } : null,
        stopsOnSignal: model.verdict.stopsOnSignal,
        appSignal: model.verdict.appSignal,
        appWaitedFor: model.verdict.appWaitedFor,
        pid1Index: model.pid1Index,
        stage: model.stage ? (model.stage.name ?? String(model.stage.index)) : '',
        baseImage: model.stage?.baseRef ?? null,
        baseImageInfo: model.image ? model.image.description : null,
        stopSignalSource: stopSignalSource(model),
        context: relativeTo(path.dirname(model.dockerfilePath), model.contextDir),
        steps: model.verdict.steps,
        ...(Object.keys(model.runtime).length > 0 ? { runtime: settingReports(model.runtime, rel) } : {}),
        notes: [
            ...(model.contextNote ? [model.contextNote] : []),
            ...relevantImageNotes(model),
            ...model.chain.filter((l) => l.uncertain).map((l) => `${l.name}: ${l.uncertain}`),
            ...(program ? programNotes(model, program) : []),
        ],
    };
}
/**
 * The base-image data carries notes about everything the image ships; only
 * those about programs this chain runs (and the user note only when the
 * stage does not switch user) are worth printing.
 */
function relevantImageNotes(model) {
    const names = new Set(model.chain.map((l) => l.name));
    const runs = (...tools) => tools.some((t) => [...names].some((n) => n.startsWith(t)));
    const hasBusybox = model.chain.some((l) => l.shell?.flavour === 'busybox-ash');
    return (model.image?.notes ?? []).filter((note) => {
        if (/does not switch to it/.test(note))
            return !model.stage?.config.user || /^(root|0)(:|$)/.test(model.stage.config.user);
        if (/\byarn\b/.test(note) && !/pnpm|corepack/.test(note))
            return runs('yarn');
        if (/\bpnpm\b|\bprocps\b|\bps\)/.test(note))
            return runs('pnpm');
        if (/corepack/.test(note))
            return runs('corepack');
        if (/dumb-init/.test(note))
            return runs('dumb-init');
        if (/busybox/.test(note) && /exec-last-command|execs/.test(note))
            return hasBusybox;
        if (/guidance/.test(note))
            return false;
        if (/\bbash\b/.test(note))
            return names.has('bash');
        return true;
    });
}
function programNotes(model, program) {
    const notes = [];
    const lookup = program.lookup;
    if (lookup.source)
        notes.push(`program source: ${relativeTo(model.contextDir, lookup.source)} (${lookup.via})`);
    else if (lookup.reason)
        notes.push(`program source: not read: ${lookup.reason}`);
    else if (lookup.via !== 'next start')
        notes.push(`program source: not found (tried ${lookup.tried.join(', ') || 'nothing'})`);
    for (const h of program.facts?.handlers ?? []) {
        const signals = h.signals.length ? h.signals.join(', ') : `a signal known only at run time (${h.unresolvedSignal ?? '?'})`;
        notes.push(`handler: ${h.via} for ${signals} at ${relativeTo(model.contextDir, h.file)}:${h.line}: ${h.ending} (${h.endingWhy})${h.reachable === 'assumed' ? ', assumed reachable' : ''}`);
    }
    for (const n of program.facts?.notes ?? [])
        notes.push(n);
    return notes;
}
function stopSignalSource(model) {
    const s = model.stopSignal;
    if (s.source === 'dockerfile' && s.instruction)
        return `STOPSIGNAL ${s.raw ?? ''} (${path.basename(model.dockerfilePath)}:${s.instruction.line})`;
    if (s.source === 'base-image')
        return `the base image's StopSignal ${s.raw ?? ''}`;
    if (s.source === 'runtime' && s.runtimeSource)
        return s.runtimeSource.description;
    return "Docker's default (no STOPSIGNAL)";
}
//# sourceMappingURL=linter.js.map