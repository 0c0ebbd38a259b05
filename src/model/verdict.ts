/**
 * What happens when the stop signal reaches PID 1: walk the process tree the
 * chain builds (links joined by exec or in-process are one process) and let
 * each process react as the experiments of pid1-facts.md recorded.
 *
 * The answer has three parts:
 * - stopsOnSignal: PID 1 exits before the grace period ends (what `verify` checks);
 * - appSignal: the signal the application itself receives (null: none);
 * - appWaitedFor: the processes above the application wait for it, so its
 *   own shutdown can finish (K3: when PID 1 exits, every other process dies).
 */
import type { ResolvedLink } from './chain.js';
import { isUncatchable, signalName, signalNumber } from '../signals.js';

/** How the application reacts to a signal (from reading the program; unknown before that). */
export type AppReaction = 'exits' | 'may-hang' | 'none' | 'unknown';

export interface AppFacts {
  /** `isPid1` matters: a handler that re-raises ends any process but PID 1 (K2). */
  reaction(signal: string, isPid1: boolean): { reaction: AppReaction; why: string };
}

/** Before the program is read, nothing is known about node programs; Next.js is known (facts §6). */
export const UNREAD_PROGRAM: AppFacts = {
  reaction: () => ({ reaction: 'unknown', why: 'the program has not been read' }),
};

export interface Process {
  /** The links that make up this process (exec and in-process links fold into the next). */
  links: ResolvedLink[];
  /** The link whose behaviour the process has (the last of `links`). */
  link: ResolvedLink;
  /** Index in the chain of `link`. */
  index: number;
}

export function processesOf(chain: ResolvedLink[]): Process[] {
  const out: Process[] = [];
  let current: ResolvedLink[] = [];
  chain.forEach((link, index) => {
    current.push(link);
    if (link.relation === 'exec' || link.relation === 'in-process') return;
    out.push({ links: current, link, index });
    current = [];
  });
  // A chain that ends on an exec link whose target could not be followed.
  if (current.length > 0) {
    const link = current.at(-1) as ResolvedLink;
    out.push({ links: current, link, index: chain.length - 1 });
  }
  return out;
}

export interface Verdict {
  stopsOnSignal: boolean | null;
  appSignal: string | null;
  appWaitedFor: boolean | null;
  /** pm2-runtime: the app is SIGKILLed after this many ms. */
  appWaitLimitMs: number | null;
  /** The processes, PID 1 first. */
  processes: Process[];
  /** One sentence per step, for --explain. */
  steps: string[];
}

interface Outcome {
  exits: boolean | null;
  appSignal: string | null;
  appWaitedFor: boolean | null;
  appWaitLimitMs: number | null;
}

export interface EvaluateOptions {
  /** The chain's first process is not PID 1 (Kubernetes shareProcessNamespace: the pause container is). */
  pid1Outside?: boolean;
}

export function evaluateStop(chain: ResolvedLink[], signal: string, app: AppFacts, options: EvaluateOptions = {}): Verdict {
  const processes = processesOf(chain);
  const steps: string[] = [];
  if (processes.length === 0) {
    return { stopsOnSignal: null, appSignal: null, appWaitedFor: null, appWaitLimitMs: null, processes, steps };
  }
  if (isUncatchable(signal)) {
    // K1: SIGKILL and SIGSTOP from an ancestor namespace always reach PID 1; nothing can react to them.
    steps.push(`${signal} cannot be caught: PID 1 is killed at once and every other process with it (K1, K3)`);
    return { stopsOnSignal: signal === 'SIGKILL', appSignal: null, appWaitedFor: false, appWaitLimitMs: null, processes, steps };
  }
  if (options.pid1Outside) steps.push(`the pod's pause container is PID 1 (shareProcessNamespace), so ${processes[0]?.link.name ?? 'the command'} is not (facts §9)`);
  const outcome = deliver(processes, 0, signal, null, app, steps, options.pid1Outside ? -1 : 0);
  return { stopsOnSignal: outcome.exits, appSignal: outcome.appSignal, appWaitedFor: outcome.appWaitedFor, appWaitLimitMs: outcome.appWaitLimitMs, processes, steps };
}

function label(p: Process): string {
  return p.link.name;
}

/**
 * `next start` and a standalone server.js install SIGINT/SIGTERM handlers that
 * exit (143) unless NEXT_MANUAL_SIG_HANDLE is set (facts §6).
 */
function nextReaction(link: ResolvedLink, signal: string, app: AppFacts, isPid1: boolean): { reaction: AppReaction; why: string } {
  if (link.env.NEXT_MANUAL_SIG_HANDLE) return app.reaction(signal, isPid1);
  if (signal === 'SIGTERM' || signal === 'SIGINT') return { reaction: 'exits', why: 'Next.js handles it and exits 143 (facts §6 next-start)' };
  return app.reaction(signal, isPid1);
}

/**
 * `signal` reaches process i. `groupSignal` is set when an init signalled the
 * whole process group: every process below i receives it at the same time.
 */
function deliver(processes: Process[], i: number, signal: string, groupSignal: string | null, app: AppFacts, steps: string[], pid1 = 0): Outcome {
  const p = processes[i] as Process;
  const isPid1 = i === pid1;
  const where = isPid1 ? 'as PID 1' : 'not PID 1';
  const hasChild = i + 1 < processes.length;
  const behaviour = p.link.behaviour;
  const unknown: Outcome = { exits: null, appSignal: null, appWaitedFor: null, appWaitLimitMs: null };

  switch (behaviour.type) {
    case 'program': {
      if (hasChild) {
        steps.push(`${label(p)} (${where}): how it passes ${signal} on is not known`);
        return unknown;
      }
      const r = behaviour.runtime === 'next' ? nextReaction(p.link, signal, app, isPid1)
        : behaviour.runtime === 'node' ? app.reaction(signal, isPid1)
        : { reaction: 'unknown' as const, why: `${behaviour.runtime} is not modelled` };
      const base = { appSignal: signal, appWaitedFor: true, appWaitLimitMs: null };
      switch (r.reaction) {
        case 'none':
          if (isPid1) {
            steps.push(`${label(p)} ${where} has no listener for ${signal}: the kernel delivers it to Node's default handler, whose re-raise PID 1 drops, so it keeps running until SIGKILL (facts §5, K1, K2)`);
            return { ...base, exits: false };
          }
          steps.push(`${label(p)} (${where}) has no listener for ${signal}: the default action ends it (exit ${128 + (signalNumber(signal) ?? 15)}) (facts §5 node-none-nons)`);
          return { ...base, exits: true };
        case 'exits':
          steps.push(`${label(p)} (${where}) handles ${signal} and ends the process: ${r.why}`);
          return { ...base, exits: true };
        case 'may-hang':
          steps.push(`${label(p)} (${where}) handles ${signal} but nothing ends the process: ${r.why}`);
          return { ...base, exits: false };
        default:
          if (isPid1) {
            steps.push(`${label(p)} ${where}: whether it acts on ${signal} depends on the program (${r.why})`);
            return { ...base, exits: null };
          }
          steps.push(`${label(p)} (${where}): without a listener the default action ends it; a listener that ends the process does too (${r.why})`);
          return { ...base, exits: true };
      }
    }
    case 'init': {
      const init = behaviour.init;
      const number = signalNumber(signal) ?? 15;
      const rewritten = init.rewrite.has(number) ? signalName(init.rewrite.get(number) as number) : signal;
      const forwarded = rewritten !== signal ? `${rewritten} (rewritten from ${signal})` : signal;
      if (!hasChild) {
        steps.push(`${init.name} has no command to run`);
        return unknown;
      }
      steps.push(init.group
        ? `${init.name} (${where}) sends ${forwarded} to the whole process group of its child (facts §4)`
        : `${init.name} (${where}) forwards ${forwarded} to its child only (facts §4)`);
      const child = deliver(processes, i + 1, rewritten, init.group ? rewritten : groupSignal, app, steps, pid1);
      if (child.exits === true) steps.push(`${init.name} exits when its child exits${isPid1 ? ', and the container stops' : ''}`);
      return child;
    }
    case 'shell-wait': {
      if (p.link.uncertain) {
        steps.push(`${label(p)} (${where}): ${p.link.why}`);
        return unknown;
      }
      const trapped = behaviour.trapSignals.includes(signal);
      if (isPid1) {
        steps.push(trapped
          ? `${label(p)} as PID 1 has a trap for ${signal}, but a shell runs traps only after its foreground command finishes, so it never fires (facts §3 dash-trap-fg)`
          : `${label(p)} as PID 1 has no handler for ${signal}: the kernel drops it, and the shell does not pass it on (facts §3, K1)`);
        const app = groupSignal ? { appSignal: groupSignal, appWaitedFor: false } : { appSignal: null, appWaitedFor: false };
        return { exits: false, ...app, appWaitLimitMs: null };
      }
      steps.push(`${label(p)} (${where}) dies of ${signal} (default action) without passing it on${groupSignal ? '; the rest of the group got it too' : ''}; its children are killed when PID 1 exits (K3) (facts §4 tini-dash-c)`);
      return { exits: true, appSignal: groupSignal, appWaitedFor: false, appWaitLimitMs: null };
    }
    case 'shell-trap-forward': {
      if (!behaviour.trapSignals.includes(signal)) {
        steps.push(`${label(p)} traps ${behaviour.trapSignals.join(', ')}, not ${signal}`);
        return isPid1 ? { exits: false, appSignal: groupSignal, appWaitedFor: false, appWaitLimitMs: null } : { exits: true, appSignal: groupSignal, appWaitedFor: false, appWaitLimitMs: null };
      }
      steps.push(`${label(p)} (${where}) is waiting in \`wait\`, so its ${signal} trap runs at once and forwards the signal to the background job (facts §3 dash-trap-bg-wait)`);
      if (!hasChild) return unknown;
      return deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
    }
    case 'package-manager':
      return packageManager(processes, i, signal, groupSignal, app, steps, pid1);
    case 'tsx': {
      steps.push(`tsx (${where}) relays ${signal} to its child node process and waits for it (facts §2 tsx-*)`);
      if (!hasChild) return unknown;
      return deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
    }
    case 'relay': {
      // Measured (fixtures cross-env-*, dotenv-*): a listener forwards the signal; the exit follows the child's.
      steps.push(`${behaviour.tool} (${where}) relays ${signal} to its child and exits when the child does (measured: fixtures ${behaviour.tool}-*)`);
      if (!hasChild) return unknown;
      return deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
    }
    case 'nodemon': {
      steps.push(`nodemon (${where}) sends its child SIGTERM, then SIGINT twice, waits up to 10 s and exits 143 (facts §2 nodemon-*)`);
      if (hasChild) deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
      return { exits: true, appSignal: hasChild ? signal : null, appWaitedFor: true, appWaitLimitMs: 10000 };
    }
    case 'pm2-runtime': {
      steps.push(`pm2-runtime (${where}) stops the app with ${behaviour.killSignal}, SIGKILLs it after ${behaviour.killTimeoutMs} ms, and exits 0 (facts §2 pm2-runtime-*)`);
      if (hasChild) deliver(processes, i + 1, behaviour.killSignal, groupSignal, app, steps, pid1);
      return { exits: true, appSignal: hasChild ? behaviour.killSignal : null, appWaitedFor: true, appWaitLimitMs: behaviour.killTimeoutMs };
    }
    default:
      steps.push(`${label(p)} (${where}): what it does with ${signal} is not known${p.link.uncertain ? ` (${p.link.uncertain})` : ''}`);
      return unknown;
  }
}

function packageManager(processes: Process[], i: number, signal: string, groupSignal: string | null, app: AppFacts, steps: string[], pid1: number): Outcome {
  const p = processes[i] as Process;
  const behaviour = p.link.behaviour;
  if (behaviour.type !== 'package-manager') throw new Error('not a package manager');
  const isPid1 = i === pid1;
  const where = isPid1 ? 'as PID 1' : 'not PID 1';
  const hasChild = i + 1 < processes.length;
  if (!hasChild) {
    steps.push(`${p.link.name} runs nothing long-lived`);
    return { exits: null, appSignal: null, appWaitedFor: null, appWaitLimitMs: null };
  }
  const childIsApp = i + 1 === processes.length - 1;
  switch (behaviour.flavour) {
    case 'npm': {
      steps.push(`npm (${where}) forwards ${signal} to its direct child only and waits for it; when the child dies of a signal, npm re-raises it on itself${isPid1 ? ' (dropped as PID 1, K2) and exits 1 after 500 ms' : ' and dies'} (facts §2 npm11-start-*)`);
      const child = deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
      return child;
    }
    case 'yarn1': {
      steps.push(`yarn 1 (${where}) forwards ${signal} to its child and calls process.exit(1) at once: it never waits (facts §2 yarn1-*)`);
      const child = deliver(processes, i + 1, signal, groupSignal, app, [], pid1);
      return { exits: true, appSignal: child.appSignal, appWaitedFor: false, appWaitLimitMs: null };
    }
    case 'yarn-berry': {
      steps.push(`yarn berry (${where}) forwards ${signal} to the program it spawned directly and waits for it (facts §2 yarnberry-*)`);
      return deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
    }
    case 'pnpm-legacy': {
      // pnpm exits when its direct child does: the Debian rows' "exits 1 at once" is `sh` dying of the
      // signal. A child that is not a shell (the program, a relay, another pnpm) is forwarded to and waited for.
      const direct = processes[i + 1] as Process;
      if (direct.link.behaviour.type !== 'shell-wait') {
        steps.push(`pnpm 9/10 (${where}) forwards ${signal} to its direct child, ${childIsApp ? 'here the program itself' : `\`${direct.link.name}\``}, and exits when it does (facts §2 pnpm9/10-start-slow-alpine)`);
        return deliver(processes, i + 1, signal, groupSignal, app, steps, pid1);
      }
      steps.push(`pnpm 9/10 (${where}) forwards ${signal} to \`sh\`, which dies; pnpm then signals every descendant (found with ps) and exits 1 at once, without waiting for the program (facts §2 pnpm9-*, pnpm10-start-*)`);
      return { exits: true, appSignal: signal, appWaitedFor: false, appWaitLimitMs: null };
    }
    case 'pnpm-native': {
      steps.push(`pnpm 12 (${where}) passes ${signal} through its wrapper shells to the program and waits; it exits 143 (facts §2 pnpm12-*)`);
      const appProcess = processes.length - 1;
      return deliver(processes, appProcess, signal, groupSignal, app, steps, pid1);
    }
    default:
      steps.push(`${p.link.name} (${where}): its signal handling is not verified`);
      return { exits: null, appSignal: null, appWaitedFor: null, appWaitLimitMs: null };
  }
}
