/**
 * Command-line grammars of the programs that appear in PID-1 chains: which
 * options take a value, where the child command starts. Pure functions of
 * argv; what each program does with a signal lives in verdict.ts.
 */
import path from 'node:path';

export function basename(program: string): string {
  return path.posix.basename(program);
}

// ---------------------------------------------------------------------------
// Inits (facts §4, §8)
// ---------------------------------------------------------------------------

export interface InitInvocation {
  name: 'tini' | 'dumb-init' | 'docker-init' | 'catatonit' | 's6-overlay';
  /** tini -g, dumb-init default (setsid + group): the signal goes to the child's whole process group. */
  group: boolean;
  /** tini -s / TINI_SUBREAPER: reaps even when not PID 1. */
  subreaper: boolean;
  /** dumb-init --rewrite s:r, tini has none. Signal numbers. */
  rewrite: Map<number, number>;
  /** tini -e CODE: exit codes remapped to 0. */
  remapExit: number[];
  child: string[];
  /** Options we did not understand (kept for --explain). */
  unknownOptions: string[];
}

export function initName(program: string): InitInvocation['name'] | null {
  const base = basename(program);
  if (program === '/init') return 's6-overlay';
  if (base === 'tini' || base === 'tini-static' || /^tini-(amd64|arm64|armhf|armel|i386|ppc64le|s390x|muslc-\w+)$/.test(base) || /^tini-static-/.test(base)) return 'tini';
  if (base === 'dumb-init' || /^dumb-init_[\d.]+_\w+$/.test(base)) return 'dumb-init';
  if (base === 'docker-init') return 'docker-init';
  if (base === 'catatonit') return 'catatonit';
  return null;
}

export function parseInit(argv: string[], env: Record<string, string>): InitInvocation | null {
  const name = initName(argv[0] ?? '');
  if (!name) return null;
  const inv: InitInvocation = { name, group: false, subreaper: false, rewrite: new Map(), remapExit: [], child: [], unknownOptions: [] };
  const args = argv.slice(1);
  if (name === 'tini' || name === 'docker-init') {
    inv.subreaper = truthy(env.TINI_SUBREAPER);
    inv.group = truthy(env.TINI_KILL_PROCESS_GROUP);
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      // Short options may be bundled: -sg
      for (let k = 1; k < a.length; k++) {
        const opt = a[k];
        if (opt === 's') inv.subreaper = true;
        else if (opt === 'g') inv.group = true;
        else if (opt === 'e' || opt === 'p' || opt === 'l') {
          const value = a.slice(k + 1) || args[++i] || '';
          if (opt === 'e' && /^\d+$/.test(value)) inv.remapExit.push(Number(value));
          break;
        } else if (opt === 'v' || opt === 'w' || opt === 'h') continue;
        else inv.unknownOptions.push(`-${opt}`);
      }
    }
    inv.child = args.slice(i);
    return inv;
  }
  if (name === 'dumb-init') {
    inv.group = env.DUMB_INIT_SETSID !== '0';
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-')) break;
      if (a === '-c' || a === '--single-child') inv.group = false;
      else if (a === '-r' || a === '--rewrite' || a.startsWith('--rewrite=')) {
        const spec = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? '');
        const m = /^(\d+):(\d+)$/.exec(spec);
        if (m) inv.rewrite.set(Number(m[1]), Number(m[2]));
      } else if (a === '-v' || a === '--verbose' || a === '-V' || a === '--version' || a === '-h' || a === '--help') continue;
      else inv.unknownOptions.push(a);
    }
    inv.child = args.slice(i);
    return inv;
  }
  // catatonit and s6 /init: options are not modelled; the child follows `--` or the first non-option.
  const dd = args.indexOf('--');
  inv.child = dd >= 0 ? args.slice(dd + 1) : args.filter((a, i) => !a.startsWith('-') || i > 0);
  if (name === 'catatonit') inv.group = args.includes('-g');
  return inv;
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0';
}

// ---------------------------------------------------------------------------
// Shells
// ---------------------------------------------------------------------------

export type ShellName = 'sh' | 'bash' | 'dash' | 'ash' | 'busybox' | 'zsh';

export function shellName(program: string, args: string[]): ShellName | null {
  const base = basename(program);
  if (base === 'busybox') return args[0] === 'sh' || args[0] === 'ash' ? 'busybox' : null;
  if (base === 'sh' || base === 'bash' || base === 'dash' || base === 'ash' || base === 'zsh') return base;
  return null;
}

export interface ShellInvocation {
  name: ShellName;
  /** The `-c` command string, when given. */
  command: string | null;
  /** A script file to run (`sh script.sh args`), when no -c. */
  script: string | null;
  /** Positional parameters: $0 (for -c) then $1…; the script's arguments otherwise. */
  params: string[];
}

export function parseShell(argv: string[]): ShellInvocation | null {
  const args = argv.slice(1);
  const name = shellName(argv[0] ?? '', args);
  if (!name) return null;
  const rest = name === 'busybox' ? args.slice(1) : args;
  let wantsCommand = false;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O' || a === '--rcfile' || a === '--init-file') {
      i++;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.startsWith('-') && a.includes('c')) wantsCommand = true;
      continue;
    }
    if (a.startsWith('--')) continue;
    break;
  }
  const operands = rest.slice(i);
  if (wantsCommand) {
    return { name, command: operands[0] ?? '', script: null, params: operands.slice(1) };
  }
  return { name, command: null, script: operands[0] ?? null, params: operands.slice(1) };
}

// ---------------------------------------------------------------------------
// Wrappers that exec the next program (same PID)
// ---------------------------------------------------------------------------

export interface WrapperInvocation {
  name: string;
  /** exec: replaces itself; spawn: forks and waits (su, runuser, sudo). */
  relation: 'exec' | 'spawn';
  /** A Node CLI that spawns the command, relays the stop signal to it and exits when it does (cross-env, dotenv-cli). */
  relays?: boolean;
  child: string[];
  env: Record<string, string>;
}

export function parseWrapper(argv: string[]): WrapperInvocation | null {
  const name = basename(argv[0] ?? '');
  const args = argv.slice(1);
  switch (name) {
    case 'env': {
      const env: Record<string, string> = {};
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '--') {
          i++;
          break;
        }
        if (a === '-u' || a === '--unset' || a === '-C' || a === '--chdir') {
          i++;
          continue;
        }
        if (a === '-S' || a === '--split-string') {
          const split = (args[i + 1] ?? '').split(/\s+/).filter(Boolean);
          return { name, relation: 'exec', child: [...split, ...args.slice(i + 2)], env };
        }
        if (a.startsWith('-')) continue;
        const eq = a.indexOf('=');
        if (eq > 0) {
          env[a.slice(0, eq)] = a.slice(eq + 1);
          continue;
        }
        break;
      }
      return { name, relation: 'exec', child: args.slice(i), env };
    }
    case 'gosu':
    case 'su-exec':
      return { name, relation: 'exec', child: args.slice(1), env: {} };
    case 's6-setuidgid':
    case 'chpst':
    case 'setpriv':
    case 'nice':
    case 'ionice':
    case 'taskset':
    case 'numactl':
    case 'stdbuf':
    case 'setsid':
    case 'chroot':
    case 'unbuffer': {
      const withValue = new Set(['-u', '-U', '-n', '-c', '-p', '-o', '-e', '-i', '--reuid', '--regid', '--groups', '--cpunodebind', '--membind', '-N', '-m', '-C']);
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '--') {
          i++;
          break;
        }
        if (!a.startsWith('-')) break;
        if (withValue.has(a)) i++;
      }
      // chpst/s6-setuidgid take the user as the first operand.
      if (name === 's6-setuidgid' || (name === 'chroot' && i < args.length)) i++;
      return { name, relation: 'exec', child: args.slice(i), env: {} };
    }
    case 'cross-env': {
      // `cross-env A=1 B=2 cmd args`: leading NAME=value words, then the command.
      const env: Record<string, string> = {};
      let i = 0;
      for (; i < args.length; i++) {
        const m = /^(\w+)=(.*)$/.exec(args[i] as string);
        if (!m) break;
        env[m[1] as string] = (m[2] as string).replace(/^(['"])(.*)\1$/, '$2');
      }
      return { name, relation: 'spawn', relays: true, child: args.slice(i), env };
    }
    case 'dotenv': {
      // dotenv-cli: `dotenv -e .env -v K=V -- cmd args` (without `--`, the first operand is the command).
      const env: Record<string, string> = {};
      const withValue = new Set(['-e', '-v', '-c']);
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '--') {
          i++;
          break;
        }
        if (!a.startsWith('-')) break;
        if (a === '-v') {
          const m = /^(\w+)=(.*)$/.exec(args[i + 1] ?? '');
          if (m) env[m[1] as string] = m[2] as string;
        }
        // `-c` takes an optional environment name.
        if (withValue.has(a) && (a !== '-c' || !/^-/.test(args[i + 1] ?? '-'))) i++;
      }
      return { name, relation: 'spawn', relays: true, child: args.slice(i), env };
    }
    case 'su':
    case 'runuser':
    case 'sudo': {
      const dd = args.indexOf('--');
      const cIndex = args.indexOf('-c');
      if (cIndex >= 0) return { name, relation: 'spawn', child: ['sh', '-c', args[cIndex + 1] ?? ''], env: {} };
      return { name, relation: 'spawn', child: dd >= 0 ? args.slice(dd + 1) : args.filter((a) => !a.startsWith('-')).slice(1), env: {} };
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// Node and the tools that run Node programs
// ---------------------------------------------------------------------------

export interface NodeInvocation {
  /** The script operand (`app.js`, `.`, `dist`), or null (REPL, -e, -p). */
  script: string | null;
  /** `-e`, `-p` or `--eval` code. */
  inline: string | null;
  requires: string[];
  imports: string[];
  loaders: string[];
  options: string[];
  args: string[];
  watch: boolean;
}

/** Node options that take their value as the next argument. */
const NODE_VALUE_OPTIONS = new Set([
  '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--env-file-if-exists',
  '--input-type', '--title', '--disable-warning', '--watch-path', '--redirect-warnings', '--openssl-config', '--icu-data-dir',
  '--diagnostic-dir', '--report-dir', '--report-directory', '--report-filename', '--report-signal', '--experimental-config-file',
  '--cpu-prof-dir', '--heap-prof-dir', '--secure-heap', '--secure-heap-min', '--stack-trace-limit', '--unhandled-rejections',
  '--dns-result-order', '--max-http-header-size', '--tls-cipher-list', '--tls-keylog', '--use-largepages', '--test-reporter',
  '--test-reporter-destination', '--experimental-sea-config', '--localstorage-file', '--inspect-port', '--debug-port',
]);

export function parseNodeArgs(args: string[]): NodeInvocation {
  const inv: NodeInvocation = { script: null, inline: null, requires: [], imports: [], loaders: [], options: [], args: [], watch: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      inv.script = args[i + 1] ?? null;
      inv.args = args.slice(i + 2);
      return inv;
    }
    if (!a.startsWith('-') || a === '-') {
      inv.script = a === '-' ? null : a;
      inv.args = args.slice(i + 1);
      return inv;
    }
    inv.options.push(a);
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
    if (flag === '-e' || flag === '--eval' || flag === '-p' || flag === '--print') {
      inv.inline = value ?? args[++i] ?? '';
      inv.args = args.slice(i + 1);
      return inv;
    }
    if (value === undefined && NODE_VALUE_OPTIONS.has(flag)) value = args[++i];
    if (value === undefined) {
      if (flag === '--watch') inv.watch = true;
      continue;
    }
    if (flag === '-r' || flag === '--require') inv.requires.push(value);
    else if (flag === '--import') inv.imports.push(value);
    else if (flag === '--loader' || flag === '--experimental-loader') inv.loaders.push(value);
  }
  return inv;
}

/** NODE_OPTIONS as node splits it (quotes honoured, no shell expansion). */
export function splitNodeOptions(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === ' ' || ch === '\t') {
      if (has) out.push(current);
      current = '';
      has = false;
    } else {
      current += ch;
      has = true;
    }
  }
  if (has) out.push(current);
  return out;
}

/**
 * Entry points of Node tools when a chain names the file instead of the
 * command (`node node_modules/next/dist/bin/next start`).
 */
export function toolFromScriptPath(script: string): string | null {
  const p = script.replace(/\\/g, '/');
  const known: [RegExp, string][] = [
    [/node_modules\/next\/dist\/bin\/next$/, 'next'],
    [/node_modules\/tsx\/dist\/cli\.m?js$/, 'tsx'],
    [/node_modules\/ts-node\/dist\/bin(-esm)?\.js$/, 'ts-node'],
    [/node_modules\/nodemon\/bin\/nodemon\.js$/, 'nodemon'],
    [/node_modules\/pm2\/bin\/pm2-runtime$/, 'pm2-runtime'],
    [/node_modules\/npm\/bin\/npm-cli\.js$/, 'npm'],
    [/node_modules\/npm\/bin\/npx-cli\.js$/, 'npx'],
    [/node_modules\/yarn\/bin\/yarn(\.js)?$/, 'yarn'],
    [/\.yarn\/releases\/yarn-[\w.-]+\.c?js$/, 'yarn'],
    [/node_modules\/pnpm\/bin\/pnpm\.c?js$/, 'pnpm'],
    [/node_modules\/\.bin\/([\w.-]+)$/, '$1'],
  ];
  for (const [pattern, tool] of known) {
    const m = pattern.exec(p);
    if (m) return tool === '$1' ? (m[1] as string) : tool;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Package managers (facts §2)
// ---------------------------------------------------------------------------

export type PackageManagerName = 'npm' | 'npx' | 'yarn' | 'pnpm' | 'corepack';

export interface PackageManagerInvocation {
  name: PackageManagerName;
  /** `run`: a package.json script; `exec`: a local binary (npx, npm exec, yarn exec, pnpm exec/dlx); `node`: yarn node; `other`: install etc. */
  action: 'run' | 'exec' | 'node' | 'other';
  /** Script name (run) or binary argv (exec/node). */
  script: string | null;
  execArgv: string[];
  /** Arguments appended to the script (after `--` for npm). */
  extraArgs: string[];
  /** --prefix / --cwd / -C / --dir, relative to the working directory. */
  dir: string | null;
  /** pnpm --filter / npm -w / yarn workspace <name>. */
  workspace: string | null;
  /** corepack: the package manager it runs. */
  delegate: string[] | null;
}

const NPM_VALUE_OPTIONS = new Set(['--prefix', '-C', '-w', '--workspace', '--script-shell', '--loglevel', '--userconfig', '--cache', '--registry', '-p', '--package', '-c', '--call', '--node-options']);
const NPM_RUN_COMMANDS = new Set(['run', 'run-script', 'rum', 'urn']);
const NPM_LIFECYCLE = new Set(['start', 'test', 'tst', 't', 'restart', 'stop']);
const PNPM_COMMANDS = new Set(['install', 'i', 'add', 'remove', 'rm', 'update', 'up', 'link', 'unlink', 'import', 'rebuild', 'prune', 'fetch', 'install-test', 'it', 'patch', 'patch-commit', 'audit', 'list', 'ls', 'outdated', 'why', 'publish', 'pack', 'store', 'root', 'bin', 'setup', 'init', 'deploy', 'env', 'create', 'config', 'licenses', 'server', 'doctor', 'self-update']);
const YARN_COMMANDS = new Set(['install', 'add', 'remove', 'upgrade', 'up', 'info', 'why', 'workspaces', 'config', 'cache', 'set', 'plugin', 'dlx', 'init', 'pack', 'npm', 'constraints', 'dedupe', 'explain', 'link', 'unlink', 'rebuild', 'patch', 'patch-commit', 'version', 'global', 'list', 'audit', 'outdated', 'publish', 'policies', 'import', 'licenses', 'login', 'logout', 'owner', 'tag', 'team', 'check', 'autoclean', 'generate-lock-entry', 'create', 'help']);

export function packageManagerName(program: string): PackageManagerName | null {
  const base = basename(program).replace(/\.(c?js|cmd)$/, '');
  if (base === 'npm' || base === 'npx' || base === 'yarn' || base === 'pnpm' || base === 'corepack') return base;
  if (base === 'yarnpkg') return 'yarn';
  if (base === 'pnpx') return 'pnpm';
  return null;
}

export function parsePackageManager(argv: string[]): PackageManagerInvocation | null {
  const name = packageManagerName(argv[0] ?? '');
  if (!name) return null;
  const inv: PackageManagerInvocation = { name, action: 'other', script: null, execArgv: [], extraArgs: [], dir: null, workspace: null, delegate: null };
  const args = argv.slice(1);
  if (name === 'corepack') {
    const i = args.findIndex((a) => !a.startsWith('-'));
    inv.delegate = i >= 0 ? args.slice(i) : null;
    return inv;
  }
  if (basename(argv[0] ?? '') === 'pnpx') {
    inv.action = 'exec';
    inv.execArgv = args.filter((a) => !a.startsWith('-'));
    return inv;
  }
  // Collect leading/interleaved options until the command word.
  const operands: string[] = [];
  let afterDashDash: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      afterDashDash = args.slice(i + 1);
      break;
    }
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const flag = eq > 0 ? a.slice(0, eq) : a;
      const takesValue = NPM_VALUE_OPTIONS.has(flag) || flag === '--cwd' || flag === '--dir' || flag === '--filter' || flag === '-F';
      const value = eq > 0 ? a.slice(eq + 1) : takesValue ? args[++i] : undefined;
      if ((flag === '--prefix' || flag === '-C' || flag === '--cwd' || flag === '--dir') && value) inv.dir = value;
      if ((flag === '-w' || flag === '--workspace' || flag === '--filter' || flag === '-F') && value) inv.workspace = value;
      continue;
    }
    operands.push(a);
    if (name === 'npx') {
      // Everything after the binary name belongs to the binary.
      inv.action = 'exec';
      inv.execArgv = [a, ...args.slice(i + 1).filter((r) => r !== '--')];
      return inv;
    }
    if (operands.length === 1 && (a === 'exec' || a === 'x' || a === 'dlx')) {
      const rest = args.slice(i + 1);
      const bin = rest.findIndex((r) => !r.startsWith('-') || r === '--');
      const tail = bin >= 0 ? rest.slice(bin) : [];
      inv.action = 'exec';
      inv.execArgv = tail[0] === '--' ? tail.slice(1) : tail;
      return inv;
    }
  }
  const [command, ...more] = operands;
  if (command === undefined) return inv;
  if (name === 'yarn' && command === 'workspace' && more.length >= 1) {
    inv.workspace = more[0] ?? null;
    const sub = parsePackageManager(['yarn', ...more.slice(1), ...(afterDashDash.length ? ['--', ...afterDashDash] : [])]);
    return sub ? { ...sub, workspace: inv.workspace, dir: inv.dir } : inv;
  }
  if (name === 'yarn' && command === 'node') {
    inv.action = 'node';
    inv.execArgv = ['node', ...more, ...afterDashDash];
    return inv;
  }
  if (NPM_RUN_COMMANDS.has(command) || (name !== 'npm' && command === 'run')) {
    inv.action = 'run';
    inv.script = more[0] ?? null;
    inv.extraArgs = [...more.slice(1), ...afterDashDash];
    return inv;
  }
  if (NPM_LIFECYCLE.has(command)) {
    inv.action = 'run';
    inv.script = command === 't' || command === 'tst' ? 'test' : command;
    inv.extraArgs = [...more, ...afterDashDash];
    return inv;
  }
  // yarn and pnpm run a script named like the command when it is not one of theirs.
  if ((name === 'yarn' && !YARN_COMMANDS.has(command)) || (name === 'pnpm' && !PNPM_COMMANDS.has(command))) {
    inv.action = 'run';
    inv.script = command;
    inv.extraArgs = [...more, ...afterDashDash];
    return inv;
  }
  return inv;
}

// ---------------------------------------------------------------------------
// pm2-runtime, tsx, ts-node, nodemon, next
// ---------------------------------------------------------------------------

/** The first operand after options for tools shaped like `tool [options] file [args]`. */
export function firstOperand(args: string[], valueOptions: Set<string> = new Set()): { operand: string | null; index: number } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return { operand: args[i + 1] ?? null, index: i + 1 };
    if (!a.startsWith('-')) return { operand: a, index: i };
    if (!a.includes('=') && valueOptions.has(a)) i++;
  }
  return { operand: null, index: args.length };
}

export const TSX_VALUE_OPTIONS = new Set(['--tsconfig', '--env-file', '-r', '--require', '--import', '--include', '--exclude', '--ignore']);
export const NODEMON_VALUE_OPTIONS = new Set(['-e', '--ext', '-w', '--watch', '-i', '--ignore', '-x', '--exec', '--config', '-d', '--delay', '--signal', '-s']);
export const PM2_VALUE_OPTIONS = new Set(['-n', '--name', '-i', '--instances', '--node-args', '--interpreter', '--env', '-e', '-o', '--output', '--error', '--log', '--max-memory-restart', '--cwd', '--secret', '--public', '--machine-name', '--format']);
