/**
 * Build output → source. The Dockerfile runs `node dist/main.js`, a file
 * the image builds and the host usually lacks; the program analysis needs
 * the source it was built from. Tried in order (the first hit wins, exact
 * case only):
 *
 *  1. the file itself (JS copied from the host), also with `.js/.mjs/.cjs`
 *     added to an extension-less path;
 *  2. Next.js standalone output (`.next/standalone/server.js`) → the app folder;
 *  3. a TS source beside it (`x.js` → `x.ts`); then a missing `server.js`
 *     beside `next.config.*` is standalone output copied to the app root;
 *  4. tsconfig `outDir` → `rootDir` for every tsconfig*.json from the output's
 *     folder up (extends followed). Without an explicit rootDir both the
 *     inferred common root of the inputs (tsc ≤ 5.x) and the config's own
 *     folder (tsc 6 default) are tried;
 *  5. build scripts and bundlers, read as data: `tsc --outDir` in scripts
 *     (with input files, their folder is the rootDir), babel and swc
 *     `--out-dir`/`-d` (or `--out-file`) with their source arguments, tsup
 *     (config file, package.json#tsup, CLI in scripts), esbuild and ncc CLIs
 *     in scripts, webpack `entry`/`output`;
 *  6. heuristics: the same path under `src/`, the path with its leading
 *     output folder removed (`build/server/index.js` → `server/index.ts`,
 *     for dist, build, out, lib, output, compiled: a build the scripts do not
 *     show, such as a `node build.js` that runs babel), the same basename
 *     under `src/`, then package.json `source`, then `main` when it is a TS
 *     file.
 *
 * A path that exists only with another letter case stops the search with
 * `caseMismatch`: on Linux it would not load.
 */
import path from 'node:path';
import { ContextFs, isRecord } from './fs-context.js';
import { litPath, litString, readLiteralConfig, type Lit } from './literal-config.js';
import { nextStandalonePath } from './next-standalone.js';
import { loadTsConfig, type TsConfig } from './tsconfig.js';
import { matchPath } from './workspaces.js';

export interface SourceLookup {
  /** Absolute path of the source file (a folder for Next.js standalone output), or null. */
  source: string | null;
  /** Every path tried, context-relative, in order. */
  tried: string[];
  /** How the source was found: 'file exists', 'tsconfig outDir dist → rootDir src', 'tsup entry', … or 'not found'. */
  via: string;
  /** The first path found only with a different letter case (context-relative). */
  caseMismatch?: { expected: string; found: string };
  /** The first path tried that exists but leads outside the context (a symlink): not followed (context-relative). */
  outside?: string;
}

const OUTPUT_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MAX_SCAN_ENTRIES = 20_000;
/** Folder names build output conventionally goes to (the leading-output-folder heuristic). */
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'out', 'lib', 'output', 'compiled']);
/** babel and swc CLI flags that take a value (the rest of the arguments are sources). */
const TRANSPILER_VALUE_FLAGS = [
  '-d',
  '--out-dir',
  '-o',
  '--out-file',
  '-x',
  '--extensions',
  '--config-file',
  '-C',
  '--config',
  '--ignore',
  '--only',
  '--presets',
  '--plugins',
  '--out-file-extension',
  '--env-name',
  '--root-mode',
  '--source-root',
  '-f',
  '--filename',
];

class Found extends Error {
  constructor(readonly result: SourceLookup) {
    super('found');
  }
}

export function findSourceForOutput(contextDir: string, outputPath: string, cfs = new ContextFs(contextDir)): SourceLookup {
  const search = new Search(cfs);
  try {
    search.run(path.resolve(cfs.root, outputPath));
  } catch (error) {
    if (error instanceof Found) return error.result;
    throw error;
  }
  const result: SourceLookup = { source: null, tried: search.tried, via: search.stopReason ?? 'not found' };
  if (search.outside !== undefined) result.outside = search.outside;
  return result;
}

class Search {
  readonly tried: string[] = [];
  stopReason: string | undefined;
  outside: string | undefined;
  private readonly seen = new Set<string>();

  constructor(private readonly cfs: ContextFs) {}

  /** Tries one candidate; a hit (or a case-only match) ends the search. */
  private probe(candidate: string, via: string, kind: 'file' | 'dir' = 'file'): void {
    const abs = path.resolve(candidate);
    if (this.seen.has(abs)) return;
    this.seen.add(abs);
    this.tried.push(this.cfs.rel(abs));
    const status = this.cfs.check(abs);
    if (status.status === kind) throw new Found({ source: abs, tried: this.tried, via });
    if (status.status === 'outside') this.outside ??= this.cfs.rel(abs);
    if (status.status === 'missing') {
      const found = this.cfs.caseInsensitiveMatch(abs);
      if (found && this.cfs.check(found).status === kind) {
        throw new Found({
          source: null,
          tried: this.tried,
          via: 'case mismatch',
          caseMismatch: { expected: this.cfs.rel(abs), found: this.cfs.rel(found) },
        });
      }
    }
  }

  private probeStem(stem: string, extensions: string[], via: string): void {
    for (const ext of extensions) this.probe(stem + ext, via);
  }

  run(output: string): void {
    if (!this.cfs.lexicallyInside(output)) {
      this.stopReason = 'outside the build context';
      return;
    }
    let out = output;
    const status = this.cfs.check(out);
    if (status.status === 'outside') {
      this.tried.push(this.cfs.rel(out));
      this.outside = this.cfs.rel(out);
      this.stopReason = 'symlink leads outside the build context';
      return;
    }
    if (status.status === 'dir') {
      // `node dist`: package.json main, else index.js.
      this.tried.push(this.cfs.rel(out));
      const pkg = this.cfs.readJson(path.join(out, 'package.json'));
      out = path.join(out, isRecord(pkg) && typeof pkg['main'] === 'string' ? pkg['main'] : 'index.js');
    }
    this.probe(out, 'file exists');
    let outputs = [out];
    if (!OUTPUT_EXTENSIONS.includes(path.extname(out)) && !SOURCE_EXTENSIONS.includes(path.extname(out))) {
      for (const e of OUTPUT_EXTENSIONS) this.probe(out + e, 'extension added');
      // As Node loads `node dist/main`: dist/main.js, else the folder's index.js (both built in the image).
      outputs = [`${out}.js`, path.join(out, 'index.js')];
    }
    // What configs and scripts say comes before any guess, for every output Node could load.
    for (const o of outputs) this.declared(o, path.extname(o));
    // The folder form's basename is `index`: `src/index.ts` would be a guess about nothing.
    outputs.forEach((o, i) => this.heuristics(o, path.extname(o), this.packageDir(o), i === 0));
  }

  /** Steps 2–5: Next.js standalone, a source beside the output, tsconfigs, build scripts and bundlers. */
  private declared(out: string, ext: string): void {
    this.nextStandalone(out);
    const stem = out.slice(0, out.length - ext.length);
    const sourceExts = SOURCE_FOR_OUTPUT[ext];
    if (!sourceExts) return;
    this.probeStem(stem, sourceExts.filter((e) => e !== ext), 'source beside output');
    // A missing `server.js` beside next.config.*: the standalone output copied to the app root.
    // Checked after `server.ts`, which would be a custom server's source.
    if (path.basename(out) === 'server.js' && this.hasNextConfig(path.dirname(out))) {
      throw new Found({ source: path.dirname(out), tried: this.tried, via: 'next standalone' });
    }
    this.tsconfigs(out, ext);
    this.bundlers(out, this.packageDir(out));
  }

  /** The nearest folder at or above the output's with a package.json (else the context root). */
  private packageDir(out: string): string {
    for (let d = path.dirname(out); this.cfs.lexicallyInside(d); d = path.dirname(d)) {
      if (this.cfs.isFile(path.join(d, 'package.json'))) return d;
      if (d === this.cfs.root) break;
    }
    return this.cfs.root;
  }

  private nextStandalone(out: string): void {
    const standalone = nextStandalonePath(out);
    if (!standalone) return;
    const candidates = [standalone.appDir];
    // Monorepo standalone output mirrors the app's path: `.next/standalone/apps/web/server.js`.
    const inner = standalone.below.slice(0, -1);
    if (inner.length > 0) candidates.push(path.join(this.cfs.root, ...inner));
    for (const dir of candidates) {
      this.tried.push(this.cfs.rel(dir));
      if (this.hasNextConfig(dir)) throw new Found({ source: dir, tried: this.tried, via: 'next standalone' });
    }
  }

  private hasNextConfig(dir: string): boolean {
    const entries = this.cfs.list(dir);
    if (!entries) return false;
    for (const name of ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs', 'next.config.mts']) {
      if (entries.has(name)) {
        this.tried.push(this.cfs.rel(path.join(dir, name)));
        return true;
      }
    }
    return false;
  }

  private tsconfigs(out: string, ext: string): void {
    const sourceExts = SOURCE_FOR_OUTPUT[ext] ?? [];
    for (let d = path.dirname(out); this.cfs.lexicallyInside(d); d = path.dirname(d)) {
      for (const file of tsconfigFiles(this.cfs, d)) {
        const config = loadTsConfig(this.cfs, file);
        if (!config?.outDir) continue;
        const rel = pathBelow(config.outDir, out);
        if (rel === null) continue;
        const relStem = rel.slice(0, rel.length - ext.length);
        const configDir = path.dirname(file);
        const name = path.basename(file) === 'tsconfig.json' ? 'tsconfig' : path.basename(file);
        const roots = config.rootDir ? [config.rootDir] : unique([inferRootDir(this.cfs, config), configDir]);
        for (const root of roots) {
          const via = `${name} outDir ${relTo(configDir, config.outDir)} → rootDir ${relTo(configDir, root)}`;
          this.probeStem(path.join(root, relStem), sourceExts, via);
        }
      }
      if (d === this.cfs.root) break;
    }
  }

  private bundlers(out: string, pkgDir: string): void {
    const pkg = this.cfs.readJson(path.join(pkgDir, 'package.json'));
    const scripts = isRecord(pkg) && isRecord(pkg['scripts']) ? pkg['scripts'] : {};
    // tsup: config files, package.json#tsup, CLI.
    const tsupConfigs: Lit[] = [];
    for (const name of ['tsup.config.ts', 'tsup.config.mts', 'tsup.config.cts', 'tsup.config.js', 'tsup.config.mjs', 'tsup.config.cjs']) {
      const text = this.cfs.readText(path.join(pkgDir, name), 500_000);
      if (text !== null) tsupConfigs.push(readLiteralConfig(text));
    }
    const tsupJson = this.cfs.readJson(path.join(pkgDir, 'tsup.config.json'));
    if (tsupJson !== undefined) tsupConfigs.push(jsonToLit(tsupJson));
    if (isRecord(pkg) && pkg['tsup'] !== undefined) tsupConfigs.push(jsonToLit(pkg['tsup']));
    for (const config of tsupConfigs) {
      for (const one of config.t === 'arr' ? config.items : [config]) {
        if (one.t !== 'obj') continue;
        const outDir = litString(one.props.get('outDir')) ?? 'dist';
        this.matchEntries(out, pkgDir, entriesOf(one.props.get('entry')), path.resolve(pkgDir, outDir), 'tsup entry');
      }
    }
    for (const command of scriptCommands(scripts)) {
      const [tool, ...args] = command;
      const base = tool ? path.basename(tool) : '';
      if (base === 'tsc') {
        this.tscScript(out, pkgDir, args);
      } else if (base === 'babel' || base === 'swc') {
        this.transpilerScript(out, pkgDir, base, args);
      } else if (base === 'tsup') {
        const { positional, flags } = parseArgs(args, ['-d', '--out-dir', '--format', '--target', '--config', '--env']);
        const outDir = flags.get('-d') ?? flags.get('--out-dir') ?? 'dist';
        this.matchEntries(out, pkgDir, positional.map((p) => ({ name: null, file: p })), path.resolve(pkgDir, outDir), 'tsup entry');
      } else if (base === 'ncc' && args[0] === 'build') {
        const { positional, flags } = parseArgs(args.slice(1), ['-o', '--out', '-e', '--external', '-C', '--cache', '-t', '--target']);
        const outDir = path.resolve(pkgDir, flags.get('-o') ?? flags.get('--out') ?? 'dist');
        const input = positional[0];
        if (input && samePathNoExt(out, path.join(outDir, 'index.js'))) this.probe(path.resolve(pkgDir, input), 'ncc build');
      } else if (base === 'esbuild') {
        const { positional, flags } = parseArgs(args, []);
        const outfile = flags.get('--outfile');
        const input = positional[0];
        if (outfile && input && samePathNoExt(out, path.resolve(pkgDir, outfile))) this.probe(path.resolve(pkgDir, input), 'esbuild script');
        const outdir = flags.get('--outdir');
        if (outdir) {
          const outbase = flags.get('--outbase');
          this.matchEntries(
            out,
            pkgDir,
            positional.map((p) => ({ name: null, file: p })),
            path.resolve(pkgDir, outdir),
            'esbuild script',
            outbase ? path.resolve(pkgDir, outbase) : undefined,
          );
        }
      }
    }
    this.webpack(out, pkgDir);
  }

  /**
   * `tsc --outDir build [--rootDir src] [-p tsconfig.x.json]` in scripts: flags override the config.
   * `tsc src/main.ts --outDir build` ignores tsconfig.json; the inputs' common folder is the rootDir.
   */
  private tscScript(out: string, pkgDir: string, args: string[]): void {
    const { positional, flags } = parseArgs(args, ['-p', '--project', '--outDir', '--rootDir', '--target', '-t', '--module', '-m', '--moduleResolution', '--lib', '--jsx']);
    const inputs = positional.filter((p) => SOURCE_EXTENSIONS.includes(path.extname(p))).map((p) => path.dirname(path.resolve(pkgDir, p)));
    const outFlag = flags.get('--outDir');
    if (!outFlag) return;
    let configFile = path.resolve(pkgDir, flags.get('-p') ?? flags.get('--project') ?? 'tsconfig.json');
    if (this.cfs.isDir(configFile)) configFile = path.join(configFile, 'tsconfig.json');
    const config = loadTsConfig(this.cfs, configFile) ?? { file: configFile, chain: [], problems: [] };
    const outDir = path.resolve(pkgDir, outFlag);
    const ext = path.extname(out);
    const rel = pathBelow(outDir, out);
    if (rel === null) return;
    const rootFlag = flags.get('--rootDir');
    const inputRoot = commonDir(inputs);
    const roots = rootFlag
      ? [path.resolve(pkgDir, rootFlag)]
      : inputRoot
        ? [inputRoot]
        : config.rootDir
          ? [config.rootDir]
          : unique([inferRootDir(this.cfs, { ...config, outDir }), path.dirname(configFile)]);
    for (const root of roots) {
      const via = `tsc script outDir ${relTo(pkgDir, outDir)} → rootDir ${relTo(pkgDir, root)}`;
      this.probeStem(path.join(root, rel.slice(0, rel.length - ext.length)), SOURCE_FOR_OUTPUT[ext] ?? [], via);
    }
  }

  /**
   * `babel src -d build` / `swc src -d dist`: file-by-file transpilers, any
   * source extension becoming `.js`. Babel writes a folder argument's files
   * at the same path below the out dir (with `--relative`, an out dir inside
   * that folder) and a file argument at its basename (@babel/cli dir.ts).
   * @swc/cli ≥ 0.3 keeps the path from the working folder, minus its first
   * segment with `--strip-leading-paths` (util.ts getDest); older versions
   * wrote like babel. `-o/--out-file`: one output from the arguments.
   */
  private transpilerScript(out: string, pkgDir: string, tool: 'babel' | 'swc', args: string[]): void {
    const { positional, flags } = parseArgs(args, TRANSPILER_VALUE_FLAGS);
    const outFile = flags.get('-o') ?? flags.get('--out-file');
    if (outFile && samePathNoExt(out, path.resolve(pkgDir, outFile))) {
      for (const input of positional) this.probe(path.resolve(pkgDir, input), `${tool} script --out-file ${outFile}`);
    }
    const outDirFlag = flags.get('-d') ?? flags.get('--out-dir');
    if (!outDirFlag) return;
    const via = (input: string, how = ''): string => `${tool} script ${input} --out-dir ${outDirFlag}${how}`;
    for (const input of positional) {
      const abs = path.resolve(pkgDir, input);
      const isFolder = this.cfs.isDir(abs);
      const folder = isFolder ? abs : path.dirname(abs);
      /** The output's path below `outDir`, put below `root`: a source, if the command reads it. */
      const below = (outDir: string, root: string, how?: string): void => {
        const rel = pathBelow(outDir, out);
        if (rel === null) return;
        const stem = stemOf(path.join(root, rel));
        const read = isFolder ? pathBelow(abs, stem) !== null : stem === stemOf(abs);
        if (read) this.probeStem(stem, SOURCE_EXTENSIONS, via(input, how));
      };
      if (tool === 'babel') {
        below(flags.has('--relative') ? path.resolve(folder, outDirFlag) : path.resolve(pkgDir, outDirFlag), folder);
        continue;
      }
      const outDir = path.resolve(pkgDir, outDirFlag);
      if (flags.has('--strip-leading-paths')) {
        below(outDir, path.join(pkgDir, relTo(pkgDir, abs).split('/')[0] ?? ''), ' --strip-leading-paths');
      } else {
        below(outDir, pkgDir);
        below(outDir, folder, ' (@swc/cli < 0.3)');
      }
    }
  }

  private webpack(out: string, pkgDir: string): void {
    for (const name of ['webpack.config.js', 'webpack.config.cjs', 'webpack.config.mjs', 'webpack.config.ts']) {
      const text = this.cfs.readText(path.join(pkgDir, name), 500_000);
      if (text === null) continue;
      const config = readLiteralConfig(text);
      for (const one of config.t === 'arr' ? config.items : [config]) {
        if (one.t !== 'obj') continue;
        const output = one.props.get('output');
        const outProps = output?.t === 'obj' ? output.props : new Map<string, Lit>();
        const outDir = outProps.has('path') ? litPath(outProps.get('path'), pkgDir, path.resolve) : path.join(pkgDir, 'dist');
        const filename = outProps.has('filename') ? litString(outProps.get('filename')) : '[name].js';
        if (!outDir || !filename) continue;
        const entryLit = one.props.get('entry') ?? { t: 'str', v: './src/index.js' };
        const entries = entryLit.t === 'obj' ? entriesOf(entryLit) : entriesOf(entryLit).map((e) => ({ name: 'main', file: e.file }));
        for (const entry of entries) {
          const target = path.resolve(outDir, filename.split('[name]').join(entry.name ?? 'main'));
          if (samePathNoExt(out, target)) this.probe(path.resolve(pkgDir, entry.file), 'webpack entry');
        }
      }
    }
  }

  /**
   * Bundler entry points → outputs: a named entry gives `<outDir>/<name>.js`,
   * an unnamed one keeps its path below the entries' common folder (esbuild's
   * default outbase).
   */
  private matchEntries(out: string, pkgDir: string, entries: Entry[], outDir: string, via: string, outbase?: string): void {
    const files = entries.flatMap((e) => expandEntry(this.cfs, pkgDir, e));
    const unnamed = files.filter((e) => e.name === null).map((e) => e.file);
    const base = outbase ?? commonDir(unnamed.map((f) => path.dirname(f)));
    for (const entry of files) {
      const relStem =
        entry.name ?? path.relative(base ?? path.dirname(entry.file), entry.file).replace(/\.[^./\\]+$/, '');
      if (samePathNoExt(out, path.join(outDir, relStem))) this.probe(entry.file, via);
    }
  }

  private heuristics(out: string, ext: string, pkgDir: string, byBasename: boolean): void {
    const rel = path.relative(pkgDir, out);
    const parts = rel.split(path.sep);
    const exts = SOURCE_FOR_OUTPUT[ext];
    if (!exts) return;
    const src = path.join(pkgDir, 'src');
    if (parts.length > 1) {
      const below = parts.slice(1).join(path.sep);
      const belowStem = below.slice(0, below.length - ext.length);
      this.probeStem(path.join(src, belowStem), exts, 'heuristic: same path under src');
      const top = parts[0] ?? '';
      if (OUTPUT_FOLDERS.has(top)) this.probeStem(path.join(pkgDir, belowStem), exts, `heuristic: leading output folder ${top}/ removed`);
    }
    if (byBasename) this.probeStem(path.join(src, path.basename(out, ext)), exts, 'heuristic: same basename under src');
    const pkg = this.cfs.readJson(path.join(pkgDir, 'package.json'));
    if (!isRecord(pkg)) return;
    if (typeof pkg['source'] === 'string') this.probe(path.resolve(pkgDir, pkg['source']), 'package.json source');
    const main = pkg['main'];
    if (typeof main === 'string' && ['.ts', '.tsx', '.mts', '.cts'].includes(path.extname(main))) {
      this.probe(path.resolve(pkgDir, main), 'package.json main');
    }
  }
}

interface Entry {
  name: string | null;
  file: string;
}

function entriesOf(v: Lit | undefined): Entry[] {
  if (!v) return [];
  if (v.t === 'str') return [{ name: null, file: v.v }];
  if (v.t === 'arr') return v.items.flatMap((item) => (item.t === 'str' ? [{ name: null, file: item.v }] : []));
  if (v.t === 'obj') {
    const out: Entry[] = [];
    for (const [name, value] of v.props) {
      if (value.t === 'str') out.push({ name, file: value.v });
      else if (value.t === 'arr' && value.items[0]?.t === 'str') out.push({ name, file: value.items[0].v });
      else if (value.t === 'obj') {
        const imp = value.props.get('import');
        if (imp?.t === 'str') out.push({ name, file: imp.v });
      }
    }
    return out;
  }
  return [];
}

/** Entry globs (`src/*.ts`) expand against the files present. */
function expandEntry(cfs: ContextFs, pkgDir: string, entry: Entry): Entry[] {
  const abs = path.resolve(pkgDir, entry.file);
  if (!entry.file.includes('*')) return [{ name: entry.name, file: abs }];
  const rel = path.relative(pkgDir, abs).split(path.sep).join('/');
  const staticPart = rel.split('/').filter((s, i, all) => !all.slice(0, i + 1).some((x) => x.includes('*')));
  const files = listFiles(cfs, path.join(pkgDir, ...staticPart), 2000);
  return files
    .filter((f) => matchPath(rel, path.relative(pkgDir, f).split(path.sep).join('/')))
    .map((file) => ({ name: null, file }));
}

function samePathNoExt(a: string, b: string): boolean {
  const strip = (p: string): string => {
    const ext = path.extname(p);
    return OUTPUT_EXTENSIONS.includes(ext) ? p.slice(0, -ext.length) : p;
  };
  return path.resolve(strip(a)) === path.resolve(strip(b));
}

/** `file` relative to `dir` when it lies below it, else null. */
function pathBelow(dir: string, file: string): string | null {
  const rel = path.relative(dir, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel;
}

/** The path without its extension. */
function stemOf(p: string): string {
  return p.slice(0, p.length - path.extname(p).length);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function relTo(from: string, to: string): string {
  const r = path.relative(from, to).split(path.sep).join('/');
  return r === '' ? '.' : r;
}

function commonDir(dirs: string[]): string | undefined {
  if (dirs.length === 0) return undefined;
  let common = (dirs[0] ?? '').split(path.sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}

/** tsconfig*.json files in a folder, build configs first (they are what `tsc -p` builds the image with). */
function tsconfigFiles(cfs: ContextFs, dir: string): string[] {
  const entries = cfs.list(dir);
  if (!entries) return [];
  const names = [...entries].filter((n) => n.startsWith('tsconfig') && n.endsWith('.json'));
  const rank = (n: string): number => (n === 'tsconfig.json' ? 1 : n.includes('build') || n.includes('prod') || n.includes('app') ? 0 : 2);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((n) => path.join(dir, n));
}

/**
 * tsc's inferred rootDir: the longest common folder of the input files
 * (`files`, plus the TS files `include` matches; every TS file below the
 * config when both are absent).
 */
function inferRootDir(cfs: ContextFs, config: TsConfig): string {
  const configDir = path.dirname(config.file);
  const inputs: string[] = [];
  for (const f of config.files?.list ?? []) inputs.push(path.resolve(config.files?.base ?? configDir, f));
  const include = config.include ?? (config.files ? undefined : { patterns: ['**/*'], base: configDir });
  const excludeBase = config.exclude?.base ?? configDir;
  const excludes = (config.exclude?.patterns ?? []).map(normalizeGlob);
  const excluded = (file: string): boolean => {
    if (file.includes(`${path.sep}node_modules${path.sep}`)) return true;
    if (config.outDir !== undefined && !path.relative(config.outDir, file).startsWith('..')) return true;
    const rel = path.relative(excludeBase, file).split(path.sep).join('/');
    return excludes.some((p) => matchPath(p, rel) || matchPath(`${p}/**`, rel));
  };
  for (const pattern of include?.patterns ?? []) {
    const base = include?.base ?? configDir;
    const norm = normalizeGlob(pattern);
    const segments = norm.split('/');
    const firstWild = segments.findIndex((s) => s.includes('*') || s.includes('?'));
    const staticDir = path.resolve(base, ...(firstWild < 0 ? segments : segments.slice(0, firstWild)));
    const status = cfs.check(staticDir);
    if (status.status === 'file') {
      inputs.push(staticDir);
      continue;
    }
    if (status.status !== 'dir') continue;
    const glob = firstWild < 0 ? `${norm}/**/*` : norm;
    for (const file of listFiles(cfs, staticDir, MAX_SCAN_ENTRIES)) {
      const ext = path.extname(file);
      const isInput = ['.ts', '.tsx', '.mts', '.cts'].includes(ext) || (config.allowJs === true && ['.js', '.jsx', '.mjs', '.cjs'].includes(ext));
      if (!isInput || file.endsWith('.d.ts') || excluded(file)) continue;
      if (matchPath(glob, path.relative(base, file).split(path.sep).join('/'))) inputs.push(file);
    }
  }
  return commonDir(inputs.map((f) => path.dirname(f))) ?? configDir;
}

function normalizeGlob(p: string): string {
  let s = p.split('\\').join('/');
  while (s.startsWith('./')) s = s.slice(2);
  while (s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** Files below `dir` (breadth-first, node_modules and dot folders skipped), at most `limit`. */
function listFiles(cfs: ContextFs, dir: string, limit: number): string[] {
  const out: string[] = [];
  const queue = [dir];
  let seen = 0;
  while (queue.length > 0 && seen < limit) {
    const d = queue.shift() ?? '';
    const entries = cfs.list(d);
    if (!entries) continue;
    for (const name of [...entries].sort()) {
      if (++seen > limit) break;
      const full = path.join(d, name);
      const status = cfs.check(full);
      if (status.status === 'file') out.push(full);
      else if (status.status === 'dir' && name !== 'node_modules' && !name.startsWith('.')) queue.push(full);
    }
  }
  return out;
}

function jsonToLit(v: unknown): Lit {
  if (typeof v === 'string') return { t: 'str', v };
  if (typeof v === 'number') return { t: 'num', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (Array.isArray(v)) return { t: 'arr', items: v.map(jsonToLit) };
  if (isRecord(v)) return { t: 'obj', props: new Map(Object.entries(v).map(([k, x]) => [k, jsonToLit(x)])) };
  return { t: 'opaque' };
}

/**
 * Commands in package.json scripts, split on `&&`, `||`, `;` and `|`, as
 * argv (quotes removed). `npx`, `pnpm exec`, `yarn` and `VAR=x` prefixes are dropped.
 */
function scriptCommands(scripts: Record<string, unknown>): string[][] {
  const out: string[][] = [];
  for (const value of Object.values(scripts)) {
    if (typeof value !== 'string' || value.length > 10_000) continue;
    let current: string[] = [];
    for (const word of shellWords(value)) {
      if (word === '&&' || word === '||' || word === ';' || word === '|') {
        out.push(current);
        current = [];
      } else current.push(word);
    }
    out.push(current);
  }
  return out.map((argv) => {
    let a = argv;
    for (;;) {
      const head = a[0];
      if (head === undefined) break;
      if (head === 'npx' || head === 'yarn' || head === 'bunx' || head === 'exec' || head === 'env' || head === '--yes' || head === '-y') a = a.slice(1);
      else if ((head === 'pnpm' || head === 'npm') && (a[1] === 'exec' || a[1] === 'dlx')) a = a.slice(2);
      else if (head.includes('=') && !head.startsWith('-')) a = a.slice(1);
      else break;
    }
    return a;
  });
}

function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let has = false;
  let quote: string | null = null;
  const flush = (): void => {
    if (has) words.push(word);
    word = '';
    has = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') flush();
    else if (c === ';' || c === '|' || c === '&') {
      flush();
      const two = text[i + 1] === c ? c + c : c;
      if (two === '&') word = '&';
      else {
        words.push(two);
        if (two.length === 2) i++;
      }
    } else {
      word += c;
      has = true;
    }
  }
  flush();
  return words;
}

/** Splits CLI args into positionals and `--flag=value` / `--flag value` (for the flags listed as taking a value). */
function parseArgs(args: string[], valueFlags: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (valueFlags.includes(a) && i + 1 < args.length) flags.set(a, args[++i] ?? '');
      else flags.set(a, '');
    } else positional.push(a);
  }
  return { positional, flags };
}
