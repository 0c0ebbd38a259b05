/**
 * Every fix and suggestion the rules report, table by table: the file after
 * applying it, exactly. `fix` rows must come as the automatic fix,
 * `suggestion` rows as a suggestion with no fix (the command might mean
 * something else in exec form), `none` rows with neither.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, lintTree, only } from './helpers.js';

interface Row {
  name: string;
  files: Record<string, string>;
  rule: string;
  /** `fix`: the automatic fix gives `after`; `suggestion`: the first suggestion does and there is no fix. */
  kind: 'fix' | 'suggestion' | 'none';
  after?: string;
  /** The file `after` is for (default: the Dockerfile). */
  file?: string;
}

async function check(row: Row): Promise<void> {
  const linted = await lintTree(row.files, {}, row.files['entrypoint.sh'] ? { 'entrypoint.sh': 0o755 } : undefined);
  const message = only(linted, row.rule);
  if (row.kind === 'none') {
    assert.equal(message.fix, undefined, 'no fix');
    assert.deepEqual(message.suggestions ?? [], [], 'no suggestion');
    return;
  }
  const change = row.kind === 'fix' ? message.fix : message.suggestions?.[0]?.fix;
  if (row.kind === 'suggestion') assert.equal(message.fix, undefined, `a suggestion only, but there is a fix: ${JSON.stringify(message.fix)}`);
  assert.ok(change, `expected a ${row.kind}; got fix ${JSON.stringify(message.fix)}, suggestions ${JSON.stringify(message.suggestions)}`);
  if (row.file) assert.equal(change.file, `${linted.dir}/${row.file}`);
  assert.equal(applied(linted, change), row.after);
}

function table(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const row of rows) test(row.name, () => check(row));
  });
}

const SLIM = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n';
const ALPINE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n';

table('shell-form-pid1', [
  { name: 'a plain command: exec form is the fix', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: `${SLIM}CMD node server.js\n` }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'also where busybox ash execs it by itself (a warning)', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: `${ALPINE}CMD node server.js --port 3000\n` }, after: `${ALPINE}CMD ["node", "server.js", "--port", "3000"]\n` },
  { name: 'the keyword keeps its case; continuation comments move above', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: `${SLIM}cmd node \\\n  # the app\n  server.js\n` }, after: `${SLIM}# the app\ncmd ["node", "server.js"]\n` },
  { name: 'under tini', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: 'FROM node:22-slim\nRUN apt-get update && apt-get install -y tini\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD node server.js\n' }, after: 'FROM node:22-slim\nRUN apt-get update && apt-get install -y tini\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n' },
  { name: 'distroless runs node as ENTRYPOINT: the CMD is the script alone', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: 'FROM gcr.io/distroless/nodejs22-debian12\nCOPY . /app\nCMD node /app/server.js\n' }, after: 'FROM gcr.io/distroless/nodejs22-debian12\nCOPY . /app\nCMD ["/app/server.js"]\n' },
  { name: 'quotes: exec form with JSON escaping, as a suggestion', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD node server.js --greeting "say \\"hi\\"" 'a\\b'\n` }, after: `${SLIM}CMD ["node", "server.js", "--greeting", "say \\"hi\\"", "a\\\\b"]\n` },
  { name: 'a trailing # comment goes on its own line (not after the ])', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD node server.js # start the app\n` }, after: `${SLIM}# start the app\nCMD ["node", "server.js"]\n` },
  { name: '&&: exec in front of the last command', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD node migrate.js && node server.js\n` }, after: `${SLIM}CMD node migrate.js && exec node server.js\n` },
  { name: 'a variable: exec, the shell still expands it', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}ENV ENTRY=server.js\nCMD node $ENTRY\n` }, after: `${SLIM}ENV ENTRY=server.js\nCMD exec node $ENTRY\n` },
  { name: 'a redirect: exec keeps it', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD node server.js >> /tmp/log 2>&1\n` }, after: `${SLIM}CMD exec node server.js >> /tmp/log 2>&1\n` },
  { name: 'an assignment prefix: exec after it, so the program still gets it', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD NODE_ENV=production node server.js\n` }, after: `${SLIM}CMD NODE_ENV=production exec node server.js\n` },
  { name: 'the program is not last: run only it, saying what is dropped', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD node server.js; echo stopped\n` }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'shell-form ENTRYPOINT with a CMD: the CMD would become arguments, so a suggestion', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}ENTRYPOINT node server.js\nCMD ["--port", "3000"]\n` }, after: `${SLIM}ENTRYPOINT ["node", "server.js"]\nCMD ["--port", "3000"]\n` },
  { name: 'shell-form ENTRYPOINT alone: the fix', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: `${SLIM}ENTRYPOINT node server.js\n` }, after: `${SLIM}ENTRYPOINT ["node", "server.js"]\n` },
  { name: '["sh", "-c", "<plain command>"]: exec form is the fix', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: `${SLIM}CMD ["sh", "-c", "node server.js"]\n` }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'what stands before the shell stays', rule: 'shell-form-pid1', kind: 'fix', files: { Dockerfile: `${SLIM}CMD ["env", "NODE_ENV=production", "sh", "-c", "node server.js"]\n` }, after: `${SLIM}CMD ["env", "NODE_ENV=production", "node", "server.js"]\n` },
  { name: '["bash", "-c", "… ; node …; echo"]: run only the program', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["bash", "-c", "node server.js; echo stopped"]\n` }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: '["bash", "-c", "… && node …"] (bash execs it by itself): exec inside the string', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["bash", "-c", "echo starting && node server.js"]\n` }, after: `${SLIM}CMD ["bash", "-c", "echo starting && exec node server.js"]\n` },
  { name: 'a command substitution: exec, nothing else', rule: 'shell-form-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD node $(cat entry.txt)\n` }, after: `${SLIM}CMD exec node $(cat entry.txt)\n` },
]);

table('invalid-exec-form', [
  { name: 'single quotes', rule: 'invalid-exec-form', kind: 'fix', files: { Dockerfile: `${SLIM}CMD ['node', 'server.js']\n` }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'bare words', rule: 'invalid-exec-form', kind: 'fix', files: { Dockerfile: `${SLIM}CMD [node, "server.js"]\n` }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'a # comment after the ] goes on its own line above', rule: 'invalid-exec-form', kind: 'fix', files: { Dockerfile: `${SLIM}CMD ["node", "server.js"] # start the app\n` }, after: `${SLIM}# start the app\nCMD ["node", "server.js"]\n` },
  { name: 'a missing ] and a trailing comma', rule: 'invalid-exec-form', kind: 'fix', files: { Dockerfile: `${SLIM}ENTRYPOINT ["node", "server.js",\n` }, after: `${SLIM}ENTRYPOINT ["node", "server.js"]\n` },
  { name: 'JSON escapes inside the strings are kept', rule: 'invalid-exec-form', kind: 'fix', files: { Dockerfile: `${SLIM}CMD ["node", "-e", "console.log(\\"a\\tb\\")", 'x']\n` }, after: `${SLIM}CMD ["node", "-e", "console.log(\\"a\\tb\\")", "x"]\n` },
  { name: 'other text after the ]: what it means is a guess, no fix', rule: 'invalid-exec-form', kind: 'none', files: { Dockerfile: `${SLIM}CMD ["node", "server.js"] --port 3000\n` } },
]);

table('entrypoint-script-exec', [
  { name: 'the last command gets exec (the script keeps its mode)', rule: 'entrypoint-script-exec', kind: 'fix', file: 'entrypoint.sh', files: { Dockerfile: `${SLIM}ENTRYPOINT ["./entrypoint.sh"]\n`, 'entrypoint.sh': '#!/bin/sh\nset -e\necho preparing\nnode server.js\n' }, after: '#!/bin/sh\nset -e\necho preparing\nexec node server.js\n' },
  { name: 'an assignment prefix stays in front of exec', rule: 'entrypoint-script-exec', kind: 'fix', file: 'entrypoint.sh', files: { Dockerfile: `${SLIM}ENTRYPOINT ["./entrypoint.sh"]\n`, 'entrypoint.sh': '#!/bin/sh\nNODE_ENV=production node server.js "$@"\n' }, after: '#!/bin/sh\nNODE_ENV=production exec node server.js "$@"\n' },
  { name: 'a trap would no longer run: suggestion', rule: 'entrypoint-script-exec', kind: 'suggestion', file: 'entrypoint.sh', files: { Dockerfile: `${SLIM}ENTRYPOINT ["./entrypoint.sh"]\n`, 'entrypoint.sh': "#!/bin/sh\ntrap 'echo bye' TERM\nnode server.js\n" }, after: "#!/bin/sh\ntrap 'echo bye' TERM\nexec node server.js\n" },
  { name: 'commands after it would no longer run: suggestion', rule: 'entrypoint-script-exec', kind: 'suggestion', file: 'entrypoint.sh', files: { Dockerfile: `${SLIM}ENTRYPOINT ["./entrypoint.sh"]\n`, 'entrypoint.sh': '#!/bin/sh\nnode server.js\necho stopped\n' }, after: '#!/bin/sh\nexec node server.js\necho stopped\n' },
  { name: 'an if at the end: exec in each branch, as a suggestion', rule: 'entrypoint-script-exec', kind: 'suggestion', file: 'entrypoint.sh', files: { Dockerfile: `${SLIM}ENTRYPOINT ["./entrypoint.sh"]\n`, 'entrypoint.sh': '#!/bin/sh\nif [ -n "$DEBUG" ]; then\n  node --inspect server.js\nelse\n  node server.js\nfi\n' }, after: '#!/bin/sh\nif [ -n "$DEBUG" ]; then\n  exec node --inspect server.js\nelse\n  exec node server.js\nfi\n' },
]);

const PKG = (scripts: Record<string, string>) => `${JSON.stringify({ name: 'app', private: true, scripts }, null, 2)}\n`;

table('package-manager-pid1', [
  { name: 'npm start → the script\'s command', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["npm", "start"]\n`, 'package.json': PKG({ start: 'node server.js' }) }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'a VAR=value prefix becomes ENV', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["npm", "start"]\n`, 'package.json': PKG({ start: 'NODE_ENV=production node server.js' }) }, after: `${SLIM}ENV NODE_ENV=production\nCMD ["node", "server.js"]\n` },
  { name: 'an ENV value with blanks and $ is quoted so Docker reads it back as written', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["npm", "start"]\n`, 'package.json': PKG({ start: "GREETING='hi $USER' node server.js" }) }, after: `${SLIM}ENV GREETING="hi \\$USER"\nCMD ["node", "server.js"]\n` },
  { name: 'with `# escape=` the ENV value escapes with the backtick', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `# escape=\`\n${SLIM}CMD ["npm", "start"]\n`, 'package.json': PKG({ start: "GREETING='hi $USER' node server.js" }) }, after: `# escape=\`\n${SLIM}ENV GREETING="hi \`$USER"\nCMD ["node", "server.js"]\n` },
  { name: 'npm run x -- args: the arguments follow', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["npm", "run", "serve", "--", "--port", "3000"]\n`, 'package.json': PKG({ serve: 'node server.js' }) }, after: `${SLIM}CMD ["node", "server.js", "--port", "3000"]\n` },
  { name: 'exec in the yarn script is dropped', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["yarn", "start"]\n`, 'package.json': PKG({ start: 'exec node server.js' }) }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'shell-form npm run', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD npm run serve\n`, 'package.json': PKG({ serve: 'node server.js' }) }, after: `${SLIM}CMD ["node", "server.js"]\n` },
  { name: 'a tool from node_modules/.bin is named by that path', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}CMD ["npx", "serve-app"]\n`, 'package.json': PKG({}) }, after: `${SLIM}CMD ["node_modules/.bin/serve-app"]\n` },
  { name: 'an init in front stays', rule: 'package-manager-pid1', kind: 'suggestion', files: { Dockerfile: `${SLIM}RUN apt-get update && apt-get install -y tini\nENTRYPOINT ["tini", "-g", "--", "npm", "start"]\n`, 'package.json': PKG({ start: 'node server.js' }) }, after: `${SLIM}RUN apt-get update && apt-get install -y tini\nENTRYPOINT ["tini", "-g", "--", "node", "server.js"]\n` },
  { name: 'a script with && is more than one program: no suggestion', rule: 'package-manager-pid1', kind: 'none', files: { Dockerfile: `${SLIM}CMD ["npm", "start"]\n`, 'package.json': PKG({ start: 'node migrate.js && node server.js' }) } },
]);

table('exec-form-variable', [
  { name: 'CMD: a shell expands it and execs the program', rule: 'exec-form-variable', kind: 'suggestion', files: { Dockerfile: `${SLIM}ENV ENTRY=server.js\nCMD ["node", "$ENTRY"]\n` }, after: `${SLIM}ENV ENTRY=server.js\nCMD ["sh", "-c", "exec node \\"$ENTRY\\""]\n` },
  { name: 'ENTRYPOINT: the CMD still arrives, through "$@"', rule: 'exec-form-variable', kind: 'suggestion', files: { Dockerfile: `${SLIM}ENV PORT=3000\nENTRYPOINT ["node", "server.js", "--port=\${PORT}"]\n` }, after: `${SLIM}ENV PORT=3000\nENTRYPOINT ["sh", "-c", "exec node server.js \\"--port=\${PORT}\\" \\"$@\\"", "sh"]\n` },
]);

table('init-not-installed', [
  { name: 'the path apk installs', rule: 'init-not-installed', kind: 'fix', files: { Dockerfile: `${ALPINE}RUN apk add --no-cache tini\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n` }, after: `${ALPINE}RUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n` },
  { name: 'not installed on a Debian image: apt-get install right after FROM', rule: 'init-not-installed', kind: 'fix', files: { Dockerfile: `${SLIM}ENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n` }, after: `FROM node:22-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n` },
  { name: 'the release path /tini on Alpine: apk add and /sbin/tini', rule: 'init-not-installed', kind: 'fix', files: { Dockerfile: `${ALPINE}ENTRYPOINT ["/tini", "--"]\nCMD ["node", "server.js"]\n` }, after: `FROM node:22-alpine\nRUN apk add --no-cache tini\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n` },
  { name: 'installed in a builder stage: COPY --from it', rule: 'init-not-installed', kind: 'fix', files: { Dockerfile: `FROM node:22-slim AS build\nRUN apt-get update && apt-get install -y tini\n\n${SLIM}ENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n` }, after: `FROM node:22-slim AS build\nRUN apt-get update && apt-get install -y tini\n\nFROM node:22-slim\nCOPY --from=build /usr/bin/tini /usr/bin/tini\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n` },
  { name: 'from a stage of another distro: a suggestion (a dynamic binary may not run)', rule: 'init-not-installed', kind: 'suggestion', files: { Dockerfile: `FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y tini\n\n${ALPINE}ENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n` }, after: `FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y tini\n\nFROM node:22-alpine\nCOPY --from=build /usr/bin/tini /usr/bin/tini\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n` },
  { name: '/sbin/docker-init exists only with --init: install tini instead (suggestion)', rule: 'init-not-installed', kind: 'suggestion', files: { Dockerfile: `${SLIM}ENTRYPOINT ["/sbin/docker-init", "--"]\nCMD ["node", "server.js"]\n` }, after: `FROM node:22-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n` },
]);

table('invalid-stopsignal', [
  { name: 'a typo: the signal it looks like', rule: 'invalid-stopsignal', kind: 'suggestion', files: { Dockerfile: `${SLIM}STOPSIGNAL SIGQIUT\nCMD ["node", "server.js"]\n` }, after: `${SLIM}STOPSIGNAL SIGQUIT\nCMD ["node", "server.js"]\n` },
  { name: 'SIGKILL: SIGTERM, never automatically', rule: 'invalid-stopsignal', kind: 'suggestion', files: { Dockerfile: `${SLIM}STOPSIGNAL SIGKILL\nCMD ["node", "server.js"]\n` }, after: `${SLIM}STOPSIGNAL SIGTERM\nCMD ["node", "server.js"]\n` },
]);
