/**
 * Answers "what is this base image?" from the offline data: normalise the
 * reference, find the entries whose name matches, then pick the variant by tag.
 * A tag holding an unexpanded build arg is a wildcard: every entry with a tag
 * example that fits is a candidate, and only what the candidates share is
 * reported.
 */
import { compilePattern, extendsChain, loadBaseImageData, parentFinder } from './data.js';
import { hasVariables, literalPrefix, normaliseName, parseImageRef, wildcardMatches } from './ref.js';
import type { BaseImageEntry, Distro, ImageInfo, ImageRef, OsPackageManager, ShellFlavour } from './types.js';

/** Node.js release codenames used as docker-node tags (nodejs/Release). */
const NODE_CODENAMES: Record<string, number> = {
  argon: 4,
  boron: 6,
  carbon: 8,
  dubnium: 10,
  erbium: 12,
  fermium: 14,
  gallium: 16,
  hydrogen: 18,
  iron: 20,
  jod: 22,
  krypton: 24,
};

/** An entry with `extends` applied, every image field present, patterns compiled. */
interface ResolvedEntry {
  id: string;
  description: string;
  family: string | null;
  distro: Distro | null;
  shell: ShellFlavour;
  osPackageManager: OsPackageManager | null;
  entrypoint: string[] | null;
  cmd: string[] | null;
  workdir: string | null;
  user: string | null;
  stopSignal: string | null;
  env: Record<string, string>;
  inits: ImageInfo['inits'];
  scripts: ImageInfo['scripts'];
  programs: Record<string, string>;
  nodeMajor: number | null;
  byNodeMajor: NonNullable<BaseImageEntry['byNodeMajor']>;
  facts: string[];
  notes: string[];
  tags: RegExp[] | null;
  tagExamples: string[];
  /** A tag pattern carries the node major, so a literal prefix of a wildcard tag may too. */
  majorInTag: boolean;
}

/** An entry that names images: what its name matches, and the entry with `extends` applied (worked out once, when first needed). */
interface Candidate {
  id: string;
  images: Set<string>;
  imagePattern: RegExp | null;
  resolved(): ResolvedEntry;
}

let builtinCandidates: Candidate[] | undefined;
const extraCandidates = new WeakMap<readonly BaseImageEntry[], Candidate[]>();

/**
 * Built-ins once, resolved when a name matches (a lint meets one or two of
 * them; the tests check every one, `checkBuiltinBaseImageData`); `extra` once
 * per array, resolved at once, so a broken user entry fails the first lookup
 * whatever it names. Extra entries come first and replace built-ins of the same id.
 */
function entriesFor(extra: readonly BaseImageEntry[] | undefined): Candidate[] {
  const builtins = loadBaseImageData();
  builtinCandidates ??= candidates(builtins, []);
  if (extra === undefined || extra.length === 0) return builtinCandidates;
  let found = extraCandidates.get(extra);
  if (found === undefined) {
    const own = candidates(extra, builtins);
    for (const candidate of own) candidate.resolved();
    const replaced = new Set(extra.map((e) => e.id));
    found = [...own, ...builtinCandidates.filter((e) => !replaced.has(e.id))];
    extraCandidates.set(extra, found);
  }
  return found;
}

/** `own`'s entries that name images; `extends` looks in `own`, then in `builtins`. */
function candidates(own: readonly BaseImageEntry[], builtins: readonly BaseImageEntry[]): Candidate[] {
  const find = parentFinder(own, builtins);
  const out: Candidate[] = [];
  for (const entry of own) {
    const match = entry.match;
    if (match === undefined) continue; // a template
    let resolved: ResolvedEntry | undefined;
    out.push({
      id: entry.id,
      images: new Set(match.images ?? []),
      imagePattern: match.imagePattern === undefined ? null : compilePattern(match.imagePattern),
      resolved: () => (resolved ??= resolveEntry(entry, find)),
    });
  }
  return out;
}

function resolveEntry(entry: BaseImageEntry, find: ReturnType<typeof parentFinder>): ResolvedEntry {
  const chain = extendsChain(entry, find);
  if (chain === null) throw new Error(`base image entry "${entry.id}": circular extends`);
  if (entry.extends !== undefined && chain.length === 1) {
    throw new Error(`base image entry "${entry.id}": extends unknown entry id "${entry.extends}"`);
  }
  return resolve(entry, chain);
}

function resolve(entry: BaseImageEntry, chain: BaseImageEntry[]): ResolvedEntry {
  // Nearest definition wins; facts and notes accumulate from the root down.
  const pick = <K extends keyof BaseImageEntry>(key: K): BaseImageEntry[K] | undefined => chain.find((e) => e[key] !== undefined)?.[key];
  const need = <K extends keyof BaseImageEntry>(key: K): NonNullable<BaseImageEntry[K]> | null => {
    const v = pick(key);
    if (v === undefined) throw new Error(`base image entry "${entry.id}": missing "${key}" (not set here nor by the entries it extends)`);
    return v as NonNullable<BaseImageEntry[K]> | null;
  };
  const root = [...chain].reverse();
  const match = entry.match ?? {};
  const tags = match.tags?.map(compilePattern) ?? null;
  return {
    id: entry.id,
    description: need('description') ?? entry.id,
    family: pick('family') ?? null,
    distro: need('distro'),
    shell: need('shell') ?? 'unknown',
    osPackageManager: need('osPackageManager'),
    entrypoint: need('entrypoint'),
    cmd: need('cmd'),
    workdir: need('workdir'),
    user: need('user'),
    stopSignal: need('stopSignal'),
    env: need('env') ?? {},
    inits: need('inits') ?? [],
    scripts: need('scripts') ?? [],
    programs: need('programs') ?? {},
    nodeMajor: pick('nodeMajor') ?? null,
    byNodeMajor: pick('byNodeMajor') ?? [],
    facts: root.flatMap((e) => e.facts ?? []),
    notes: root.flatMap((e) => e.notes ?? []),
    tags,
    tagExamples: match.tagExamples ?? [],
    majorInTag: (match.tags ?? []).some((t) => t.includes('(?<nodeMajor>') || t.includes('(?<nodeCodename>')),
  };
}

/**
 * What is known about a base image reference. `extra` entries (from user configuration,
 * already validated) win over built-ins. Throws only on broken data.
 */
export function lookupImage(ref: string, extra?: BaseImageEntry[]): ImageInfo {
  const parsed = parseImageRef(ref);
  if (parsed === null) return unknown(ref, null, []);
  const { name, registryIsVariable, mirror } = normaliseName(parsed);
  if (hasVariables(name)) {
    return unknown(ref, parsed, [`the image name is an unexpanded build arg (${parsed.variables.join(', ')}): nothing is known`]);
  }
  const entries = entriesFor(extra);
  const named: { entry: ResolvedEntry; nameGroups: Record<string, string> }[] = [];
  for (const candidate of entries) {
    if (candidate.images.has(name)) named.push({ entry: candidate.resolved(), nameGroups: {} });
    else if (candidate.imagePattern !== null) {
      const m = candidate.imagePattern.exec(name);
      if (m !== null) named.push({ entry: candidate.resolved(), nameGroups: m.groups ?? {} });
    }
  }
  if (named.length === 0) return unknown(ref, parsed, []);

  const context: string[] = [];
  if (registryIsVariable) {
    context.push(`the registry is an unexpanded build arg (${parsed.registry ?? ''}): assumed to serve the Docker Hub image ${name}`);
  }
  if (mirror !== null) context.push(`${mirror} is read as a mirror of Docker Hub's ${name}`);
  if (parsed.digest !== null && parsed.tag === null) {
    context.push('pinned by digest without a tag: the variant of the default tag (latest) is assumed');
  }

  const tag = parsed.tag ?? 'latest';
  if (!hasVariables(tag)) {
    for (const { entry, nameGroups } of named) {
      if (entry.tags === null) return describe(entry, parsed, majorOf(nameGroups, {}, entry), context);
      for (const re of entry.tags) {
        const m = re.exec(tag);
        if (m !== null) return describe(entry, parsed, majorOf(nameGroups, m.groups ?? {}, entry), context);
      }
    }
    return unknown(ref, parsed, [`tag "${tag}" is not one pid1-lint knows for ${name}`]);
  }

  // The tag holds a build arg: every entry with a real tag that fits may be meant.
  let fits = named.filter(({ entry }) => entry.tags === null || entry.tagExamples.some((t) => wildcardMatches(tag, t)));
  // Extra entries win here too: if one of them fits, built-ins are not considered.
  const extraIds = new Set((extra ?? []).map((e) => e.id));
  const fromExtra = fits.filter(({ entry }) => extraIds.has(entry.id));
  if (fromExtra.length > 0) fits = fromExtra;
  const wildcard = `tag "${tag}" holds an unexpanded build arg (${parsed.variables.join(', ')})`;
  if (fits.length === 0) return unknown(ref, parsed, [`${wildcard}; no variant of ${name} fits it`]);
  const infos = fits.map(({ entry, nameGroups }) => {
    const fromName = majorOf(nameGroups, {}, entry);
    return describe(entry, parsed, fromName ?? (entry.majorInTag ? majorFromPrefix(tag) : null), context);
  });
  if (infos.length === 1 && infos[0] !== undefined) {
    infos[0].notes.push(`${wildcard}; only this variant fits`);
    return infos[0];
  }
  return merge(infos, fits.map((f) => f.entry), parsed, `${wildcard}; it fits ${fits.map((f) => f.entry.id).join(', ')}`);
}

function majorOf(nameGroups: Record<string, string>, tagGroups: Record<string, string>, entry: ResolvedEntry): number | null {
  for (const groups of [tagGroups, nameGroups]) {
    if (groups.nodeMajor !== undefined) return Number(groups.nodeMajor);
    if (groups.nodeCodename !== undefined) return NODE_CODENAMES[groups.nodeCodename] ?? null;
  }
  return entry.nodeMajor;
}

/** `22-${VARIANT}` and `22.${MINOR}-alpine` still tell node 22. */
function majorFromPrefix(tag: string): number | null {
  const m = /^(\d+)(?:[.-]|$)/.exec(literalPrefix(tag));
  // A prefix that is all digits (`2${X}`) could be the start of a longer number.
  if (m === null || literalPrefix(tag) === m[1]) return null;
  return Number(m[1]);
}

function describe(entry: ResolvedEntry, ref: ImageRef, nodeMajor: number | null, context: string[]): ImageInfo {
  const env = { ...entry.env };
  const programs = { ...entry.programs };
  const facts = [...entry.facts];
  const notes = [...context, ...entry.notes];
  for (const extra of entry.byNodeMajor) {
    const applies =
      extra.unknown === true
        ? nodeMajor === null
        : nodeMajor !== null && nodeMajor >= (extra.min ?? 0) && nodeMajor <= (extra.max ?? Infinity);
    if (!applies) continue;
    Object.assign(env, extra.env);
    Object.assign(programs, extra.programs);
    facts.push(...(extra.facts ?? []));
    notes.push(...(extra.notes ?? []));
  }
  return {
    known: true,
    id: entry.id,
    candidates: [entry.id],
    description: nodeMajor === null ? entry.description : `${entry.description} (node ${nodeMajor})`,
    ref,
    distro: entry.distro,
    shell: entry.shell,
    osPackageManager: entry.osPackageManager,
    entrypoint: entry.entrypoint === null ? null : [...entry.entrypoint],
    cmd: entry.cmd === null ? null : [...entry.cmd],
    workdir: entry.workdir,
    user: entry.user,
    stopSignal: entry.stopSignal,
    env,
    inits: entry.inits.map((i) => ({ ...i })),
    scripts: entry.scripts.map((s) => ({ ...s, prepend: [...s.prepend], ...(s.subcommands ? { subcommands: [...s.subcommands] } : {}) })),
    programs,
    nodeMajor,
    facts: unique(facts),
    notes: unique(notes),
  };
}

/** Several variants may be meant: keep what they agree on, and say so. */
function merge(infos: ImageInfo[], entries: ResolvedEntry[], ref: ImageRef, why: string): ImageInfo {
  const [first, ...rest] = infos;
  if (first === undefined) throw new Error('merge() needs at least one candidate');
  const same = <T>(get: (i: ImageInfo) => T): boolean => rest.every((i) => sameValue(get(i), get(first)));
  const agree = <T>(get: (i: ImageInfo) => T, fallback: T): T => (same(get) ? get(first) : fallback);
  const families = unique(entries.map((e) => e.family ?? e.description));
  const notes = [why];
  for (const [field, label] of [
    ['shell', 'what /bin/sh is'],
    ['entrypoint', 'the ENTRYPOINT'],
    ['cmd', 'the CMD'],
  ] as const) {
    if (!same((i) => i[field])) notes.push(`${label} differs between them, so it is not known`);
  }
  return {
    known: true,
    id: null,
    candidates: infos.map((i) => i.id ?? ''),
    description: families.length === 1 ? `${families[0] ?? ''}, variant not known` : `one of: ${families.join('; ')}`,
    ref,
    distro: agree((i) => i.distro, null),
    shell: agree((i) => i.shell, 'unknown'),
    osPackageManager: agree((i) => i.osPackageManager, null),
    entrypoint: agree((i) => i.entrypoint, null),
    cmd: agree((i) => i.cmd, null),
    workdir: agree((i) => i.workdir, null),
    user: agree((i) => i.user, null),
    stopSignal: agree((i) => i.stopSignal, null),
    env: intersect(infos.map((i) => i.env)),
    inits: first.inits.filter((x) => rest.every((i) => i.inits.some((y) => sameValue(x, y)))),
    scripts: first.scripts.filter((x) => rest.every((i) => i.scripts.some((y) => sameValue(x, y)))),
    programs: intersect(infos.map((i) => i.programs)),
    nodeMajor: agree((i) => i.nodeMajor, null),
    facts: unique(infos.flatMap((i) => i.facts)),
    notes: unique([...notes, ...infos.flatMap((i) => i.notes)]),
  };
}

function unknown(raw: string, ref: ImageRef | null, notes: string[]): ImageInfo {
  return {
    known: false,
    id: null,
    candidates: [],
    description: `unknown image ${raw}`,
    ref,
    distro: null,
    shell: 'unknown',
    osPackageManager: null,
    entrypoint: null,
    cmd: null,
    workdir: null,
    user: null,
    stopSignal: null,
    env: {},
    inits: [],
    scripts: [],
    programs: {},
    nodeMajor: null,
    facts: [],
    notes,
  };
}

function intersect(maps: Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = maps;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(first ?? {})) if (rest.every((m) => m[k] === v)) out[k] = v;
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
