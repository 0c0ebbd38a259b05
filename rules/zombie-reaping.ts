import { defineRule } from '../src/rule.js';
import { relativeTo } from '../src/context/files.js';
import { addInitFix } from '../src/fix/index.js';

/** Programs that never wait() for orphans they did not start (facts K5). */
const NON_REAPING = new Set(['node', 'ts-node', 'tsx', 'nodemon', 'pm2-runtime', 'next', 'package-manager']);

export default defineRule({
  id: 'zombie-reaping',
  meta: {
    type: 'problem',
    description: 'The program starts processes while a Node-based PID 1 never reaps orphaned ones',
    defaultSeverity: 'warn',
    facts: ['§1 K5', '§11.10'],
    fixable: true,
    messages: {
      noReaper:
        'This starts child processes ({{via}}), and PID 1 is {{pid1}}, which never reaps orphaned grandchildren: they stay as zombies until the container ends (facts K5 node-zombie){{more}}. Run the program under an init that reaps them (tini, dumb-init, or docker run --init)',
    },
  },
  check(context) {
    const { model } = context;
    const facts = model.program?.facts;
    if (!facts || facts.children.length === 0 || model.pid1Outside) return;
    const pid1 = model.verdict.processes[0]?.link;
    if (!pid1 || !NON_REAPING.has(pid1.kind)) return;
    const [first, ...rest] = facts.children;
    if (!first) return;
    // An init is the only thing that reaps; the fix changes the Dockerfile (fix.file), not the file reported.
    const init = addInitFix(model);
    context.report({
      messageId: 'noReaper',
      loc: context.locate.line(first.file, first.line),
      data: {
        via: first.command ? `${first.via} ${first.command}` : first.via,
        pid1: pid1.name,
        more: rest.length ? `; ${rest.length} more call site${rest.length === 1 ? '' : 's'} (${rest.slice(0, 3).map((c) => `${relativeTo(model.contextDir, c.file)}:${c.line}`).join(', ')})` : '',
      },
      ...(init ? { fix: init.fix } : {}),
    });
  },
});
