/**
 * The fix builders rules call: each returns plain `{range, text}` data that
 * the engine applies later (loop.ts, used by the CLI; it imports the linter,
 * so it is not re-exported here, where rules import from).
 */
export { commandRemedy, commandSite, expandInShellSuggestion, type CommandRemedy, type CommandSite } from './command.js';
export { execFormText, envValue, insertLinesAfter, insertLinesBefore, replaceWordEdit, rewriteInstruction } from './dockerfile.js';
export { mergeEdits } from './edits.js';
export { exitCallEdit, handlerSuggestion, insertHandlerSuggestion, setCallOptionEdit, type CallSite, type HandlerInsertion } from './handler.js';
export { addInitFix, entrypointEdits, initInstall, initToRecommend, installNamedInit, type InitInstall } from './init.js';
export { directCommandSuggestion } from './package-manager.js';
export { exitSuggestion, pathCaseFix, programHandlerSuggestion } from './program.js';
export { repairExecForm } from './repair-json.js';
export { initOrHandler, type Remedy } from './remedy.js';
export { scriptExecRemedy } from './script.js';
export { sourceKind, type SourceKind } from './source.js';
export { stopSignalSuggestion, stopSignalSuggestions } from './stopsignal.js';
