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
export const rules = [
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
];
//# sourceMappingURL=index.js.map