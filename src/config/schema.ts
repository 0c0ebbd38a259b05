/**
 * The JSON Schema of the configuration file (draft-07). It is generated, so it
 * cannot drift: rule keys, descriptions and option schemas come from the rule
 * registry, and the `libraries` / `images` entry shapes are the built-in
 * tables' own definitions, copied in so the shipped file stands alone for
 * editors. schema/pid1-lint.schema.json is this object written out (`npm run
 * schema`, scripts/schema.ts); a test keeps the two equal.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Rule } from '../rule.js';
import { ruleDocUrl } from '../rule.js';
import { rules as allRules } from '../../rules/index.js';
import { packageRoot } from '../package-info.js';
import { dataFile } from '../program/libraries.js';

export const SCHEMA_ID = 'https://github.com/pid1-lint/pid1-lint/blob/main/schema/pid1-lint.schema.json';
const DOCS = 'https://github.com/pid1-lint/pid1-lint#configuration';

export type JsonSchema = Record<string, unknown>;

export function schemaPath(): string {
  return path.join(packageRoot(), 'schema', 'pid1-lint.schema.json');
}

export const SEVERITIES = ['off', 'warn', 'error'] as const;

/** Keys of the `runtime` object, also used by the README test. */
export const RUNTIME_KEYS = ['init', 'stopSignal', 'image'] as const;

export function buildConfigSchema(rules: readonly Rule[] = allRules): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const rule of rules) ruleProperties[rule.id] = ruleValueSchema(rule);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'pid1-lint configuration',
    description: `Configuration for pid1-lint: .pid1lintrc.json, .pid1lintrc.yaml, .pid1lintrc.yml, pid1lint.config.json or the "pid1lint" key of package.json. The file nearest to the Dockerfile wins; files are not merged.\n${DOCS}`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' },
      rules: {
        type: 'object',
        additionalProperties: false,
        description: `Severity of each rule: "off", "warn" or "error", or [severity, { options }] for rules that take options. Rules not listed keep their default severity.\n${DOCS}`,
        properties: ruleProperties,
      },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: `Globs (\`*\`, \`?\`, \`[…]\`, \`**\`) of files pid1-lint neither lints nor reports on, relative to the folder of this file. A pattern without \`/\` matches a name at any depth; a pattern that matches a folder covers everything in it.\n${DOCS}`,
      },
      reportUnusedIgnores: {
        enum: [...SEVERITIES],
        description: `Report inline ignore directives (\`# pid1-lint ignore=…\`, \`// pid1-lint-disable-next-line …\`) that suppress nothing, at this severity. Default "off"; --report-unused-ignores sets "warn".\n${DOCS}`,
      },
      runtime: {
        type: 'object',
        additionalProperties: false,
        description: `How the container is run, where the Dockerfile does not show it. These settings apply to the image's own verdict and win over what compose files and Kubernetes manifests say.\n${DOCS}`,
        properties: {
          init: {
            enum: [true, false, 'docker-init', 'shared-pid-namespace'],
            description:
              'true or "docker-init": the container runs with `docker run --init` or compose `init: true`, so docker-init (tini) is PID 1. "shared-pid-namespace": a Kubernetes pod with shareProcessNamespace, so the pause container is PID 1. false: no init, even if every compose service or manifest found sets one.',
          },
          stopSignal: {
            type: 'string',
            minLength: 1,
            description: 'The signal the container is stopped with (docker run --stop-signal, compose stop_signal, Kubernetes lifecycle.stopSignal), written as Docker accepts it: SIGTERM, TERM, term or 15. Wins over the Dockerfile STOPSIGNAL.',
          },
          image: {
            anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }],
            description:
              'Name(s) of the image built from the Dockerfile (`ghcr.io/acme/api`), to find the Kubernetes containers that run it. Compared without tag or digest. Compose `image:` keys and skaffold.yaml artifacts are found without this.',
          },
        },
      },
      libraries: {
        type: 'array',
        items: { $ref: '#/definitions/library' },
        description: `Extra shutdown libraries and handler functions (your own wrappers, published or workspace packages), in the shape of the built-in table data/shutdown-libraries.json.\n${DOCS}`,
      },
      images: {
        type: 'array',
        items: { $ref: '#/definitions/image' },
        description: `Extra base images, in the shape of the built-in data/base-images.json entries. An entry with the id of a built-in one replaces it; \`extends\` may name built-in entries.\n${DOCS}`,
      },
      fix: {
        type: 'object',
        additionalProperties: false,
        description: 'Which fix findings recommend where more than one would work.',
        properties: {
          type: {
            enum: ['init', 'handler'],
            description: 'For a program that is PID 1 with no handler: "init" recommends running it under an init (tini, docker run --init); "handler" recommends adding a signal handler. Unset: both are named.',
          },
        },
      },
    },
    definitions: {
      ...embedDefinitions(readDataSchema('shutdown-libraries.schema.json'), 'library', 'library'),
      ...embedDefinitions(readDataSchema('base-images.schema.json'), 'image', 'entry'),
    },
  };
}

/**
 * Written out in each place rather than referenced: ajv's error paths lose the
 * `anyOf` branch across a `$ref`, and the branch is what picks the message.
 */
const severity = (): JsonSchema => ({
  enum: [...SEVERITIES],
  description: '"off": the rule does not run. "warn": findings are warnings (exit code 0). "error": findings are errors (exit code 1).',
});

/** `"warn"`, or `["warn", { options }]`: the options checked by the rule's own schema. */
function ruleValueSchema(rule: Rule): JsonSchema {
  const options: JsonSchema = rule.meta.options ?? {
    type: 'object',
    additionalProperties: false,
    properties: {},
    description: 'This rule takes no options.',
  };
  return {
    description: `${rule.meta.description}. Default: ${rule.meta.defaultSeverity}.\n${ruleDocUrl(rule.id)}`,
    anyOf: [severity(), { type: 'array', minItems: 1, maxItems: 2, additionalItems: false, items: [severity(), options] }],
  };
}

function readDataSchema(name: string): JsonSchema {
  return JSON.parse(fs.readFileSync(dataFile(name), 'utf8')) as JsonSchema;
}

/**
 * The definitions of a data schema under new names (`root` becomes `name`,
 * every other `x` becomes `name-x`), with their `#/definitions/…` references
 * renamed to match.
 */
function embedDefinitions(schema: JsonSchema, name: string, root: string): Record<string, JsonSchema> {
  const definitions = (schema['definitions'] ?? {}) as Record<string, JsonSchema>;
  const rename = (def: string) => (def === root ? name : `${name}-${def}`);
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const ref = key === '$ref' && typeof v === 'string' ? /^#\/definitions\/([^/]+)$/.exec(v) : null;
      out[key] = ref ? `#/definitions/${rename(ref[1] as string)}` : rewrite(v);
    }
    return out;
  };
  const out: Record<string, JsonSchema> = {};
  for (const [def, body] of Object.entries(definitions)) out[rename(def)] = rewrite(body) as JsonSchema;
  return out;
}

/** The schema as the shipped file holds it. */
export function schemaText(rules: readonly Rule[] = allRules): string {
  return `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`;
}

/** `npm run schema`: rewrite schema/pid1-lint.schema.json from the registry and the data schemas. */
export function writeSchemaFile(): void {
  fs.mkdirSync(path.dirname(schemaPath()), { recursive: true });
  fs.writeFileSync(schemaPath(), schemaText());
}
