/**
 * Types of the program analysis that src/types.ts does not (yet) have.
 * The extensions are intersections, so a `ProgramFactsX` is a valid
 * `ProgramFacts` for every consumer.
 */
import type { ChildProcessFact, HandlerFact, ProgramFacts } from '../types.js';

export interface HandlerFactX extends HandlerFact {
  /** The source text of a signal argument that could not be resolved; `signals` is then empty. */
  unresolvedSignal?: string;
  /** Table id of the library that installs the handler (`godaddy-terminus`), when it is one. */
  library?: string;
}

export interface ChildProcessFactX extends ChildProcessFact {
  /** The command when the first argument is a literal (`sh`, `/usr/bin/chromium`). */
  command?: string;
  /** `{ detached: true }` in the options: the child outlives its parent's process group. */
  detached?: boolean;
  reachable: 'yes' | 'assumed';
}

export interface ProgramFactsX extends ProgramFacts {
  handlers: HandlerFactX[];
  children: ChildProcessFactX[];
  /** Absolute paths of the preloads analysed with the entry. */
  preloads: string[];
  /** Bare specifiers imported by the files read, Node built-ins included (`node:` removed), sorted. None of them is read. */
  packages: string[];
}

// ---------------------------------------------------------------------------
// The library table (data/shutdown-libraries.json; shape in its schema)
// ---------------------------------------------------------------------------

export type CallPattern =
  | { import: string; member?: string; tagged?: boolean; curried?: boolean }
  | { method: string };

export interface SignalOption {
  arg: number;
  option?: string;
  type: 'string' | 'string-array' | 'space-separated' | 'flags';
  mode: 'replace' | 'add';
  emptyMeansDefault?: boolean;
}

export type LibraryEnding =
  | { kind: 'exits'; code?: number; why: string }
  | { kind: 'may-hang'; why: string }
  | { kind: 'depends-on-option'; arg: number; option: string; value: unknown; default?: unknown; why: string }
  | { kind: 'depends-on-callback'; arg: number; why: string };

export interface LibraryEntry {
  id: string;
  packages: string[];
  role: 'signal-handler' | 'exits-process' | 'child-process' | 'no-handler';
  calls?: CallPattern[];
  signals?: { default: string[]; options?: SignalOption[] };
  ending?: LibraryEnding;
  once?: boolean;
  disabledByEnv?: string;
  whenNotCalled?: string;
  summary: string;
  evidence: string;
}
