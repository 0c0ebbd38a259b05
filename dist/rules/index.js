import entrypointScriptExec from './entrypoint-script-exec.js';
import execFormVariable from './exec-form-variable.js';
import initNotInstalled from './init-not-installed.js';
import invalidExecForm from './invalid-exec-form.js';
import invalidStopsignal from './invalid-stopsignal.js';
import packageManagerPid1 from './package-manager-pid1.js';
import shellFormPid1 from './shell-form-pid1.js';
export const rules = [
    entrypointScriptExec,
    execFormVariable,
    initNotInstalled,
    invalidExecForm,
    invalidStopsignal,
    packageManagerPid1,
    shellFormPid1,
];
//# sourceMappingURL=index.js.map