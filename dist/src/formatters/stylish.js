/**
 * The human format, modelled on ESLint's stylish: findings grouped by file,
 * `line:column  severity  message  rule`, a summary line, and with
 * --explain the PID-1 chain and what happens on the stop signal.
 */
import path from 'node:path';
const CODES = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24], green: [32, 39], cyan: [36, 39] };
export function formatStylish(results, context) {
    const paint = (style, text) => (context.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
    const lines = [];
    let errors = 0;
    let warnings = 0;
    let fixableErrors = 0;
    let fixableWarnings = 0;
    for (const result of results) {
        errors += result.errorCount;
        warnings += result.warningCount;
        fixableErrors += result.fixableErrorCount;
        fixableWarnings += result.fixableWarningCount;
        const explain = context.explain && result.pid1;
        const contextNote = result.pid1 && result.pid1.context !== '.' && !explain;
        if (result.messages.length === 0 && !explain && !contextNote)
            continue;
        lines.push(paint('underline', displayPath(result.filePath, context.cwd)));
        const rows = result.messages.map((m) => [
            `${m.line}:${m.column}`,
            m.severity === 2 ? paint('red', 'error') : paint('yellow', 'warning'),
            m.message.trimEnd(),
            paint('dim', m.ruleId ?? ''),
        ]);
        const width = Math.max(0, ...rows.map((r) => r[0].length));
        for (const r of rows)
            lines.push(`  ${r[0].padEnd(width)}  ${r[1]}  ${r[2]}  ${r[3]}`);
        // A build context other than the Dockerfile's folder changes every path: always say so.
        if (contextNote && result.pid1)
            lines.push(paint('dim', `  note: build context ${result.pid1.context} (${result.pid1.notes[0] ?? 'from --context'})`));
        for (const m of result.messages) {
            if (!m.suggestions)
                continue;
            for (const s of m.suggestions)
                lines.push(`  ${' '.repeat(width)}  ${paint('cyan', 'suggestion')}  ${s.desc}  ${paint('dim', m.ruleId ?? '')}`);
        }
        if (explain && result.pid1)
            lines.push(...explainLines(result.pid1, paint), ...serviceLines(result.services ?? [], paint));
        lines.push('');
    }
    const total = errors + warnings;
    if (total > 0) {
        const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
        lines.push(paint('bold', errors > 0 ? paint('red', summary) : paint('yellow', summary)));
        const fixable = fixableErrors + fixableWarnings;
        if (fixable > 0)
            lines.push(paint('dim', `  ${fixable} problem${fixable === 1 ? '' : 's'} fixable with --fix`));
        lines.push('');
    }
    return lines.join('\n');
}
function explainLines(pid1, paint) {
    const out = [''];
    out.push(`  ${paint('bold', 'Final stage')}: ${pid1.stage || '(none)'}${pid1.baseImage ? ` FROM ${pid1.baseImage}` : ''}${pid1.baseImageInfo ? ` (${pid1.baseImageInfo})` : ''}`);
    if (pid1.context !== '.')
        out.push(`  ${paint('bold', 'Build context')}: ${pid1.context}`);
    out.push(`  ${paint('bold', 'Docker starts')}: ${JSON.stringify(pid1.argv)}`);
    out.push(`  ${paint('bold', 'Stop signal')}: ${pid1.stopSignal}, from ${pid1.stopSignalSource}`);
    for (const r of pid1.runtime ?? [])
        out.push(`  ${paint('bold', 'Runtime')}: ${r.setting} ${r.value}, from ${r.source}${r.at ? ` at ${r.at}` : ''}`);
    out.push(`  ${paint('bold', 'PID-1 chain')}:`);
    pid1.chain.forEach((link, i) => {
        const where = link.file ? ` ${paint('dim', `${link.file}${link.line ? `:${link.line}` : ''}`)}` : '';
        const role = i === pid1.pid1Index ? paint('green', ' ← PID 1') : '';
        const relation = link.relation ? paint('dim', ` [${link.relation === 'spawn' ? 'starts the next as a child' : link.relation === 'exec' ? 'execs the next' : 'runs the next in-process'}]`) : '';
        out.push(`    ${i + 1}. ${link.kind} ${paint('bold', link.name)}: ${link.argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}${where}${relation}${role}`);
        out.push(`       ${link.why}`);
    });
    if (pid1.steps.length) {
        out.push(`  ${paint('bold', `On ${pid1.stopSignal}`)}:`);
        for (const s of pid1.steps)
            out.push(`    - ${s}`);
    }
    if (pid1.entry)
        out.push(`  ${paint('bold', 'Program source')}: ${pid1.entry}`);
    if (pid1.handler) {
        // Line 0: a framework's own handlers (Next.js), not a line in the project.
        const where = pid1.handler.line > 0 ? `${pid1.handler.file}:${pid1.handler.line} (${pid1.handler.via})` : `installed by ${pid1.handler.via}`;
        out.push(`  ${paint('bold', 'Handler')}: ${where}`);
    }
    out.push(`  ${paint('bold', 'Stops on the signal')}: ${verdictText(pid1)}`);
    if (pid1.appSignal === null && pid1.chain.length > 1)
        out.push(`  ${paint('bold', 'The program receives')}: nothing`);
    else if (pid1.appSignal)
        out.push(`  ${paint('bold', 'The program receives')}: ${pid1.appSignal}${pid1.appWaitedFor === false ? ', but nothing waits for it to finish' : ''}`);
    for (const n of pid1.notes)
        out.push(`  ${paint('dim', `note: ${n}`)}`);
    return out;
}
function verdictText(pid1) {
    return pid1.stopsOnSignal === null ? 'cannot tell yet' : pid1.stopsOnSignal ? 'yes' : 'no: it runs until SIGKILL';
}
/** The compose services and Kubernetes containers that run the image, and how each one's own chain ends. */
function serviceLines(services, paint) {
    if (services.length === 0)
        return [];
    const out = [`  ${paint('bold', 'Run by')}:`];
    for (const s of services) {
        const settings = s.settings.map((r) => `${r.setting} ${r.value}${r.at ? ` (${r.at})` : ''}`).join(', ');
        out.push(`    - ${s.kind} ${paint('bold', s.name)} ${paint('dim', `${s.file}:${s.line}`)}${settings ? `: ${settings}` : ''}`);
        if (s.pid1) {
            out.push(`      its own chain: ${s.pid1.chain.map((l) => l.name).join(' → ')}; stops on ${s.pid1.stopSignal}: ${verdictText(s.pid1)}`);
        }
        else
            out.push('      the same PID 1 and stop signal as above');
        for (const n of s.notes)
            out.push(`      ${paint('dim', `note: ${n}`)}`);
    }
    return out;
}
function displayPath(file, cwd) {
    const rel = path.relative(cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
//# sourceMappingURL=stylish.js.map