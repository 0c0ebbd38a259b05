/** Types of the program analysis: the library table's shape. */
import type { ChildProcessFact, HandlerFact, ProgramFacts } from '../types.js';

/** The program facts now live in src/types.ts; these names remain for the program reader's own modules. */
export type HandlerFactX = HandlerFact;
export type ChildProcessFactX = ChildProcessFact;
export type ProgramFactsX = ProgramFacts;

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
  | { kind: 'may-hang'; reraise?: boolean; why: string }
  | { kind: 'depends-on-option'; arg: number; option: string; value: unknown; default?: unknown; reraise?: boolean; why: string }
  | { kind: 'depends-on-callback'; arg: number; why: string };

export interface LibraryEntry {
  id: string;
  packages: string[];
  role: 'signal-handler' | 'exits-process' | 'child-process' | 'no-handler' | 'wraps-function';
  calls?: CallPattern[];
  /** wraps-function: the argument holding the function the returned wrapper runs. */
  wrappedArg?: number;
  signals?: { default: string[]; options?: SignalOption[] };
  ending?: LibraryEnding;
  once?: boolean;
  disabledByEnv?: string;
  whenNotCalled?: string;
  summary: string;
  evidence: string;
}
