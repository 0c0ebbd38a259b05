/** The program analysis: public API for the PID-1 model and the CLI. */
export { analyzeProgram, createProgramCache, ProgramCache, type AnalyzeOptions } from './analyze.js';
export { findSourceForOutput, type SourceLookup } from './source-map.js';
export type {
  CallPattern,
  ChildProcessFactX,
  HandlerFactX,
  LibraryEnding,
  LibraryEntry,
  ProgramFactsX,
  SignalOption,
} from './types.js';
