/**
 * Putting an init in front of the program (facts §4, §8): as PID 1 it
 * forwards the stop signal, so a program without a handler dies of it
 * (exit 143) instead of hanging until SIGKILL, and it reaps zombies.
 *
 * Where the init comes from, in order of preference:
 * 1. one the final image already has (denoland/deno's /tini, Chainguard's
 *    dumb-init, an earlier RUN): nothing to install;
 * 2. the OS package, when the image has apt (`/usr/bin/tini`) or apk
 *    (`/sbin/tini`) and the stage starts as root: one RUN right after FROM,
 *    so it runs before any USER switch;
 * 3. otherwise (distroless, no package manager, a non-root base):
 *    `tini-static` from a Debian helper stage, copied in with COPY, which
 *    needs neither a shell nor root.
 *
 * The existing ENTRYPOINT is kept behind the init
 * (`["/usr/bin/tini", "--", "docker-entrypoint.sh"]`), and an inherited CMD
 * is written out again, because a new ENTRYPOINT resets it.
 */
import type { Instruction } from '../dockerfile/parse.js';
import type { Stage } from '../dockerfile/stages.js';
import type { Pid1Model } from '../model/model.js';
import type { Suggestion, TextEdit } from '../types.js';
import { execFormText, insertLinesAfter, insertLinesBefore, replaceWordEdit, rewriteInstruction } from './dockerfile.js';
import { mergeEdits } from './edits.js';

export type InstallableInit = 'tini' | 'dumb-init';

export interface InitInstall {
  name: InstallableInit;
  /** Where the init is in the final image. */
  path: string;
  /** Edits that install it (none when the image already has it). */
  edits: TextEdit[];
  /** `apk add --no-cache tini`, for descriptions. */
  how: string;
}

const PACKAGE_INSTALL: Record<string, { command: (name: string) => string; paths: Record<InstallableInit, string> }> = {
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
export function initInstall(model: Pid1Model, names: readonly InstallableInit[] = ['tini', 'dumb-init']): InitInstall | null {
  const stage = model.stage;
  if (!stage) return null;
  for (const name of names) {
    const present = model.inits.find((i) => i.name === name && !i.unverified);
    if (present) return { name, path: present.path, edits: [], how: present.via };
  }
  const name = names[0];
  if (!name) return null;
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
export function initToRecommend(model: Pid1Model): { name: InstallableInit; path: string; inImage: boolean } {
  const install = initInstall(model);
  if (install) return { name: install.name, path: install.path, inImage: install.edits.length === 0 };
  const manager = model.image?.osPackageManager;
  return { name: 'tini', path: (manager ? PACKAGE_INSTALL[manager]?.paths.tini : undefined) ?? '/usr/bin/tini', inImage: false };
}

function helperStageInstall(model: Pid1Model, stage: Stage): InitInstall | null {
  // A new stage before the final one shifts the numbers of the stages after it.
  if (referencesStageNumbers(model, stage.index)) return null;
  const taken = new Set(model.docker.stages.map((s) => s.name));
  const helper = ['tini', 'tini-static', 'tini-helper'].find((n) => !taken.has(n));
  if (!helper) return null;
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
function referencesStageNumbers(model: Pid1Model, index: number): boolean {
  return model.parsed.instructions.some((ins) => {
    const from = ins.keyword === 'FROM' ? ins.rest.split(/\s+/)[0] : ins.flags.get('from');
    return typeof from === 'string' && /^[0-9]+$/.test(from) && Number(from) >= index;
  });
}

/** The user a stage starts with (its base's), is root: RUN can install packages right after FROM. */
function startsAsRoot(stage: Stage): boolean {
  const user = stage.base.kind === 'stage' ? stage.base.stage.config.user : stage.base.kind === 'image' ? stage.base.image.user : null;
  if (user === null || user === '') return true;
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
export function entrypointEdits(model: Pid1Model, initArgv: readonly string[]): TextEdit[] | null {
  const stage = model.stage;
  if (!stage) return null;
  const entry = model.entrypoint;
  if (entry?.form === 'shell') return null;
  const argv = [...initArgv, ...(entry?.argv ?? [])];
  if (entry?.instruction && entry.stage === stage) return [rewriteInstruction(model, entry.instruction, execFormText(argv))];
  const cmd = model.cmd;
  const line = `ENTRYPOINT ${execFormText(argv)}`;
  // A CMD of this stage placed after the new ENTRYPOINT stays in effect.
  if (cmd?.instruction && cmd.stage === stage) return [insertLinesBefore(model, cmd.instruction, [line])];
  const last: Instruction = stage.instructions.at(-1) ?? stage.from;
  const inheritedCmd = cmd ? [`CMD ${cmd.form === 'shell' ? (cmd.text ?? '') : execFormText(cmd.argv)}`] : [];
  return [insertLinesAfter(model, last, [line, ...inheritedCmd])];
}

/**
 * The Dockerfile fix that makes an init PID 1 (for a program with no
 * stop-signal handler, or one whose children leave zombies). null when the
 * chain already has an init or no safe edit exists.
 */
export function addInitFix(model: Pid1Model): Suggestion | null {
  if (!model.stage || model.chain.some((l) => l.kind === 'init')) return null;
  const install = initInstall(model);
  if (!install) return null;
  const initArgv = [install.path, '--'];
  const entry = entrypointEdits(model, initArgv);
  if (!entry) return null;
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
export function installNamedInit(model: Pid1Model, ins: Instruction, written: string, name: InstallableInit, pathDirs: readonly string[]): Suggestion | null {
  const install = initInstall(model, [name]);
  if (!install) return null;
  const found = written.includes('/') ? written === install.path : pathDirs.some((dir) => `${dir.replace(/\/+$/, '')}/${written}` === install.path);
  const repoint = found ? null : replaceWordEdit(model, ins, written, install.path);
  if ((!found && !repoint) || (install.edits.length === 0 && !repoint)) return null;
  return {
    desc: `Install ${name} (${install.how})${repoint ? ` and run it as ${install.path}` : ''}`,
    fix: mergeEdits(model.parsed.text, [...install.edits, ...(repoint ? [repoint] : [])], model.dockerfilePath),
  };
}
