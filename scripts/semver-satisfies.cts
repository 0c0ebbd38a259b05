/**
 * semver's `satisfies`, for the typescript-estree bundle only (scripts/bundle.ts
 * puts it in place of `semver` for version-check.js and warnAboutTSVersion.js).
 *
 * Why: at load, typescript-estree checks TypeScript's version against ranges
 * of plain comparators (`>= 5.4.0 || >= 5.4.1-rc || >= 5.4.0-beta` for each
 * of fifteen versions, then `>=4.8.4 <6.1.0`). Through semver that loads its 47 modules and
 * compiles its range expressions: ~20 ms of every run that reads a program.
 * Plain comparators are read here with semver's rules (precedence with
 * prerelease identifiers, build metadata ignored, a prerelease version
 * matching only a comparator with a prerelease of the same major.minor.patch
 * unless `includePrerelease`); any other range or version form (`^`, `~`,
 * x-ranges, hyphen ranges, a `v` prefix, an empty set) goes to semver itself,
 * loaded only then. test/scripts/semver-satisfies.test.ts holds it to semver.
 */
type Version = { main: [number, number, number]; pre: (string | number)[] };
type Comparator = { op: '<' | '<=' | '>' | '>=' | '='; version: Version };

/** semver's MAX_LENGTH. */
const MAX_LENGTH = 256;
const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const VERSION = `(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?`;
const VERSION_ONLY = new RegExp(`^${VERSION}$`);
const COMPARATOR = new RegExp(`^(<=|>=|<|>|=)?\\s*${VERSION}$`);

function version(match: RegExpExecArray, from: number): Version | null {
  const main = [Number(match[from]), Number(match[from + 1]), Number(match[from + 2])] as [number, number, number];
  if (!main.every(Number.isSafeInteger)) return null;
  const pre = match[from + 3]?.split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) ?? [];
  if (pre.some((id) => typeof id === 'number' && !Number.isSafeInteger(id))) return null;
  return { main, pre };
}

function compareIdentifiers(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // A numeric identifier has lower precedence than an alphanumeric one.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.main[i] !== b.main[i]) return (a.main[i] as number) - (b.main[i] as number);
  // A version with a prerelease comes before the same version without one.
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; ; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    const c = compareIdentifiers(x, y);
    if (c !== 0) return c;
  }
}

function holds({ op, version: bound }: Comparator, v: Version): boolean {
  const c = compare(v, bound);
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : c === 0;
}

/** The comparator sets of a range, or null when it holds anything but plain comparators. */
function comparatorSets(range: string): Comparator[][] | null {
  const sets: Comparator[][] = [];
  for (const part of range.split('||')) {
    // semver joins an operator and its version across spaces (`>= 5.4.0`) before splitting a set on them.
    const words = part.trim().replace(/(<=|>=|<|>|=)\s+/g, '$1').split(/\s+/);
    const set: Comparator[] = [];
    for (const word of words) {
      const match = COMPARATOR.exec(word);
      const bound = match ? version(match, 2) : null;
      if (!match || !bound) return null;
      set.push({ op: (match[1] ?? '=') as Comparator['op'], version: bound });
    }
    sets.push(set);
  }
  return sets;
}

/** Whether `version` satisfies the plain-comparator `range`, or null for a form left to semver. */
function satisfiesPlain(versionText: string, range: string, includePrerelease: boolean): boolean | null {
  // semver's length limit (and its bounded expressions) stay semver's.
  if (versionText.length > MAX_LENGTH || range.length > MAX_LENGTH) return null;
  const match = VERSION_ONLY.exec(versionText);
  const v = match ? version(match, 1) : null;
  const sets = comparatorSets(range);
  if (!v || !sets) return null;
  return sets.some(
    (set) =>
      set.every((c) => holds(c, v)) &&
      (v.pre.length === 0 || includePrerelease || set.some((c) => c.version.pre.length > 0 && c.version.main.every((n, i) => n === v.main[i]))),
  );
}

function satisfies(versionText: string, range: string, options?: { includePrerelease?: boolean }): boolean {
  const plain = satisfiesPlain(versionText, range, options?.includePrerelease === true);
  if (plain !== null) return plain;
  // Loaded only for a range or version form not read above: a require() in place, which esbuild bundles as a lazy one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require('semver') as { satisfies(v: string, r: string, o?: object): boolean };
  return semver.satisfies(versionText, range, options);
}

// Read as typescript-estree reads semver: `__importStar(require("semver")).satisfies`, `__importDefault(…).default.satisfies`.
export = { satisfies, satisfiesPlain };
