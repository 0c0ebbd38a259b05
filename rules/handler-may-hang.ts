import { defineRule } from '../src/rule.js';
import { processOf } from '../src/model/queries.js';
import { decidingHandler } from '../src/model/program.js';
import { exitSuggestion } from '../src/fix/index.js';

export default defineRule({
  id: 'handler-may-hang',
  meta: {
    type: 'problem',
    description: 'A handler for the stop signal runs but nothing ends the process',
    defaultSeverity: 'warn',
    facts: ['§1 K2', '§5', '§6'],
    hasSuggestions: true,
    messages: {
      mayHang:
        'This {{signal}} handler ({{via}}) does not end the process: {{why}}. {{consequence}} {{advice}}',
    },
  },
  check(context) {
    const { model } = context;
    const program = model.program;
    const facts = program?.facts;
    const signal = model.verdict.appSignal;
    if (!program || !facts || !signal) return;
    const isPid1 = processOf(model, program.link)?.isPid1 ?? false;
    const { reaction } = decidingHandler(facts, signal, isPid1);
    if (reaction !== 'may-hang') return;
    for (const handler of facts.handlers) {
      // A re-raise only hangs PID 1 (K2); elsewhere it ends the process.
      const hangs = handler.ending === 'may-hang' || (handler.ending === 'reraises' && isPid1);
      if (!handler.signals.includes(signal) || !hangs) continue;
      const exit = exitSuggestion(model, handler, signal);
      context.report({
        messageId: 'mayHang',
        loc: context.locate.line(handler.file, handler.line),
        data: {
          signal,
          via: handler.via,
          why: handler.endingWhy,
          consequence: isPid1
            ? 'As PID 1 the process then keeps running until SIGKILL (a re-raise is dropped, facts K2).'
            : 'The process then keeps running until SIGKILL (facts §5 node-noexit).',
          advice: adviceFor(handler.library ?? handler.via),
        },
        suggest: exit ? [exit] : [],
      });
    }
  },
});

function adviceFor(library: string): string {
  if (/terminus/.test(library)) return 'Pass `useExit0: true` to createTerminus (facts §6).';
  if (/nest/.test(library)) return 'Call `app.enableShutdownHooks([], { useProcessExit: true })` (facts §6).';
  if (/signal-exit/.test(library)) return 'signal-exit only observes; add a handler that calls process.exit() (facts §6).';
  if (/death/.test(library)) return 'Call process.exit() in the death callback (facts §6).';
  return 'Call process.exit() once the shutdown work is done.';
}
