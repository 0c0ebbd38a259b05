/**
 * TypeScript for the bundled command (scripts/bundle.ts writes it to
 * dist/bundle/typescript.cjs): the installed lib/typescript.js less the
 * parts a parse never runs — type checker, emitter, transformers, program
 * and watch APIs, language service, server.
 *
 * Why: V8 compiles a script's whole text before running any of it (lazy
 * functions are still pre-parsed), and typescript.js is 9 MB. Compiling it
 * was ~270 ms of a first run's ~880 ms, and reading it and its code cache
 * a good part of every run that reads a program (BENCHMARKS.md, lever 27).
 *
 * How: TypeScript's build (esbuild) puts each of its source files in one
 * function scope, each opened by a `// src/<path>.ts` line; a section is
 * dropped whole. What stays declares the same names as before, so the code
 * that runs is TypeScript's own, unchanged. A dropped name that a parse
 * still reached would throw (a ReferenceError, or a TypeError for a method
 * a dropped section installs): src/program/parse.ts then parses again with
 * the installed TypeScript, and test/scripts/typescript-parser.test.ts holds
 * the two to the same trees and the same syntax errors.
 */

/** Sections that no parse runs. A section of a new TypeScript version is kept unless it is named here. */
const NEVER_RUN_BY_A_PARSE: readonly RegExp[] = [
  /^src\/compiler\/(?:checker|binder|symbolWalker|moduleSpecifiers|moduleNameResolver|commandLineParser|transformer|emitter|sourcemap|program|programDiagnostics|resolutionCache|executeCommandLine|expressionToTypeNode|watch\w*|builder\w*|tsbuild\w*)\.ts$/,
  /^src\/compiler\/transformers\//,
  /^src\/compiler\/_namespaces\/ts\.moduleSpecifiers\.ts$/,
  // services.ts stays: it gives nodes getStart(), getText() and the like, which typescript-estree calls.
  /^src\/services\/(?!(?:services|utilities|types)\.ts$)/,
  /^src\/(?:server|jsTyping|typingsInstaller|typingsInstallerCore|deprecatedCompat)\//,
];

/** Sections a parse runs: if one of these is not found, typescript.js is laid out differently (see How above). */
const PARSER_SECTIONS = ['src/compiler/scanner.ts', 'src/compiler/parser.ts', 'src/compiler/factory/nodeFactory.ts', 'src/services/services.ts'];

const SECTION = /^\/\/ (src\/\S+\.ts)$/;

export interface TypeScriptParser {
  code: string;
  kept: string[];
  dropped: string[];
}

/** typescript.js (its text) → the same, with the sections a parse never runs left out. Throws on a layout it does not know. */
export function typeScriptParser(typescriptJs: string, version: string): TypeScriptParser {
  const lines = typescriptJs.split('\n');
  const kept: string[] = [];
  const dropped: string[] = [];
  const out: string[] = [];
  let keep = true;
  for (const line of lines) {
    const section = SECTION.exec(line)?.[1];
    if (section !== undefined) {
      keep = !NEVER_RUN_BY_A_PARSE.some((re) => re.test(section));
      (keep ? kept : dropped).push(section);
    }
    if (keep) out.push(line);
  }
  const missing = PARSER_SECTIONS.filter((s) => !kept.includes(s));
  if (missing.length > 0 || !dropped.includes('src/compiler/checker.ts')) {
    throw new Error(`typescript.js ${version}: not the layout scripts/typescript-parser.ts knows (sections ${missing.join(', ') || 'src/compiler/checker.ts'} not found): update it`);
  }
  // Its licence header is part of the first lines, kept like every line before the first section.
  if (!typescriptJs.slice(0, 1000).includes('Apache License')) throw new Error(`typescript.js ${version}: no Apache License header at the top: update scripts/typescript-parser.ts`);
  const notice = `/*! pid1-lint: TypeScript ${version}'s lib/typescript.js (Apache License 2.0, typescript.LICENSE.txt) with ${dropped.length} of its ${dropped.length + kept.length} sections left out, those no parse runs; nothing else changed. Made by scripts/typescript-parser.ts. */`;
  return { code: `${notice}\n${out.join('\n')}`, kept, dropped };
}
