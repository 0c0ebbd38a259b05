import { defineRule } from '../src/rule.js';
import { execFormText, repairExecForm, rewriteInstruction } from '../src/fix/index.js';
export default defineRule({
    id: 'invalid-exec-form',
    meta: {
        type: 'problem',
        description: 'ENTRYPOINT or CMD looks like exec form but is not valid JSON, so Docker runs it through /bin/sh',
        defaultSeverity: 'error',
        facts: ['§3', 'peers.md §6'],
        sources: ['tally:invalid-json-form', 'dockerfile-utils:JSON_IN_SINGLE_QUOTES'],
        fixable: true,
        messages: {
            invalidJson: '{{keyword}} is not valid exec form ({{reason}}), so Docker runs it in shell form: `/bin/sh -c {{text}}`{{consequence}}',
        },
    },
    check(context) {
        const { model } = context;
        const config = model.stage?.config;
        if (!config)
            return;
        for (const value of [config.entrypoint, config.cmd]) {
            const ins = value?.instruction;
            if (!ins || !ins.jsonError)
                continue;
            // What the array was meant to hold is unambiguous: writing it as JSON is the intended change.
            const repaired = repairExecForm(ins.rest);
            context.report({
                messageId: 'invalidJson',
                loc: context.locate.arguments(ins),
                data: {
                    keyword: ins.keyword,
                    reason: ins.jsonError,
                    text: JSON.stringify(ins.rest),
                    consequence: model.image?.shell === 'none'
                        ? '; this image has no shell, so the container cannot start'
                        : '; the brackets and quotes become part of the command, which fails or runs under a shell that stays PID 1',
                },
                ...(repaired ? { fix: rewriteInstruction(model, ins, execFormText(repaired.argv), repaired.comment ? [repaired.comment] : []) } : {}),
            });
        }
    },
});
//# sourceMappingURL=invalid-exec-form.js.map