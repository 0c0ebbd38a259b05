import { defineRule } from '../src/rule.js';
import { parseShell } from '../src/model/launchers.js';
import { expandInShellSuggestion } from '../src/fix/index.js';
/** `$NAME` or `${…}` as the shell would expand it. */
const VARIABLE = /\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/;
export default defineRule({
    id: 'exec-form-variable',
    meta: {
        type: 'problem',
        description: 'Exec-form ENTRYPOINT or CMD uses a variable, which Docker never expands in exec form',
        defaultSeverity: 'error',
        facts: ['§11.1'],
        hasSuggestions: true,
        messages: {
            notExpanded: 'Exec form does not expand variables: `{{program}}` receives the literal text `{{word}}`. Expand it in a shell that execs the program ({{suggestion}}), or read the variable inside the program',
        },
    },
    check(context) {
        const config = context.model.stage?.config;
        if (!config)
            return;
        for (const value of [config.entrypoint, config.cmd]) {
            const ins = value?.instruction;
            if (!ins || !ins.json)
                continue;
            // The command string of `sh -c` is expanded by that shell: not a problem.
            const shell = parseShell(ins.json);
            const commandIndex = shell?.command !== null && shell ? ins.json.indexOf(shell.command) : -1;
            const expand = commandIndex < 0 ? expandInShellSuggestion(context.model, ins, (w) => VARIABLE.test(w)) : null;
            ins.json.forEach((word, index) => {
                if (index === commandIndex || !VARIABLE.test(word))
                    return;
                const argv = ins.json;
                context.report({
                    messageId: 'notExpanded',
                    loc: context.locate.arguments(ins),
                    data: {
                        program: argv[0] ?? '',
                        word,
                        suggestion: `["sh", "-c", ${JSON.stringify(`exec ${argv.map((w) => (VARIABLE.test(w) ? `"${w}"` : w)).join(' ')}`)}]`,
                    },
                    suggest: expand ? [expand] : [],
                });
            });
        }
    },
});
//# sourceMappingURL=exec-form-variable.js.map