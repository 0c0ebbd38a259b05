/**
 * Compose files: the services that build a Dockerfile (or run the image it
 * builds) and what they change about PID 1: `init`, `stop_signal`,
 * `stop_grace_period`, `entrypoint`, `command` (pid1-facts §9).
 *
 * Files are read per folder as Compose reads them: the base file (compose.yaml,
 * compose.yml, docker-compose.yaml, docker-compose.yml: the first found) with
 * its `.override` file, and each other `compose.*.yaml` on top of the base file
 * (`docker compose -f compose.yaml -f compose.prod.yaml`). Later files win, key
 * by key; `build` merges its `context` and `dockerfile`.
 */
import path from 'node:path';
import { parseSignal } from '../signals.js';
import { deref, isMap, mapEntries, pairAt, rangeOf, scalarValue, valueAt } from '../config/yaml.js';
import { argvOf, sourceOf, valueText } from './settings.js';
const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const COMPOSE_FILE = /^(?:docker-)?compose(?:\.[^/]+)?\.ya?ml$/;
/** The compose files of one folder, grouped as Compose reads them together (names only). */
export function composeFileSets(names) {
    const compose = names.filter((n) => COMPOSE_FILE.test(n)).sort();
    const base = BASE_NAMES.find((b) => compose.includes(b));
    if (!base)
        return compose.map((n) => [n]);
    const stem = base.replace(/\.ya?ml$/, '');
    const override = compose.find((n) => n === `${stem}.override.yaml` || n === `${stem}.override.yml`);
    // The other base names are not read when one is present (Compose warns and takes the first).
    const variants = compose.filter((n) => n !== base && n !== override && !BASE_NAMES.includes(n));
    return [[base, ...(override ? [override] : [])], ...variants.map((v) => [base, v])];
}
/** Every service of the compose files in `dir`. */
export function readComposeServices(dir, yamlFiles, notes) {
    const names = yamlFiles.files.list(dir) ?? [];
    const services = [];
    for (const set of composeFileSets(names)) {
        const files = set.map((n) => path.join(dir, n));
        const layersByService = new Map();
        for (const file of files) {
            const read = yamlFiles.read(file);
            if (!read.ok) {
                notes.push(`${file}: not read (${read.reason})`);
                continue;
            }
            const doc = read.yaml.docs[0];
            if (!doc)
                continue;
            for (const [name, key] of mapEntries(valueAt(doc.contents, 'services', doc), doc)) {
                const service = deref(key.value, doc);
                if (!isMap(service))
                    continue;
                layersByService.set(name, [...(layersByService.get(name) ?? []), { file, yaml: read.yaml, doc, service, key }]);
            }
        }
        const variant = set.length > 1 && !/\.override\.ya?ml$/.test(set[1]) ? path.join(dir, set[1]) : null;
        for (const [name, layers] of layersByService) {
            // A variant file makes a deployment of its own only for the services it changes.
            if (variant && !layers.some((l) => l.file === variant))
                continue;
            const image = last(layers, 'image');
            const imageName = image ? scalarValue(image.pair.value, image.layer.doc) : undefined;
            services.push({ name, files, layers, builds: buildTarget(dir, layers), image: typeof imageName === 'string' ? imageName : null, variant });
        }
    }
    return services;
}
/** The Dockerfile a service's `build` names (context relative to the compose file, dockerfile relative to the context). */
function buildTarget(dir, layers) {
    let context = null;
    let dockerfile = null;
    let found = false;
    for (const { service, doc } of layers) {
        const build = valueAt(service, 'build', doc);
        if (!build)
            continue;
        found = true;
        const short = scalarValue(build, doc);
        if (typeof short === 'string') {
            context = short;
            continue;
        }
        const ctx = scalarValue(valueAt(build, 'context', doc), doc);
        if (typeof ctx === 'string')
            context = ctx;
        const file = scalarValue(valueAt(build, 'dockerfile', doc), doc);
        if (typeof file === 'string')
            dockerfile = file;
        if (valueAt(build, 'dockerfile_inline', doc))
            return null;
    }
    if (!found)
        return null;
    const ctx = context ?? '.';
    // A Git URL or remote context builds a Dockerfile that is not in this repository.
    if (/^[a-z][a-z0-9+.-]*:\/\/|^git@|^github\.com\//i.test(ctx))
        return null;
    return path.resolve(path.resolve(dir, ctx), dockerfile ?? 'Dockerfile');
}
/** The last file that sets `key` for the service wins. */
function last(layers, key) {
    for (let i = layers.length - 1; i >= 0; i--) {
        const layer = layers[i];
        const pair = pairAt(layer.service, key, layer.doc);
        if (pair)
            return { layer, pair };
    }
    return null;
}
/** What the service changes about how the container runs. */
export function composeDeployment(service) {
    const label = `compose service "${service.name}"`;
    const settings = {};
    const notes = [];
    const source = (found, key) => sourceOf(label, key, text(found), found.layer.file, found.layer.yaml, found.pair);
    const text = (found) => valueText(found.pair.value, found.layer.doc);
    const value = (found) => scalarValue(found.pair.value, found.layer.doc);
    const init = last(service.layers, 'init');
    if (init && value(init) === true)
        settings.init = { kind: 'docker-init', source: source(init, 'init') };
    const stop = last(service.layers, 'stop_signal');
    if (stop) {
        const raw = value(stop);
        const signal = typeof raw === 'string' || typeof raw === 'number' ? parseSignal(String(raw)) : null;
        if (signal)
            settings.stopSignal = { name: signal.name, source: source(stop, 'stop_signal') };
        else
            notes.push(`stop_signal ${String(raw)} is not a signal Docker accepts; ignored`);
    }
    const grace = last(service.layers, 'stop_grace_period');
    if (grace) {
        const seconds = parseDuration(value(grace));
        if (seconds !== null)
            settings.gracePeriodSeconds = { value: seconds, source: source(grace, 'stop_grace_period') };
        else
            notes.push(`stop_grace_period ${text(grace)} is not a duration such as 30s or 1m30s; ignored`);
    }
    for (const [key, setting] of [['entrypoint', 'entrypoint'], ['command', 'command']]) {
        const found = last(service.layers, key);
        // `command:` with no value leaves the image's.
        if (!found || found.pair.value === null || value(found) === null)
            continue;
        const argv = argvOf(found.pair.value, true, found.layer.doc);
        if (argv)
            settings[setting] = { argv, source: source(found, key) };
        else
            notes.push(`${key} is neither a string nor a list of strings; ignored`);
    }
    const pid = last(service.layers, 'pid');
    if (pid)
        notes.push(`pid: ${text(pid)}: the container shares another PID namespace, so its command is not PID 1; not modelled`);
    const where = service.layers.at(-1);
    return {
        kind: 'compose',
        name: service.variant ? `${service.name} (${path.basename(service.variant)})` : service.name,
        label,
        loc: { file: where.file, ...rangeOf(where.yaml.lines, where.key) },
        settings,
        notes,
    };
}
/** Compose durations (Go's time.ParseDuration units): `30s`, `1m30s`, `1.5s`, `500ms`, `2h`. */
export function parseDuration(value) {
    if (typeof value !== 'string')
        return null;
    const text = value.trim();
    const units = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
    let total = 0;
    let rest = text;
    while (rest.length > 0) {
        const match = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
        if (!match)
            return null;
        total += Number(match[1]) * units[match[2]];
        rest = rest.slice(match[0].length);
    }
    return text.length > 0 ? total : null;
}
//# sourceMappingURL=compose.js.map