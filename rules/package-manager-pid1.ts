import { defineRule } from '../src/rule.js';
import { appLink, commandText, initAbove, linkLocation } from '../src/model/queries.js';
import type { ResolvedLink } from '../src/model/chain.js';
import { directCommandSuggestion } from '../src/fix/index.js';

export default defineRule({
  id: 'package-manager-pid1',
  meta: {
    type: 'problem',
    description: 'A package manager (npm, npx, yarn, pnpm) stands between Docker and the program and breaks its graceful shutdown',
    defaultSeverity: 'error',
    facts: ['§2', '§4', '§11.3'],
    sources: ['tally:js/no-npm-start-entrypoint (draft)'],
    hasSuggestions: true,
    messages: {
      breaksShutdown: '{{launcher}} runs {{what}}: {{mechanism}} {{consequence}}. Start the program directly: {{direct}}',
      worksByAccident:
        '{{launcher}} runs {{what}}, which works here only because {{reason}}; {{launcher}} still stands between Docker and the program ({{caveat}}). Start the program directly: {{direct}}',
      unverified: '{{launcher}} runs {{what}}; how {{launcher}} {{version}} passes the stop signal on is not verified ({{why}}). Start the program directly: {{direct}}',
      scriptUnknown:
        '{{launcher}} runs the "{{script}}" script, which pid1-lint could not read ({{why}}): whether the program receives {{signal}} and is waited for depends on that script and on this image\'s /bin/sh (facts §2). Start the program directly: {{direct}}',
      shellUnknown:
        '{{launcher}} runs {{what}} under `sh -c`, and this image\'s /bin/sh is not known: with dash (Debian, Ubuntu) {{launcher}} signals only that shell, which dies, and `{{app}}` never receives {{signal}}; busybox ash and bash exec the command, and {{launcher}} still stands between Docker and the program (facts §2, §3). Start the program directly: {{direct}}',
    },
  },
  check(context) {
    const { model } = context;
    const verdict = model.verdict;
    for (const link of model.chain) {
      const pm = link.packageManager;
      if (link.kind !== 'package-manager' || !pm || link.behaviour.type !== 'package-manager') continue;
      const index = model.chain.indexOf(link);
      const child = model.chain[index + 1];
      const app = appLink(model);
      const signal = model.stopSignal.name;
      const what = pm.invocation.action === 'exec'
        ? `\`${pm.scriptText ?? ''}\``
        : `the "${pm.scriptName ?? ''}" script (\`${pm.scriptText ?? ''}\`)`;
      const direct = app && app !== link && app.argv.length > 0 ? directCommand(link, app, model.chain[0]?.cwd ?? '/') : 'CMD ["node", "<entry file>"]';
      const launcher = launcherName(link);
      const loc = linkLocation(model, context.locate, link);
      const scriptExecs = pm.flavour === 'yarn-berry' || child?.relation === 'exec';
      const implicit = child?.implicitExec === true;
      const init = initAbove(model, link);
      const startDirectly = directCommandSuggestion(model, link);
      const suggest = startDirectly ? [startDirectly] : [];
      if (pm.scriptText === null && pm.scriptName !== null) {
        context.report({ messageId: 'scriptUnknown', loc, severity: 'warn', data: { launcher, script: pm.scriptName, why: link.why, signal, direct } });
        continue;
      }
      // The script's shell is one pid1-lint has no data for, and nothing made it exec: dash would lose the signal.
      const shellUnknown = child?.shell?.flavour === 'unknown' && child.relation === 'spawn';
      if (shellUnknown && (pm.flavour === 'npm' || pm.flavour === 'pnpm-legacy')) {
        context.report({ messageId: 'shellUnknown', loc, severity: 'warn', data: { launcher, what, app: app ? commandText(app.argv) : 'the program', signal, direct }, suggest });
        continue;
      }
      const consequence = verdict.appSignal === null
        ? `\`${app ? commandText(app.argv) : 'the program'}\` never receives ${signal} and is SIGKILLed when the container ends`
        : verdict.appWaitedFor === false
          ? `\`${app ? commandText(app.argv) : 'the program'}\` receives ${verdict.appSignal}, but nothing waits for it: the container ends before its shutdown can finish`
          : null;
      switch (pm.flavour) {
        case 'npm': {
          if (consequence) {
            const mechanism = scriptExecs
              ? `${init ? `${init.name} signals npm, ` : ''}npm forwards ${signal} to its child,`
              : `npm starts it under \`sh -c\` and, on ${signal}, signals only that shell, which dies${init ? ` (${init.name} in front does not change this, facts §4)` : ''};${init ? '' : ' npm then exits 1 after ~0.5 s (facts §2 npm11-start-*):'}`;
            context.report({ messageId: 'breaksShutdown', loc, data: { launcher, what, mechanism, consequence, direct }, suggest });
          } else if (implicit) {
            context.report({
              messageId: 'worksByAccident',
              loc,
              severity: 'warn',
              data: { launcher, what, reason: `this image's /bin/sh (${child?.shell?.flavour ?? 'busybox ash'}) execs the script's last command (facts §2 npm11-start-slow-alpine)`, caveat: 'it exits 1 when the program dies of the signal, never reaps zombies, and a `&&` or `;` in the script brings the problem back', direct },
              suggest,
            });
          }
          break;
        }
        case 'yarn1': {
          context.report({
            messageId: 'breaksShutdown',
            loc,
            data: {
              launcher, what, direct,
              mechanism: `yarn 1 forwards ${signal} to its child and calls process.exit(1) at once, without waiting (facts §2 yarn1-*);`,
              consequence: consequence ?? 'the container ends before the program finishes shutting down',
            },
            suggest,
          });
          break;
        }
        case 'pnpm-legacy': {
          if (consequence) {
            context.report({
              messageId: 'breaksShutdown',
              loc,
              data: {
                launcher, what, direct,
                mechanism: `pnpm ${pm.version ?? '9/10'} passes ${signal} to \`sh\`, then signals the remaining processes through \`ps\` and exits 1 at once (facts §2 pnpm9-*, pnpm10-*${pm.version ? '' : `; ${pm.versionWhy}`});`,
                consequence,
              },
              suggest,
            });
          } else if (implicit) {
            context.report({
              messageId: 'worksByAccident',
              loc,
              severity: 'warn',
              data: { launcher, what, reason: `this image's /bin/sh execs the script's last command (facts §2 pnpm10-start-slow-alpine)`, caveat: 'it exits 1 when the program dies of the signal and never reaps zombies', direct },
              suggest,
            });
          }
          break;
        }
        case 'unknown':
          context.report({ messageId: 'unverified', loc, severity: 'warn', data: { launcher, what, version: pm.version ?? '', why: pm.versionWhy, direct }, suggest });
          break;
        default:
          // yarn berry and pnpm 12 forward the signal and wait (facts §2): nothing to report here.
          break;
      }
    }
  },
});

function launcherName(link: ResolvedLink): string {
  const pm = link.packageManager;
  if (!pm) return link.name;
  return commandText(link.argv);
}

/**
 * The exec-form CMD that starts the program, with the variables the script set (`cross-env NODE_ENV=production`,
 * `PORT=3000 node x`) as ENV, and the folder it runs in (`cd app && …`, `pnpm --filter`) as WORKDIR.
 */
function directCommand(launcher: ResolvedLink, app: ResolvedLink, workdir: string): string {
  const added = Object.entries(app.env).filter(([name, value]) => name !== 'PATH' && launcher.env[name] !== value);
  const env = added.map(([name, value]) => `${name}=${/^[\w@%+:,./-]*$/.test(value) ? value : JSON.stringify(value)}`).join(' ');
  const parts = [
    ...(env ? [`ENV ${env}`] : []),
    ...(app.cwd !== workdir ? [`WORKDIR ${app.cwd}`] : []),
    `CMD ${JSON.stringify(app.argv)}`,
  ];
  return parts.join(' and ');
}
