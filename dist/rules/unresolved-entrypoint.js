import { defineRule } from '../src/rule.js';
import { linkLocation, programCommand } from '../src/model/queries.js';
import { pathCaseFix } from '../src/fix/index.js';
export default defineRule({
    id: 'unresolved-entrypoint',
    meta: {
        type: 'suggestion',
        description: 'The program PID 1 runs was not found in the build context, so its signal handling is unknown',
        defaultSeverity: 'warn',
        facts: ['§11.5'],
        fixable: true,
        messages: {
            notFound: 'pid1-lint could not find the source of `{{command}}` in the build context (tried {{tried}}), so whether it handles {{signal}} is unknown. Point --context at the build context, or check the path',
            caseMismatch: '`{{expected}}` does not exist, but `{{found}}` does: Linux paths are case-sensitive, so `{{command}}` fails in the container',
            notInContext: 'The program `{{command}}` is not read: {{reason}}, so whether it handles {{signal}} is unknown',
        },
    },
    check(context) {
        const { model } = context;
        const program = model.program;
        if (!program || program.facts || program.lookup.nextStandalone || program.lookup.via === 'next start')
            return;
        // Problems other rules already explain: a shell-form command in an image without a shell, an unexpanded variable.
        if (model.image?.shell === 'none' && (model.cmd?.form === 'shell' || model.entrypoint?.form === 'shell'))
            return;
        if (program.target.containerPath?.includes('$'))
            return;
        // SIGKILL and SIGSTOP end PID 1 whatever the program does (K1): its source does not matter.
        if (model.stopSignal.name === 'SIGKILL' || model.stopSignal.name === 'SIGSTOP')
            return;
        const lookup = program.lookup;
        const loc = linkLocation(model, context.locate, program.link);
        const command = programCommand(model, program.link);
        const signal = model.verdict.appSignal ?? model.stopSignal.name;
        if (lookup.caseMismatch) {
            const fix = pathCaseFix(model, lookup.caseMismatch.expected, lookup.caseMismatch.found);
            context.report({ messageId: 'caseMismatch', loc, severity: 'error', data: { command, expected: lookup.caseMismatch.expected, found: lookup.caseMismatch.found }, ...(fix ? { fix } : {}) });
            return;
        }
        if (lookup.reason) {
            // `node -e` and a REPL are not files to read; everything else unreadable is worth saying.
            if (program.target.inline !== null || !program.target.containerPath)
                return;
            context.report({ messageId: 'notInContext', loc, data: { command, reason: lookup.reason, signal } });
            return;
        }
        const tried = lookup.tried.slice(0, 8).join(', ') + (lookup.tried.length > 8 ? `, … (${lookup.tried.length} paths)` : '');
        context.report({ messageId: 'notFound', loc, data: { command, tried: tried || 'nothing', signal } });
    },
});
//# sourceMappingURL=unresolved-entrypoint.js.map