/**
 * What the graph walk needs of a module before deciding whether to analyse
 * it: its import edges and whether its text could matter to the analysis.
 *
 * The full ESTree of a module (typescript-estree plus module-info.ts) costs
 * several times TypeScript's parse alone (BENCHMARKS.md), and most modules
 * of a large program never do anything the analysis looks for. So the walk
 * reads every reachable module for its import declarations only (with the
 * scanner of scan.ts, else TypeScript's parser alone, which also gives its
 * syntax errors) and the analysis parses in full only what it looks into
 * (module-set.ts).
 */
import type * as TS from 'typescript';
import type { ModuleInfo } from './module-info.js';
import type { LibraryEntry } from './types.js';

export interface SummaryEdge {
  spec: string;
  kind: 'import' | 'require' | 'dynamic';
  line: number;
}

/** The edges of a fully parsed module, in the order module-info.ts found them. */
export function edgesOf(info: ModuleInfo): SummaryEdge[] {
  const out: SummaryEdge[] = [];
  for (const unit of info.units) for (const edge of unit.edges) out.push({ spec: edge.spec, kind: edge.kind, line: edge.node.loc.start.line });
  return out;
}

/**
 * `require`, `createRequire` and `import()` edges depend on bindings and
 * dead branches (module-info.ts decides them); a module that may hold one
 * is parsed in full. The words may also be in comments: then it is parsed
 * in full for nothing, which is only slower.
 */
const NEEDS_FULL_PARSE = /\brequire\b|\bcreateRequire\b|\bimport\s*\(/;

export function needsFullParse(text: string): boolean {
  return NEEDS_FULL_PARSE.test(text);
}

/**
 * The edges of a module whose only imports are import and export
 * declarations, from TypeScript's tree, with module-info.ts's rules: type-only
 * imports and exports are elided, `import {} from` and side-effect imports
 * are not. Null when the module needs the full parse to be sure.
 */
export function declaredEdges(ts: typeof TS, source: TS.SourceFile, text: string): SummaryEdge[] | null {
  if (needsFullParse(text)) return null;
  const out: SummaryEdge[] = [];
  const add = (stmt: TS.Statement, specifier: TS.Expression): void => {
    if (!ts.isStringLiteral(specifier)) return;
    out.push({ spec: specifier.text, kind: 'import', line: source.getLineAndCharacterOfPosition(stmt.getStart(source)).line + 1 });
  };
  for (const stmt of source.statements) {
    if (ts.isImportDeclaration(stmt)) {
      const clause = stmt.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly = clause?.isTypeOnly === true || (clause !== undefined && !clause.name && named !== null && named.length > 0 && named.every((s) => s.isTypeOnly));
      if (!typeOnly) add(stmt, stmt.moduleSpecifier);
    } else if (ts.isExportDeclaration(stmt)) {
      if (!stmt.isTypeOnly && stmt.moduleSpecifier) add(stmt, stmt.moduleSpecifier);
    } else if (ts.isModuleDeclaration(stmt)) {
      // Namespaces and `declare module` blocks may hold import declarations of their own.
      return null;
    }
  }
  return out;
}

/**
 * A test of whether a module's text could, on its own, hold something the
 * analysis reports: it names `process` (listeners, exit, env), a signal, a
 * timer that keeps the loop alive, a method the library table matches by
 * name, or imports a package of the table (by its specifier) or `timers`.
 * A module that does none of these, and imports only modules that do none
 * either, can only matter through values handed to it by analysed code
 * (reach.ts wakes it then). Matches in comments and strings only make the
 * test more conservative.
 */
export function relevanceTest(libraries: LibraryEntry[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const methods = new Set<string>();
  const packages = new Set<string>(['timers']);
  for (const entry of libraries) {
    // A wrapper (`_.once(fn)`) only passes a function through: that matters when analysed code asks for the value.
    if (entry.role === 'wraps-function') continue;
    for (const p of entry.packages) packages.add(p.startsWith('node:') ? p.slice(5) : p);
    for (const call of entry.calls ?? []) if ('method' in call) methods.add(call.method);
  }
  const words = ['process', 'setInterval', 'clearInterval', ...methods].map(escape).join('|');
  const specs = [...packages].map(escape).join('|');
  return new RegExp(`SIG|\\b(?:${words})\\b|['"\`](?:node:)?(?:${specs})(?:/[^'"\`\\n]*)?['"\`]`);
}
