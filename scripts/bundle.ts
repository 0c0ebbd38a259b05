/**
 * The second half of `npm run build`: bundles tsc's output into the files
 * the `pid1-lint` command runs (dist/bundle/, committed with dist/src).
 *
 * Why: on Node 20, loading ~120 small ES modules one by one (resolve, read,
 * compile, link) cost more than linting a Dockerfile, and Node 20 has no
 * compile cache for ES modules. One CommonJS file goes through the V8 code
 * cache of src/cache/compile-cache.ts, as dockerfile-ast (bundled in too)
 * does. TypeScript, typescript-estree, ajv and yaml stay outside: they are
 * loaded only when a program, a config file or a manifest needs them, and
 * bundling TypeScript makes startup slower (ecosystem.md §6.2).
 *
 * typescript-estree gets a bundle of its own (typescript-estree.cjs, loaded by
 * src/program/parse.ts when a program is read): the package and its
 * dependencies are ~130 small CommonJS files, each resolved, read and compiled
 * without the code cache (~0.1 s). TypeScript's parser comes beside it
 * (typescript.cjs: the installed typescript.js less what no parse runs,
 * scripts/typescript-parser.ts). BENCHMARKS.md has the figures.
 */
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';
import type * as TS from 'typescript';
import { packageRoot } from '../src/package-info.js';
import { typeScriptParser } from './typescript-parser.js';

const root = packageRoot();
const out = path.join(root, 'dist', 'bundle');
const require = createRequire(import.meta.url);
const ESTREE = '@typescript-eslint/typescript-estree';
/** What parse.ts loads: the files beside the linter's bundle, and the version of typescript-estree they hold (cache keys depend on it). */
const bundledEstree = { file: './typescript-estree.cjs', typescript: './typescript.cjs', version: (require(`${ESTREE}/package.json`) as { version: string }).version };

/** What both builds share: CommonJS for Node 20, smaller to read and scan at every start; names are kept, so stack traces still read. */
const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'inline',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  absWorkingDir: root,
} as const;

/**
 * esbuild's `__toESM` gives each `import fs from 'node:fs'` a copy of the
 * module: a getter per property (fs has ~100), for each of the ~40 imports of
 * a built-in, at every start (~10 ms of a 60 ms Dockerfile-only lint). An
 * object whose prototype is the module reads the same, at no cost. Only the
 * node-compatibility case changes (default = module.exports, which is every
 * import here: built-ins and dockerfile-ast's CommonJS).
 */
const TO_ESM = /__toESM=\(mod,isNodeMode,target\)=>\(/g;
const TO_ESM_BY_PROTOTYPE = '__toESM=(mod,isNodeMode,target)=>isNodeMode&&mod!=null&&(typeof mod=="object"||typeof mod=="function")?__create(mod,{default:{value:mod,enumerable:!0}}):(';

/** The same for `__toCommonJS`, which copies a module's exports for each `import()` of it. */
const TO_COMMONJS = /__toCommonJS=mod=>__copyProps\(__defProp\(\{\},"__esModule",\{value:!0\}\),mod\)/g;
const TO_COMMONJS_BY_PROTOTYPE = '__toCommonJS=mod=>__create(mod,{__esModule:{value:!0}})';

function withCheapInterop(file: string): void {
  let code = fs.readFileSync(file, 'utf8');
  for (const [helper, pattern, replacement] of [['__toESM', TO_ESM, TO_ESM_BY_PROTOTYPE], ['__toCommonJS', TO_COMMONJS, TO_COMMONJS_BY_PROTOTYPE]] as const) {
    if (!code.includes(`${helper}(`)) continue;
    if (code.match(pattern)?.length !== 1) throw new Error(`${file}: esbuild's ${helper} helper not found once (another esbuild version?): update scripts/bundle.ts`);
    code = code.replace(pattern, replacement);
  }
  fs.writeFileSync(file, code);
}

/**
 * typescript-estree's modules each start with `import * as ts from 'typescript'`,
 * compiled to `__importStar(require("typescript"))`: a copy of TypeScript's
 * ~2,000 exports, a getter each, made in ~25 modules at every load (~45 ms).
 * They only read members of it, which TypeScript's module object itself gives.
 */
const TS_IMPORT_STAR = '__importStar(require("typescript"))';

/**
 * …and the module object is handed in: the file exports a function of
 * TypeScript that returns typescript-estree, so parse.ts can run it with the
 * parser-only TypeScript, and again with the installed one should that lack
 * a piece (parse.ts, scripts/typescript-parser.ts).
 */
const TS_REQUIRE = 'require("typescript")';

function asFunctionOfTypeScript(file: string): void {
  const code = fs.readFileSync(file, 'utf8');
  if (!code.includes(TS_IMPORT_STAR)) throw new Error(`${file}: no ${TS_IMPORT_STAR} (another typescript-estree build?): update scripts/bundle.ts`);
  const body = code.replaceAll(TS_IMPORT_STAR, '__pid1LintTypeScript').replaceAll(TS_REQUIRE, '__pid1LintTypeScript');
  // The project service's tsserverlibrary stays a require: never reached without `project` options.
  if (/require\("typescript"\)|require\('typescript'\)/.test(body)) throw new Error(`${file}: TypeScript required in another form: update scripts/bundle.ts`);
  fs.writeFileSync(file, `module.exports = function typescriptEstree(__pid1LintTypeScript) {\nconst module = { exports: {} }, exports = module.exports;\n${body}\nreturn module.exports;\n};\n`);
}

/** dist/bundle/typescript.cjs, its licence beside it, and a parse with it as the command makes one. */
function writeTypeScriptParser(): void {
  const typescriptJs = require.resolve('typescript');
  const { version } = require('typescript/package.json') as { version: string };
  const { code } = typeScriptParser(fs.readFileSync(typescriptJs, 'latin1'), version);
  // compile-cache.ts reads it as Latin-1 (cheaper than UTF-8), which only ASCII text allows.
  if (!isAscii(Buffer.from(code, 'latin1'))) throw new Error(`${typescriptJs}: not ASCII: update scripts/bundle.ts and src/cache/compile-cache.ts`);
  fs.writeFileSync(path.join(out, 'typescript.cjs'), code);
  fs.copyFileSync(path.join(path.dirname(typescriptJs), '..', 'LICENSE.txt'), path.join(out, 'typescript.LICENSE.txt'));
  const ts = require(path.join(out, 'typescript.cjs')) as typeof TS;
  const estree = (require(path.join(out, 'typescript-estree.cjs')) as (t: typeof ts) => { parse(code: string, options: object): { body: unknown[] } })(ts);
  const program = estree.parse('export class A { m(): void { process.on("SIGTERM", () => {}); } }', { filePath: 'a.ts', loc: true, range: true });
  if (ts.version !== version || program.body.length !== 1) throw new Error(`${out}/typescript.cjs: does not parse`);
}

await build({
  ...COMMON,
  // Loaded lazily, and only when needed (see above).
  external: ['typescript', '@typescript-eslint/typescript-estree', 'ajv', 'yaml'],
  // CommonJS has no import.meta: the modules find their package and lazy dependencies from this file instead.
  define: { 'import.meta.url': '__pid1LintModuleUrl', __PID1_LINT_BUNDLED_ESTREE__: JSON.stringify(bundledEstree) },
  // "use strict" first: the ES modules were strict, and a directive after the banner's line is no directive.
  banner: { js: '"use strict";\nconst __pid1LintModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  entryPoints: {
    // The command: turns the code cache on, then loads cli.cjs through it.
    'pid1-lint': 'dist/src/bin.js',
    // The linter itself, and the worker threads' entry for many Dockerfiles (src/engine/pool.ts).
    cli: 'dist/src/cli.js',
    'lint-worker': 'dist/src/engine/lint-worker.js',
  },
  outdir: out,
  outExtension: { '.js': '.cjs' },
});
for (const name of ['pid1-lint', 'cli', 'lint-worker']) withCheapInterop(path.join(out, `${name}.cjs`));

/**
 * The two typescript-estree modules that check TypeScript's version at load
 * get scripts/semver-satisfies.cts for `semver` (why there); semver itself is
 * bundled still, loaded only for a range form that file leaves to it.
 */
const SEMVER_AT_LOAD = /[\\/]typescript-estree[\\/]dist[\\/](?:version-check|parseSettings[\\/]warnAboutTSVersion)\.js$/;
const semverAtLoad = new Set<string>();
const semverSatisfies: Plugin = {
  name: 'semver-satisfies',
  setup(b) {
    b.onResolve({ filter: /^semver$/ }, (args) => {
      if (!SEMVER_AT_LOAD.test(args.importer)) return undefined;
      semverAtLoad.add(args.importer);
      return { path: path.join(root, 'dist', 'scripts', 'semver-satisfies.cjs') };
    });
  },
};

await build({
  ...COMMON,
  // TypeScript is handed in (asFunctionOfTypeScript): the parser-only one, or the installed one.
  external: ['typescript'],
  plugins: [semverSatisfies],
  stdin: { contents: `module.exports = { parse: require('${ESTREE}').parse };`, resolveDir: root, sourcefile: 'typescript-estree-entry.cjs', loader: 'js' },
  outfile: path.join(out, 'typescript-estree.cjs'),
});
if (semverAtLoad.size !== 2) throw new Error(`semver's importers at load: ${semverAtLoad.size}, not version-check.js and warnAboutTSVersion.js (another typescript-estree build?): update scripts/bundle.ts`);
asFunctionOfTypeScript(path.join(out, 'typescript-estree.cjs'));
writeTypeScriptParser();
// The command runs as a script (npm links it into node_modules/.bin): executable, whatever esbuild's umask.
fs.chmodSync(path.join(out, 'pid1-lint.cjs'), 0o755);
console.log(`${path.relative(root, out)}: bundled`);
