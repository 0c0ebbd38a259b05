import { execFormText, insertLinesAfter, insertLinesBefore, replaceWordEdit, rewriteInstruction } from './dockerfile.js';
import { mergeEdits } from './edits.js';
const PACKAGE_INSTALL = {
    apt: {
        command: (name) => `RUN apt-get update && apt-get install -y --no-install-recommends ${name} && rm -rf /var/lib/apt/lists/*`,
        paths: { tini: '/usr/bin/tini', 'dumb-init': '/usr/bin/dumb-init' },
    },
    apk: {
        command: (name) => `RUN apk add --no-cache ${name}`,
        paths: { tini: '/sbin/tini', 'dumb-init': '/usr/bin/dumb-init' },
    },
};
/** The Debian helper stage: its `tini` package ships /usr/bin/tini-static (facts §8). */
const HELPER_BASE = 'debian:bookworm-slim';
const HELPER_BINARY = '/usr/bin/tini-static';
const COPIED_TINI = '/usr/bin/tini';
/**
 * An init in the final image: the one already there, or the edits that
 * install it. `names` lists the inits that will do, preferred first.
 */
export function initInstall(model, names = ['tini', 'dumb-init']) {
    const stage = model.stage;
    if (!stage)
        return null;
    for (const name of names) {
        const present = model.inits.find((i) => i.name === name && !i.unverified);
        if (present)
            return { name, path: present.path, edits: [], how: present.via };
    }
    const name = names[0];
    if (!name)
        return null;
    const manager = model.image?.osPackageManager;
    const install = manager ? PACKAGE_INSTALL[manager] : undefined;
    if (install && startsAsRoot(stage)) {
        const line = install.command(name);
        return { name, path: install.paths[name], edits: [insertLinesAfter(model, stage.from, [line])], how: line.replace(/^RUN /, '') };
    }
    return name === 'tini' ? helperStageInstall(model, stage) : null;
}
/**
 * The init that `addInitFix` puts in front for this image, for a message to
 * name: the one the image already has, or tini where the fix installs it
 * (apk: /sbin/tini; apt and the helper stage: /usr/bin/tini). Where no fix
 * can be built, tini where the image's package manager installs it
 * (Debian's path when that is not known).
 */
export function initToRecommend(model) {
    const install = initInstall(model);
    if (install)
        return { name: install.name, path: install.path, inImage: install.edits.length === 0 };
    const manager = model.image?.osPackageManager;
    return { name: 'tini', path: (manager ? PACKAGE_INSTALL[manager]?.paths.tini : undefined) ?? '/usr/bin/tini', inImage: false };
}
function helperStageInstall(model, stage) {
    // A new stage before the final one shifts the numbers of the stages after it.
    if (referencesStageNumbers(model, stage.index))
        return null;
    const taken = new Set(model.docker.stages.map((s) => s.name));
    const helper = ['tini', 'tini-static', 'tini-helper'].find((n) => !taken.has(n));
    if (!helper)
        return null;
    const stageLines = [`FROM ${HELPER_BASE} AS ${helper}`, PACKAGE_INSTALL.apt?.command('tini') ?? '', ''];
    return {
        name: 'tini',
        path: COPIED_TINI,
        edits: [
            insertLinesBefore(model, stage.from, stageLines),
            insertLinesAfter(model, stage.from, [`COPY --from=${helper} ${HELPER_BINARY} ${COPIED_TINI}`]),
        ],
        how: `tini-static from a ${HELPER_BASE} helper stage`,
    };
}
/** `FROM 1` or `COPY --from=2` pointing at a stage at or after `index`. */
function referencesStageNumbers(model, index) {
    return model.parsed.instructions.some((ins) => {
        const from = ins.keyword === 'FROM' ? ins.rest.split(/\s+/)[0] : ins.flags.get('from');
        return typeof from === 'string' && /^[0-9]+$/.test(from) && Number(from) >= index;
    });
}
/** The user a stage starts with (its base's), is root: RUN can install packages right after FROM. */
function startsAsRoot(stage) {
    const user = stage.base.kind === 'stage' ? stage.base.stage.config.user : stage.base.kind === 'image' ? stage.base.image.user : null;
    if (user === null || user === '')
        return true;
    const name = user.split(':')[0];
    return name === 'root' || name === '0';
}
/**
 * Edits that put `initArgv` in front of the ENTRYPOINT Docker would run:
 * the final stage's own exec-form ENTRYPOINT is rewritten; an inherited one
 * (or none) gets a new ENTRYPOINT line, followed by the inherited CMD
 * written out again. null when the ENTRYPOINT is in shell form (exec form
 * first: shell-form-pid1's fix).
 */
export function entrypointEdits(model, initArgv) {
    const stage = model.stage;
    if (!stage)
        return null;
    const entry = model.entrypoint;
    if (entry?.form === 'shell')
        return null;
    const argv = [...initArgv, ...(entry?.argv ?? [])];
    if (entry?.instruction && entry.stage === stage)
        return [rewriteInstruction(model, entry.instruction, execFormText(argv))];
    const cmd = model.cmd;
    const line = `ENTRYPOINT ${execFormText(argv)}`;
    // A CMD of this stage placed after the new ENTRYPOINT stays in effect.
    if (cmd?.instruction && cmd.stage === stage)
        return [insertLinesBefore(model, cmd.instruction, [line])];
    const last = stage.instructions.at(-1) ?? stage.from;
    const inheritedCmd = cmd ? [`CMD ${cmd.form === 'shell' ? (cmd.text ?? '') : execFormText(cmd.argv)}`] : [];
    return [insertLinesAfter(model, last, [line, ...inheritedCmd])];
}
/**
 * The Dockerfile fix that makes an init PID 1 (for a program with no
 * stop-signal handler, or one whose children leave zombies). null when the
 * chain already has an init or no safe edit exists.
 */
export function addInitFix(model) {
    if (!model.stage || model.chain.some((l) => l.kind === 'init'))
        return null;
    const install = initInstall(model);
    if (!install)
        return null;
    const initArgv = [install.path, '--'];
    const entry = entrypointEdits(model, initArgv);
    if (!entry)
        return null;
    const fix = mergeEdits(model.parsed.text, [...install.edits, ...entry], model.dockerfilePath);
    const entrypoint = execFormText([...initArgv, ...(model.entrypoint?.argv ?? [])]);
    return {
        desc: `Run ${install.name} as PID 1 (${install.edits.length ? install.how : `already in the image: ${install.path}`}): ENTRYPOINT ${entrypoint}. It forwards the stop signal and reaps zombies; without a handler the program then exits 143 at once instead of hanging until SIGKILL`,
        fix,
    };
}
/**
 * Installs the init an instruction names but the image lacks, and points
 * the instruction at the installed path when it names another one (`/tini`
 * vs apt's /usr/bin/tini; a bare name is kept when PATH finds the install).
 */
export function installNamedInit(model, ins, written, name, pathDirs) {
    const install = initInstall(model, [name]);
    if (!install)
        return null;
    const found = written.includes('/') ? written === install.path : pathDirs.some((dir) => `${dir.replace(/\/+$/, '')}/${written}` === install.path);
    const repoint = found ? null : replaceWordEdit(model, ins, written, install.path);
    if ((!found && !repoint) || (install.edits.length === 0 && !repoint))
        return null;
    return {
        desc: `Install ${name} (${install.how})${repoint ? ` and run it as ${install.path}` : ''}`,
        fix: mergeEdits(model.parsed.text, [...install.edits, ...(repoint ? [repoint] : [])], model.dockerfilePath),
    };
}
//# sourceMappingURL=init.js.map