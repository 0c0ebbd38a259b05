/**
 * The ReDoS check: every pattern of the inventory is run against crafted
 * inputs — 64 KiB repeats of each character (and pair of characters) the
 * pattern mentions or its classes accept, with and without a character
 * that makes the match fail at the end, behind the pattern's literal prefix —
 * in a worker thread that is terminated when one match exceeds the budget.
 * Offenders are reported with file:line.
 */
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { inventory, type PatternSite } from './inventory.js';
import { VARIABLE } from '../../src/images/ref.js';

/** How each RegExp built from an expression is instantiated; `null`: not applied to repository input (why). */
export interface DynamicSite {
  file: string;
  /** The constructor's first argument, as written. */
  argument: string;
  why: string;
  /** Variable bindings to evaluate the argument with, one set per instance. */
  bindings: Record<string, unknown>[] | null;
}

export const DYNAMIC_SITES: DynamicSite[] = [
  {
    file: 'src/model/chain.ts',
    argument: '`(?:npm\\\\s+(?:i|install|add)\\\\s+(?:-g|--global)\\\\s+(?:[^\\\\s]+\\\\s+)*?|corepack\\\\s+(?:prepare|install\\\\s+-g|use)\\\\s+)${name}@([\\\\w.-]+)`',
    why: 'the package manager name is yarn or pnpm; applied to RUN text',
    bindings: [{ name: 'yarn' }, { name: 'pnpm' }],
  },
  ...['VARIABLE.source', '`(?:${VARIABLE.source})`'].map((argument) => ({
    file: 'src/images/ref.ts',
    argument,
    why: 'the build-arg pattern of ref.ts (its VARIABLE literal); applied to FROM text',
    bindings: [{ VARIABLE }],
  })),
  {
    file: 'src/images/data.ts',
    argument: '`^(?:${source})$`',
    why: 'the data files’ name and tag patterns, checked as data sites',
    bindings: null,
  },
  {
    file: 'src/program/module-summary.ts',
    argument: '`SIG|\\\\b(?:${words})\\\\b|[\'"\\`](?:node:)?(?:${specs})(?:/[^\'"\\`\\\\n]*)?[\'"\\`]`',
    why: 'the relevance test: names and package specifiers of the library table (escaped), applied to module texts',
    bindings: [{ words: 'process|setInterval|clearInterval|enableShutdownHooks', specs: 'timers|close-with-grace|@nestjs\\/core|next\\/dist\\/server\\/lib\\/start-server\\.js|child_process' }],
  },
  {
    file: 'src/verify/runner.ts',
    argument: "re[1] ?? ''",
    why: 'the user’s own --ready log:/re/ pattern, applied to their program’s output by `verify`',
    bindings: null,
  },
];

export interface Pattern {
  site: PatternSite;
  regex: RegExp;
}

/** Concrete RegExps for every site (dynamic ones through DYNAMIC_SITES); sites that have no entry come back as `unknown`. */
export function patterns(sites: PatternSite[] = inventory()): { patterns: Pattern[]; unknown: PatternSite[] } {
  const out: Pattern[] = [];
  const unknown: PatternSite[] = [];
  for (const site of sites) {
    if (site.kind !== 'dynamic') {
      out.push({ site, regex: new RegExp(site.source, site.flags) });
      continue;
    }
    const entry = DYNAMIC_SITES.find((d) => d.file === site.file && d.argument === site.source);
    if (!entry) {
      unknown.push(site);
      continue;
    }
    for (const binding of entry.bindings ?? []) {
      const source = new Function(...Object.keys(binding), `return ${site.source};`)(...Object.values(binding)) as string;
      out.push({ site: { ...site, source }, regex: new RegExp(source) });
    }
  }
  return { patterns: out, unknown };
}

const SIZE = 64 * 1024;
/** Characters every pattern is tried with, besides its own: blanks, quotes, escapes, separators, a letter, a digit, non-ASCII. */
const BASE_ALPHABET = [' ', '\t', '\n', '\r', 'a', 'A', '0', '-', '_', '.', '/', ':', '@', '=', '$', '{', '}', '[', ']', '"', "'", '\\', '#', ',', 'é', '\u{1f600}'];

/** The literal text a pattern starts with (`npm\s+i` → `npm`), so attack strings get past it. */
export function literalPrefix(source: string): string {
  let out = '';
  for (let i = source.startsWith('^') ? 1 : 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[.*+?^${}()|[\]\\/-]/.test(next)) {
        out += next;
        i++;
        continue;
      }
      break;
    }
    if (/[.*+?^${}()|[\]]/.test(ch)) break;
    out += ch;
  }
  // A quantifier after the last literal character makes it optional: keep the safe part only.
  return /[*?{]/.test(source[source.indexOf(out) + out.length] ?? '') ? out.slice(0, -1) : out;
}

/** Characters the pattern names literally, plus representatives of the classes it uses. */
export function alphabetOf(source: string): string[] {
  const chars = new Set(BASE_ALPHABET);
  for (const ch of source.replace(/\\[dswDSWbBnrt]/g, '')) if (ch.charCodeAt(0) >= 32) chars.add(ch);
  if (/\\s/.test(source)) chars.add('\u00a0');
  return [...chars];
}

/** The crafted inputs for one pattern: long repeats of single characters and pairs, bare and behind the literal prefix, with a failing end. */
export function attackStrings(source: string, flags = ''): string[] {
  const alphabet = alphabetOf(source);
  const prefix = literalPrefix(source);
  const fill = (unit: string, head = ''): string => head + unit.repeat(Math.ceil((SIZE - head.length) / unit.length)).slice(0, SIZE - head.length);
  const inputs = new Set<string>();
  for (const a of alphabet) {
    inputs.add(fill(a));
    inputs.add(fill(a).slice(0, -1) + '\u0000');
    if (prefix) inputs.add(fill(a, `${prefix} `).slice(0, -1) + '\u0000');
  }
  // Pairs expose nested and overlapping quantifiers ((a|ab)*, (\s*x)*, …) that single characters miss.
  const common = alphabet.filter((c) => source.includes(c) || c === ' ' || c === 'a');
  for (const a of common) for (const b of common) if (a !== b) inputs.add(fill(a + b).slice(0, -1) + '\u0000');
  // Strings the pattern matches, repeated whole and without their last character: a part like
  // `\{[^}]*\}` then scans to the end from every repetition (quadratic), which no single character shows.
  for (const sample of matchingSamples(source, flags)) {
    if (sample.length < 2) continue;
    inputs.add(fill(sample).slice(0, -1) + '\u0000');
    inputs.add(fill(sample.slice(0, -1)).slice(0, -1) + '\u0000');
  }
  return [...inputs];
}

/** A few strings that match the pattern (fast-check's stringMatching), or none for constructs it cannot generate. */
function matchingSamples(source: string, flags: string): string[] {
  try {
    return fc.sample(fc.stringMatching(new RegExp(source, flags.replace(/[gy]/g, ''))), { seed: 42, numRuns: 12 });
  } catch {
    return [];
  }
}

export interface Offender {
  site: PatternSite;
  input: string;
  ms: number;
}

const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, input }) => {
  const re = new RegExp(source, flags);
  const started = performance.now();
  if (re.global || re.sticky) input.replace(re, '');
  else re.exec(input);
  parentPort.postMessage(performance.now() - started);
});`;

/**
 * Runs every attack string against every pattern; a match slower than
 * `budgetMs` ends its worker and makes the pattern an offender (one report
 * per pattern: the first input that exceeded the budget).
 */
export async function findOffenders(list: Pattern[], budgetMs: number): Promise<{ offenders: Offender[]; matches: number }> {
  let worker = new Worker(WORKER, { eval: true });
  const offenders: Offender[] = [];
  let matches = 0;
  const run = (p: Pattern, input: string) =>
    new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), budgetMs);
      worker.once('message', (ms: number) => {
        clearTimeout(timer);
        resolve(ms);
      });
      worker.postMessage({ source: p.regex.source, flags: p.regex.flags, input });
    });
  try {
    for (const p of list) {
      for (const input of attackStrings(p.regex.source, p.regex.flags)) {
        matches++;
        const ms = await run(p, input);
        if (ms !== null && ms <= budgetMs) continue;
        offenders.push({ site: p.site, input, ms: ms ?? budgetMs });
        if (ms === null) {
          // A runaway match cannot be interrupted from here: replace the worker.
          worker.removeAllListeners('message');
          await worker.terminate();
          worker = new Worker(WORKER, { eval: true });
        }
        break;
      }
    }
  } finally {
    await worker.terminate();
  }
  return { offenders, matches };
}

/** Describes a crafted input briefly: `"a" × 65536 + "\0"`. */
export function describeInput(input: string): string {
  const head = input.slice(0, 24);
  return `${JSON.stringify(head)}… (${input.length} characters, ending ${JSON.stringify(input.slice(-2))})`;
}

/** The whole check, as `npm run fuzz` and `npm run redos` print it. */
export async function checkAllPatterns(budgetMs = 250): Promise<{ offenders: number; report: string[] }> {
  const sites = inventory();
  const { patterns: list, unknown } = patterns(sites);
  const { offenders, matches } = await findOffenders(list, budgetMs);
  const report = [
    `${sites.length} pattern sites (${sites.filter((s) => s.kind === 'dynamic').length} built at run time), ${list.length} patterns, ${matches} timed matches, budget ${budgetMs} ms per match`,
    ...unknown.map((s) => `UNKNOWN dynamic RegExp at ${s.file}:${s.line} (${s.source}): add it to DYNAMIC_SITES in test/redos/check.ts`),
    ...offenders.map((o) => `OFFENDER ${o.site.file}:${o.site.line} /${o.site.source}/${o.site.flags}: ${o.ms >= budgetMs ? `over ${budgetMs} ms` : `${o.ms.toFixed(0)} ms`} on ${describeInput(o.input)}`),
    offenders.length + unknown.length === 0 ? 'no pattern exceeded the budget' : `${offenders.length} offender(s), ${unknown.length} unknown dynamic site(s)`,
  ];
  return { offenders: offenders.length + unknown.length, report };
}
