/**
 * Lints one Dockerfile: build the model once, run every enabled rule over
 * it, and turn reports into ESLint-shaped results, one per file a finding
 * belongs to (the Dockerfile first, then scripts and sources).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LintMessage, LintResult, Pid1Report, SeverityName } from '../types.js';
import { DEFAULT_FIX_TYPE, interpolate, type FixType, type Report, type Rule } from '../rule.js';
import { rules as allRules } from '../../rules/index.js';
import { describeError, relativeTo, type ContextFiles } from '../context/files.js';
import { buildModel, type Pid1Model, type RuntimeSettings } from '../model/model.js';
import { applyProgram, readProgram } from '../model/program.js';
import type { ProgramCache } from '../program/analyze.js';
import type { BaseImageEntry } from '../images/index.js';
import { Locator } from './locate.js';
import { decidingHandler } from '../model/program.js';

export interface LintOptions {
  contextDir?: string;
  target?: string;
  /** Per-rule severity overrides. */
  severities?: Record<string, SeverityName>;
  extraImages?: BaseImageEntry[];
  /** Shared across Dockerfiles so each file is read once per run. */
  files?: ContextFiles;
  /** Shared across Dockerfiles so each module is parsed once per run. */
  programCache?: ProgramCache;
  /** Extra shutdown libraries (same shape as data/shutdown-libraries.json entries). */
  extraLibraries?: unknown[];
  runtime?: RuntimeSettings;
  rules?: readonly Rule[];
  /** The Dockerfile's text when it differs from the file on disk (a --fix pass not written yet). */
  text?: string;
  /** Where an init and a program handler could both fix a finding, which one is the fix (the other is a suggestion). */
  fixType?: FixType;
}

export interface DockerfileLint {
  results: LintResult[];
  model: Pid1Model | null;
}

export async function lintDockerfile(dockerfilePath: string, options: LintOptions = {}): Promise<DockerfileLint> {
  const file = path.resolve(dockerfilePath);
  let text: string;
  if (options.text !== undefined) text = options.text;
  else try {
    const buf = fs.readFileSync(file);
    if (buf.includes(0)) return { results: [fatalResult(file, 'not a Dockerfile: binary content (NUL bytes)')], model: null };
    text = buf.toString('utf8');
  } catch (err) {
    return { results: [fatalResult(file, `cannot read the Dockerfile: ${describeError(err)}`)], model: null };
  }
  const model = buildModel({
    dockerfilePath: file,
    text,
    ...(options.contextDir !== undefined ? { contextDir: options.contextDir } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.files ? { files: options.files } : {}),
    ...(options.extraImages ? { extraImages: options.extraImages } : {}),
    ...(options.runtime ? { runtime: options.runtime } : {}),
  });
  const program = await readProgram(model, {
    ...(options.programCache ? { cache: options.programCache } : {}),
    ...(options.extraLibraries ? { extraLibraries: options.extraLibraries } : {}),
  });
  if (program) applyProgram(model, program);
  const byFile = new Map<string, LintMessage[]>([[file, []]]);
  for (const error of program?.facts?.errors ?? []) {
    // A file of the program that does not parse is reported; the rest of the graph was still read.
    const list = byFile.get(error.file) ?? [];
    list.push({ ruleId: null, severity: 1, message: `${relativeTo(model.contextDir, error.file)} could not be parsed: ${error.message}; the rest of the program was still read`, line: error.line ?? 1, column: error.column ?? 1, endLine: error.line ?? 1, endColumn: error.column ?? 1 });
    byFile.set(error.file, list);
  }
  const structural = structuralProblems(model);
  if (structural) (byFile.get(file) as LintMessage[]).push(structural);
  if (model.stage) {
    const locate = new Locator(model);
    for (const rule of options.rules ?? allRules) {
      const configured = options.severities?.[rule.id];
      if (configured === 'off') continue;
      const reports: Report<string>[] = [];
      try {
        rule.check({ model, locate, fixType: options.fixType ?? DEFAULT_FIX_TYPE, report: (r) => reports.push(r) });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(`rule ${rule.id} failed on ${file}: ${message}`, { cause: err });
      }
      for (const report of reports) {
        const severity = configured ?? report.severity ?? rule.meta.defaultSeverity;
        const message = toMessage(rule, report, severity === 'error' ? 2 : 1);
        const list = byFile.get(report.loc.file) ?? [];
        list.push(message);
        byFile.set(report.loc.file, list);
      }
    }
  }
  const results: LintResult[] = [];
  for (const [filePath, messages] of byFile) {
    messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
    const result = resultOf(filePath, messages);
    if (filePath === file) result.pid1 = pid1Report(model);
    results.push(result);
  }
  return { results, model };
}

function toMessage(rule: Rule, report: Report<string>, severity: 1 | 2): LintMessage {
  // As ESLint: a rule that fixes or suggests says so in its meta (docs and formatters rely on it).
  if (report.fix && !rule.meta.fixable) throw new Error(`rule ${rule.id} reported a fix but its meta.fixable is not set`);
  if (report.suggest?.length && !rule.meta.hasSuggestions) throw new Error(`rule ${rule.id} reported suggestions but its meta.hasSuggestions is not set`);
  const template = rule.meta.messages[report.messageId] ?? report.messageId;
  const message: LintMessage = {
    ruleId: rule.id,
    severity,
    message: interpolate(template, report.data),
    line: report.loc.start.line,
    column: report.loc.start.column,
    endLine: report.loc.end.line,
    endColumn: report.loc.end.column,
  };
  if (report.fix) message.fix = report.fix;
  if (report.suggest?.length) message.suggestions = report.suggest;
  return message;
}

/** Findings that are not rule findings: no FROM, a missing --target. */
function structuralProblems(model: Pid1Model): LintMessage | null {
  if (model.docker.missingTarget !== null) {
    const names = model.docker.stages.map((s) => s.name).filter(Boolean).join(', ');
    return fatalMessage(`--target ${model.docker.missingTarget}: no such stage${names ? ` (stages: ${names})` : ''}`);
  }
  if (model.docker.stages.length === 0) {
    return fatalMessage(model.parsed.instructions.length === 0 ? 'empty Dockerfile: nothing to lint' : 'no FROM instruction: this is not a Dockerfile Docker can build');
  }
  return null;
}

function fatalMessage(message: string): LintMessage {
  return { ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function fatalResult(filePath: string, message: string): LintResult {
  return resultOf(filePath, [fatalMessage(message)]);
}

export function resultOf(filePath: string, messages: LintMessage[]): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}

/** The JSON `pid1` object: the chain and the verdict, with context-relative paths. */
export function pid1Report(model: Pid1Model): Pid1Report {
  const rel = (p: string) => relativeTo(model.contextDir, p);
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
function relevantImageNotes(model: Pid1Model): string[] {
  const names = new Set(model.chain.map((l) => l.name));
  const runs = (...tools: string[]) => tools.some((t) => [...names].some((n) => n.startsWith(t)));
  const hasBusybox = model.chain.some((l) => l.shell?.flavour === 'busybox-ash');
  return (model.image?.notes ?? []).filter((note) => {
    if (/does not switch to it/.test(note)) return !model.stage?.config.user || /^(root|0)(:|$)/.test(model.stage.config.user);
    if (/\byarn\b/.test(note) && !/pnpm|corepack/.test(note)) return runs('yarn');
    if (/\bpnpm\b|\bprocps\b|\bps\)/.test(note)) return runs('pnpm');
    if (/corepack/.test(note)) return runs('corepack');
    if (/dumb-init/.test(note)) return runs('dumb-init');
    if (/busybox/.test(note) && /exec-last-command|execs/.test(note)) return hasBusybox;
    if (/guidance/.test(note)) return false;
    if (/\bbash\b/.test(note)) return names.has('bash');
    return true;
  });
}

function programNotes(model: Pid1Model, program: NonNullable<Pid1Model['program']>): string[] {
  const notes: string[] = [];
  const lookup = program.lookup;
  if (lookup.source) notes.push(`program source: ${relativeTo(model.contextDir, lookup.source)} (${lookup.via})`);
  else if (lookup.reason) notes.push(`program source: not read: ${lookup.reason}`);
  else if (lookup.via !== 'next start') notes.push(`program source: not found (tried ${lookup.tried.join(', ') || 'nothing'})`);
  for (const h of program.facts?.handlers ?? []) {
    const signals = h.signals.length ? h.signals.join(', ') : `a signal known only at run time (${h.unresolvedSignal ?? '?'})`;
    notes.push(`handler: ${h.via} for ${signals} at ${relativeTo(model.contextDir, h.file)}:${h.line}: ${h.ending} (${h.endingWhy})${h.reachable === 'assumed' ? ', assumed reachable' : ''}`);
  }
  for (const n of program.facts?.notes ?? []) notes.push(n);
  return notes;
}

function stopSignalSource(model: Pid1Model): string {
  const s = model.stopSignal;
  if (s.source === 'dockerfile' && s.instruction) return `STOPSIGNAL ${s.raw ?? ''} (${path.basename(model.dockerfilePath)}:${s.instruction.line})`;
  if (s.source === 'base-image') return `the base image's StopSignal ${s.raw ?? ''}`;
  if (s.source === 'runtime' && s.runtimeSource) return s.runtimeSource.description;
  return "Docker's default (no STOPSIGNAL)";
}
