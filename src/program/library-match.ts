/**
 * Matches call sites against the library table: a call matches when its
 * callee resolves to an import of one of an entry's packages along the
 * pattern's path (`createTerminus`, default export, `chromium.launch`), or,
 * for method patterns, when the method name matches and the package is
 * imported somewhere in the program.
 */
import { memberName, unwrap, type CallNode } from './ast.js';
import { calleePath, normalizeSpecifier, patternPath, samePath } from './libraries.js';
import type { ModuleInfo } from './module-info.js';
import type { ProgramModel } from './program.js';
import type { CallPattern, LibraryEntry } from './types.js';

export interface LibraryMatch {
  entry: LibraryEntry;
  pattern: CallPattern;
  /** The package as imported, without `node:`. */
  pkg: string;
  /** Curried call (`require('death')(opts)(cb)`): the first call, which holds the options. */
  inner?: { node: CallNode; mod: ModuleInfo };
}

export class LibraryMatcher {
  private readonly memo = new Map<CallNode, LibraryMatch[]>();

  constructor(
    private readonly program: ProgramModel,
    readonly entries: LibraryEntry[],
    /** Packages imported by any file read (normalised). */
    readonly importedPackages: Set<string>,
  ) {}

  /** Whether some entry matches calls of this method name, whatever they are called on. */
  byMethodName(call: CallNode): boolean {
    const callee = unwrap(call.type === 'TaggedTemplateExpression' ? call.tag : call.callee);
    const name = callee.type === 'MemberExpression' ? memberName(callee) : null;
    return name !== null && this.entries.some((e) => e.calls?.some((p) => 'method' in p && p.method === name));
  }

  match(call: CallNode, mod: ModuleInfo): LibraryMatch[] {
    const cached = this.memo.get(call);
    if (cached) return cached;
    const result = this.compute(call, mod);
    this.memo.set(call, result);
    return result;
  }

  private compute(call: CallNode, mod: ModuleInfo): LibraryMatch[] {
    const out: LibraryMatch[] = [];
    const calleeNode = call.type === 'TaggedTemplateExpression' ? call.tag : call.callee;
    const callee = unwrap(calleeNode);
    const tagged = call.type === 'TaggedTemplateExpression';
    const cv = this.program.valueOf(calleeNode, mod);
    const path = cv.k === 'lib' ? calleePath(cv.path) : null;
    // `require('death')(opts)` is only the options call when its result is called in turn.
    const parent = mod.parent.get(call);
    const resultIsCalled = parent?.type === 'CallExpression' && parent.callee === call;
    for (const entry of this.entries) {
      const pkgs = entry.packages.map(normalizeSpecifier);
      for (const pattern of entry.calls ?? []) {
        if ('method' in pattern) {
          if (tagged || callee.type !== 'MemberExpression' || memberName(callee) !== pattern.method) continue;
          const pkg = pkgs.find((p) => this.importedPackages.has(p));
          if (pkg) {
            out.push({ entry, pattern, pkg });
            break;
          }
          continue;
        }
        if (cv.k !== 'lib' || !path || !pkgs.includes(cv.pkg) || Boolean(pattern.tagged) !== tagged) continue;
        const want = patternPath(pattern) ?? [];
        if (samePath(path, want)) {
          if (pattern.curried && resultIsCalled) continue;
          out.push({ entry, pattern, pkg: cv.pkg });
          break;
        } else if (pattern.curried && cv.call && samePath(path, [...want, '()'])) {
          out.push({ entry, pattern, pkg: cv.pkg, inner: cv.call });
          break;
        }
      }
    }
    return out;
  }
}
