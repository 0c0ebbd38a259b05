import { defineRule } from '../src/rule.js';
import { stopSignalSuggestions } from '../src/fix/index.js';

export default defineRule({
  id: 'invalid-stopsignal',
  meta: {
    type: 'problem',
    description: 'STOPSIGNAL is not a signal Docker accepts, or one the program cannot catch',
    defaultSeverity: 'error',
    facts: ['§9'],
    sources: ['tally:no-ungraceful-stopsignal', 'dockerfile-utils:INVALID_SIGNAL'],
    hasSuggestions: true,
    messages: {
      invalid:
        'Docker rejects `STOPSIGNAL {{raw}}` (invalid signal: use a name such as SIGTERM, SIGINT or SIGQUIT, with or without SIG, any case, or a number from 1 to 64); the build fails',
      uncatchable:
        '`STOPSIGNAL {{raw}}` cannot be caught: the program is killed at once with no chance to finish requests or close connections. Use SIGTERM (the default) or the signal the program handles',
    },
  },
  check(context) {
    const signal = context.model.stopSignal;
    const ins = signal.instruction;
    if (!ins || signal.source !== 'dockerfile' || signal.raw === null) return;
    // A value that still holds an unset build argument cannot be judged.
    if (signal.raw.includes('${')) return;
    const suggest = stopSignalSuggestions(context.model, ins, signal.raw);
    if (signal.invalid) {
      context.report({ messageId: 'invalid', loc: context.locate.arguments(ins), data: { raw: signal.raw }, suggest });
    } else if (signal.name === 'SIGKILL' || signal.name === 'SIGSTOP') {
      context.report({ messageId: 'uncatchable', loc: context.locate.arguments(ins), data: { raw: signal.raw }, suggest });
    }
  },
});
