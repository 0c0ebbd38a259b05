/** The process a chain link belongs to, and whether it is PID 1. */
export function processOf(model, link) {
    const processes = model.verdict.processes;
    for (let i = 0; i < processes.length; i++) {
        const p = processes[i];
        if (p.links.includes(link))
            return { process: p, isPid1: i === 0 };
    }
    return null;
}
/** The init in front of a link, if one is an ancestor in the chain. */
export function initAbove(model, link) {
    const index = model.chain.indexOf(link);
    for (let i = index - 1; i >= 0; i--) {
        const l = model.chain[i];
        if (l.kind === 'init')
            return l;
    }
    return null;
}
/** Where a link is written: its instruction's arguments, its script/package.json line, or the Dockerfile's FROM. */
export function linkLocation(model, locate, link) {
    const origin = link.origin;
    if (origin.instruction)
        return locate.arguments(origin.instruction);
    if (origin.file && origin.line)
        return locate.line(origin.file, origin.line);
    const from = model.stage?.from;
    return from ? locate.instruction(from) : locate.top();
}
/** `node server.js` as people read it (quoted words where needed). */
export function commandText(argv) {
    return argv.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : JSON.stringify(w))).join(' ');
}
/** The app's command line: the argv of the last link in the chain. */
export function appLink(model) {
    return model.chain.at(-1) ?? null;
}
/**
 * The command line people wrote for the program: `ts-node src/index.ts`
 * rather than the node link it runs in-process.
 */
export function programCommand(model, link) {
    let index = model.chain.indexOf(link);
    while (index > 0 && model.chain[index - 1]?.relation === 'in-process')
        index--;
    return commandText((model.chain[index] ?? link).argv);
}
//# sourceMappingURL=queries.js.map