import path from 'node:path';
import { defineRule } from '../src/rule.js';
import { installedInits } from '../src/model/inits.js';
import { linkLocation } from '../src/model/queries.js';
import { insertLinesAfter, installNamedInit, mergeEdits, replaceWordEdit } from '../src/fix/index.js';

export default defineRule({
  id: 'init-not-installed',
  meta: {
    type: 'problem',
    description: 'The init named in ENTRYPOINT or CMD is not in the image at that path',
    defaultSeverity: 'error',
    facts: ['§7', '§8'],
    fixable: true,
    hasSuggestions: true,
    messages: {
      wrongPath:
        '`{{path}}` does not exist in this image: {{via}} installs {{name}} at {{actual}} (facts §8). The container fails to start (exec {{path}}: no such file or directory). Use {{actual}}',
      missing:
        '{{name}} is not installed: no RUN, COPY or ADD puts it at `{{path}}`{{image}}, so the container fails to start (exec {{path}}: no such file or directory). {{install}}',
      maybeMissing:
        '{{name}} is not installed by this Dockerfile and the base image {{image}} is not one pid1-lint knows: if it does not ship `{{path}}`, the container fails to start. {{install}}',
      otherStage:
        '{{name}} is installed in stage `{{stage}}` ({{via}}), which is not part of the final image: copy it (`COPY --from={{stage}} {{actual}} {{actual}}`) or install it in the final stage',
      runtimeOnly:
        '`{{path}}` exists only when the container runs with `--init` (Docker bind-mounts docker-init there); without it the container fails to start. Install tini in the image instead, or drop it and run with --init',
    },
  },
  check(context) {
    const { model } = context;
    for (const link of model.chain) {
      if (link.kind !== 'init' || !link.init || link.init.installed) continue;
      const program = link.argv[0] ?? link.name;
      const loc = linkLocation(model, context.locate, link);
      const ins = link.origin.instruction;
      const pathDirs = (link.env.PATH ?? '').split(':');
      if (link.init.invocation.name === 'docker-init') {
        const install = ins ? installNamedInit(model, ins, program, 'tini', []) : null;
        context.report({ messageId: 'runtimeOnly', loc, severity: 'warn', data: { path: program }, suggest: install ? [install] : [] });
        continue;
      }
      const name = link.init.invocation.name;
      const sameName = model.inits.filter((i) => i.name === name);
      if (sameName.length > 0) {
        const best = sameName.find((i) => path.posix.basename(i.path) === path.posix.basename(program)) ?? (sameName[0] as (typeof sameName)[number]);
        const repoint = ins ? replaceWordEdit(model, ins, program, best.path) : null;
        context.report({ messageId: 'wrongPath', loc, data: { path: program, via: `\`${best.via}\``, name, actual: best.path }, ...(repoint ? { fix: repoint } : {}) });
        continue;
      }
      const elsewhere = model.docker.stages
        .filter((s) => s !== model.stage)
        .flatMap((s) => installedInits(s).filter((i) => i.name === name).map((i) => ({ stage: s, init: i })))[0];
      if (elsewhere) {
        const stageRef = elsewhere.stage.name ?? String(elsewhere.stage.index);
        const dest = program.startsWith('/') ? program : elsewhere.init.path;
        const copy = model.stage ? insertLinesAfter(model, model.stage.from, [`COPY --from=${stageRef} ${elsewhere.init.path} ${dest}`]) : null;
        // A dynamically linked binary runs only on the distro it was built for; tini-static runs anywhere.
        const distro = elsewhere.stage.rootImage?.distro ?? null;
        const runsHere = elsewhere.init.path.endsWith('-static') || (distro !== null && distro === model.image?.distro);
        const remedy = copy ? { desc: `Copy ${name} from stage \`${stageRef}\`: COPY --from=${stageRef} ${elsewhere.init.path} ${dest}`, fix: mergeEdits(model.parsed.text, [copy], model.dockerfilePath) } : null;
        context.report({
          messageId: 'otherStage',
          loc,
          data: { name, stage: stageRef, via: elsewhere.init.via, actual: elsewhere.init.path },
          ...(remedy && runsHere ? { fix: remedy.fix } : { suggest: remedy ? [remedy] : [] }),
        });
        continue;
      }
      const install = installAdvice(name, model.image?.osPackageManager ?? null);
      const installed = ins && (name === 'tini' || name === 'dumb-init') ? installNamedInit(model, ins, program, name, pathDirs) : null;
      if (model.image && !model.image.known) {
        // The image may ship it after all: installing it is for a person to decide.
        context.report({ messageId: 'maybeMissing', loc, severity: 'warn', data: { name, path: program, image: model.image.description, install }, suggest: installed ? [installed] : [] });
        continue;
      }
      context.report({
        messageId: 'missing',
        loc,
        data: { name, path: program, image: model.image ? ` and ${model.image.ref?.raw ?? model.image.description} does not ship it` : '', install },
        ...(installed ? { fix: installed.fix } : {}),
      });
    }
  },
});

function installAdvice(name: string, manager: string | null): string {
  if (name === 'tini') {
    if (manager === 'apk') return 'Install it with `RUN apk add --no-cache tini` and use /sbin/tini.';
    if (manager === 'apt') return 'Install it with `RUN apt-get update && apt-get install -y --no-install-recommends tini` and use /usr/bin/tini.';
    return 'Install it (Debian/Ubuntu: apt-get install tini → /usr/bin/tini; Alpine: apk add tini → /sbin/tini), or copy tini-static from a helper stage.';
  }
  if (name === 'dumb-init') {
    if (manager === 'apk') return 'Install it with `RUN apk add --no-cache dumb-init` (/usr/bin/dumb-init).';
    if (manager === 'apt') return 'Install it with `RUN apt-get update && apt-get install -y --no-install-recommends dumb-init` (/usr/bin/dumb-init).';
  }
  return `Install ${name} in the final stage.`;
}
