/**
 * The ReDoS checker itself (the timed check over every pattern runs in
 * `npm run fuzz` / `npm run redos`, not here): its inventory is read from the
 * sources and knows every RegExp built at run time, its crafted inputs reach
 * the known attack shapes, and it flags known-bad patterns. Plus the
 * behaviour of the code that replaced the offenders it found.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inventory, sitesInSource } from './inventory.js';
import { attackStrings, findOffenders, literalPrefix, patterns } from './check.js';
import { trimEndChars } from '../../src/text.js';
import { VARIABLE, wildcardMatches } from '../../src/images/ref.js';

describe('ReDoS inventory', () => {
  test('finds literals, static and dynamic constructors, with their lines', () => {
    const sites = sitesInSource('x.ts', "const a = /x+y/g;\nconst b = new RegExp('a|b', 'i');\nconst c = new RegExp(`^${name}$`);\nconst d = RegExp(src);\n");
    assert.deepEqual(
      sites.map((s) => [s.kind, s.line, s.source, s.flags]),
      [
        ['literal', 1, 'x+y', 'g'],
        ['static-constructor', 2, 'a|b', 'i'],
        ['dynamic', 3, '`^${name}$`', ''],
        ['dynamic', 4, 'src', ''],
      ],
    );
  });

  test('covers src/, rules/ and the data files, and knows how to build every dynamic RegExp', () => {
    const sites = inventory();
    const files = new Set(sites.map((s) => s.file.split('/')[0]));
    assert.deepEqual([...files].sort(), ['data', 'rules', 'src']);
    assert.ok(sites.some((s) => s.file === 'src/dockerfile/parse.ts' && s.kind === 'literal'), 'parse.ts has regex literals');
    assert.ok(sites.some((s) => s.file === 'data/base-images.json'), 'data patterns are included');
    const { unknown } = patterns(sites);
    assert.deepEqual(unknown.map((s) => `${s.file}:${s.line} ${s.source}`), [], 'every RegExp built at run time is listed in DYNAMIC_SITES');
  });
});

describe('ReDoS attack strings', () => {
  test('64 KiB repeats of the characters a pattern names, failing at the end', () => {
    const inputs = attackStrings('^(a+)+$');
    assert.ok(inputs.includes(`${'a'.repeat(65535)}\u0000`));
    assert.ok(inputs.every((i) => i.length === 65536));
  });

  test('repeats of matching strings cut short, for scans that run to the end (\\{[^}]*\\})', () => {
    const inputs = attackStrings('\\$\\{[^}]*\\}');
    assert.ok(inputs.some((i) => i.startsWith('${') && i.indexOf('${', 2) > 0 && !i.includes('}')), 'a repeated `${…` without a closing brace');
  });

  test('the literal prefix gets attack strings past fixed text', () => {
    assert.equal(literalPrefix('^npm\\s+i'), 'npm');
    assert.equal(literalPrefix('\\$\\{x'), '${x');
    assert.equal(literalPrefix('ab*c'), 'a');
  });

  test('flags known catastrophic patterns (exponential and quadratic)', async () => {
    const bad = [/^(a+)+$/, /[ \t]+$/];
    const { offenders } = await findOffenders(
      bad.map((regex, i) => ({ site: { file: 'known-bad', line: i + 1, kind: 'literal' as const, source: regex.source, flags: '' }, regex })),
      250,
    );
    // Only this direction is asserted: a slow machine can make a pattern slower, never faster than the budget.
    assert.deepEqual(offenders.map((o) => o.site.line), [1, 2]);
  });
});

describe('code that replaced offending patterns', () => {
  test('trimEndChars is /[…]+$/ without the quadratic retries', () => {
    for (const s of ['', 'a', 'a  \t', '  ', 'a/b//', '///', 'x \t y \t']) {
      assert.equal(trimEndChars(s, ' \t'), s.replace(/[ \t]+$/, ''));
      assert.equal(trimEndChars(s, '/'), s.replace(/\/+$/, ''));
    }
  });

  test('wildcardMatches answers as the ^.*-joined RegExp did', () => {
    const oracle = (text: string, candidate: string) => {
      const pieces = text.split(/\$\{[A-Za-z_]\w*(?::?[-+?=][^}]*)?\}|\$[A-Za-z_]\w*/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`^${pieces.join('.*')}$`).test(candidate);
    };
    const texts = ['22-alpine', '${V}-alpine', '${V}', '22.${MINOR}-slim', '${A}${B}', 'a${X}a${Y}a', '${V:-22}-bookworm', '$V-alpine$SUFFIX'];
    const candidates = ['22-alpine', '22-slim', '22.1-slim', 'alpine', '-alpine', 'aaa', 'aa', 'a1a2a', '22-bookworm', '20-alpine3.20', ''];
    for (const t of texts) for (const c of candidates) assert.equal(wildcardMatches(t, c), oracle(t, c), `${t} vs ${c}`);
  });

  test('VARIABLE still finds build args, defaults with $ inside included, and stops at a nested ${', () => {
    const found = (text: string) => [...text.matchAll(new RegExp(VARIABLE.source, 'g'))].map((m) => m[0]);
    assert.deepEqual(found('node:${V}-alpine'), ['${V}']);
    assert.deepEqual(found('${REG:-docker.io}/node:$TAG'), ['${REG:-docker.io}', '$TAG']);
    assert.deepEqual(found('${BASE:-$DEFAULT}'), ['${BASE:-$DEFAULT}']);
    assert.deepEqual(found('${A:-${B}}'), ['${B}']);
  });
});
