// TEMPORARY stub until the base-image module lands (helper/images). Same API.
export interface ImageRef { raw: string; registry: string | null; repository: string; tag: string | null; digest: string | null }
export type ShellFlavour = 'dash' | 'bash' | 'busybox-ash' | 'none' | 'unknown';
export type InitName = 'tini' | 'dumb-init' | 'catatonit' | 's6-overlay';
export interface EntrypointScript { path: string; behaviour: 'prepend-unless-command'; prepend: string[]; interpreter: string }
export interface ImageInfo {
  known: boolean; id: string | null; description: string; ref: ImageRef | null;
  distro: 'debian' | 'ubuntu' | 'alpine' | 'wolfi' | 'rhel' | 'fedora' | 'distroless' | 'busybox' | 'scratch' | null;
  shell: ShellFlavour; osPackageManager: 'apt' | 'apk' | 'dnf' | 'microdnf' | 'yum' | null;
  entrypoint: string[] | null; cmd: string[] | null; workdir: string | null; user: string | null; stopSignal: string | null;
  env: Record<string, string>; inits: { name: InitName; path: string }[]; scripts: EntrypointScript[];
  programs: Record<string, string>; nodeMajor: number | null; facts: string[]; notes: string[];
}
export type BaseImageEntry = Record<string, unknown>;
export function parseImageRef(ref: string): ImageRef | null {
  return { raw: ref, registry: null, repository: ref.split(':')[0] ?? ref, tag: ref.split(':')[1] ?? null, digest: null };
}
export function lookupImage(ref: string, _extra?: BaseImageEntry[]): ImageInfo {
  const alpine = ref.includes('alpine');
  const node = ref.startsWith('node');
  return {
    known: node, id: node ? (alpine ? 'node-alpine' : 'node-debian') : null, description: ref, ref: parseImageRef(ref),
    distro: node ? (alpine ? 'alpine' : 'debian') : null, shell: node ? (alpine ? 'busybox-ash' : 'dash') : 'unknown',
    osPackageManager: node ? (alpine ? 'apk' : 'apt') : null,
    entrypoint: node ? ['docker-entrypoint.sh'] : null, cmd: node ? ['node'] : null, workdir: null, user: null, stopSignal: null,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, inits: [],
    scripts: node ? [{ path: '/usr/local/bin/docker-entrypoint.sh', behaviour: 'prepend-unless-command', prepend: ['node'], interpreter: '/bin/sh' }] : [],
    programs: node ? { node: '/usr/local/bin/node', npm: '/usr/local/bin/npm', npx: '/usr/local/bin/npx', yarn: '/usr/local/bin/yarn' } : {},
    nodeMajor: null, facts: [], notes: [],
  };
}
