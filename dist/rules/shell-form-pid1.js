import { defineRule } from '../src/rule.js';
import { appLink, commandText, initAbove, linkLocation, processOf } from '../src/model/queries.js';
import { commandRemedy, commandSite } from '../src/fix/index.js';
export default defineRule({
    id: 'shell-form-pid1',
    meta: {
        type: 'problem',
        description: 'A shell that stays the parent of the program (shell form or `sh -c`) keeps the stop signal from reaching it',
        defaultSeverity: 'error',
        facts: ['§3', '§4', '§11.2', '§11.4'],
        sources: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
        fixable: true,
        hasSuggestions: true,
        options: {
            type: 'object',
            additionalProperties: false,
            properties: {
                allowImplicitExec: {
                    type: 'boolean',
                    description: 'Do not warn when the image\'s /bin/sh (busybox ash, bash) execs the last command of -c by itself. Default false.',
                },
            },
        },
        messages: {
            staysPid1: '{{shell}} stays PID 1 as the parent of `{{command}}` ({{why}}): it ignores {{signal}}, `{{app}}` never receives it, and the container is SIGKILLed when the grace period ends ({{fact}}). Make the program PID 1: {{execForm}}',
            staysUnderInit: '{{shell}} stays the parent of `{{command}}` under {{init}}: {{initEffect}}. Make the program PID 1: {{execForm}}',
            execsByItself: '{{shell}} runs `{{command}}` as PID 1 only because it execs the last command of -c by itself ({{fact}}); a `;`, `&&` or trap added later, or a Debian base image (dash), makes the shell stay PID 1 and ignore {{signal}}. Prefer making the program PID 1 explicitly: {{execForm}}',
            noShell: 'The image has no /bin/sh ({{image}}), so this shell-form command cannot start at all. Make the program PID 1: {{execForm}}',
        },
    },
    check(context) {
        const { model } = context;
        if (model.image?.shell === 'none') {
            // No /bin/sh at all: Docker still prepends it to a shell-form command, which cannot start.
            for (const value of [model.entrypoint, model.cmd]) {
                const ins = value?.instruction;
                if (value?.form !== 'shell' || !ins || ins.jsonError)
                    continue;
                const words = ins.rest.split(/\s+/).filter(Boolean);
                const remedy = commandRemedy(model, { kind: 'shell-form', ins });
                context.report({
                    messageId: 'noShell',
                    loc: context.locate.arguments(ins),
                    // The remedy knows better than a split on blanks (no leading `node` when the ENTRYPOINT is node).
                    data: { image: model.image.description, execForm: remedy.form ?? `${ins.keyword} ${JSON.stringify(words)}` },
                    fix: remedy.fix,
                    suggest: remedy.suggest,
                });
            }
            return;
        }
        for (const link of model.chain) {
            const shell = link.shell;
            if (link.kind !== 'shell' || !shell || shell.fromPackageScript)
                continue;
            // Broken JSON is invalid-exec-form's finding; the shell it falls back to is a consequence of it.
            if (link.origin.instruction?.jsonError)
                continue;
            const main = shell.facts.main;
            // A trailing ( … ) or { …; } has no argv of its own: name the command the shell runs in it.
            const next = model.chain[model.chain.indexOf(link) + 1];
            const command = main && !main.compound ? commandText(main.argv.map((a) => a ?? '…')) : next?.argv.length ? commandText(next.argv) : shell.text;
            const app = appLink(model);
            const site = link.origin.instruction ? commandSite(link.origin.instruction, link.argv, shell.text) : null;
            const remedy = site ? commandRemedy(model, site) : { suggest: [] };
            const { fix, suggest } = remedy;
            // The message names the change its fix or first suggestion makes, so the two never disagree.
            const execForm = remedy.form ?? `\`exec\` in front of \`${command}\``;
            const where = processOf(model, link);
            const data = {
                shell: shell.fromShellForm ? `/bin/sh -c (shell form, ${shell.flavour})` : `${link.argv[0] ?? 'sh'} -c (${shell.flavour})`,
                command,
                signal: model.stopSignal.name,
                app: app ? commandText(app.argv) : command,
                execForm,
            };
            const loc = linkLocation(model, context.locate, link);
            if (shell.flavour === 'none' && shell.fromShellForm) {
                context.report({ messageId: 'noShell', loc, data: { ...data, image: model.image?.description ?? 'unknown image' }, fix, suggest });
                continue;
            }
            if (link.relation === 'exec') {
                if (link.implicitExec && context.options['allowImplicitExec'] !== true) {
                    context.report({
                        messageId: 'execsByItself',
                        loc,
                        severity: 'warn',
                        data: { ...data, fact: `facts §3 ${shell.flavour === 'bash' ? 'bash-c' : 'busybox-c'}` },
                        fix,
                        suggest,
                    });
                }
                continue;
            }
            if (link.relation !== 'spawn' || link.behaviour.type === 'shell-trap-forward')
                continue;
            const init = initAbove(model, link);
            if (where?.isPid1 || !init) {
                context.report({ messageId: 'staysPid1', loc, data: { ...data, ...stayReason(shell.flavour, model.image?.description ?? 'this image') }, fix, suggest });
            }
            else {
                const group = init.init?.invocation.group ?? false;
                context.report({
                    messageId: 'staysUnderInit',
                    loc,
                    data: {
                        ...data,
                        init: init.name,
                        initEffect: group
                            ? `${init.name} signals the whole group, but the shell dies at once and ${init.name} exits with it, so the program is killed before its shutdown can finish (facts §4: 0 of 5 runs completed)`
                            : `${init.name} signals only the shell, which dies; the program never receives ${model.stopSignal.name} and is killed when the container ends (facts §4 tini-dash-c)`,
                    },
                    fix,
                    suggest,
                });
            }
        }
    },
});
function stayReason(flavour, image) {
    switch (flavour) {
        case 'dash':
            return { why: "dash, this image's /bin/sh, never execs the command of -c", fact: 'facts §3 dash-c' };
        case 'bash':
            return { why: 'it is not the last simple command of the string, so bash does not exec it', fact: 'facts §3 bash-c-notlast' };
        case 'busybox-ash':
            return { why: 'it is not the last simple command of the string, so busybox ash does not exec it', fact: 'facts §3 busybox-c-notlast' };
        default:
            return {
                why: `the /bin/sh of ${image} is not known; dash (Debian, Ubuntu) never execs it, busybox ash and bash exec only a last simple command`,
                fact: 'facts §3',
            };
    }
}
//# sourceMappingURL=shell-form-pid1.js.map