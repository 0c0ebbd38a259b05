import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeCommandString,
  analyzeScript,
  trapSignalName,
  parseShebang,
  programJob,
  quoteForShell,
  splitStaticWords,
} from '../../src/shell/analyze.js';
import type { ShellFeature } from '../../src/shell/analyze.js';

interface StringCase {
  text: string;
  main: (string | null)[] | null;
  exec?: boolean;
  tail: boolean;
  features: ShellFeature[];
}

/** Command strings as Docker shell form or `sh -c` would run them. */
const strings: StringCase[] = [
  { text: 'node app.js', main: ['node', 'app.js'], tail: true, features: [] },
  { text: 'exec node app.js', main: ['node', 'app.js'], exec: true, tail: true, features: [] },
  { text: 'NODE_ENV=production node dist/main.js', main: ['node', 'dist/main.js'], tail: true, features: ['assignment'] },
  { text: 'cd /app && node app.js', main: ['node', 'app.js'], tail: true, features: ['and'] },
  { text: 'echo hi; node app.js', main: ['node', 'app.js'], tail: true, features: ['sequence'] },
  { text: 'node app.js; echo done', main: ['node', 'app.js'], tail: false, features: ['sequence'] },
  { text: 'node app.js; exit 0', main: ['node', 'app.js'], tail: false, features: ['sequence'] },
  { text: 'node app.js | tee log', main: ['node', 'app.js'], tail: false, features: ['pipe'] },
  { text: 'node app.js &', main: ['node', 'app.js'], tail: false, features: ['background'] },
  { text: 'node app.js > /tmp/log 2>&1', main: ['node', 'app.js'], tail: true, features: ['redirect'] },
  {
    text: 'npm run migrate && exec node server.js', main: ['node', 'server.js'], exec: true, tail: true,
    features: ['and'],
  },
  { text: 'node app.js || echo failed', main: ['node', 'app.js'], tail: false, features: ['or'] },
  { text: 'a && node app.js || true', main: ['node', 'app.js'], tail: false, features: ['and', 'or'] },
  { text: 'false || node app.js && node b.js', main: ['node', 'b.js'], tail: true, features: ['and', 'or'] },
  {
    text: 'trap "exit 0" TERM; node app.js', main: ['node', 'app.js'], tail: false,
    features: ['sequence', 'quoting'],
  },
  { text: 'node $ENTRY', main: ['node', null], tail: true, features: ['variable'] },
  { text: 'node "${ENTRY:-dist/main.js}"', main: ['node', null], tail: true, features: ['variable', 'quoting'] },
  { text: 'node dist/*.js', main: ['node', 'dist/*.js'], tail: true, features: ['glob'] },
  { text: 'node $(cat entry)', main: ['node', null], tail: true, features: ['command-substitution'] },
  { text: 'node `cat entry`', main: ['node', null], tail: true, features: ['command-substitution'] },
  { text: 'node --max-old-space-size=$((2*1024)) a.js', main: ['node', null, 'a.js'], tail: true, features: ['arithmetic'] },
  { text: `node "a b.js" 'c d' e\\ f`, main: ['node', 'a b.js', 'c d', 'e f'], tail: true, features: ['quoting'] },
  { text: 'node ~/app.js', main: ['node', null], tail: true, features: ['tilde'] },
  { text: '! node app.js', main: ['node', 'app.js'], tail: false, features: ['negation'] },
  { text: '(node app.js)', main: [], tail: false, features: ['subshell'] },
  { text: '{ node app.js; }', main: [], tail: false, features: ['compound'] },
  { text: 'node app.js <<EOF\nx\nEOF', main: ['node', 'app.js'], tail: true, features: ['redirect', 'heredoc'] },
  { text: 'node app.js # start', main: ['node', 'app.js'], tail: true, features: ['comment'] },
  { text: 'exec node app.js; echo never', main: ['node', 'app.js'], exec: true, tail: false, features: ['sequence'] },
  { text: 'exec >/tmp/log 2>&1; node app.js', main: ['node', 'app.js'], tail: true, features: ['sequence', 'redirect'] },
  { text: 'exec -a app -- node app.js', main: ['node', 'app.js'], exec: true, tail: true, features: [] },
  { text: 'f() { node app.js; }; f', main: ['f'], tail: false, features: ['sequence', 'compound'] },
  { text: 'cd /app\r\nnode app.js\r\n', main: ['node', 'app.js'], tail: true, features: ['sequence'] },
  { text: '', main: null, tail: false, features: [] },
  { text: '# only a comment', main: null, tail: false, features: ['comment'] },
  { text: 'echo done', main: ['echo', 'done'], tail: false, features: [] },
  { text: 'node app.js && echo done', main: ['node', 'app.js'], tail: false, features: ['and'] },
  { text: 'node app.js & wait', main: ['wait'], tail: false, features: ['background'] },
  { text: 'exec echo hi', main: ['echo', 'hi'], exec: true, tail: true, features: [] },
];

describe('analyzeCommandString', () => {
  for (const c of strings) {
    test(JSON.stringify(c.text), () => {
      const facts = analyzeCommandString(c.text);
      assert.equal(facts.ok, true);
      assert.deepEqual(facts.main?.argv ?? null, c.main);
      assert.equal(facts.main?.exec ?? false, c.exec ?? false);
      assert.equal(facts.mainInTailPosition, c.tail);
      assert.deepEqual([...facts.features].sort(), [...c.features].sort());
    });
  }

  test('commands list: joiners, placement, compound entries', () => {
    const facts = analyzeCommandString('cd /app && A=1 node a.js | tee log & (b) ; exec c\nd');
    assert.deepEqual(
      facts.commands.map((c) => [c.argv, c.next, c.background, c.inPipeline, c.compound, c.exec]),
      [
        [['cd', '/app'], '&&', true, false, false, false],
        [['node', 'a.js'], '|', true, true, false, false],
        [['tee', 'log'], '&', true, true, false, false],
        [[], ';', false, false, true, false],
        [['c'], ';', false, false, false, true],
        [['d'], null, false, false, false, false],
      ],
    );
    assert.deepEqual(facts.commands[1]?.assignments, [{ name: 'A', value: '1' }]);
    assert.equal(facts.main?.argv[0], 'c');
  });

  test('positions point into the text', () => {
    const text = 'cd /app && exec node app.js > log';
    const main = analyzeCommandString(text).main;
    assert.equal(text.slice(main?.start, main?.end), 'exec node app.js > log');
    assert.equal(main?.redirects, true);
    assert.deepEqual(main?.words.map((w) => w.raw), ['node', 'app.js']);
    assert.equal(main?.line, 1);
  });

  test('redirect-only exec does not replace the shell', () => {
    const [cmd] = analyzeCommandString('exec 2>&1').commands;
    assert.deepEqual([cmd?.exec, cmd?.argv], [false, ['exec']]);
  });

  test('traps: signals, actions, lines; tail false after a trap', () => {
    const facts = analyzeCommandString(
      "trap 'kill -TERM $pid' TERM INT\ntrap - SIGTERM\ntrap '' 15 sigusr2\ntrap 2\ntrap -l\ntrap -- 'x' EXIT\nnode a.js",
    );
    assert.deepEqual(
      facts.traps.map((t) => [t.signals, t.action, t.line]),
      [
        [['TERM', 'INT'], 'kill -TERM $pid', 1],
        [['TERM'], '-', 2],
        [['TERM', 'USR2'], '', 3],
        [['INT'], '-', 4],
        [['EXIT'], 'x', 6],
      ],
    );
    assert.equal(facts.mainInTailPosition, false);
  });

  test('traps inside compound commands count', () => {
    const facts = analyzeCommandString('if true; then trap "exit" TERM; fi; node a.js');
    assert.deepEqual(facts.traps.map((t) => t.signals), [['TERM']]);
    assert.equal(facts.mainInTailPosition, false);
  });

  test('a trap inside a command substitution runs in a subshell and is not counted', () => {
    const facts = analyzeCommandString('x=$(trap "" TERM; echo); node a.js');
    assert.deepEqual([facts.traps, facts.mainInTailPosition], [[], true]);
  });

  test('unterminated quote: ok false, errors, no throw', () => {
    const facts = analyzeCommandString('node "app.js');
    assert.equal(facts.ok, false);
    assert.match(facts.errors[0]?.message ?? '', /unterminated double quote/);
  });

  test('garbage never throws', () => {
    for (const text of [')', ';;', '&&', '|', '((((', '$(', '`', '"', "'", '\\', 'fi', 'case', 'for', '<<', '\0']) {
      const facts = analyzeCommandString(text);
      assert.equal(typeof facts.ok, 'boolean');
    }
  });

  test('trapSignalName', () => {
    assert.deepEqual(['SIGTERM', 'term', '15', '0', 'sigint', 'HUP', '99'].map(trapSignalName), [
      'TERM', 'TERM', 'TERM', 'EXIT', 'INT', 'HUP', '99',
    ]);
  });
});

describe('analyzeScript', () => {
  test('docker-entrypoint style: prepend node when the first argument is not a command, then exec "$@"', () => {
    const script = [
      '#!/bin/sh',
      'set -e',
      '',
      '# first arg is `-f` or `--some-option`, or a file that is not an executable',
      'if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then',
      '  set -- node "$@"',
      'fi',
      '',
      'exec "$@"',
      '',
    ].join('\n');
    const facts = analyzeScript(script);
    assert.equal(facts.ok, true);
    assert.deepEqual(facts.shebang, { interpreter: 'sh', path: '/bin/sh', args: [], viaEnv: false, line: 1 });
    assert.equal(facts.execsArguments, true);
    assert.equal(facts.final?.exec, true);
    assert.equal(facts.final?.line, 9);
    assert.deepEqual(facts.prependsToArguments, [['node']]);
    assert.equal(facts.errexit, true);
    assert.equal(facts.mainInTailPosition, false);
  });

  test('set -e, a migration, then exec "$@"', () => {
    const facts = analyzeScript('#!/bin/sh\nset -e\nnpm run migrate\nexec "$@"');
    assert.deepEqual([facts.execsArguments, facts.errexit, facts.final?.exec], [true, true, true]);
    assert.deepEqual(facts.final?.words.map((w) => w.raw), ['"$@"']);
  });

  for (const form of ['exec "${@}"', 'exec $@', 'exec -- "$@"']) {
    test(`${form} hands PID 1 to the arguments`, () => {
      assert.equal(analyzeScript(`#!/bin/sh\n${form}\n`).execsArguments, true);
    });
  }

  test('exec "$1" or exec "$@" in a subshell does not count', () => {
    assert.equal(analyzeScript('#!/bin/sh\nexec "$1"').execsArguments, false);
    assert.equal(analyzeScript('#!/bin/sh\n(exec "$@")').execsArguments, false);
    assert.equal(analyzeScript('#!/bin/sh\nexec "$@" &\nwait').execsArguments, false);
  });

  test('a bash script ending in a plain command does not exec', () => {
    const facts = analyzeScript('#!/bin/bash\nnode app.js\n');
    assert.deepEqual([facts.final?.argv, facts.final?.exec, facts.execsArguments], [['node', 'app.js'], false, false]);
    assert.equal(facts.shebang?.interpreter, 'bash');
  });

  test('trailing exit and echo are skipped', () => {
    const facts = analyzeScript('#!/bin/sh\nnode app.js\necho "stopped"\nexit 0\n');
    assert.deepEqual(facts.final?.argv, ['node', 'app.js']);
  });

  test('a guard that exits early does not end the flow', () => {
    const facts = analyzeScript('#!/bin/sh\n[ -n "$APP" ] || exit 1\ntest -f x && exit 2\nexec node "$APP"');
    assert.deepEqual([facts.final?.argv, facts.final?.exec], [['node', null], true]);
  });

  test('an unconditional exec ends the flow', () => {
    const facts = analyzeScript('#!/bin/sh\nexec node a.js\nnode b.js\n');
    assert.deepEqual([facts.final?.argv, facts.final?.exec], [['node', 'a.js'], true]);
  });

  test('background job, trap that forwards, wait', () => {
    const facts = analyzeScript("#!/bin/sh\nnode app.js & pid=$!\ntrap 'kill -TERM $pid' TERM\nwait $pid\n");
    assert.equal(facts.waitsForBackground, true);
    assert.deepEqual(facts.traps.map((t) => [t.signals, t.action, t.line]), [[['TERM'], 'kill -TERM $pid', 3]]);
    assert.deepEqual(facts.final?.argv, ['wait', null]);
    assert.equal(facts.execsArguments, false);
  });

  test('wait without a background job, or a job without wait', () => {
    assert.equal(analyzeScript('#!/bin/sh\nwait\nnode a.js &').waitsForBackground, false);
    assert.equal(analyzeScript('#!/bin/sh\nnode a.js &\nsleep 1').waitsForBackground, false);
    assert.equal(analyzeScript('#!/bin/sh\nnode a.js &\nwait').waitsForBackground, true);
    const loop = '#!/bin/sh\nnode a.js &\npid=$!\nwhile kill -0 "$pid"; do wait "$pid"; done\n';
    assert.equal(analyzeScript(loop).waitsForBackground, true);
  });

  test('env -S shebang with -e', () => {
    const facts = analyzeScript('#!/usr/bin/env -S bash -e\nnode app.js\n');
    assert.deepEqual(facts.shebang, { interpreter: 'bash', path: 'bash', args: ['-e'], viaEnv: true, line: 1 });
    assert.equal(facts.errexit, true);
  });

  test('shebang forms', () => {
    assert.deepEqual(parseShebang('#!/usr/bin/env bash\r\n'), {
      interpreter: 'bash', path: 'bash', args: [], viaEnv: true, line: 1,
    });
    assert.deepEqual(parseShebang('#! /bin/sh -eu\n'), {
      interpreter: 'sh', path: '/bin/sh', args: ['-eu'], viaEnv: false, line: 1,
    });
    assert.equal(parseShebang('#!/usr/bin/env -i NODE_ENV=production -u X node\n')?.interpreter, 'node');
    assert.equal(parseShebang('#!/usr/bin/env -Sbash -x\n')?.interpreter, 'bash');
    assert.equal(parseShebang('#!/usr/bin/env\n')?.interpreter, 'env');
    assert.equal(parseShebang('echo hi\n'), null);
    assert.equal(parseShebang('#!\n'), null);
  });

  test('errexit: set forms, later set +e, shebang', () => {
    const cases: [string, boolean][] = [
      ['#!/bin/sh\nset -euo pipefail\n', true],
      ['#!/bin/sh\nset -o errexit\n', true],
      ['#!/bin/sh\nset -e\nset +e\n', false],
      ['#!/bin/sh -e\n', true],
      ['#!/bin/bash -ex\nset +o errexit\n', false],
      ['#!/bin/sh\nset -- -e\n', false],
      ['#!/bin/sh\nset -x\n', false],
    ];
    for (const [script, errexit] of cases) assert.equal(analyzeScript(script).errexit, errexit, script);
  });

  test('final if/else whose branches both exec', () => {
    const facts = analyzeScript(
      '#!/bin/sh\nif [ "$1" = worker ]; then\n  exec node worker.js\nelse\n  exec node server.js\nfi\n',
    );
    assert.equal(facts.final?.exec, true);
    assert.deepEqual(facts.final?.argv, ['node', 'server.js']);
    assert.deepEqual(facts.final?.alternatives?.map((a) => a?.argv), [['node', 'worker.js'], ['node', 'server.js']]);
    assert.equal(facts.execsArguments, false);
  });

  test('final if without else, or with a branch that does not exec', () => {
    const noElse = analyzeScript('#!/bin/sh\nif [ -n "$X" ]; then exec node a.js; fi\n');
    assert.deepEqual([noElse.final?.exec, noElse.final?.compound], [false, true]);
    assert.deepEqual(noElse.final?.alternatives?.map((a) => a?.argv ?? null), [['node', 'a.js'], null]);
    const mixed = analyzeScript('#!/bin/sh\nif x; then exec node a.js; else node b.js; fi\n');
    assert.equal(mixed.final?.exec, false);
  });

  test('final case whose every branch execs "$@"', () => {
    const facts = analyzeScript(
      '#!/bin/sh\ncase "$1" in\n  -*) set -- node "$@"; exec "$@" ;;\n  *) exec "$@" ;;\nesac\n',
    );
    assert.deepEqual([facts.final?.exec, facts.execsArguments], [true, true]);
    assert.deepEqual(facts.prependsToArguments, [['node']]);
  });

  test('final case without a catch-all does not always exec', () => {
    const facts = analyzeScript('#!/bin/sh\ncase "$1" in\n  web) exec node web.js ;;\nesac\n');
    assert.equal(facts.final?.exec, false);
  });

  test('heredocs inside scripts are skipped', () => {
    const facts = analyzeScript(
      '#!/bin/sh\ncat > /app/config.json <<EOF\n{ "port": "$PORT" }\nexec not-a-command\nEOF\ncat <<-\'X\'\n\tfi done )\n\tX\nexec "$@"\n',
    );
    assert.equal(facts.ok, true);
    assert.equal(facts.execsArguments, true);
    assert.equal(facts.final?.line, 9);
    assert.ok(facts.features.has('heredoc'));
  });

  test('function defined, then called: resolved to the body', () => {
    const facts = analyzeScript('#!/bin/sh\nmain() { exec node app.js; }; main "$@"\n');
    assert.deepEqual([facts.final?.argv, facts.final?.exec], [['node', 'app.js'], true]);
    assert.deepEqual(facts.final?.calledVia?.argv, ['main', null]);
    assert.equal(facts.final?.calledVia?.callsFunction, true);
  });

  test('function forwarding "$@" through the call', () => {
    assert.equal(analyzeScript('#!/bin/sh\nrun() {\n  exec "$@"\n}\nrun "$@"\n').execsArguments, true);
    assert.equal(analyzeScript('#!/bin/sh\nrun() { exec "$@"; }\nrun node a.js\n').execsArguments, false);
  });

  test('function that does not exec, recursive function, function with a loop', () => {
    const plain = analyzeScript('#!/bin/sh\nstart() { npm run migrate; node app.js; }\nstart\n');
    assert.deepEqual([plain.final?.argv, plain.final?.exec, plain.final?.calledVia?.argv], [['node', 'app.js'], false, ['start']]);
    const recursive = analyzeScript('#!/bin/sh\nf() { f; }\nf\n');
    assert.deepEqual(recursive.final?.argv, ['f']);
    const loop = analyzeScript('#!/bin/sh\nf() { while true; do sleep 1; done; }\nf\n');
    assert.deepEqual([loop.final?.argv, loop.final?.calledVia], [['f'], undefined]);
  });

  test('final group is looked into; a final loop is not', () => {
    assert.deepEqual(analyzeScript('#!/bin/sh\n{ cd /app; exec node a.js; }\n').final?.argv, ['node', 'a.js']);
    const loop = analyzeScript('#!/bin/sh\ntrap "exit 0" TERM\nwhile true; do sleep 1; done\n');
    assert.deepEqual([loop.final?.compound, loop.final?.node.type], [true, 'while']);
  });

  test('a script without shebang, and an empty one', () => {
    assert.equal(analyzeScript('exec "$@"').shebang, null);
    const empty = analyzeScript('');
    assert.deepEqual([empty.final, empty.execsArguments, empty.main], [null, false, null]);
  });

  test('CRLF script', () => {
    const facts = analyzeScript('#!/bin/sh\r\nset -e\r\nexec "$@"\r\n');
    assert.deepEqual([facts.ok, facts.execsArguments, facts.errexit, facts.shebang?.path], [true, true, true, '/bin/sh']);
  });

  test('10,000-line script completes', () => {
    const lines = ['#!/bin/bash', 'set -e'];
    for (let i = 0; i < 10_000; i++) lines.push(`[ -n "$V${i}" ] && echo "${i}" | tee -a /tmp/log > /dev/null`);
    lines.push('exec node server.js');
    const facts = analyzeScript(lines.join('\n'));
    assert.equal(facts.ok, true);
    assert.deepEqual(facts.final?.argv, ['node', 'server.js']);
  });

  test('a 1 MB line of ( is an error, not a crash', () => {
    const facts = analyzeScript(`#!/bin/sh\n${'('.repeat(1_000_000)}`);
    assert.equal(facts.ok, false);
    assert.match(facts.errors[0]?.message ?? '', /nesting deeper than/);
  });
});

describe('helpers', () => {
  test('quoteForShell', () => {
    const cases: [string, string][] = [
      ['node', 'node'],
      ['dist/main.js', 'dist/main.js'],
      ['--max-old-space-size=4096', '--max-old-space-size=4096'],
      ['', "''"],
      ['a b', "'a b'"],
      ["it's", "'it'\\''s'"],
      ['$HOME', "'$HOME'"],
      ['*.js', "'*.js'"],
      ['~', "'~'"],
      ['NODE_ENV=production', "'NODE_ENV=production'"],
      ['a\nb', "'a\nb'"],
    ];
    for (const [arg, quoted] of cases) assert.equal(quoteForShell(arg), quoted);
  });

  test('quoteForShell round-trips through the parser', () => {
    const args = ['node', 'a b', "it's", '$x', '"q"', '\\', '*', 'A=1', '', '#', ';&|', '$(x)', '`x`', '~'];
    const text = args.map(quoteForShell).join(' ');
    assert.deepEqual(splitStaticWords(text), args);
  });

  test('splitStaticWords', () => {
    assert.deepEqual(splitStaticWords(`node "a b.js" 'c d' e\\ f`), ['node', 'a b.js', 'c d', 'e f']);
    assert.deepEqual(splitStaticWords('exec node app.js'), ['exec', 'node', 'app.js']);
    for (const text of ['node $X', 'a && b', 'a > f', 'A=1 node', 'node *.js', 'node ~/a', 'a &', 'a; b', '', 'node "x']) {
      assert.equal(splitStaticWords(text), null, text);
    }
  });
});

describe('programJob: the background job that is the program', () => {
  const pick = (text: string) => programJob(analyzeScript(text).commands, text)?.argv.join(' ');
  test('the job whose $! a top-level wait names', () => {
    assert.equal(pick('nginx &\nNGINX=$!\nredis-server &\nREDIS=$!\napp-server &\nAPP_PID=$!\nwait "$APP_PID"\n'), 'app-server');
  });
  test('else the first job that runs Node or a package manager', () => {
    assert.equal(pick('nginx -g "daemon off;" &\n/usr/local/bin/node server.js &\nwait\n'), '/usr/local/bin/node server.js');
  });
  test('else the first job; one job is that job', () => {
    assert.equal(pick('nginx &\ncaddy run &\nwait\n'), 'nginx');
    assert.equal(pick('node a.js &\nwait $!\n'), 'node a.js');
    assert.equal(pick('echo hi\n'), undefined);
  });
});
