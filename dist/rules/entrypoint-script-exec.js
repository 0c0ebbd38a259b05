import { defineRule } from '../src/rule.js';
import { relativeTo } from '../src/context/files.js';
import { commandText, initAbove, processOf } from '../src/model/queries.js';
import { scriptExecRemedy } from '../src/fix/index.js';
export default defineRule({
    id: 'entrypoint-script-exec',
    meta: {
        type: 'problem',
        description: 'An entrypoint script runs the program without exec, so the script shell stays its parent',
        defaultSeverity: 'error',
        facts: ['§3', '§10', '§11.1'],
        fixable: true,
        hasSuggestions: true,
        messages: {
            missingExec: '{{script}} runs `{{command}}` without exec: the script shell stays {{role}} (shells never exec the last command of a script file) and {{effect}}. Write `exec {{command}}`{{trapNote}}',
        },
    },
    check(context) {
        const { model } = context;
        for (const link of model.chain) {
            const script = link.script;
            if (link.kind !== 'script' || !script || link.relation !== 'spawn' || link.behaviour.type !== 'shell-wait')
                continue;
            const final = script.facts.final;
            if (!final)
                continue;
            const child = model.chain[model.chain.indexOf(link) + 1];
            const command = child ? commandText(child.argv) : commandText(final.argv.map((a) => a ?? '…'));
            const isPid1 = processOf(model, link)?.isPid1 ?? false;
            const init = initAbove(model, link);
            const signal = model.stopSignal.name;
            const trap = script.facts.traps[0];
            const { fix, suggest } = scriptExecRemedy(model, link);
            context.report({
                messageId: 'missingExec',
                loc: context.locate.line(script.hostPath, final.line),
                data: {
                    script: relativeTo(model.contextDir, script.hostPath),
                    command,
                    role: isPid1 ? 'PID 1' : `the parent of \`${command}\``,
                    effect: isPid1 || !init
                        ? `ignores ${signal}, which \`${command}\` never receives; the container is SIGKILLed when the grace period ends (facts §3 script-sh-noexec)`
                        : init.init?.invocation.group
                            ? `dies at once when ${init.name} signals the group, ending the container before \`${command}\` can finish (facts §4)`
                            : `dies when ${init.name} signals it; \`${command}\` never receives ${signal} (facts §4 tini-dash-c)`,
                    trapNote: trap ? ` (the trap on line ${trap.line} runs only after the foreground command ends, facts §3 dash-trap-fg)` : '',
                },
                fix,
                suggest,
            });
        }
    },
});
//# sourceMappingURL=entrypoint-script-exec.js.map