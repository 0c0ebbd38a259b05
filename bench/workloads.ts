/**
 * Generates the benchmark workloads: realistic TypeScript services (a
 * multi-stage Dockerfile, a tsconfig, modules that import each other, some
 * with a stop-signal handler, some using a shutdown library, some with
 * none) and monorepos of them. Generation is deterministic (seeded), so two
 * runs of the benchmark read the same code.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What a workload holds; `reachable` is what pid1-lint must read, `unreachable` what it must not. */
export interface Workload {
  name: string;
  /** What the CLI is given (a Dockerfile or a folder). */
  target: string;
  dockerfiles: number;
  /** Source modules reachable from the entries (what a run reads and parses). */
  reachable: number;
  /** Modules each Dockerfile's program reads, added up (a shared module counts once per program). */
  reads: number;
  /** Source files in the tree nothing imports (tests, scripts): never read. */
  unreachable: number;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same workload. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Files = Map<string, string>;

function write(root: string, files: Files): void {
  const dirs = new Set<string>();
  for (const rel of files.keys()) dirs.add(path.dirname(path.join(root, rel)));
  for (const dir of dirs) fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of files) fs.writeFileSync(path.join(root, rel), text);
}

/** How a service shuts down: its own handler, a workspace helper, a known library, or nothing. */
type Shutdown = 'handler' | 'workspace' | 'library' | 'none';
const SHUTDOWNS: Shutdown[] = ['handler', 'workspace', 'library', 'handler', 'none'];

const KINDS = ['route', 'service', 'repository', 'util'] as const;
type Kind = (typeof KINDS)[number];
const FOLDERS: Record<Kind, string> = { route: 'routes', service: 'services', repository: 'repositories', util: 'utils' };

interface ModulePlan {
  /** Path under src/, without extension. */
  name: string;
  kind: Kind;
  imports: number[];
}

/**
 * The module graph of one service: module 0 is src/index.ts; every other
 * module is imported by an earlier one (so all are reachable), plus extra
 * imports towards later modules (fan-in) and an occasional cycle back.
 */
function planModules(count: number, rand: () => number): ModulePlan[] {
  const plans: ModulePlan[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i === 0 ? 'route' : (KINDS[Math.min(KINDS.length - 1, Math.floor((i / count) * KINDS.length))] as Kind);
    const name = i === 0 ? 'index' : i === 1 ? 'server' : `${FOLDERS[kind]}/${kind}-${i}`;
    plans.push({ name, kind, imports: [] });
  }
  for (let i = 1; i < count; i++) {
    const parent = Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 6)));
    const from = i > 1 && parent === 0 ? 1 : parent;
    (plans[from] as ModulePlan).imports.push(i);
  }
  for (let i = 1; i < count; i++) {
    const extra = Math.floor(rand() * 3);
    for (let k = 0; k < extra; k++) {
      const to = i + 1 + Math.floor(rand() * (count - i - 1));
      const plan = plans[i] as ModulePlan;
      if (to < count && !plan.imports.includes(to)) plan.imports.push(to);
    }
    // A few cycles, as real code has them (a util importing a service's types).
    if (i > 10 && rand() < 0.04) (plans[i] as ModulePlan).imports.push(i - 5);
  }
  return plans;
}

function specifier(from: string, to: string): string {
  let rel = path.posix.relative(path.posix.dirname(from), to);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `${rel}.js`;
}

function pascal(name: string): string {
  return path.posix
    .basename(name)
    .split(/[-_]/)
    .map((p) => (p[0] ?? '').toUpperCase() + p.slice(1))
    .join('');
}

/** The body of one module: imports, types, a class or functions of its kind, ~60–120 lines. */
function moduleText(plan: ModulePlan, plans: ModulePlan[], rand: () => number, common: string | null): string {
  const id = pascal(plan.name);
  const lines: string[] = [];
  const deps = plan.imports.map((i) => plans[i] as ModulePlan).filter((d) => d.name !== 'server');
  for (const dep of deps) lines.push(`import { ${pascal(dep.name)}, type ${pascal(dep.name)}Options } from '${specifier(plan.name, dep.name)}';`);
  if (common && plan.kind === 'util') lines.push(`import { common0 } from '${common}';`);
  lines.push(`import { EventEmitter } from 'node:events';`, '');
  const fields = 3 + Math.floor(rand() * 4);
  lines.push(`export interface ${id}Options {`);
  for (let f = 0; f < fields; f++) lines.push(`  field${f}${f % 3 === 0 ? '?' : ''}: ${['string', 'number', 'boolean', 'string[]', 'Record<string, number>'][f % 5]};`);
  lines.push(`  timeoutMs?: number;`, `}`, '');
  lines.push(`export type ${id}Event = { type: 'started' } | { type: 'failed'; error: Error } | { type: 'done'; took: number };`, '');
  lines.push(`export class ${id} extends EventEmitter {`);
  lines.push(`  private readonly cache = new Map<string, Promise<unknown>>();`);
  for (const dep of deps) lines.push(`  private readonly ${lower(pascal(dep.name))}: ${pascal(dep.name)};`);
  lines.push('', `  constructor(private readonly options: ${id}Options = {} as ${id}Options) {`, '    super();');
  for (const dep of deps) lines.push(`    this.${lower(pascal(dep.name))} = new ${pascal(dep.name)}({ ...options } as unknown as ${pascal(dep.name)}Options);`);
  lines.push('  }', '');
  const methods = 2 + Math.floor(rand() * 4);
  for (let m = 0; m < methods; m++) {
    lines.push(`  async ${plan.kind === 'route' ? 'handle' : plan.kind === 'repository' ? 'find' : 'run'}${m}<T extends { id: string }>(input: T, attempt = 0): Promise<T | undefined> {`);
    lines.push(`    const key = \`\${input.id}:${m}\`;`);
    lines.push(`    if (this.cache.has(key)) return (await this.cache.get(key)) as T;`);
    lines.push(`    const started = Date.now();`);
    lines.push(`    this.emit('event', { type: 'started' } satisfies ${id}Event);`);
    lines.push('    try {');
    const dep = deps[m % Math.max(1, deps.length)];
    if (dep) lines.push(`      await this.${lower(pascal(dep.name))}.${dep.kind === 'route' ? 'handle' : dep.kind === 'repository' ? 'find' : 'run'}0(input);`);
    lines.push(`      const result = attempt > (this.options.timeoutMs ?? 3) ? undefined : { ...input, seen: [started, ${m}] };`);
    lines.push(`      this.cache.set(key, Promise.resolve(result));`);
    lines.push(`      this.emit('event', { type: 'done', took: Date.now() - started } satisfies ${id}Event);`);
    lines.push('      return result as T | undefined;');
    lines.push('    } catch (error) {');
    lines.push(`      this.emit('event', { type: 'failed', error: error as Error } satisfies ${id}Event);`);
    lines.push(`      return attempt < 2 ? this.${plan.kind === 'route' ? 'handle' : plan.kind === 'repository' ? 'find' : 'run'}${m}(input, attempt + 1) : undefined;`);
    lines.push('    }', '  }', '');
  }
  lines.push('}', '');
  lines.push(`export function create${id}(overrides: Partial<${id}Options> = {}): ${id} {`);
  lines.push(`  const defaults: ${id}Options = { ${Array.from({ length: Math.min(fields, 2) }, (_, f) => `field${f}: ${f % 5 === 0 ? "'x'" : '1'}`).join(', ')} } as ${id}Options;`);
  lines.push(`  return new ${id}({ ...defaults, ...overrides });`, '}', '');
  return lines.join('\n');
}

function lower(s: string): string {
  return (s[0] ?? '').toLowerCase() + s.slice(1);
}

/** src/server.ts: an HTTP server whose routes are the modules it imports. */
function serverText(plan: ModulePlan, plans: ModulePlan[]): string {
  const deps = plan.imports.map((i) => plans[i] as ModulePlan);
  return [
    `import http from 'node:http';`,
    ...deps.map((d) => `import { create${pascal(d.name)} } from '${specifier(plan.name, d.name)}';`),
    '',
    `const handlers = [${deps.map((d) => `create${pascal(d.name)}()`).join(', ')}];`,
    '',
    'export function startServer(port = Number(process.env.PORT ?? 3000)): http.Server {',
    '  const server = http.createServer((req, res) => {',
    '    const id = req.url ?? "/";',
    '    Promise.all(handlers.map((h) => h.emit("request", { id })))',
    '      .then(() => res.end("ok"))',
    '      .catch(() => { res.statusCode = 500; res.end(); });',
    '  });',
    '  server.listen(port, () => console.log(`listening on ${port}`));',
    '  return server;',
    '}',
    '',
  ].join('\n');
}

/** src/index.ts: starts the server and shuts down according to `shutdown`. */
function indexText(plan: ModulePlan, plans: ModulePlan[], shutdown: Shutdown, workspaceScope: string): string {
  const deps = plan.imports.map((i) => plans[i] as ModulePlan).filter((d) => d.name !== 'server');
  const head = [`import { startServer } from './server.js';`, ...deps.map((d) => `import { create${pascal(d.name)} } from '${specifier(plan.name, d.name)}';`)];
  const warm = deps.map((d) => `create${pascal(d.name)}();`);
  switch (shutdown) {
    case 'handler':
      return [...head, `import { closeGracefully } from './shutdown.js';`, '', ...warm, 'const server = startServer();', "for (const signal of ['SIGTERM', 'SIGINT'] as const) {", '  process.on(signal, () => closeGracefully(server, signal));', '}', ''].join('\n');
    case 'workspace':
      return [...head, `import { onShutdown } from '${workspaceScope}/shutdown';`, '', ...warm, 'const server = startServer();', 'onShutdown(() => new Promise<void>((resolve) => server.close(() => resolve())));', ''].join('\n');
    case 'library':
      return [...head, `import closeWithGrace from 'close-with-grace';`, '', ...warm, 'const server = startServer();', 'closeWithGrace({ delay: 500 }, async () => {', '  await new Promise<void>((resolve) => server.close(() => resolve()));', '});', ''].join('\n');
    case 'none':
      return [...head, '', ...warm, 'startServer();', ''].join('\n');
  }
}

const SHUTDOWN_MODULE = `import type http from 'node:http';

/** Stops accepting connections, then exits; a timer makes sure it does. */
export function closeGracefully(server: http.Server, signal: NodeJS.Signals): void {
  console.log(\`\${signal} received: closing\`);
  const timer = setTimeout(() => process.exit(1), 8000);
  timer.unref();
  server.close((error) => {
    process.exit(error ? 1 : 0);
  });
}
`;

interface ServiceOptions {
  /** Folder of the service, relative to the build context. */
  dir: string;
  modules: number;
  shutdown: Shutdown;
  seed: number;
  /** Monorepo: the Dockerfile copies the workspace from the repository root. */
  monorepo: boolean;
  workspaceScope: string;
}

/** One service: Dockerfile, package.json, tsconfig, modules, tests nothing imports. */
function service(files: Files, options: ServiceOptions): { reachable: number; unreachable: number } {
  const rand = random(options.seed);
  const plans = planModules(options.modules - (options.shutdown === 'handler' ? 1 : 0), rand);
  const src = (name: string) => path.posix.join(options.dir, 'src', `${name}.ts`);
  for (const plan of plans) {
    const common = options.monorepo ? `${options.workspaceScope}/common` : null;
    const text = plan.name === 'index' ? indexText(plan, plans, options.shutdown, options.workspaceScope) : plan.name === 'server' ? serverText(plan, plans) : moduleText(plan, plans, rand, common);
    files.set(src(plan.name), text);
  }
  if (options.shutdown === 'handler') files.set(src('shutdown'), SHUTDOWN_MODULE);
  // Tests and scripts sit next to the code but nothing imports them: they must not be read.
  const tests = plans.filter((_, i) => i > 1 && i % 10 === 0);
  for (const plan of tests) {
    files.set(src(`${plan.name}.test`), `import { test } from 'node:test';\nimport { create${pascal(plan.name)} } from './${path.posix.basename(plan.name)}.js';\n\ntest('${plan.name}', async () => {\n  await create${pascal(plan.name)}().run0?.({ id: 'a' });\n});\n`);
  }
  const name = path.posix.basename(options.dir);
  const deps: Record<string, string> = options.shutdown === 'library' ? { 'close-with-grace': '^2.5.0' } : {};
  if (options.shutdown === 'workspace') deps[`${options.workspaceScope}/shutdown`] = '*';
  if (options.monorepo) deps[`${options.workspaceScope}/common`] = '*';
  files.set(path.posix.join(options.dir, 'package.json'), `${JSON.stringify({ name: `${options.workspaceScope}/${name}`, version: '1.0.0', private: true, type: 'module', main: 'dist/index.js', scripts: { build: 'tsc -p .', start: 'node dist/index.js' }, dependencies: deps, devDependencies: { typescript: '~5.9.3', '@types/node': '^22.0.0' } }, null, 2)}\n`);
  const tsconfig = options.monorepo
    ? { extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], exclude: ['src/**/*.test.ts'] }
    : { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, rootDir: 'src', outDir: 'dist' }, include: ['src'] };
  files.set(path.posix.join(options.dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  files.set(path.posix.join(options.dir, 'Dockerfile'), options.monorepo ? monorepoDockerfile(options.dir) : SERVICE_DOCKERFILE);
  return { reachable: options.modules, unreachable: tests.length };
}

const SERVICE_DOCKERFILE = `# syntax=docker/dockerfile:1
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json tsconfig.json ./
RUN npm install
COPY src ./src
RUN npx tsc -p .

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/index.js"]
`;

function monorepoDockerfile(dir: string): string {
  return `# syntax=docker/dockerfile:1
# Built from the repository root: docker build -f ${dir}/Dockerfile .
FROM node:22-bookworm-slim AS build
WORKDIR /repo
COPY package.json tsconfig.base.json ./
COPY packages ./packages
COPY ${dir} ./${dir}
RUN npm install --workspaces --include-workspace-root
RUN npx tsc -p packages/shutdown && npx tsc -p ${dir}

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /repo/${dir}
COPY --from=build /repo/node_modules /repo/node_modules
COPY --from=build /repo/packages /repo/packages
COPY --from=build /repo/${dir}/package.json ./
COPY --from=build /repo/${dir}/dist ./dist
USER node
CMD ["node", "dist/index.js"]
`;
}

/** A workspace package built to dist/ (so imports of it lead back to src/ through its tsconfig). */
function workspacePackage(files: Files, scope: string, name: string): string {
  const dir = `packages/${name}`;
  files.set(`${dir}/package.json`, `${JSON.stringify({ name: `${scope}/${name}`, version: '1.0.0', type: 'module', main: 'dist/index.js', types: 'dist/index.d.ts' }, null, 2)}\n`);
  files.set(`${dir}/tsconfig.json`, `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }, null, 2)}\n`);
  return dir;
}

const COMMON_MODULES = 20;

/** packages/common: logging, config and HTTP helpers every service imports. */
function commonPackage(files: Files, scope: string, modules: number): number {
  const dir = workspacePackage(files, scope, 'common');
  const rand = random(1);
  const plans = Array.from({ length: modules - 1 }, (_, i): ModulePlan => ({ name: `common-${i}`, kind: 'util', imports: i + 1 < modules - 1 ? [i + 1] : [] }));
  files.set(`${dir}/src/index.ts`, `${plans.map((p) => `export * from './${p.name}.js';`).join('\n')}\nexport const common0 = 'common';\n`);
  plans.forEach((plan) => files.set(`${dir}/src/${plan.name}.ts`, moduleText(plan, plans, rand, null)));
  return modules;
}

/** packages/shutdown: the monorepo's shared shutdown helper, imported by some services. */
function shutdownPackage(files: Files, scope: string, modules: number): number {
  const dir = workspacePackage(files, scope, 'shutdown');
  const helpers = Array.from({ length: modules - 1 }, (_, i) => `helper-${i}`);
  files.set(
    `${dir}/src/index.ts`,
    [
      ...helpers.map((h, i) => `import { step${i} } from './${h}.js';`),
      '',
      'type Task = () => Promise<void>;',
      'const tasks: Task[] = [];',
      '',
      '/** Runs every registered task on SIGTERM/SIGINT, then exits. */',
      'export function onShutdown(task: Task): void {',
      '  tasks.push(task);',
      '}',
      '',
      'async function shutdown(signal: NodeJS.Signals): Promise<void> {',
      `  ${helpers.map((_, i) => `step${i}(signal);`).join('\n  ')}`,
      '  await Promise.allSettled(tasks.map((t) => t()));',
      '  process.exit(0);',
      '}',
      '',
      "process.once('SIGTERM', shutdown);",
      "process.once('SIGINT', shutdown);",
      '',
    ].join('\n'),
  );
  helpers.forEach((h, i) => files.set(`${dir}/src/${h}.ts`, `/** Shutdown step ${i}. */\nexport function step${i}(signal: string): string {\n  return \`step ${i} after \${signal}\`;\n}\n`));
  return modules;
}

export interface MonorepoSpec {
  services: number;
  modulesPerService: number;
  seed?: number;
}

/** A monorepo: npm workspaces, a shared shutdown package, `services` services built from the root. */
export function generateMonorepo(root: string, name: string, spec: MonorepoSpec): Workload {
  const scope = '@acme';
  const files: Files = new Map();
  files.set('package.json', `${JSON.stringify({ name: 'acme-platform', private: true, workspaces: ['packages/*', 'services/*'] }, null, 2)}\n`);
  files.set('tsconfig.base.json', `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, declaration: true } }, null, 2)}\n`);
  // The repository root bounds the search for the build context (model.ts detectContext).
  files.set('.git/HEAD', 'ref: refs/heads/main\n');
  // Every service imports the shared package's modules (its logger, config…), the shutdown ones only some.
  let reachable = commonPackage(files, scope, COMMON_MODULES);
  const shutdownModules = shutdownPackage(files, scope, 8);
  if (spec.services > SHUTDOWNS.indexOf('workspace')) reachable += shutdownModules;
  let unreachable = 0;
  let reads = 0;
  for (let s = 0; s < spec.services; s++) {
    const shutdown = SHUTDOWNS[s % SHUTDOWNS.length] as Shutdown;
    const counts = service(files, { dir: `services/svc-${String(s).padStart(3, '0')}`, modules: spec.modulesPerService, shutdown, seed: (spec.seed ?? 7) * 1000 + s, monorepo: true, workspaceScope: scope });
    reachable += counts.reachable;
    unreachable += counts.unreachable;
    // Its own modules, the common package (its utils import it), the shutdown package if it uses it.
    reads += counts.reachable + COMMON_MODULES + (shutdown === 'workspace' ? shutdownModules : 0);
  }
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  write(dir, files);
  return { name, target: dir, dockerfiles: spec.services, reachable, reads, unreachable };
}

/** One service on its own (its folder is the build context). */
export function generateService(root: string, name: string, modules: number): Workload {
  const files: Files = new Map();
  const counts = service(files, { dir: '.', modules, shutdown: 'handler', seed: 42, monorepo: false, workspaceScope: '@acme' });
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  write(dir, files);
  return { name, target: path.join(dir, 'Dockerfile'), dockerfiles: 1, reachable: counts.reachable, reads: counts.reachable, unreachable: counts.unreachable };
}

/**
 * A Dockerfile alone, as a pre-commit hook sees a changed Dockerfile: tini,
 * a shell-form HEALTHCHECK, an entrypoint script from the base image. Its
 * program is built in an earlier stage and is not in the folder, so no
 * source is read (the run must not load TypeScript).
 */
export function generateDockerfileOnly(root: string, name: string): Workload {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  write(
    dir,
    new Map([
      [
        'Dockerfile',
        `FROM node:22-bookworm-slim AS build
WORKDIR /src
RUN --mount=type=bind,target=. npm ci && npm run build -- --outDir /out

FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out ./dist
USER node
STOPSIGNAL SIGTERM
HEALTHCHECK CMD node dist/health.js || exit 1
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/index.js"]
`,
      ],
    ]),
  );
  return { name, target: path.join(dir, 'Dockerfile'), dockerfiles: 1, reachable: 0, reads: 0, unreachable: 0 };
}
