/**
 * fast-check generators for what a repository can contain: mutated fixture
 * files (byte- and line-level), and grammar-aware Dockerfiles, shell strings,
 * package.json files and TS/JS sources that reference each other, so the
 * linter follows generated chains all the way into generated programs.
 */
import fc from 'fast-check';
import { loadCorpus, seedTexts, type FileKind } from './corpus.js';

/** A generated build context: context-relative path → content (a Buffer for raw bytes). */
export type Repo = Record<string, string | Buffer>;

// ---------------------------------------------------------------- mutations

/** Characters that matter to some parser: quotes, escapes, JSON, expansions, line ends, NUL, surrogates. */
const NASTY = ['\\', '`', '"', "'", '[', ']', '{', '}', '$', '${', '$(', ')', '#', '&&', ';', '|', '\n', '\r', '\r\n', '\t', ' ', '\0', '\u00e9', '\u{1f600}', '\ud800', '\ufeff', '\u2028', 'exec ', '--', '=', '*', '/', '../', '<<EOF\n', '\nEOF\n'];

const RANDOM_LINES = [
  'FROM node:22-alpine', 'FROM scratch', 'FROM build AS final', 'FROM ${BASE}', 'ARG BASE=node:22', 'WORKDIR /app', 'WORKDIR',
  'COPY . .', 'COPY --from=build /app/dist ./dist', 'COPY ../x ./', 'COPY ["a b.js", "./"]', 'ADD https://example.invalid/tini /tini',
  'ENTRYPOINT ["/tini", "--"]', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', 'CMD ["npm", "start"]', 'CMD node server.js',
  'CMD ["node",', 'CMD []', 'CMD [1, 2]', "CMD ['node', 'x.js']", 'CMD exec node server.js', 'CMD sh -c "node server.js"',
  'STOPSIGNAL SIGINT', 'STOPSIGNAL 9', 'STOPSIGNAL SIGNOPE', 'SHELL ["/bin/bash", "-c"]', 'SHELL []', 'ENV NODE_OPTIONS=--require ./pre.js',
  'ENV A', 'USER node', 'RUN apk add --no-cache tini', 'RUN apt-get install -y dumb-init', 'RUN <<EOF', 'EOF', 'ONBUILD CMD ["x"]',
  'HEALTHCHECK CMD curl -f http://localhost/', '# escape=`', '# syntax=docker/dockerfile:1', '\\', 'RUN a \\', '',
  '"scripts": {"start": "node server.js"}', 'process.on("SIGTERM", () => process.exit(0));', "import './x.js';", 'exec "$@"', 'trap "" TERM',
];

type Mutation = (text: string) => string;

const position = (text: string, at: number): number => (text.length === 0 ? 0 : at % (text.length + 1));

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  // byte-level
  fc.tuple(fc.nat(), fc.constantFrom(...NASTY)).map(([at, s]): Mutation => (t) => t.slice(0, position(t, at)) + s + t.slice(position(t, at))),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })).map(([at, s]): Mutation => (t) => t.slice(0, position(t, at)) + s + t.slice(position(t, at))),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]): Mutation => (t) => t.slice(0, position(t, at)) + t.slice(position(t, at) + n)),
  fc.nat().map((at): Mutation => (t) => t.slice(0, position(t, at))),
  // a slice repeated many times (huge repeats; kept moderate so 100k cases stay fast)
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 2, max: 3000 })).map(([at, len, times]): Mutation => (t) => {
    const p = position(t, at);
    return t.slice(0, p) + t.slice(p, p + len).repeat(times) + t.slice(p);
  }),
  // line endings: CRLF, lone CR, mixed
  fc.constantFrom<Mutation>((t) => t.replace(/\n/g, '\r\n'), (t) => t.replace(/\n/g, '\r'), (t) => t.replace(/\n(?=[^\n]*\n)/, '\r\n')),
  // line-level
  fc.tuple(fc.nat(), fc.constantFrom(...RANDOM_LINES)).map(([at, line]): Mutation => (t) => withLines(t, (ls) => ls.splice(at % (ls.length + 1), 0, line))),
  fc.nat().map((at): Mutation => (t) => withLines(t, (ls) => ls.splice(at % Math.max(ls.length, 1), 1))),
  fc.nat().map((at): Mutation => (t) => withLines(t, (ls) => {
    const i = at % Math.max(ls.length, 1);
    ls.splice(i, 0, ls[i] ?? '');
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => withLines(t, (ls) => {
    const i = a % Math.max(ls.length, 1);
    const j = b % Math.max(ls.length, 1);
    [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
  })),
  fc.tuple(fc.nat(), fc.json({ maxDepth: 3 })).map(([at, json]): Mutation => (t) => withLines(t, (ls) => ls.splice(at % (ls.length + 1), 0, `CMD ${json}`))),
);

function withLines(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
}

/** A seed text with one to four mutations applied. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutationArb, { minLength: 1, maxLength: 4 })).map(([seed, ms]) => ms.reduce((t, m) => m(t), seed));
}

/** A fixture repository with one of its files mutated (sometimes to raw, possibly invalid UTF-8, bytes). */
export function mutatedRepo(): fc.Arbitrary<Repo> {
  const repos = loadCorpus();
  return fc
    .tuple(fc.constantFrom(...repos), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.option(fc.uint8Array({ maxLength: 6 }), { freq: 8 }), fc.nat())
    .map(([repo, pick, ms, rawBytes, at]) => {
      const names = Object.keys(repo.files);
      const target = names[pick % names.length] as string;
      const files: Repo = { ...repo.files };
      const text = ms.reduce((t, m) => m(t), repo.files[target] ?? '');
      if (rawBytes) {
        const buf = Buffer.from(text, 'utf8');
        const p = at % (buf.length + 1);
        files[target] = Buffer.concat([buf.subarray(0, p), Buffer.from(rawBytes), buf.subarray(p)]);
      } else files[target] = text;
      return files;
    });
}

/** Mutated seed files of one kind (for the in-memory parsers). */
export function mutatedOfKind(kind: FileKind): fc.Arbitrary<string> {
  const seeds = seedTexts(kind);
  return mutated(seeds.length > 0 ? seeds : ['']);
}

// ---------------------------------------------------------------- grammar

/** Program files every generated repository may hold; generated Dockerfiles and scripts name them. */
export const MODULES = ['server.js', 'src/index.ts', 'lib/a.js', 'lib/b.mjs', 'lib/c.cjs', 'app/main.ts', 'dist/server.js', 'm1.js', 'm2.js'];
const SCRIPTS = ['entrypoint.sh', 'docker-entrypoint.sh', 'scripts/start.sh'];

const IMAGES = [
  'node:22', 'node:22-slim', 'node:22-alpine', 'node:20-bookworm-slim', 'node', 'node:lts', 'node:22-alpine3.20', 'gcr.io/distroless/nodejs22-debian12',
  'cgr.dev/chainguard/node', 'bitnami/node:22', 'oven/bun:1', 'denoland/deno:2', 'debian:12', 'ubuntu:24.04', 'alpine:3.20', 'busybox', 'scratch',
  'registry.example.invalid/team/app:1', '${BASE}', 'node:${NODE_VERSION}-alpine', '${REGISTRY}/node:22', 'node@sha256:' + 'a'.repeat(64),
];

const WORDS = [
  'node', 'npm', 'npx', 'yarn', 'pnpm', 'corepack', 'tini', '/sbin/tini', '/tini', 'dumb-init', '--', '-g', '-s', '--single-child', 'sh', 'bash', '/bin/sh',
  '-c', 'exec', 'env', 'gosu', 'node', 'start', 'run', 'dev', 'server.js', 'dist/server.js', 'src/index.ts', 'tsx', 'ts-node', 'nodemon', 'pm2-runtime',
  'next', 'start', '-r', './pre.js', '--import', 'tsx', '--enable-source-maps', '"$@"', '$@', '${PORT:-3000}', '$HOME', '$(cat x)', '`id`', "'quoted word'",
  '"double quoted"', 'a\\ b', '&&', '||', ';', '|', '&', '>', '2>&1', '<', 'trap', "'exit 0'", 'TERM', 'INT', 'wait', '$!', 'if', 'then', 'fi', 'true',
  'false', 'while', 'do', 'done', 'for', 'in', 'case', 'esac', 'x)', ';;', '(', ')', '{', '}', '!', '#', 'set', '-e', 'cd', '/app', 'su-exec', 'bun', 'deno',
];

/** A shell command string: random words from the vocabulary above and from the module names. */
export const shellString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS, ...MODULES, ...SCRIPTS), { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'ab $"\'\\`(){}[];&|<>#\n\r\t=*?~!-'.split('')), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

const execForm: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...WORDS, ...MODULES, ...SCRIPTS), { maxLength: 6 }).map((ws) => JSON.stringify(ws)) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 4 }).map((ws) => JSON.stringify(ws)) },
);

const commandValue = fc.oneof(execForm, shellString);
const stageName = fc.constantFrom('build', 'deps', 'runtime', 'base', 'final', 'Build', 'x-1');
const copySource = fc.constantFrom(...MODULES, ...SCRIPTS, '.', './', 'package.json', 'src', 'lib/', 'dist', '*.js', 'src/*.ts', '../x', '/server.js', 'missing.js', '"sp ace.js"');
const dest = fc.constantFrom('.', './', '/app/', '/app', 'dist/', '/usr/local/bin/', '/docker-entrypoint.sh', './server.js', '..', '/');

const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('WORKDIR /app', 'WORKDIR /srv/app', 'WORKDIR src', 'USER node', 'ENV NODE_ENV=production', 'ENV NODE_OPTIONS="--require ./pre.js"', 'ARG NODE_VERSION=22', 'EXPOSE 3000', 'VOLUME /data'),
  fc.tuple(fc.option(fc.tuple(stageName, fc.boolean())), fc.array(copySource, { minLength: 1, maxLength: 3 }), dest).map(([from, sources, d]) => {
    const flag = from ? `--from=${from[1] ? from[0] : 'node:22'} ` : '';
    return `COPY ${flag}${sources.join(' ')} ${d}`;
  }),
  fc.tuple(fc.array(copySource, { minLength: 1, maxLength: 2 }), dest).map(([s, d]) => `COPY ${JSON.stringify([...s, d])}`),
  shellString.map((s) => `RUN ${s.replace(/\n/g, ' \\\n  ')}`),
  fc.constantFrom('RUN apk add --no-cache tini', 'RUN apt-get update && apt-get install -y dumb-init', 'RUN npm ci && npm run build', 'RUN npm i -g pnpm@10', 'RUN corepack enable', 'RUN chmod +x entrypoint.sh'),
  shellString.map((s) => `RUN <<EOF\n${s}\nEOF`),
  commandValue.map((v) => `ENTRYPOINT ${v}`),
  commandValue.map((v) => `CMD ${v}`),
  fc.constantFrom('SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGSTOP', '15', '9', 'term', 'SIGRTMIN+3', '${SIG}', 'NOPE', '').map((s) => `STOPSIGNAL ${s}`),
  execForm.map((v) => `SHELL ${v}`),
  commandValue.map((v) => `ONBUILD CMD ${v}`),
  commandValue.map((v) => `HEALTHCHECK CMD ${v}`),
  fc.constantFrom('# a comment', '', 'LABEL a=b', 'ENV A=1 B=2', 'ARG X', 'MAINTAINER me'),
);

const stage = fc.tuple(fc.constantFrom(...IMAGES, 'build', 'deps'), fc.option(stageName), fc.array(instruction, { maxLength: 8 })).map(([image, name, body]) =>
  [`FROM ${image}${name ? ` AS ${name}` : ''}`, ...body].join('\n'),
);

/** A Dockerfile: optional directives and global ARGs, one to four stages, sometimes lowercase or CRLF. */
export const dockerfile: fc.Arbitrary<string> = fc
  .tuple(
    fc.subarray(['# syntax=docker/dockerfile:1', '# escape=`', 'ARG BASE=node:22-slim', 'ARG NODE_VERSION=22']),
    fc.array(stage, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('none', 'lower', 'crlf'),
  )
  .map(([head, stages, style]) => {
    let text = [...head, ...stages].join('\n') + '\n';
    if (style === 'lower') text = text.replace(/^[A-Z]+ /gm, (k) => k.toLowerCase());
    if (style === 'crlf') text = text.replace(/\n/g, '\r\n');
    return text;
  });

const relativeImport = fc.constantFrom(...MODULES.map((m) => `./${m.replace(/\.ts$/, '.js')}`), '../lib/a.js', './lib', './missing.js', 'express', 'node:child_process', '@godaddy/terminus', 'close-with-grace', '../../outside.js');

const handlerBody = fc.constantFrom('process.exit(0);', 'server.close(() => process.exit(0));', 'console.log("bye");', 'await shutdown(); process.exit(0);', 'process.exitCode = 0;', 'process.kill(process.pid, signal);', 'throw new Error("x");', '');

const statement: fc.Arbitrary<string> = fc.oneof(
  relativeImport.map((s) => `import ${JSON.stringify(s)};`),
  relativeImport.map((s) => `const m${s.length} = require(${JSON.stringify(s)});`),
  relativeImport.map((s) => `void import(${JSON.stringify(s)});`),
  relativeImport.map((s) => `export * from ${JSON.stringify(s)};`),
  fc.tuple(fc.constantFrom("'SIGTERM'", "'SIGINT'", '"SIGUSR2"', 'sig', 'process.env.STOP_SIGNAL || "SIGTERM"', '`SIGTERM`'), fc.constantFrom('on', 'once', 'addListener', 'prependListener'), handlerBody).map(
    ([sig, method, body]) => `process.${method}(${sig}, async (signal) => { ${body} });`,
  ),
  fc.constantFrom(
    "for (const s of ['SIGTERM', 'SIGINT']) process.on(s, () => process.exit(0));",
    "const server = require('node:http').createServer(); server.listen(3000);",
    "import { spawn } from 'node:child_process'; spawn('sleep', ['1']);",
    "require('child_process').exec('ls');",
    'export function shutdown() { process.exit(0); }',
    'class App { stop() { process.exit(0); } start() { process.on("SIGTERM", () => this.stop()); } }',
    'if (false) { process.on("SIGTERM", () => process.exit(0)); }',
    'const sig: NodeJS.Signals = "SIGTERM"; type T = { a: string };',
    'function f(cb) { process.on("SIGTERM", cb); } f(() => process.exit(0));',
    "const { createTerminus } = require('@godaddy/terminus'); createTerminus(server, { signals: ['SIGTERM'] });",
    'let x = <T,>(a: T) => a;',
    'process.on("SIGTERM", () => {',
    '}}}',
    '@decorator class X {}',
  ),
);

export const source: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(statement, { maxLength: 10 }).map((ss) => ss.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
);

export const packageJson: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          name: fc.constantFrom('app', '@scope/app', ''),
          main: fc.constantFrom(...MODULES, 'dist/index.js', './lib', 42),
          type: fc.constantFrom('module', 'commonjs', 'nonsense'),
          scripts: fc.dictionary(fc.constantFrom('start', 'prestart', 'poststart', 'build', 'dev', 'serve'), shellString, { maxKeys: 4 }),
          workspaces: fc.constantFrom(['packages/*'], { packages: ['apps/*'] }, '../*'),
          packageManager: fc.constantFrom('pnpm@10.0.0', 'yarn@4.1.0', 'yarn@1.22.22', 'npm@11', 'bun@1'),
          exports: fc.constantFrom('./server.js', { '.': { import: './lib/b.mjs', require: './lib/c.cjs' } }, null),
          bin: fc.constantFrom('server.js', { app: 'server.js' }),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o, null, 2)),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => `{"scripts":{"start":"node server.js"},"x":${'['.repeat(n)}${']'.repeat(n)}}`) },
);

export const script: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('#!/bin/sh', '#!/usr/bin/env bash', '#!/bin/ash', '', '#!/usr/bin/env node'), fc.array(shellString, { maxLength: 8 }))
  .map(([shebang, lines]) => [shebang, ...lines].join('\n') + '\n');

/** A generated repository: a Dockerfile plus program files, scripts and a package.json it may refer to. */
export function generatedRepo(): fc.Arbitrary<Repo> {
  return fc
    .tuple(dockerfile, fc.option(packageJson, { freq: 3 }), fc.subarray(MODULES), fc.array(source, { minLength: MODULES.length, maxLength: MODULES.length }), fc.subarray(SCRIPTS), script, fc.option(fc.constantFrom('node_modules\n', '*.js\n!server.js\n', '**/*.ts\n', '[\n', '!\n'), { freq: 4 }))
    .map(([df, pkg, modules, sources, scripts, sh, ignore]) => {
      const repo: Repo = { Dockerfile: df };
      if (pkg !== null) repo['package.json'] = pkg;
      modules.forEach((m, i) => (repo[m] = sources[i] ?? ''));
      for (const s of scripts) repo[s] = sh;
      if (ignore !== null) repo['.dockerignore'] = ignore;
      return repo;
    });
}

/** Every kind of generated repository, weighted toward the mutated fixtures. */
export function anyRepo(): fc.Arbitrary<Repo> {
  return fc.oneof({ weight: 3, arbitrary: mutatedRepo() }, { weight: 2, arbitrary: generatedRepo() });
}

/** An edit between two runs: none, one file rewritten, added (module resolution may now find it) or removed. */
export type Edit = { kind: 'none' } | { kind: 'rewrite' | 'add'; pick: number; name: string; text: string } | { kind: 'remove'; pick: number };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ kind: 'none' }),
  fc.record({ kind: fc.constantFrom<'rewrite' | 'add'>('rewrite', 'add'), pick: fc.nat(), name: fc.constantFrom(...MODULES, 'index.js', 'lib/a/index.js', 'lib/a.ts', 'tsconfig.json'), text: source }),
  fc.record({ kind: fc.constant<'remove'>('remove'), pick: fc.nat() }),
);
