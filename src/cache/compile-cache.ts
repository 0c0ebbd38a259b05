/**
 * V8 code cache for the CommonJS packages pid1-lint loads. TypeScript is
 * 9 MB of JavaScript, and compiling it is most of what loading the parser
 * costs (BENCHMARKS.md). Node ≥ 22.1 has `module.enableCompileCache()`;
 * on Node 20 this module hooks `Module.prototype._compile` instead, hands
 * V8 the code it cached last time, and at exit stores the code of every
 * function that ran (so the parser's hot paths are cached too, not only
 * what V8 compiles eagerly).
 *
 * The folder is safe to delete at any time (entries are only ever
 * replaced whole: written to a temporary file, then renamed) and safe under
 * concurrent runs (pre-commit starts several at once). A damaged entry is
 * ignored: each one carries checksums, and V8 checks its own version and
 * flags.
 */
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** Smaller files compile in microseconds: reading a cache entry would cost more. */
const MIN_SOURCE_CHARS = 16 * 1024;
const MAGIC = 0x32433150; // "P1C2" (2: the FNV checksum)
const HEADER_BYTES = 16;
/** `import()` inside a cached module resolves as it would without the cache. */
const DYNAMIC_IMPORT = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/** Where the cache lives, or null when it is turned off or there is no home for it. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PID1_LINT_NO_CACHE && env.PID1_LINT_NO_CACHE !== '0') return null;
  if (env.PID1_LINT_CACHE_DIR) return path.resolve(env.PID1_LINT_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '');
  return base ? path.join(base, 'pid1-lint') : null;
}

export type CompileCacheStatus =
  | { kind: 'off' }
  | { kind: 'node'; directory: string }
  | { kind: 'hook'; directory: string };

let installed: CompileCacheStatus | undefined;

/**
 * Turns the cache on for modules loaded from now on (call it before the
 * parser is imported). Idempotent; never throws: a cache that cannot work
 * just leaves loading as it was.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): CompileCacheStatus {
  if (installed) return installed;
  const dir = cacheDirectory(env);
  if (!dir) return (installed = { kind: 'off' });
  const native = (Module as unknown as { enableCompileCache?: (dir: string) => { status: number; directory?: string } }).enableCompileCache;
  if (typeof native === 'function') {
    try {
      const result = native(path.join(dir, 'node'));
      return (installed = { kind: 'node', directory: result.directory ?? path.join(dir, 'node') });
    } catch {
      return (installed = { kind: 'off' });
    }
  }
  // V8 rejects data from another version or flags anyway; one folder per version keeps old ones from piling up in place.
  const directory = path.join(dir, `v8-${process.versions.v8}-${process.arch}`);
  installHook(directory);
  return (installed = { kind: 'hook', directory });
}

/** On the global object: the bundled command and the linter each carry a copy of this module. */
const FLAGS_CHANGED = Symbol.for('pid1-lint.v8-flags-changed');

/**
 * Reading programs makes far more garbage (ESTrees, TypeScript's trees) than
 * it keeps, and V8 lets the heap grow to several times what survived the last
 * full collection before the next one: on the 10k-module benchmark (~120 MB
 * live) the peak moved between 360 and 480 MB from run to run. Bounded to 80 %
 * growth it stays at 330–390 MB, with no change in time measured
 * (BENCHMARKS.md, lever 22). V8 reads the flag at each collection.
 *
 * Called once the parser is loaded, not at startup: node:v8 costs ~4 ms to
 * load, and V8 keys code-cache data by a hash of its flags, so scripts
 * compiled from the cache after the change would be rejected. The flag is put
 * back at exit before code-cache entries are written (`restoreV8Flags`).
 */
export function boundHeapGrowth(): void {
  process.getBuiltinModule('node:v8').setFlagsFromString('--heap-growing-percent=80');
  (globalThis as { [FLAGS_CHANGED]?: boolean })[FLAGS_CHANGED] = true;
  // Node ≥ 22's own compile cache writes after the 'exit' listeners.
  process.once('exit', restoreV8Flags);
}

/** V8's default back, so entries written now carry the flag hash the next run starts with. */
function restoreV8Flags(): void {
  const global = globalThis as { [FLAGS_CHANGED]?: boolean };
  if (global[FLAGS_CHANGED] !== true) return;
  process.getBuiltinModule('node:v8').setFlagsFromString('--heap-growing-percent=0');
  global[FLAGS_CHANGED] = false;
}

interface ModuleInternals {
  exports: unknown;
  require(id: string): unknown;
  paths: string[];
  filename: string;
}

type ModuleStatics = {
  prototype: { _compile(this: ModuleInternals, content: string, filename: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: ModuleInternals, isMain: boolean, options?: unknown): string;
  _cache: unknown;
  _extensions: unknown;
};

/**
 * TypeScript's compiler, and the bundled command's parser-only copy of it
 * (scripts/typescript-parser.ts): the large files whose text is known to be
 * plain ASCII (checked on each read all the same).
 */
const TYPESCRIPT_LIBS = [`${path.sep}typescript${path.sep}lib${path.sep}typescript.js`, `${path.sep}bundle${path.sep}typescript.cjs`];

/**
 * Node reads a CommonJS file as UTF-8: for typescript.js's 9 MB that
 * decoding takes 15–35 ms on this project's machine, reading the bytes,
 * checking they are ASCII and taking them as Latin-1 (the same text then)
 * ~5 ms. Any other file, or one of those that is not ASCII, is read by
 * Node as usual.
 */
function readTypeScriptAsAscii(M: ModuleStatics): void {
  const extensions = M._extensions as Record<string, (module: ModuleInternals, filename: string) => unknown>;
  const readJs = extensions['.js'];
  if (typeof readJs !== 'function') return;
  extensions['.js'] = function readJsFile(this: unknown, module: ModuleInternals, filename: string): unknown {
    if (!TYPESCRIPT_LIBS.some((lib) => filename.endsWith(lib))) return readJs.call(this, module, filename);
    const bytes = fs.readFileSync(filename);
    if (!isAscii(bytes)) return readJs.call(this, module, filename);
    return (module as ModuleInternals & { _compile(content: string, filename: string): unknown })._compile(bytes.toString('latin1'), filename);
  };
}

function installHook(directory: string): void {
  const M = Module as unknown as ModuleStatics;
  readTypeScriptAsAscii(M);
  const original = M.prototype._compile;
  /** Every script compiled here, and the depth of the run that made its entry (-1: none usable). */
  const pending: { script: vm.Script; file: string; stored: number }[] = [];
  M.prototype._compile = function compileWithCache(this: ModuleInternals, content: string, filename: string): unknown {
    if (content.length < MIN_SOURCE_CHARS) return original.call(this, content, filename);
    const file = entryFile(directory, filename);
    if (file === null) return original.call(this, content, filename);
    const entry = readEntryWithDepth(file);
    const cached = entry?.data;
    let script: vm.Script;
    try {
      script = new vm.Script(M.wrap(withoutHashbang(content)), { filename, ...(DYNAMIC_IMPORT ? { importModuleDynamically: DYNAMIC_IMPORT as unknown as vm.ScriptOptions["importModuleDynamically"] } : {}), ...(cached ? { cachedData: cached } : {}) });
    } catch {
      // A syntax error: let Node report it the usual way.
      return original.call(this, content, filename);
    }
    pending.push({ script, file, stored: cached && !script.cachedDataRejected ? (entry?.depth ?? 0) : -1 });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, makeRequire(this, M), this, filename, path.dirname(filename));
  };
  // At exit the scripts hold the code of every function that ran: store that, when this run went
  // deeper than the one that made the entry (a `--version` run's entry lacks the linter's code).
  process.once('exit', () => {
    const depth = runDepth();
    let wrote = false;
    for (const { script, file, stored } of pending) {
      if (stored >= depth) continue;
      if (!wrote) restoreV8Flags();
      writeEntry(file, script.createCachedData(), depth);
      wrote = true;
    }
    // Every reinstall (npm ci in CI) gives the files new inodes, so new entries: the old ones must go.
    if (wrote) pruneOldest(directory, MAX_CODE_ENTRIES);
  });
}

/**
 * A `#!` line is valid only at the very start of a script, not inside the
 * function wrapper: turned into a comment (same line count) as Node's own loader allows it.
 */
function withoutHashbang(content: string): string {
  return content.startsWith('#!') ? `//${content.slice(2)}` : content;
}

/** `require` as Node builds it for a module (resolve, cache, main, extensions). */
function makeRequire(mod: ModuleInternals, M: ModuleStatics): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => M._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => (Module as unknown as { _resolveLookupPaths(r: string, m: ModuleInternals): string[] | null })._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.cache = M._cache as NodeJS.Require['cache'];
  require.extensions = M._extensions as NodeJS.Require['extensions'];
  require.main = process.mainModule;
  return require;
}

/**
 * The entry of a source file: named after its path, size, inode and mtime,
 * so a reinstalled or edited package gets a new entry (npm gives every file
 * the same mtime, but a new inode).
 */
function entryFile(directory: string, filename: string): string | null {
  try {
    const st = fs.statSync(filename);
    const key = `${filename}\0${st.size}\0${st.ino}\0${st.mtimeMs}`;
    return path.join(directory, `${path.basename(filename).replace(/[^\w.-]/g, '_')}-${checksum(Buffer.from(key)).toString(16)}.v8`);
  } catch {
    return null;
  }
}

/**
 * How deep a run went: 0 printed its version or help, 1 linted Dockerfiles,
 * 2 read a program. A code-cache entry is written again by a deeper run than
 * the one that made it, so it holds the code a lint runs. Kept on the global
 * object: the bundled command and the linter each carry a copy of this module.
 */
const DEPTH = Symbol.for('pid1-lint.run-depth');

export function deepenRun(depth: 1 | 2): void {
  const global = globalThis as { [DEPTH]?: number };
  global[DEPTH] = Math.max(global[DEPTH] ?? 0, depth);
}

function runDepth(): number {
  return (globalThis as { [DEPTH]?: number })[DEPTH] ?? 0;
}

/** The cached data of an entry, or undefined when it is missing or damaged. */
export function readEntry(file: string): Buffer | undefined {
  return readEntryWithDepth(file)?.data;
}

function readEntryWithDepth(file: string): { data: Buffer; depth: number } | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length < HEADER_BYTES || buf.readUInt32LE(0) !== MAGIC) return undefined;
  const length = buf.readUInt32LE(4);
  const data = buf.subarray(HEADER_BYTES);
  if (data.length !== length || checksum(data) !== buf.readUInt32LE(8)) return undefined;
  return { data, depth: buf.readUInt32LE(12) };
}

/**
 * Code-cache entries kept per V8 version: an install needs ~5 (the bundle, typescript-estree's,
 * TypeScript, ajv and yaml files), the unbundled linter ~20; a few installs side by side fit.
 */
const MAX_CODE_ENTRIES = 64;

/** Past `max` files in a cache folder, the least recently written go. */
export function pruneOldest(dir: string, max: number): void {
  try {
    const names = fs.readdirSync(dir);
    if (names.length <= max) return;
    const dated = names.map((name) => ({ name, mtime: fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
    dated.sort((a, b) => a.mtime - b.mtime);
    for (const { name } of dated.slice(0, names.length - max)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // Another run pruned, or the folder went: nothing to do.
  }
}

/** Writes an entry whole (temporary file, then rename): a concurrent reader sees the old one or the new one. */
export function writeEntry(file: string, data: Buffer, depth = 0): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(data.length, 4);
  header.writeUInt32LE(checksum(data), 8);
  header.writeUInt32LE(depth, 12);
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // The folder may have been deleted since the run started: make it again.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, Buffer.concat([header, data]));
    fs.renameSync(tmp, file);
  } catch {
    // A read-only or full disk only costs the next run its head start.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over 32-bit words, then the last bytes: a changed word always
 * changes the result, which is what a damaged entry needs, and unlike
 * zlib.crc32 it costs no module load at startup (node:zlib and node:stream,
 * ~5 ms of a Dockerfile-only lint). The words of a code-cache entry are
 * hashed in WebAssembly (`fnvInWasm`), the same function.
 */
export function checksum(data: Uint8Array, wasm = true): number {
  const words = data.byteLength >>> 2;
  let hash = (wasm && words >= WASM_MIN_WORDS ? fnvInWasm(data, words) : undefined) ?? fnvInJs(data, words);
  for (let i = words * 4; i < data.byteLength; i++) hash = Math.imul(hash ^ (data[i] as number), FNV_PRIME);
  return hash >>> 0;
}

function fnvInJs(data: Uint8Array, words: number): number {
  let hash = FNV_OFFSET;
  if (data.byteOffset % 4 === 0) {
    // The usual case (a file read whole, past a 16-byte header): whole words, read fast.
    const view = new Int32Array(data.buffer, data.byteOffset, words);
    for (let i = 0; i < words; i++) hash = Math.imul(hash ^ (view[i] as number), FNV_PRIME);
  } else {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < words; i++) hash = Math.imul(hash ^ view.getInt32(i * 4, true), FNV_PRIME);
  }
  return hash;
}

/** Below this many words the JavaScript loop is done before WebAssembly is set up. */
const WASM_MIN_WORDS = 16 * 1024;

/**
 * `fnvInJs`'s loop in WebAssembly, which V8 runs compiled from the first
 * call: ~1.2 ms for a 0.5 MB entry (module, copy, loop) where the loop in
 * JavaScript starts in the interpreter, ~3.5–4 ms at every run, for each of
 * the 1–3 entries a run reads (BENCHMARKS.md, lever 29). Hand-assembled from:
 *
 *   (module
 *     (memory (export "mem") 1)
 *     (func (export "fnv") (param $at i32) (param $end i32) (result i32) (local $hash i32)
 *       (local.set $hash (i32.const 0x811c9dc5))
 *       (block (loop
 *         (br_if 1 (i32.ge_u (local.get $at) (local.get $end)))
 *         (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load (local.get $at))) (i32.const 0x01000193)))
 *         (local.set $at (i32.add (local.get $at) (i32.const 4)))
 *         (br 0)))
 *       (local.get $hash)))
 *
 * WebAssembly loads are little-endian, as `fnvInJs`'s DataView reads (and
 * its Int32Array on every platform Node runs on but s390x, where an entry
 * written by the other path is only made again once).
 */
const FNV_WASM = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, // types: (i32, i32) -> i32
  0x03, 0x02, 0x01, 0x00, // functions: one of type 0
  0x05, 0x03, 0x01, 0x00, 0x01, // memory: one page to start with
  0x07, 0x0d, 0x02, 0x03, 0x66, 0x6e, 0x76, 0x00, 0x00, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, // exports: "fnv", "mem"
  0x0a, 0x36, 0x01, 0x34, 0x01, 0x01, 0x7f, // code: one body, one i32 local
  0x41, 0xc5, 0xbb, 0xf2, 0x88, 0x78, 0x21, 0x02, // hash = 0x811c9dc5
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // at >= end: out
  0x20, 0x02, 0x20, 0x00, 0x28, 0x02, 0x00, 0x73, // hash ^ load(at)
  0x41, 0x93, 0x83, 0x80, 0x08, 0x6c, 0x21, 0x02, // * 0x01000193 → hash
  0x20, 0x00, 0x41, 0x04, 0x6a, 0x21, 0x00, 0x0c, 0x00, // at += 4, again
  0x0b, 0x0b, 0x20, 0x02, 0x0b, // end, end, hash
];

/** What is used of WebAssembly's API (not in this project's TypeScript libraries). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
interface FnvExports {
  fnv(at: number, end: number): number;
  mem: { buffer: ArrayBuffer; grow(pages: number): number };
}

let wasmFnv: FnvExports | null | undefined;

/** The hash of the first `words` words of `data`, or undefined where WebAssembly is not available (`--jitless`). */
function fnvInWasm(data: Uint8Array, words: number): number | undefined {
  if (wasmFnv === undefined) {
    try {
      const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
      wasmFnv = wasm ? (new wasm.Instance(new wasm.Module(Uint8Array.from(FNV_WASM))).exports as FnvExports) : null;
    } catch {
      wasmFnv = null;
    }
  }
  if (!wasmFnv) return undefined;
  const { fnv, mem } = wasmFnv;
  const pages = Math.ceil((words * 4) / 65536) - mem.buffer.byteLength / 65536;
  if (pages > 0) mem.grow(pages);
  new Uint8Array(mem.buffer).set(data.subarray(0, words * 4));
  return fnv(0, words * 4);
}
