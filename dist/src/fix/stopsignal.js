import { insertLinesAfter, insertLinesBefore, rewriteInstruction } from './dockerfile.js';
/** Signals programs use to shut down (nginx SIGQUIT, Apache SIGWINCH, systemd SIGRTMIN+3 aside). */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];
export function stopSignalSuggestions(model, ins, raw) {
    const written = raw.toUpperCase().replace(/^(SIG)?/, 'SIG');
    const near = STOP_SIGNALS.filter((name) => name !== 'SIGTERM' && editDistance(name, written) <= 2)
        .sort((x, y) => editDistance(x, written) - editDistance(y, written));
    return [...near, 'SIGTERM'].map((name) => ({
        desc: name === 'SIGTERM'
            ? 'Use SIGTERM, what Docker and Kubernetes send by default; the program must handle it (or run under an init)'
            : `Use ${name} (\`${raw}\` looks like a typo of it)`,
        fix: rewriteInstruction(model, ins, name),
    }));
}
/** Edits between two names, a swap of neighbours counting as one (the commonest typo). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 0; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        const row = d[i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            row[j] = Math.min(d[i - 1]?.[j] + 1, row[j - 1] + 1, d[i - 1]?.[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                row[j] = Math.min(row[j], d[i - 2]?.[j - 2] + 1);
        }
    }
    return d[a.length]?.[b.length];
}
/**
 * Stop the container with `name` (the signal the program handles):
 * STOPSIGNAL set in the final stage, which Docker, Compose and Kubernetes
 * runtimes honour (facts §9). The stage's STOPSIGNAL is replaced, else one
 * goes above its CMD or ENTRYPOINT, else at its end.
 */
export function stopSignalSuggestion(model, name) {
    const stage = model.stage;
    if (!stage)
        return null;
    const own = model.stopSignal.instruction && stage.instructions.includes(model.stopSignal.instruction) ? model.stopSignal.instruction : null;
    const line = `STOPSIGNAL ${name}`;
    const command = [model.cmd, model.entrypoint].map((c) => c?.instruction).find((i) => !!i && stage.instructions.includes(i));
    const fix = own ? rewriteInstruction(model, own, name)
        : command ? insertLinesBefore(model, command, [line])
            : insertLinesAfter(model, stage.instructions.at(-1) ?? stage.from, [line]);
    return { desc: `Stop the container with ${name}, the signal the program handles: ${line} (Docker, Compose and Kubernetes send the image's STOPSIGNAL)`, fix: { ...fix, file: model.dockerfilePath } };
}
//# sourceMappingURL=stopsignal.js.map