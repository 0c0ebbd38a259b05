import { defineRule } from '../src/rule.js';
import { parseShell } from '../src/model/launchers.js';
import { expandInShellSuggestion } from '../src/fix/index.js';

/**
 * `$NAME` or `${…}` as the shell would expand it. `${` is found with indexOf:
 * `/\$\{[^}]*\}/` rescans to the end from every `${` when no `}` follows (quadratic).
 */
function hasVariable(word: string): boolean {
  const braced = word.indexOf('${');
  return (braced >= 0 && word.indexOf('}', braced + 2) >= 0) || /\$[A-Za-z_]/.test(word);
}

export default defineRule({
  id: 'exec-form-variable',
  meta: {
    type: 'problem',
    description: 'Exec-form ENTRYPOINT or CMD uses a variable, which Docker never expands in exec form',
    defaultSeverity: 'error',
    facts: ['§11.1'],
    hasSuggestions: true,
    messages: {
      notExpanded:
        'Exec form does not expand variables: `{{program}}` receives the literal text `{{word}}`. Expand it in a shell that execs the program ({{suggestion}}), or read the variable inside the program',
    },
  },
  check(context) {
    const config = context.model.stage?.config;
    if (!config) return;
    for (const value of [config.entrypoint, config.cmd]) {
      const ins = value?.instruction;
      if (!ins || !ins.json) continue;
      // The command string of `sh -c` is expanded by that shell: not a problem.
      const shell = parseShell(ins.json);
      const commandIndex = shell?.command !== null && shell ? ins.json.indexOf(shell.command) : -1;
      const expand = commandIndex < 0 ? expandInShellSuggestion(context.model, ins, hasVariable) : null;
      ins.json.forEach((word, index) => {
        if (index === commandIndex || !hasVariable(word)) return;
        const argv = ins.json as string[];
        context.report({
          messageId: 'notExpanded',
          loc: context.locate.arguments(ins),
          data: {
            program: argv[0] ?? '',
            word,
            suggestion: `["sh", "-c", ${JSON.stringify(`exec ${argv.map((w) => (hasVariable(w) ? `"${w}"` : w)).join(' ')}`)}]`,
          },
          suggest: expand ? [expand] : [],
        });
      });
    }
  },
});
