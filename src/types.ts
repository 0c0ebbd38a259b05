/**
 * Shared data shapes. The PID-1 model (src/model) is computed once per
 * Dockerfile; rules (rules/) only read it; formatters (src/formatters) only
 * read lint results. Everything here is plain, serialisable data.
 */

/** 1-based line and column, as editors, SARIF and GitHub show them. */
export interface Position {
  line: number;
  column: number;
}

/** A place in a file of the build context (or the Dockerfile itself). */
export interface SourceLocation {
  /** Absolute path on disk. */
  file: string;
  start: Position;
  /** Exclusive end (the column after the last character), as ESLint and SARIF use. */
  end: Position;
}

/** A text edit: replace [start, end) (UTF-16 offsets into the file text) with `text`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** ESLint's fix shape, plus the file it applies to (findings may fix other files). */
export interface Fix extends TextEdit {
  /** Absolute path of the file the edit applies to; the reported file when absent. */
  file?: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export type Severity = 1 | 2;
export type SeverityName = 'off' | 'warn' | 'error';

/** One finding, ESLint-shaped. */
export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** A file that could not be read or parsed at all. */
  fatal?: boolean;
}

/** One linted file, ESLint-shaped. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Present on the result of a Dockerfile. */
  pid1?: Pid1Report;
  /** --fix / --fix-dry-run: the file's text after fixing, when fixes changed it (as ESLint). */
  output?: string;
  /** --fix / --fix-dry-run: the change as a unified diff, when fixes changed the file. */
  diff?: string;
  /** Findings an inline ignore directive suppressed (ESLint's `suppressedMessages`); not counted above. */
  suppressedMessages?: SuppressedMessage[];
  /** On a Dockerfile's result: the compose services and Kubernetes containers that run its image. */
  services?: ServiceReport[];
}

/** A finding kept out of `messages` by an inline ignore directive, with the directive and its reason. */
export interface SuppressedMessage extends LintMessage {
  suppressions: {
    kind: 'directive';
    /** The `reason=` (or `-- reason`) text; empty when none was given. */
    justification: string;
    /** The directive as written: `pid1-lint ignore=shell-form-pid1`, `hadolint ignore=DL3025`, `check=skip=JSONArgsRecommended`. */
    directive: string;
    /** Absolute path and 1-based line of the directive. */
    file: string;
    line: number;
  }[];
}

/** A runtime setting the verdict uses that the Dockerfile does not show, and where it was read. */
export interface RuntimeSettingReport {
  setting: 'init' | 'stopSignal' | 'entrypoint' | 'command' | 'gracePeriodSeconds';
  /** `docker-init`, `shared-pid-namespace`, `SIGINT`, `["npm","start"]`, `30`. */
  value: string;
  /** What set it: `compose service "api" (init: true)`, `.pid1lintrc.yaml (runtime.init: true)`. */
  source: string;
  /** Where: `../compose.yaml:7`, relative to the build context. */
  at: string | null;
}

/** A compose service or Kubernetes container that runs the image built from the Dockerfile. */
export interface ServiceReport {
  kind: 'compose' | 'kubernetes';
  /** `api` (compose), `Deployment/api container web` (Kubernetes). */
  name: string;
  /** Where it is declared, relative to the build context, and its 1-based line. */
  file: string;
  line: number;
  settings: RuntimeSettingReport[];
  /**
   * Its settings change PID 1 or the stop signal compared with the image's verdict, so it was
   * judged on its own chain (`pid1`); its findings are reported in its file, at its line.
   */
  judged: boolean;
  pid1?: Pid1Report;
  notes: string[];
}

// ---------------------------------------------------------------------------
// The PID-1 chain
// ---------------------------------------------------------------------------

/**
 * What a link of the chain is. One link is one program in the launch path;
 * `relation` says how it starts the next link.
 */
export type LinkKind =
  | 'init' // tini, dumb-init, docker-init, catatonit, s6 /init
  | 'shell' // sh -c / bash -c / ash -c (shell form, or explicit)
  | 'script' // an entrypoint shell script (from the base image or the build context)
  | 'package-manager' // npm, npx, yarn, pnpm, corepack
  | 'node' // node itself (the program is read by issue-3 analysis)
  | 'tsx'
  | 'ts-node'
  | 'nodemon'
  | 'pm2-runtime'
  | 'next'
  | 'bun'
  | 'deno'
  | 'wrapper' // env, gosu, su-exec, setpriv, chpst…: exec the next program
  | 'unknown'; // a binary we know nothing about

/**
 * How a link starts the next one:
 * - `exec`: replaces itself (same PID, the link disappears);
 * - `spawn`: starts it as a child process and stays;
 * - `in-process`: runs it inside the same process (ts-node, `next start`).
 */
export type LinkRelation = 'exec' | 'spawn' | 'in-process';

export interface ChainLink {
  kind: LinkKind;
  /** The specific program: `tini`, `dumb-init`, `dash`, `bash`, `busybox-ash`, `npm`, `yarn1`, `node`, … */
  name: string;
  argv: string[];
  /** How it starts `chain[i + 1]` (absent on the last link). */
  relation?: LinkRelation;
  /** Where this link is defined (absolute path) and its 1-based line. */
  file?: string;
  line?: number;
  /** One sentence: why this link is classified the way it is. */
  why: string;
}

export interface HandlerRef {
  /** Context-relative path of the source file. */
  file: string;
  line: number;
  /** How the handler is installed: `process.on`, `@godaddy/terminus`, `--require ./term.js`, … */
  via: string;
}

/** The verdict and the chain, as the JSON output shows it. */
export interface Pid1Report {
  chain: ChainLink[];
  /** The argv Docker starts as PID 1 (ENTRYPOINT + CMD after Docker's composition). */
  argv: string[];
  /** The signal the container is stopped with (STOPSIGNAL or SIGTERM). */
  stopSignal: string;
  /** Context-relative source path of the program, when it was found. */
  entry: string | null;
  handler: HandlerRef | null;
  /**
   * Does PID 1 exit on the stop signal before the grace period ends?
   * null: cannot tell yet (the program must be read, or a link is unknown).
   */
  stopsOnSignal: boolean | null;
  /** The signal the application itself receives (null: it never receives one). */
  appSignal: string | null;
  /** The processes above the application wait for it, so its own shutdown can finish (K3). */
  appWaitedFor: boolean | null;
  /** Index in `chain` of the link that runs as PID 1; -1 when PID 1 is outside the chain (Kubernetes shareProcessNamespace). */
  pid1Index: number;
  /** The stage judged (name, or its 0-based index as a string) and the base image reference. */
  stage: string;
  baseImage: string | null;
  /** What the base image is, as pid1-lint knows it ("unknown image …" when it does not). */
  baseImageInfo: string | null;
  /** Where the stop signal comes from: `STOPSIGNAL` (Dockerfile:line), the base image, or Docker's default. */
  stopSignalSource: string;
  /** Context directory used, relative to the Dockerfile's folder, and why when it is not that folder. */
  context: string;
  /** What happens when the stop signal arrives, one step per process (for --explain). */
  steps: string[];
  /** Runtime settings (config, compose, Kubernetes) the verdict uses; absent when there are none. */
  runtime?: RuntimeSettingReport[];
  /** Other things worth knowing (assumptions, unknowns). */
  notes: string[];
}

// ---------------------------------------------------------------------------
// What reading the program finds (issue 3: src/program)
// ---------------------------------------------------------------------------

export type HandlerEnding =
  /** The handler ends the process (process.exit, a library that exits, closing every server it can see). */
  | 'exits'
  /** The handler runs but nothing ends the process (logs only, library without the exit option). */
  | 'may-hang'
  /**
   * The handler re-raises the signal after removing itself (`process.kill(process.pid, sig)`, terminus and
   * NestJS without their exit option, signal-exit): PID 1 drops the re-raise (K2) and may hang; any other
   * process dies of it (facts §6 lib-signalexit4-extra-nons: 143).
   */
  | 'reraises'
  | 'unknown';

export interface HandlerFact {
  /** Signals covered, canonical names (`SIGTERM`). */
  signals: string[];
  /** Absolute path of the source file and 1-based position. */
  file: string;
  line: number;
  column: number;
  /** 1-based end of the call that installs it (column just past it): with the start, exactly that call for a fix. */
  endLine?: number;
  endColumn?: number;
  /** `process.on`, `process.once`, a library name (`@godaddy/terminus`), … */
  via: string;
  ending: HandlerEnding;
  /** Why the ending was decided, for --explain and the handler-may-hang message. */
  endingWhy: string;
  /** `yes`: the code that installs it is reached; `assumed`: could not prove it either way. */
  reachable: 'yes' | 'assumed';
  /** `process.once`: the second signal is dropped as PID 1. */
  once?: boolean;
  /** The source text of a signal argument that could not be resolved; `signals` is then empty. */
  unresolvedSignal?: string;
  /** Table id of the library that installs the handler (`godaddy-terminus`), when it is one. */
  library?: string;
  /**
   * The library's option that makes it end the process (data/shutdown-libraries.json
   * `depends-on-option`: terminus `useExit0: true`), when the call leaves it off.
   */
  exitOption?: { arg: number; name: string; value: unknown };
  /** The argument holding the listener whose code decides the ending (`process.on`: 1; `death`: 0), when it is one. */
  listenerArg?: number;
}

export interface ChildProcessFact {
  file: string;
  line: number;
  column: number;
  /** `child_process.spawn`, `execa`, `puppeteer.launch`, … */
  via: string;
  /** The command when the first argument is a literal (`sh`, `/usr/bin/chromium`). */
  command?: string;
  /** `{ detached: true }`: the child outlives its parent's process group. */
  detached?: boolean;
  reachable: 'yes' | 'assumed';
}

export interface ProgramFacts {
  /** Absolute path of the entry source file. */
  entry: string;
  /** Every file read for the module graph (absolute paths). */
  files: string[];
  handlers: HandlerFact[];
  children: ChildProcessFact[];
  /** Files that could not be parsed: reported, and the rest of the graph is still read. */
  /** `kind: 'read'`: the file could not be read (the message says why); otherwise it did not parse. */
  errors: { file: string; line?: number; column?: number; message: string; kind?: 'read' }[];
  /** Lines for --explain. */
  notes: string[];
  /** Absolute paths of the preloads analysed with the entry. */
  preloads: string[];
  /** Bare specifiers imported by the files read, Node built-ins included (`node:` removed), sorted. None of them is read. */
  packages: string[];
  /** Servers the files read create, for the stop-signal listener the fix suggests (it closes them). */
  servers?: ServerFact[];
}

/** A server the program creates (`http.createServer`, `app.listen`, `fastify()`) and where it is kept. */
export interface ServerFact {
  file: string;
  line: number;
  /** The variable (`server`), `this.x`, or `unnamed …` when it is kept nowhere. */
  name: string;
}
