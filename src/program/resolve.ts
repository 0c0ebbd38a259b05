/**
 * Module specifier → file, the way Node (and tsc's path mapping) would find
 * it in the image, restricted to the build context. Bare specifiers that
 * are not workspace packages or path aliases stay packages: node_modules is
 * never read, libraries are recognised by the table.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { isRecord, type ContextFs } from './fs-context.js';
import { findSourceForOutput } from './source-map.js';
import { loadTsConfig, nearestTsConfig } from './tsconfig.js';
import { findWorkspace } from './workspaces.js';

export type Resolution =
  | { kind: 'file'; path: string; via?: string }
  /** A dependency: not read, recognised through the library table only. */
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'missing'; tried: string[] }
  /** The file exists only through a symlink (or path) that leads outside the build context. */
  | { kind: 'outside'; path: string }
  /** The file exists only with a different letter case: the import fails on Linux. */
  | { kind: 'case'; expected: string; found: string };

export type ResolveMode = 'import' | 'require';

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const TS_FIRST = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_FIRST = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'];
const TS_FOR_JS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const TS_SOURCE = new Set(['.ts', '.tsx', '.mts', '.cts']);
const BUILTINS = new Set(builtinModules);

/** A letter-case mismatch: the import names `expected`, the context has `found`. */
interface CaseMismatch {
  expected: string;
  found: string;
}

interface Attempt {
  tried: string[];
  outside?: string;
  /**
   * Where a letter-case mismatch may explain a failure, in the order met:
   * missing candidates (looked into only if nothing is found: a lookup lists
   * every folder on the way) and mismatches the source mapping found.
   */
  caseChecks: (string | CaseMismatch)[];
}

export function resolveSpecifier(cfs: ContextFs, fromFile: string, spec: string, mode: ResolveMode): Resolution {
  return cfs.derived('resolve', `${fromFile}\0${spec}\0${mode}`, () => new Resolver(cfs, fromFile, mode).resolve(spec));
}

/** Whether a specifier names a package (not a path). */
export function isBareSpecifier(spec: string): boolean {
  return !(spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('file:') || path.isAbsolute(spec));
}

/** `@scope/name/sub` → [`@scope/name`, `./sub`]; `name` → [`name`, `.`]. */
export function splitPackageSpecifier(spec: string): [string, string] {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, n).join('/');
  const rest = parts.slice(n).join('/');
  return [name, rest === '' ? '.' : `./${rest}`];
}

class Resolver {
  private attempt: Attempt = { tried: [], caseChecks: [] };
  private dirDepth = 0;
  private readonly preferTs: boolean;

  constructor(
    private readonly cfs: ContextFs,
    private readonly from: string,
    private readonly mode: ResolveMode,
  ) {
    // In a TS source tree a `.js` import names the `.ts` file beside it, even
    // when a stale compiled `.js` sits there too; JS sources get Node's order.
    this.preferTs = TS_SOURCE.has(path.extname(from));
  }

  resolve(spec: string): Resolution {
    if (spec.startsWith('node:')) return { kind: 'builtin', name: spec.slice(5) };
    if (spec.startsWith('file:')) {
      try {
        return this.finish(this.fileOrDir(new URL(spec).pathname));
      } catch {
        return { kind: 'missing', tried: [] };
      }
    }
    if (!isBareSpecifier(spec)) return this.finish(this.fileOrDir(path.resolve(path.dirname(this.from), spec)));
    if (spec.startsWith('#')) return this.finish(this.packageImports(spec));
    const [name, subpath] = splitPackageSpecifier(spec);
    // Node resolves built-ins before anything a tsconfig alias could say.
    if (BUILTINS.has(spec) || BUILTINS.has(name)) return { kind: 'builtin', name: spec };
    const aliased = this.tsconfigPaths(spec);
    if (aliased) return { kind: 'file', path: aliased, via: 'tsconfig paths' };
    const ws = findWorkspace(this.cfs, path.dirname(this.from));
    const dir = ws?.packages.get(name);
    if (dir) {
      // The same for every importer (of one kind, TS or JS): worked out once per run, not per importing module.
      const entry = this.cfs.derived('package-entry', `${dir}\0${subpath}\0${this.mode}\0${this.preferTs}`, () => {
        const resolver = new Resolver(this.cfs, this.from, this.mode);
        return { found: resolver.packageEntry(dir, subpath), attempt: resolver.attempt };
      });
      if (entry.found) return { kind: 'file', path: entry.found, via: 'workspace package' };
      this.attempt = { ...entry.attempt, tried: [...entry.attempt.tried] };
      return this.finish(null);
    }
    return { kind: 'package', name: spec };
  }

  private finish(found: string | null): Resolution {
    if (found) return { kind: 'file', path: found };
    const mismatch = this.firstCaseMismatch();
    if (mismatch) return { kind: 'case', ...mismatch };
    if (this.attempt.outside) return { kind: 'outside', path: this.attempt.outside };
    return { kind: 'missing', tried: this.attempt.tried };
  }

  private probe(candidate: string): boolean {
    this.attempt.tried.push(candidate);
    const s = this.cfs.check(candidate);
    if (s.status === 'file') return true;
    if (s.status === 'outside') this.attempt.outside ??= candidate;
    else if (s.status === 'missing') this.attempt.caseChecks.push(candidate);
    return false;
  }

  private firstCaseMismatch(): CaseMismatch | null {
    for (const check of this.attempt.caseChecks) {
      if (typeof check !== 'string') return check;
      const found = this.cfs.caseInsensitiveMatch(check);
      if (found && this.cfs.isFile(found)) return { expected: check, found };
    }
    return null;
  }

  private file(p: string): string | null {
    const ext = path.extname(p);
    const ts = TS_FOR_JS[ext];
    let candidates: string[];
    if (ts) {
      const stem = p.slice(0, -ext.length);
      const tsCandidates = ts.map((e) => stem + e);
      candidates = this.preferTs ? [...tsCandidates, p] : [p, ...tsCandidates];
    } else if (CODE_EXTENSIONS.includes(ext) || ext === '.json' || ext === '.node') {
      candidates = [p];
    } else {
      // `./foo` and `./foo.service`: the extension is appended.
      candidates = [p, ...(this.preferTs ? TS_FIRST : JS_FIRST).map((e) => p + e)];
    }
    for (const c of candidates) {
      if (c === p && !ts && !CODE_EXTENSIONS.includes(ext) && ext !== '.json' && this.cfs.isDir(c)) continue;
      if (this.probe(c)) return c;
    }
    return null;
  }

  private fileOrDir(p: string): string | null {
    return this.file(p) ?? this.dir(p);
  }

  /** A folder import: package.json `exports`/`main`, then `index.*`. */
  private dir(dir: string): string | null {
    // `main` may name another folder; a cycle of those must end.
    if (!this.cfs.isDir(dir) || ++this.dirDepth > 8) return null;
    const pkg = this.cfs.readJson(path.join(dir, 'package.json'));
    if (isRecord(pkg)) {
      const entry = this.packageEntry(dir, '.', pkg);
      if (entry) return entry;
    }
    return this.file(path.join(dir, 'index'));
  }

  private packageEntry(dir: string, subpath: string, pkgJson?: Record<string, unknown>): string | null {
    const pkg = pkgJson ?? this.cfs.readJson(path.join(dir, 'package.json'));
    if (isRecord(pkg) && pkg['exports'] !== undefined && pkg['exports'] !== null) {
      const target = exportTarget(pkg['exports'], subpath, this.conditions());
      if (target) return this.file(path.resolve(dir, target)) ?? this.built(path.resolve(dir, target));
      return null;
    }
    if (subpath !== '.') return this.fileOrDir(path.resolve(dir, subpath));
    if (isRecord(pkg) && typeof pkg['main'] === 'string') {
      const main = path.resolve(dir, pkg['main']);
      const found = this.file(main) ?? (main !== dir ? this.dir(main) : null) ?? this.built(main);
      if (found) return found;
    }
    return this.file(path.join(dir, 'index'));
  }

  /** A package entry pointing at build output (absent on the host) leads back to its source. */
  private built(output: string): string | null {
    const lookup = findSourceForOutput(this.cfs.root, output, this.cfs);
    this.attempt.tried.push(...lookup.tried.map((t) => path.join(this.cfs.root, t)));
    if (lookup.caseMismatch) {
      this.attempt.caseChecks.push({
        expected: path.join(this.cfs.root, lookup.caseMismatch.expected),
        found: path.join(this.cfs.root, lookup.caseMismatch.found),
      });
    }
    return lookup.source && this.cfs.isFile(lookup.source) ? lookup.source : null;
  }

  private conditions(): string[] {
    return ['node', this.mode, 'module-sync', 'default'];
  }

  private tsconfigPaths(spec: string): string | null {
    const configFile = nearestTsConfig(this.cfs, path.dirname(this.from));
    const config = configFile ? loadTsConfig(this.cfs, configFile) : null;
    if (!config) return null;
    if (config.paths) {
      let best: { targets: string[]; star: string | null; score: number } | null = null;
      for (const [key, targets] of Object.entries(config.paths.patterns)) {
        const star = key.indexOf('*');
        if (star < 0) {
          if (key === spec) best = { targets, star: null, score: Infinity };
          continue;
        }
        const pre = key.slice(0, star);
        const post = key.slice(star + 1);
        if (spec.length >= pre.length + post.length && spec.startsWith(pre) && spec.endsWith(post)) {
          if (!best || pre.length > best.score) best = { targets, star: spec.slice(pre.length, spec.length - post.length), score: pre.length };
        }
      }
      if (best) {
        for (const t of best.targets) {
          const target = path.resolve(config.paths.base, best.star === null ? t : t.split('*').join(best.star));
          const found = this.fileOrDir(target);
          if (found) return found;
        }
      }
    }
    if (config.baseUrl) {
      const candidate = path.resolve(config.baseUrl, spec);
      if (this.cfs.lexicallyInside(candidate)) {
        const found = this.fileOrDir(candidate);
        if (found) return found;
      }
    }
    return null;
  }

  /** `#internal` specifiers through the nearest package.json `imports`. */
  private packageImports(spec: string): string | null {
    for (let d = path.dirname(this.from); this.cfs.lexicallyInside(d); d = path.dirname(d)) {
      const pkg = this.cfs.readJson(path.join(d, 'package.json'));
      if (isRecord(pkg)) {
        if (!isRecord(pkg['imports'])) return null;
        const target = exportTarget(pkg['imports'], spec, this.conditions());
        if (!target) return null;
        return isBareSpecifier(target) ? null : this.file(path.resolve(d, target));
      }
      if (d === this.cfs.root) break;
    }
    return null;
  }
}

/**
 * The target of `subpath` in a package.json `exports` (or `imports`) field,
 * with `*` patterns and nested conditions, taking the first condition in
 * object order that `conditions` contains, as Node does.
 */
export function exportTarget(field: unknown, subpath: string, conditions: string[]): string | null {
  let map: Record<string, unknown>;
  if (typeof field === 'string' || Array.isArray(field)) map = { '.': field };
  else if (isRecord(field)) {
    const keys = Object.keys(field);
    const subpathKeys = keys.length > 0 && keys.every((k) => k.startsWith('.') || k.startsWith('#'));
    map = subpathKeys ? field : { '.': field };
  } else return null;
  if (Object.prototype.hasOwnProperty.call(map, subpath)) return pickTarget(map[subpath], conditions, null);
  let best: { key: string; star: string; prefix: number } | null = null;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const pre = key.slice(0, star);
    const post = key.slice(star + 1);
    if (subpath.length >= pre.length + post.length && subpath.startsWith(pre) && subpath.endsWith(post)) {
      if (!best || pre.length > best.prefix) best = { key, star: subpath.slice(pre.length, subpath.length - post.length), prefix: pre.length };
    }
  }
  return best ? pickTarget(map[best.key], conditions, best.star) : null;
}

function pickTarget(value: unknown, conditions: string[], star: string | null): string | null {
  if (typeof value === 'string') return star === null ? value : value.split('*').join(star);
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = pickTarget(v, conditions, star);
      if (t !== null) return t;
    }
    return null;
  }
  if (isRecord(value)) {
    for (const [condition, v] of Object.entries(value)) {
      if (!conditions.includes(condition)) continue;
      const t = pickTarget(v, conditions, star);
      if (t !== null) return t;
    }
  }
  return null;
}
