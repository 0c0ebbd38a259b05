/**
 * tsconfig reading: the `extends` chain and the options that decide where
 * modules resolve (`paths`, `baseUrl`) and where output lands (`outDir`,
 * `rootDir`, `include`, `files`). Path-valued options are made absolute
 * relative to the config that declares them, as tsc does.
 */
import path from 'node:path';
import { isRecord, type ContextFs } from './fs-context.js';

export interface TsConfig {
  /** The config file asked for. */
  file: string;
  /** Every config read, the asked-for file first, then what it extends. */
  chain: string[];
  outDir?: string;
  rootDir?: string;
  baseUrl?: string;
  /** `paths`, with the folder its targets are relative to (baseUrl, else the declaring config's folder). */
  paths?: { patterns: Record<string, string[]>; base: string };
  allowJs?: boolean;
  composite?: boolean;
  include?: { patterns: string[]; base: string };
  files?: { list: string[]; base: string };
  exclude?: { patterns: string[]; base: string };
  /** Configs in the chain that could not be found or parsed. */
  problems: string[];
}

const MAX_EXTENDS_DEPTH = 16;
export function loadTsConfig(cfs: ContextFs, file: string): TsConfig | null {
  const abs = path.resolve(file);
  return cfs.derived('tsconfig', abs, () => load(cfs, abs, new Set(), 0));
}

function load(cfs: ContextFs, file: string, seen: Set<string>, depth: number): TsConfig | null {
  if (seen.has(file) || depth > MAX_EXTENDS_DEPTH) return null;
  seen.add(file);
  const json = cfs.readJson(file);
  if (!isRecord(json)) return null;
  const dir = path.dirname(file);
  const merged: TsConfig = { file, chain: [file], problems: [] };

  const ext = json['extends'];
  const bases = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e): e is string => typeof e === 'string') : [];
  for (const spec of bases) {
    const baseFile = resolveExtends(cfs, dir, spec);
    const base = baseFile ? load(cfs, baseFile, seen, depth + 1) : null;
    if (!base) {
      merged.problems.push(`${cfs.rel(file)}: extends "${spec}" not found in the build context`);
      continue;
    }
    Object.assign(merged, { ...base, file, chain: merged.chain, problems: merged.problems });
    merged.chain.push(...base.chain);
    merged.problems.push(...base.problems);
  }

  const co = isRecord(json['compilerOptions']) ? json['compilerOptions'] : {};
  const str = (key: string): string | undefined => (typeof co[key] === 'string' ? (co[key] as string) : undefined);
  const outDir = str('outDir');
  if (outDir !== undefined) merged.outDir = path.resolve(dir, outDir);
  const rootDir = str('rootDir');
  if (rootDir !== undefined) merged.rootDir = path.resolve(dir, rootDir);
  const baseUrl = str('baseUrl');
  if (baseUrl !== undefined) merged.baseUrl = path.resolve(dir, baseUrl);
  if (typeof co['allowJs'] === 'boolean') merged.allowJs = co['allowJs'];
  if (typeof co['composite'] === 'boolean') merged.composite = co['composite'];
  if (isRecord(co['paths'])) {
    const patterns: Record<string, string[]> = {};
    for (const [key, targets] of Object.entries(co['paths'])) {
      if (Array.isArray(targets)) patterns[key] = targets.filter((t): t is string => typeof t === 'string');
    }
    merged.paths = { patterns, base: dir };
  }
  // tsc resolves `paths` against baseUrl when one is set anywhere in the chain.
  if (merged.paths && merged.baseUrl) merged.paths = { ...merged.paths, base: merged.baseUrl };

  const list = (key: string): string[] | undefined =>
    Array.isArray(json[key]) ? (json[key] as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  const include = list('include');
  if (include) merged.include = { patterns: include, base: dir };
  const files = list('files');
  if (files) merged.files = { list: files, base: dir };
  const exclude = list('exclude');
  if (exclude) merged.exclude = { patterns: exclude, base: dir };
  return merged;
}

/**
 * `extends` may be relative, absolute, or a module name looked up in
 * node_modules. A bare name that is really a file beside the config
 * (`"extends": "tsconfig.base.json"`) is accepted too, leniently.
 */
function resolveExtends(cfs: ContextFs, dir: string, spec: string): string | null {
  const withJson = (p: string): string | null => {
    if (cfs.isFile(p)) return p;
    if (!p.endsWith('.json') && cfs.isFile(`${p}.json`)) return `${p}.json`;
    if (cfs.isDir(p) && cfs.isFile(path.join(p, 'tsconfig.json'))) return path.join(p, 'tsconfig.json');
    return null;
  };
  if (spec.startsWith('.') || path.isAbsolute(spec)) return withJson(path.resolve(dir, spec));
  for (let d = dir; cfs.lexicallyInside(d); d = path.dirname(d)) {
    const found = withJson(path.join(d, 'node_modules', spec));
    if (found) return found;
    if (d === cfs.root) break;
  }
  return withJson(path.resolve(dir, spec));
}

/** The nearest `tsconfig.json` at or above `dir`, without leaving the context. */
export function nearestTsConfig(cfs: ContextFs, dir: string): string | null {
  const abs = path.resolve(dir);
  return cfs.derived('nearest-tsconfig', abs, () => {
    if (!cfs.lexicallyInside(abs)) return null;
    const candidate = path.join(abs, 'tsconfig.json');
    if (cfs.isFile(candidate)) return candidate;
    return abs !== cfs.root ? nearestTsConfig(cfs, path.dirname(abs)) : null;
  });
}
