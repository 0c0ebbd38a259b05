/**
 * Image references as Docker reads them (`[registry/]path[:tag][@digest]`), plus
 * the normalisation the base-image data is keyed on. Unexpanded build args
 * (`${X}`, `$X`) are kept verbatim and reported, so a lookup can treat them as
 * wildcards.
 */
import type { ImageRef } from './types.js';

// `${X:-default}` forms are expanded by the caller when X has a value; what is left is unknown.
// A default stops before a nested `${`: scanning on to the next `}` from every `${` is quadratic on `${a:-${a:-…`.
export const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+?=](?:[^}$]|\$(?!\{))*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
// A variable is masked as \uE000<index>\uE000 (a private-use character) while parsing, so its braces and colons do not split the reference.
const MASK = /\uE000(\d+)\uE000/g;

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const DIGEST_WITH_VARIABLE = /^(?:[a-z0-9]+(?:[.+_-][a-z0-9]+)*:)?[a-zA-Z0-9=_-]+$/;

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Parses an image reference; null for empty or malformed input. Never throws. */
export function parseImageRef(ref: string): ImageRef | null {
  try {
    return parse(ref);
  } catch {
    return null;
  }
}

function parse(raw: string): ImageRef | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || /\s/.test(text) || text.includes('\uE000')) return null;

  const variables: string[] = [];
  const originals: string[] = [];
  const masked = text.replace(VARIABLE, (whole: string, braced?: string, bare?: string) => {
    variables.push(braced ?? bare ?? whole);
    originals.push(whole);
    return `\uE000${originals.length - 1}\uE000`;
  });
  if (masked.includes('$')) return null;
  const restore = (s: string): string => s.replace(MASK, (_m, i: string) => originals[Number(i)] ?? '');
  // For validation a variable stands for one ordinary character.
  const plain = (s: string): string => s.replace(MASK, 'x');
  const hasVariable = (s: string): boolean => s.includes('\uE000');

  let rest = masked;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const ok = hasVariable(digest) ? DIGEST_WITH_VARIABLE.test(plain(digest)) : DIGEST.test(digest);
    if (!ok) return null;
  }

  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  // A colon before the last slash is a registry port (`registry:5000/x`), not a tag.
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(plain(tag))) return null;
  }

  const parts = rest.split('/');
  let registry: string | null = null;
  const first = parts[0] ?? '';
  if (parts.length > 1 && isRegistry(first)) {
    registry = first;
    parts.shift();
    if (!DOMAIN.test(plain(registry))) return null;
    registry = registry.toLowerCase();
  }
  if (parts.length === 0 || parts.some((p) => !COMPONENT.test(plain(p)))) return null;

  if (registry !== null && DOCKER_HUB.has(registry)) registry = null;
  if (registry === null && parts.length === 2 && parts[0] === 'library') parts.shift();

  return {
    raw,
    registry: registry === null ? null : restore(registry),
    repository: restore(parts.join('/')),
    tag: tag === null ? null : restore(tag),
    digest: digest === null ? null : restore(digest),
    variables,
  };
}

/**
 * Docker's rule: the first component is a registry when it has a dot or a port, is
 * `localhost`, or has an uppercase letter. A component that is only a build arg
 * (`${REGISTRY}/node`) is taken as a registry too: that is how such args are used.
 */
function isRegistry(component: string): boolean {
  if (/^(?:\uE000\d+\uE000)+$/.test(component)) return true;
  return /[.:]/.test(component) || component === 'localhost' || component !== component.toLowerCase();
}

/** Registries that serve Docker Hub images under another path (the official `library/` ones). */
const HUB_MIRRORS: { registry: string; prefix: string }[] = [
  { registry: 'mirror.gcr.io', prefix: 'library/' },
  { registry: 'public.ecr.aws', prefix: 'docker/library/' },
];

export interface NormalisedName {
  /** The name the data is keyed on: `node`, `oven/bun`, `gcr.io/distroless/nodejs22-debian12`. */
  name: string;
  /** The registry is an unexpanded build arg; the name is read as a Docker Hub name. */
  registryIsVariable: boolean;
  /** The reference went through a known Docker Hub mirror. */
  mirror: string | null;
}

export function normaliseName(ref: ImageRef): NormalisedName {
  const { registry, repository } = ref;
  if (registry === null) return { name: repository, registryIsVariable: false, mirror: null };
  if (isOnlyVariables(registry)) {
    return { name: repository.replace(/^library\/(?=[^/]+$)/, ''), registryIsVariable: true, mirror: null };
  }
  for (const m of HUB_MIRRORS) {
    if (registry === m.registry && repository.startsWith(m.prefix)) {
      const name = repository.slice(m.prefix.length);
      if (!name.includes('/')) return { name, registryIsVariable: false, mirror: registry };
    }
  }
  // mirror.gcr.io also carries non-official Hub images (`mirror.gcr.io/bitnami/node`).
  if (registry === 'mirror.gcr.io') return { name: repository, registryIsVariable: false, mirror: registry };
  return { name: `${registry}/${repository}`, registryIsVariable: false, mirror: null };
}

export function hasVariables(text: string): boolean {
  return new RegExp(VARIABLE.source).test(text);
}

function isOnlyVariables(text: string): boolean {
  return text !== '' && text.replace(new RegExp(VARIABLE.source, 'g'), '') === '';
}

/**
 * Whether `candidate` fits `text` where every build arg matches anything
 * (`${V}-alpine` fits `22-alpine`). Literal pieces are matched in order,
 * leftmost first, which is exact for `*`-only patterns and linear: a RegExp
 * `^.*a.*a…$` built from the text would backtrack polynomially.
 */
export function wildcardMatches(text: string, candidate: string): boolean {
  // split() also returns the capture groups; the literal pieces sit at every third index.
  const split = text.split(new RegExp(`(?:${VARIABLE.source})`, 'g'));
  const pieces: string[] = [];
  for (let i = 0; i < split.length; i += 3) pieces.push(split[i] ?? '');
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return candidate === first;
  const last = pieces[pieces.length - 1] ?? '';
  if (first.length + last.length > candidate.length || !candidate.startsWith(first) || !candidate.endsWith(last)) return false;
  let at = first.length;
  const end = candidate.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = candidate.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** The literal text before the first build arg (`22.` for `22.${MINOR}-alpine`). */
export function literalPrefix(text: string): string {
  const m = new RegExp(VARIABLE.source).exec(text);
  return m === null ? text : text.slice(0, m.index);
}
