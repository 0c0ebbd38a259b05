import { defineRule } from '../src/rule.js';
import { initAbove, linkLocation, processOf, programCommand } from '../src/model/queries.js';
import { decidingHandler, describeOtherHandlers } from '../src/model/program.js';
import { addInitFix, execFormText, initOrHandler, initToRecommend, programHandlerSuggestion, stopSignalSuggestion } from '../src/fix/index.js';
export default defineRule({
    id: 'unhandled-stop-signal',
    meta: {
        type: 'problem',
        description: 'The program receives the stop signal but nothing in it handles that signal',
        defaultSeverity: 'error',
        facts: ['§5', '§6', '§11.5', '§11.6', '§11.7'],
        fixable: true,
        hasSuggestions: true,
        messages: {
            pid1NoHandler: '`{{command}}` is PID 1 and nothing in the program handles {{signal}}: {{found}}. Node\'s default handler re-raises it, PID 1 drops the re-raise, and the container runs until SIGKILL (facts §5 node-none). {{remedy}}',
            wrongSignal: '`{{command}}` receives {{signal}}{{sender}}, but {{found}}: {{signal}}\'s default action kills it at once, without the shutdown it has for {{handled}}. Handle {{signal}} too{{advice}}',
        },
    },
    check(context) {
        const { model } = context;
        const program = model.program;
        const signal = model.verdict.appSignal;
        if (!program || !signal)
            return;
        const link = program.link;
        const isPid1 = processOf(model, link)?.isPid1 ?? false;
        // The program's own reaction (read from its source, or known for Next.js).
        const { reaction, why } = program.app.reaction(signal, isPid1);
        if (reaction !== 'none')
            return;
        const loc = linkLocation(model, context.locate, link);
        const command = programCommand(model, link);
        if (isPid1) {
            // Either remedy works here: an init ends it at once (the default action, 143), a listener lets it shut down
            // gracefully. --fix-type or config `fix.type` picks the fix and the one the message recommends.
            const handler = `Add a handler that ends the process (process.on('${signal}', …) closing the server, then process.exit)`;
            const remedy = context.fixType === 'handler' ? handler : context.fixType === 'init' ? initRemedy(model) : `${handler}, or run it under an init (tini)`;
            const change = initOrHandler(context.fixType, addInitFix(model), programHandlerSuggestion(model, signal));
            context.report({ messageId: 'pid1NoHandler', loc, data: { command, signal, found: why, remedy }, ...change });
            return;
        }
        const facts = program.facts;
        if (!facts || decidingHandler(facts, signal, isPid1).reaction !== 'none')
            return;
        const found = describeOtherHandlers(facts, signal, model.contextDir);
        // Not PID 1: without a handler the default action ends it (fine), unless the program prepared a shutdown for another signal.
        const handled = [...new Set(facts.handlers.flatMap((h) => h.signals))];
        if (handled.length === 0)
            return;
        const pm2 = model.chain.find((l) => l.behaviour.type === 'pm2-runtime');
        const init = initAbove(model, link);
        const rewrite = init?.init?.invocation.rewrite.size ? ` (${init.name} --rewrite turns ${model.stopSignal.name} into ${signal})` : '';
        // The signal arrives as Docker sends it: stopping with the one the program handles is an alternative.
        const stopWith = !pm2 && !rewrite && handled.length === 1 ? stopSignalSuggestion(model, handled[0]) : null;
        const listener = programHandlerSuggestion(model, signal);
        context.report({
            messageId: 'wrongSignal',
            loc,
            severity: 'warn',
            data: {
                command,
                signal,
                sender: pm2 ? ' from pm2-runtime (its default kill signal, facts §2)' : rewrite || (model.stopSignal.source === 'dockerfile' ? ` (STOPSIGNAL ${model.stopSignal.raw ?? signal})` : ''),
                found,
                handled: handled.join(', '),
                advice: pm2 ? ', or set PM2_KILL_SIGNAL=SIGTERM' : '',
            },
            suggest: [listener, stopWith].filter((s) => s !== null),
        });
    },
});
/** The init remedy, naming the init the fix would put in front for this image (apk installs tini at /sbin/tini, facts §8). */
function initRemedy(model) {
    const init = initToRecommend(model);
    const which = init.inImage ? `the image's ${init.name}` : `${init.name} installed`;
    return `Run it under an init (ENTRYPOINT ${execFormText([init.path, '--'])} with ${which}, or docker run --init): the default action then ends it`;
}
//# sourceMappingURL=unhandled-stop-signal.js.map