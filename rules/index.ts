/** Every rule, alphabetically. A test checks this list against the files in rules/. */
import type { Rule } from '../src/rule.js';
import entrypointScriptExec from './entrypoint-script-exec.js';
import execFormVariable from './exec-form-variable.js';
import handlerMayHang from './handler-may-hang.js';
import initNotInstalled from './init-not-installed.js';
import invalidExecForm from './invalid-exec-form.js';
import invalidStopsignal from './invalid-stopsignal.js';
import packageManagerPid1 from './package-manager-pid1.js';
import shellFormPid1 from './shell-form-pid1.js';
import unhandledStopSignal from './unhandled-stop-signal.js';
import unresolvedEntrypoint from './unresolved-entrypoint.js';
import zombieReaping from './zombie-reaping.js';

export const rules: readonly Rule[] = [
  entrypointScriptExec,
  execFormVariable,
  handlerMayHang,
  initNotInstalled,
  invalidExecForm,
  invalidStopsignal,
  packageManagerPid1,
  shellFormPid1,
  unhandledStopSignal,
  unresolvedEntrypoint,
  zombieReaping,
] as Rule[];
