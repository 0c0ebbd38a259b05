import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_COMMANDS, MAX_DEPTH, MAX_WORDS, parseShell } from '../../src/shell/parse.js';
import type { AndOr, Command, Compound, List, Redirect, SimpleCommand, Word } from '../../src/shell/parse.js';

// A compact text form of the AST, so the shape tests below can be tables of input → expected shape.
/** Static words print as their value, in ‹› when quoting changed them; dynamic words print as {raw}. */
function renderWord(w: Word): string {
  if (w.value === null) return `{${w.raw}}`;
  return w.value === w.raw ? w.value : `‹${w.value}›`;
}

function renderRedirect(r: Redirect): string {
  const fd = r.fd === null ? '' : String(r.fd);
  if (r.heredoc !== undefined) return `${fd}${r.op}${r.heredoc.delimiter}[${r.heredoc.body}]`;
  return `${fd}${r.op}${r.target === null ? '?' : renderWord(r.target)}`;
}

function renderCommand(c: Command): string {
  const redirects = c.redirects.map((r) => ` ${renderRedirect(r)}`).join('');
  if (c.type === 'simple') {
    const parts = [
      ...c.assignments.map((a) => `${a.name}=${renderWord(a.value)}`),
      ...c.words.map(renderWord),
    ];
    return parts.join(' ') + (parts.length > 0 ? redirects : redirects.trimStart());
  }
  let head: string = c.type;
  if (c.name !== undefined) head += `:${c.name}`;
  if (c.type === 'case') {
    const subject = c.words?.[0];
    const items = (c.items ?? []).map((it) => `(${it.patterns.map(renderWord).join('|')}: ${renderList(it.body)})`);
    return `case[${subject === undefined ? '' : renderWord(subject)}]${items.join('')}${redirects}`;
  }
  if (c.words !== undefined) head += c.words === null ? '[]' : `[${c.words.map(renderWord).join(' ')}]`;
  if (c.type === 'function' && c.command !== undefined) return `${head} ${renderCommand(c.command)}`;
  return `${head}${c.body.map((l) => `(${renderList(l)})`).join('')}${redirects}`;
}

function renderAndOr(item: AndOr): string {
  const pipeline = (p: AndOr['first']): string => (p.negated ? '! ' : '') + p.commands.map(renderCommand).join(' | ');
  return [pipeline(item.first), ...item.rest.map((r) => `${r.op} ${pipeline(r.pipeline)}`)].join(' ');
}

function renderList(list: List): string {
  return list.items.map((item) => renderAndOr(item) + (item.background ? ' &' : '')).join(' ; ');
}

/** The first command of the first pipeline, asserted to be simple. */
function firstSimple(text: string): SimpleCommand {
  const cmd = parseShell(text).list.items[0]?.first.commands[0];
  assert.ok(cmd !== undefined && cmd.type === 'simple', `no simple command in ${JSON.stringify(text)}`);
  return cmd;
}

function firstCompound(text: string): Compound {
  const cmd = parseShell(text).list.items[0]?.first.commands[0];
  assert.ok(cmd !== undefined && cmd.type !== 'simple', `no compound command in ${JSON.stringify(text)}`);
  return cmd;
}

function words(text: string): Word[] {
  return firstSimple(text).words;
}

/** Input → rendered AST (see render.ts); every case must parse without errors. */
const shapes: [string, string][] = [
  // words and quoting
  ['node app.js', 'node app.js'],
  [`node "a b.js" 'c d' e\\ f`, 'node ‹a b.js› ‹c d› ‹e f›'],
  [`a"b"'c'd`, '‹abcd›'],
  [`"a\\"b" "\\$x" "a\\qb" 'x\\y'`, '‹a"b› ‹$x› ‹a\\qb› ‹x\\y›'],
  ['""', '‹›'],
  ['echo a#b', 'echo a#b'],
  ['echo a # comment ) (', 'echo a'],
  ['echo $ "$"', 'echo $ ‹$›'],
  ["echo $'a\\tb\\x41\\101'", 'echo ‹a\tbAA›'],
  ['echo $"hi"', 'echo ‹hi›'],
  // line continuations
  ['node \\\napp.js', 'node app.js'],
  ['no\\\nde app.js', '‹node› app.js'],
  ['"a\\\nb"', '‹ab›'],
  // expansions
  ['node $ENTRY', 'node {$ENTRY}'],
  ['node "${ENTRY:-dist/main.js}"', 'node {"${ENTRY:-dist/main.js}"}'],
  ['echo ${a:-${b:-"}"}}', 'echo {${a:-${b:-"}"}}}'],
  ['node $(cat entry)', 'node {$(cat entry)}'],
  ['echo $(echo $(echo "a)b"))', 'echo {$(echo $(echo "a)b"))}'],
  ['echo $(case x in a) echo ")";; esac) done', 'echo {$(case x in a) echo ")";; esac)} done'],
  ['echo `echo \\`date\\``', 'echo {`echo \\`date\\``}'],
  ['echo $((1 + (2 * 3))) $((x))', 'echo {$((1 + (2 * 3)))} {$((x))}'],
  ['echo $((echo a) )', 'echo {$((echo a) )}'],
  ['diff <(a) >(b)', 'diff {<(a)} {>(b)}'],
  ['echo "$@" $# $? $1 $$ $! ${#x}', 'echo {"$@"} {$#} {$?} {$1} {$$} {$!} {${#x}}'],
  ['echo ~ ~/x a~', 'echo {~} {~/x} a~'],
  // assignments
  ['NODE_ENV=production node dist/main.js', 'NODE_ENV=production node dist/main.js'],
  ['A=1 B="x y" C= cmd D=2', 'A=1 B=‹x y› C= cmd D=2'],
  ['x+=1', 'x=1'],
  ['arr=(1 "2 3") cmd', 'arr={(1 "2 3")} cmd'],
  ['PATH=~/bin:$PATH', 'PATH={~/bin:$PATH}'],
  // operators
  ['a; b', 'a ; b'],
  ['a\nb\n\nc', 'a ; b ; c'],
  ['a & b', 'a & ; b'],
  ['a && b || c &', 'a && b || c &'],
  ['a |\n b | c', 'a | b | c'],
  ['a &&\n\n b', 'a && b'],
  ['! a | b', '! a | b'],
  ['a |& b', 'a | b'],
  // redirections
  ['node app.js > /tmp/log 2>&1', 'node app.js >/tmp/log 2>&1'],
  ['a >> f < g <> h >| i 3<&0 2>&-', 'a >>f <g <>h >|i 3<&0 2>&-'],
  ['a &> f &>> g <<< "word"', 'a &>f &>>g <<<‹word›'],
  ['> f', '>f'],
  ['2>x a 1>y', 'a 2>x 1>y'],
  ['echo a2>x', 'echo a2 >x'],
  // heredocs
  ['cat <<EOF\nhello $x\nEOF\necho after', 'cat <<EOF[hello $x\n] ; echo after'],
  ['cat <<-EOF\n\tx\n\tEOF\necho y', 'cat <<-EOF[\tx\n] ; echo y'],
  ["cat <<'E O' | grep x\n$(not parsed\nE O\necho z", 'cat <<E O[$(not parsed\n] | grep x ; echo z'],
  ['cat <<"EOF"\nEOFX\nEOF', 'cat <<EOF[EOFX\n]'],
  ['cat <<A <<B\na\nA\nb\nB\necho c', 'cat <<A[a\n] <<B[b\n] ; echo c'],
  ['cat <<EOF\nunterminated', 'cat <<EOF[unterminated]'],
  ['x=$(cat <<EOF\n)\nEOF\n)', 'x={$(cat <<EOF\n)\nEOF\n)}'],
  // compound commands
  ['(cd /app; node app.js)', 'subshell(cd /app ; node app.js)'],
  ['{ a; b; } > log', 'group(a ; b) >log'],
  ['if a; then b; elif c; then d; else e; fi', 'if(a)(b)(c)(d)(e)'],
  ['if a\nthen\n  b\nfi', 'if(a)(b)'],
  ['while a; do b; done < f', 'while(a)(b) <f'],
  ['until a; do b; done', 'until(a)(b)'],
  ['for x in a "b c" $d; do e; done', 'for:x[a ‹b c› {$d}](e)'],
  ['for x; do e; done', 'for:x[](e)'],
  ['for x\ndo e; done', 'for:x[](e)'],
  ['for ((i = 0; i < 3; i++)); do e; done', 'for[{((i = 0; i < 3; i++))}](e)'],
  ['select x in a b; do e; done', 'for:x[a b](e)'],
  ['case $1 in a|b) c;; (d) e; f;; *) ;; esac', 'case[{$1}](a|b: c)(d: e ; f)(*: )'],
  ['case x in\n  a) b ;&\n  c) d ;;&\n  e) f\nesac', 'case[x](a: b)(c: d)(e: f)'],
  ['case x in esac', 'case[x]'],
  ['main() { exec node app.js; }; main "$@"', 'function:main group(exec node app.js) ; main {"$@"}'],
  ['function f { a; }', 'function:f group(a)'],
  ['function f() ( a )', 'function:f subshell(a)'],
  ['f ()\n{\n  a\n}', 'function:f group(a)'],
  ['[[ $a == b && ( -f x || y < z ) ]] && c', '[[ {$a} == b && ( -f x || y < z ) ]] && c'],
  ['(( i++ )) || x', '{(( i++ ))} || x'],
  ['((a) )', 'subshell(subshell(a))'],
  ['! { a; }', '! group(a)'],
  ['a | while read l; do b; done', 'a | while(read l)(b)'],
  ['if a; then :; fi & wait', 'if(a)(:) & ; wait'],
  // reserved words only count in command position
  ['echo if then fi done }', 'echo if then fi done }'],
  // CRLF
  ['cd /app\r\nnode app.js\r\n', 'cd /app ; node app.js'],
  ['if a; then\r\n  b\r\nfi\r\n', 'if(a)(b)'],
  ['node \\\r\n  app.js', 'node app.js'],
  ['cat <<EOF\r\nx\r\nEOF\r\necho y\r\n', 'cat <<EOF[x\r\n] ; echo y'],
  // comments
  ['#!/bin/sh\n# a comment\nnode app.js # trailing', 'node app.js'],
];

describe('parseShell: shapes', () => {
  for (const [input, expected] of shapes) {
    test(JSON.stringify(input), () => {
      const result = parseShell(input);
      assert.deepEqual(result.errors, []);
      assert.equal(renderList(result.list), expected);
    });
  }
});

describe('parseShell: word flags', () => {
  test('static, quoted and dynamic words', () => {
    const [node, ab, cd, ef] = words(`node "a b.js" 'c d' e\\ f`);
    assert.deepEqual(
      [node, ab, cd, ef].map((w) => [w?.value, w?.quoted, w?.expansions]),
      [['node', false, false], ['a b.js', true, false], ['c d', true, false], ['e f', true, false]],
    );
  });
  test('expansion kinds', () => {
    const [, p, s, b, a] = words('x $A $(b) `c` $((1))');
    assert.deepEqual([p?.parameter, p?.substitution, p?.value], [true, false, null]);
    assert.deepEqual([s?.substitution, s?.parameter], [true, false]);
    assert.equal(b?.substitution, true);
    assert.deepEqual([a?.arithmetic, a?.expansions], [true, true]);
  });
  test('single quotes keep $ static', () => {
    const [, w] = words("echo '$HOME'");
    assert.deepEqual([w?.value, w?.expansions], ['$HOME', false]);
  });
  test('globs: unquoted * ? and [..] only', () => {
    const flags = words('node dist/*.js a? [ab] "*" \\* [ x=[a]').map((w) => w.glob);
    assert.deepEqual(flags, [false, true, true, true, false, false, false, true]);
  });
  test('assignment values and case patterns are not globs', () => {
    assert.equal(firstSimple('A=* cmd').assignments[0]?.value.glob, false);
    const item = firstCompound('case x in *) ;; esac').items?.[0];
    assert.equal(item?.patterns[0]?.glob, false);
  });
  test('tilde', () => {
    const [, home, sub, mid] = words('ls ~ ~/x a~');
    assert.deepEqual([home?.tilde, home?.value, sub?.tilde, mid?.tilde, mid?.value], [true, null, true, false, 'a~']);
  });
});

describe('parseShell: positions and lines', () => {
  test('word and command offsets are [start, end)', () => {
    const text = 'cd /app && NODE_ENV=prod node "a b.js" > log';
    const item = parseShell(text).list.items[0];
    const second = item?.rest[0]?.pipeline.commands[0];
    assert.ok(second?.type === 'simple');
    assert.equal(text.slice(second.start, second.end), 'NODE_ENV=prod node "a b.js" > log');
    const assignment = second.assignments[0];
    assert.equal(text.slice(assignment?.start, assignment?.end), 'NODE_ENV=prod');
    assert.equal(text.slice(assignment?.value.start, assignment?.value.end), 'prod');
    const word = second.words[1];
    assert.equal(text.slice(word?.start, word?.end), '"a b.js"');
    assert.equal(word?.raw, '"a b.js"');
    const redirect = second.redirects[0];
    assert.equal(text.slice(redirect?.start, redirect?.end), '> log');
    assert.equal(item?.end, text.length);
  });
  test('1-based lines, heredoc bodies and continuations counted', () => {
    const text = '#!/bin/sh\ncat <<EOF\n1\n2\nEOF\nnode \\\n  a.js\nif x; then\n  exec y\nfi\n';
    const items = parseShell(text).list.items;
    assert.deepEqual(items.map((i) => i.line), [2, 6, 8]);
    const inner = items[2]?.first.commands[0];
    assert.ok(inner !== undefined && inner.type === 'if');
    const then = inner.branches?.[0]?.items[0];
    assert.equal(then?.line, 9);
    assert.equal(text.slice(inner.start, inner.end), 'if x; then\n  exec y\nfi');
  });
  test('CRLF gives the same lines as LF', () => {
    const lf = parseShell('a\nb\nc').list.items.map((i) => i.line);
    const crlf = parseShell('a\r\nb\r\nc').list.items.map((i) => i.line);
    assert.deepEqual(crlf, lf);
  });
  test('comments are recorded', () => {
    const text = '#!/bin/sh\nnode app.js # why\r\n';
    const comments = parseShell(text).comments.map((c) => [text.slice(c.start, c.end), c.line]);
    assert.deepEqual(comments, [['#!/bin/sh', 1], ['# why', 2]]);
  });
  test('compound structure: conditions, branches, else', () => {
    const ifs = firstCompound('if a; then b; elif c; then d; fi');
    assert.deepEqual([ifs.conditions?.length, ifs.branches?.length, ifs.hasElse, ifs.body.length], [2, 2, false, 4]);
    const fn = firstCompound('f() { a; } 2>&1');
    assert.equal(fn.name, 'f');
    assert.equal(fn.command?.type, 'group');
    assert.equal(fn.command?.redirects[0]?.op, '>&');
    assert.equal(fn.body, fn.command?.body);
  });
  test('heredoc details', () => {
    const redirect = firstSimple("cat <<-'END'\n\tbody\n\tEND\n").redirects[0];
    assert.deepEqual(redirect?.heredoc, { delimiter: 'END', quoted: true, stripTabs: true, body: '\tbody\n' });
    assert.equal(redirect?.target?.raw, "'END'");
  });
});

describe('parseShell: errors come back as data', () => {
  const broken: [string, RegExp][] = [
    ["echo 'unterminated", /unterminated single quote/],
    ['echo "unterminated', /unterminated double quote/],
    ['echo `x', /unterminated backquote/],
    ['echo $(x', /unterminated '\$\('/],
    ['echo ${x', /unterminated '\$\{'/],
    ['echo $((1 + 2', /unterminated '\$\(\('/],
    ['if a; then b', /expected 'fi' for 'if' from line 1/],
    ['if a; b; fi', /unexpected 'fi'/],
    ['{a; }', /unexpected '}'/],
    ['while a; do b', /expected 'done'/],
    ['for x in a b; c; done', /expected 'do'/],
    ['case x in a) b', /expected 'esac'/],
    ['case x a) b;; esac', /expected 'in'/],
    ['{ a', /expected '}'/],
    ['(a', /expected '\)'/],
    ['a )', /unexpected '\)'/],
    ['fi', /unexpected 'fi'/],
    ['a ;; b', /unexpected ';;'/],
    ['a &&', /expected a command after '&&'/],
    ['a |', /expected a command after '\|'/],
    ['a > ', /expected a word after '>'/],
    ['[[ a', /expected '\]\]'/],
    ['f() echo', /compound command/],
    ['{ a } b', /expected '}'/],
    ['( )', /expected a command in '\( \)'/],
    ['f() { }', /expected a command in '\{ \}'/],
    ['if then fi', /expected a command in the 'if' condition/],
    ['while a; do done', /expected a command in 'do … done'/],
    ['in', /unexpected 'in'/],
  ];
  for (const [input, message] of broken) {
    test(JSON.stringify(input), () => {
      const { errors } = parseShell(input);
      assert.ok(errors.length > 0, 'expected an error');
      assert.match(errors[0]?.message ?? '', message);
      assert.ok((errors[0]?.line ?? 0) >= 1);
    });
  }
  test('error line and offset', () => {
    const { errors } = parseShell("a\nb\necho 'x");
    assert.deepEqual(errors, [{ message: 'unterminated single quote', offset: 9, line: 3 }]);
  });
  test('what parses before an error is kept', () => {
    const { list } = parseShell('cd /app\nnode app.js\necho "oops');
    assert.equal(list.items.length, 3);
  });
  test('non-string input does not throw', () => {
    const result = parseShell(undefined as unknown as string);
    assert.deepEqual(result.list.items, []);
  });
});

describe('parseShell: random input', () => {
  // A small, seeded version of the fuzzing pass: no throw, and every range points at its own text.
  const atoms = [
    'a', ' ', '\n', '\r\n', ';', '&', '|', '(', ')', '{ ', ' }', '$', '"', "'", '`', '\\', '#', '<', '>', '<<E', '\nE\n',
    '$(', '${', '$((', '))', 'if ', 'then ', 'fi', 'do ', 'done', 'case ', ' in ', 'esac', 'for ', ';;', '! ', '*', '[[',
    ']]', 'x=', '~', '2>&1', 'exec ', 'f()', '&&', '\\\n',
  ];
  let seed = 12345;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  test('3,000 random strings', () => {
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = random(30); k >= 0; k--) text += atoms[random(atoms.length)];
      const { list } = parseShell(text);
      const checkWord = (w: Word): void => assert.equal(text.slice(w.start, w.end), w.raw, JSON.stringify(text));
      const checkList = (l: List): void => {
        for (const item of l.items) {
          for (const p of [item.first, ...item.rest.map((r) => r.pipeline)]) {
            for (const c of p.commands) {
              assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length, JSON.stringify(text));
              for (const r of c.redirects) if (r.target !== null) checkWord(r.target);
              if (c.type === 'simple') {
                c.words.forEach(checkWord);
                for (const a of c.assignments) checkWord(a.value);
              } else {
                c.body.forEach(checkList);
              }
            }
          }
        }
      };
      checkList(list);
    }
  });
});

describe('parseShell: limits', () => {
  test(`a 1 MB line of '(' stops at the depth limit (${MAX_DEPTH}) without blowing the stack`, () => {
    const { errors } = parseShell('('.repeat(1_000_000));
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? '', /nesting deeper than/);
  });
  const nesters: [string, string][] = [['$(', '$('], ['${', '${'], ['"$(', '"$('], ['if', 'if a; then '], ['{', '{ ']];
  for (const [name, unit] of nesters) {
    test(`deep ${name} nesting is an error, not a crash`, () => {
      const { errors } = parseShell(unit.repeat(100_000));
      assert.ok(errors.length >= 1);
    });
  }
  test('balanced but deep arithmetic is not nesting', () => {
    const text = `echo ${'$(('.repeat(10_000)}1${'))'.repeat(10_000)}`;
    const { errors, list } = parseShell(text);
    assert.deepEqual(errors, []);
    assert.equal(list.items.length, 1);
  });
  test('10,000-line script', () => {
    const lines: string[] = ['#!/bin/sh', 'set -e'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(i % 3 === 0 ? `if [ -f "/tmp/${i}" ]; then echo "${i}" >> log; fi` : `export VAR_${i}="$HOME/${i}" # n`);
    }
    lines.push('exec "$@"');
    const { errors, list } = parseShell(lines.join('\n'));
    assert.deepEqual(errors, []);
    assert.equal(list.items.length, 10_003 - 1);
    assert.equal(list.items[list.items.length - 1]?.line, 10_003);
  });
  test('10 MB inputs', () => {
    assert.equal(parseShell(`echo ${'a'.repeat(10_000_000)}`).list.items.length, 1);
    assert.deepEqual(parseShell(`# ${'x'.repeat(10_000_000)}`).errors, []);
    assert.deepEqual(parseShell(`echo "${'$x'.repeat(5_000_000)}"`).errors, []);
    assert.ok(parseShell('(('.repeat(1_000_000)).errors.length >= 1);
  });
  test('size limits stop a crafted input before it exhausts memory', () => {
    const commands = parseShell('a;'.repeat(MAX_COMMANDS + 10));
    assert.equal(commands.errors.length, 1);
    assert.match(commands.errors[0]?.message ?? '', new RegExp(`more than ${MAX_COMMANDS} commands`));
    assert.equal(commands.list.items.length, MAX_COMMANDS);
    const words = parseShell(`echo${' a'.repeat(MAX_WORDS + 10)}`);
    assert.match(words.errors[0]?.message ?? '', new RegExp(`more than ${MAX_WORDS} words`));
  });
  test('garbage keeps at most 100 errors', () => {
    assert.equal(parseShell(';'.repeat(100_000)).errors.length, 100);
  });
});
