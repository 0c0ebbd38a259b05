import { deref, isScalar, isSeq, positionOf } from '../config/yaml.js';
import { splitStaticWords } from '../shell/analyze.js';
/** Where a setting is written: `compose service "api" (init: true)` at file:line. */
export function sourceOf(label, key, valueText, file, yaml, pair) {
    const shown = valueText.length > 60 ? `${valueText.slice(0, 57)}…` : valueText;
    return { description: `${label} (${key}: ${shown})`, file, line: positionOf(yaml.lines, pair).line };
}
/**
 * A command as an argv: a list of strings, or (compose only) a string split
 * into words the way Compose does, without a shell: quotes are removed,
 * `$VAR` stays as written.
 */
export function argvOf(value, splitString, doc) {
    const node = deref(value, doc);
    if (isSeq(node)) {
        const argv = [];
        for (const raw of node.items) {
            const item = deref(raw, doc);
            if (!isScalar(item) || item.value === null || typeof item.value === 'object')
                return null;
            argv.push(String(item.value));
        }
        return argv;
    }
    if (splitString && isScalar(node) && typeof node.value === 'string') {
        // Words with expansions keep their text: Compose passes them on as they are.
        return splitStaticWords(node.value) ?? node.value.trim().split(/\s+/).filter(Boolean);
    }
    return null;
}
/** The text of a value for --explain: `npm start`, `["node","server.js"]` (aliases inside are not expanded). */
export function valueText(value, doc) {
    const node = deref(value, doc);
    if (isScalar(node))
        return String(node.value);
    return JSON.stringify(node?.toJSON() ?? null);
}
/**
 * The settings the image's own verdict uses: the config's, and for what the
 * config does not say, what every deployment found agrees on (an init, a stop
 * signal, a grace period). When they disagree the image is judged as the
 * Dockerfile shows it, and each deployment that differs on its own chain.
 */
export function imageSettings(config, deployments) {
    const out = {};
    const init = config.init !== undefined ? config.init : agreed(deployments, (s) => s.init, (a, b) => a.kind === b.kind);
    if (init)
        out.init = init;
    const stopSignal = config.stopSignal ?? agreed(deployments, (s) => s.stopSignal, (a, b) => a.name === b.name);
    if (stopSignal)
        out.stopSignal = stopSignal;
    const grace = agreed(deployments, (s) => s.gracePeriodSeconds, (a, b) => a.value === b.value);
    if (grace)
        out.gracePeriodSeconds = grace;
    return out;
}
function agreed(deployments, get, same) {
    const first = deployments[0] ? get(deployments[0].settings) : undefined;
    if (!first)
        return undefined;
    for (const d of deployments.slice(1)) {
        const value = get(d.settings);
        if (!value || !same(value, first))
            return undefined;
    }
    if (deployments.length === 1)
        return first;
    const others = deployments.length - 1;
    return { ...first, source: { ...first.source, description: `${first.source.description}, and the ${others} other place${others === 1 ? '' : 's'} that run${others === 1 ? 's' : ''} this image agree${others === 1 ? 's' : ''}` } };
}
/**
 * Does a deployment start PID 1 differently from the image's verdict (an init,
 * the stop signal, its entrypoint or command)? Then it is judged on its own chain.
 */
export function changesPid1(settings, image) {
    return (settings.init?.kind !== image.init?.kind ||
        (settings.stopSignal?.name ?? null) !== (image.stopSignal?.name ?? null) ||
        settings.entrypoint !== undefined ||
        settings.command !== undefined);
}
//# sourceMappingURL=settings.js.map