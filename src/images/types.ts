/**
 * Shapes of the offline base-image knowledge: a parsed image reference,
 * one data entry (data/base-images.json, checked by
 * data/base-images.schema.json), and what a lookup answers.
 */

export interface ImageRef {
  /** As given. */
  raw: string;
  /** `gcr.io`, `cgr.dev`, `localhost:5000`; null for Docker Hub (`docker.io`, `index.docker.io` normalised away). */
  registry: string | null;
  /** Docker Hub official images without `library/` (`node`, `oven/bun`); otherwise the path under the registry. */
  repository: string;
  /** null when absent (which means `latest`). */
  tag: string | null;
  /** `sha256:…`. */
  digest: string | null;
  /**
   * Names of unexpanded build args left in the reference (`NODE_VERSION` for
   * `node:${NODE_VERSION}-alpine`). The caller expands ARGs first; these had no value.
   */
  variables: string[];
}

export type ShellFlavour = 'dash' | 'bash' | 'busybox-ash' | 'none' | 'unknown';

export type InitName = 'tini' | 'dumb-init' | 'catatonit' | 's6-overlay';

export type Distro =
  | 'debian'
  | 'ubuntu'
  | 'alpine'
  | 'wolfi'
  | 'rhel'
  | 'fedora'
  | 'distroless'
  | 'busybox'
  | 'scratch';

export type OsPackageManager = 'apt' | 'apk' | 'dnf' | 'microdnf' | 'yum';

export interface EntrypointScript {
  /** `/usr/local/bin/docker-entrypoint.sh`. */
  path: string;
  /**
   * - `prepend-unless-command`: if $1 starts with '-', is not a command in PATH, or is a
   *   non-executable file → `set -- <prepend> "$@"`; then `exec "$@"` (docker-node, bun).
   * - `prepend-if-option-or-subcommand`: `exec <prepend> "$@"` if $1 starts with '-' or is one
   *   of `subcommands`; otherwise `exec "$@"` (deno's `_entry.sh`).
   *
   * Both end in exec, so the script is transparent for PID 1.
   */
  behaviour: 'prepend-unless-command' | 'prepend-if-option-or-subcommand';
  /** `['node']` for node, `['/usr/local/bin/bun']` for oven/bun, `['deno']` for deno. */
  prepend: string[];
  /** `/bin/sh`. */
  interpreter: string;
  /** Only for `prepend-if-option-or-subcommand`. */
  subcommands?: string[];
}

export interface ImageInit {
  name: InitName;
  path: string;
}

export interface ImageInfo {
  /** false: nothing is known; analysis goes on with what the Dockerfile shows. */
  known: boolean;
  /** Id of the matched data entry (`node-alpine`); null when unknown or when several entries fit. */
  id: string | null;
  /**
   * Ids of every entry the reference can stand for: one for an exact match, several when an
   * unexpanded build arg leaves the variant open (then only what they share is reported).
   */
  candidates: string[];
  /** Human text, e.g. `official node image, Alpine variant (node 22)`. */
  description: string;
  ref: ImageRef | null;
  distro: Distro | null;
  /** What /bin/sh is. */
  shell: ShellFlavour;
  osPackageManager: OsPackageManager | null;
  /** Image config ENTRYPOINT, exec form. */
  entrypoint: string[] | null;
  /** Image config CMD, exec form. */
  cmd: string[] | null;
  workdir: string | null;
  user: string | null;
  stopSignal: string | null;
  /** At least PATH where known. */
  env: Record<string, string>;
  /** Inits installed in the image, used or not. */
  inits: ImageInit[];
  scripts: EntrypointScript[];
  /** Program name → absolute path (node, npm, npx, yarn, pnpm, corepack, bun, deno, sh, bash, …). */
  programs: Record<string, string>;
  /** From the tag (or the image name) when it can be read. */
  nodeMajor: number | null;
  /** Citations, e.g. `pid1-facts §7: nodejs/docker-node @ f27d936 24/trixie/Dockerfile L73–76`. */
  facts: string[];
  /** For --explain, e.g. `dumb-init is installed but not the entrypoint: presence is not use`. */
  notes: string[];
}

/** Which references an entry describes (see the schema for the normalisation of names). */
export interface BaseImageMatch {
  /** Normalised names, compared exactly. */
  images?: string[];
  /** Regular expression for the whole normalised name; group `nodeMajor` gives the node major. */
  imagePattern?: string;
  /** Regular expressions for the whole tag; groups `nodeMajor` / `nodeCodename`. Absent: any tag. */
  tags?: string[];
  /** Real tags of this entry; required with `tags`. */
  tagExamples?: string[];
}

/** Additions applied when the node major read from the reference is in range (or unknown). */
export interface BaseImageByNodeMajor {
  min?: number;
  max?: number;
  unknown?: true;
  env?: Record<string, string>;
  programs?: Record<string, string>;
  facts?: string[];
  notes?: string[];
}

/**
 * One entry of data/base-images.json (and of user configuration). An entry with `match`
 * and without `extends` is complete; with `extends`, missing fields come from the parent
 * (fields replace the parent's, `facts` and `notes` are appended). An entry without
 * `match` is a template for `extends` only.
 */
export interface BaseImageEntry {
  id: string;
  description?: string;
  /** Shared by the variants of one image (`official node image`). */
  family?: string;
  extends?: string;
  match?: BaseImageMatch;
  distro?: Distro | null;
  shell?: ShellFlavour;
  osPackageManager?: OsPackageManager | null;
  entrypoint?: string[] | null;
  cmd?: string[] | null;
  workdir?: string | null;
  user?: string | null;
  stopSignal?: string | null;
  env?: Record<string, string>;
  inits?: ImageInit[];
  scripts?: EntrypointScript[];
  programs?: Record<string, string>;
  nodeMajor?: number;
  byNodeMajor?: BaseImageByNodeMajor[];
  facts?: string[];
  notes?: string[];
}
