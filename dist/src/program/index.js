/** The program analysis: public API for the PID-1 model and the CLI. */
export { analyzeProgram, createProgramCache, ProgramCache } from './analyze.js';
export { findSourceForOutput } from './source-map.js';
//# sourceMappingURL=index.js.map