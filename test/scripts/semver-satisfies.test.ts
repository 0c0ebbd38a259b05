/**
 * scripts/semver-satisfies.cts stands in for semver in the typescript-estree
 * bundle: it must answer as semver does, on the ranges typescript-estree
 * checks TypeScript's version against and on the comparator forms around them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import semverSatisfies from '../../scripts/semver-satisfies.cjs';

const { satisfies, satisfiesPlain } = semverSatisfies;

// semver as typescript-estree resolves it (it is not a dependency of ours).
const estree = createRequire(import.meta.url).resolve('@typescript-eslint/typescript-estree/package.json');
const semver = createRequire(estree)('semver') as { satisfies(v: string, r: string, o?: { includePrerelease?: boolean }): boolean };

const VERSIONS = [
  '4.7.4', '4.8.3', '4.8.4', '5.0.0-beta', '5.0.0-dev.20230101', '5.0.0', '5.3.3', '5.4.0-beta', '5.4.0-rc', '5.4.0-rc.1',
  '5.4.0', '5.4.1-rc', '5.4.1-rc.2', '5.4.1', '5.9.3', '6.0.0-0', '6.0.0-alpha', '6.0.0-alpha.1', '6.0.0-alpha.beta',
  '6.0.0-beta', '6.0.0-beta.2', '6.0.0-beta.11', '6.0.0-rc.1', '6.0.0-1', '6.0.0-1.2', '6.0.0-x-y', '6.0.0', '6.0.3',
  '6.0.3+build.5', '6.1.0-dev.20251001', '6.1.0', '7.0.0', '10.0.0', '0.0.0', '0.0.0-0',
  // Left to semver: a prefix, spaces, leading zeros, partial versions, junk.
  'v6.0.3', ' 6.0.3', '06.0.3', '6.0', '6.0.3-', '6.0.3-01', 'x',
];

function rangesOfTypescriptEstree(): string[] {
  const dir = estree.replace(/package\.json$/, 'dist/');
  const versionCheck = fs.readFileSync(`${dir}version-check.js`, 'utf8');
  const listed = [...versionCheck.matchAll(/'(\d+\.\d+)',/g)].map((m) => m[1] as string);
  assert.ok(listed.length > 10, 'version-check.js lists the TypeScript versions it checks');
  const supported = /SUPPORTED_TYPESCRIPT_VERSIONS = '([^']+)'/.exec(fs.readFileSync(`${dir}parseSettings/warnAboutTSVersion.js`, 'utf8'))?.[1];
  assert.ok(supported, 'warnAboutTSVersion.js names its supported range');
  return [...listed.map((v) => `>= ${v}.0 || >= ${v}.1-rc || >= ${v}.0-beta`), supported];
}

const MORE_RANGES = [
  '>=4.8.4 <6.1.0', '>= 6.0.0-beta', '>6.0.0-beta.2', '<6.0.0', '<=6.0.0-rc.1', '=6.0.3', '6.0.3', '>=0.0.0', '<0.0.0-0',
  '>=5.0.0 <5.4.0 || >=6.0.0-alpha <6.1.0', '>=  5.4.0   <6.0.0', '>=6.0.0+meta',
  // Left to semver.
  '^6.0.0', '~6.0.1', '6.x', '*', '', '5.0.0 - 6.0.0', '>=v6.0.0', '>=6.0', '>=6.0.0 || ', '==6.0.0', '>=6.0.0<7.0.0',
];

test('semver-satisfies answers as semver on typescript-estree\'s ranges and the comparator forms around them', () => {
  const ranges = [...rangesOfTypescriptEstree(), ...MORE_RANGES];
  let plain = 0;
  for (const range of ranges) {
    for (const version of VERSIONS) {
      for (const includePrerelease of [false, true]) {
        const expected = semver.satisfies(version, range, { includePrerelease });
        assert.equal(satisfies(version, range, { includePrerelease }), expected, `${version} in ${JSON.stringify(range)} (includePrerelease: ${includePrerelease})`);
        if (satisfiesPlain(version, range, includePrerelease) !== null) plain++;
      }
    }
  }
  assert.ok(plain > 1000, `most answers read without semver (${plain})`);
});

test('typescript-estree\'s own ranges, with the versions of TypeScript it meets, never need semver', () => {
  for (const range of rangesOfTypescriptEstree()) {
    for (const version of VERSIONS.slice(0, VERSIONS.indexOf('0.0.0-0') + 1)) {
      assert.notEqual(satisfiesPlain(version, range, true), null, `${version} in ${range}`);
      assert.notEqual(satisfiesPlain(version, range, false), null, `${version} in ${range}`);
    }
  }
});

test('forms other than plain comparators are left to semver', () => {
  for (const [version, range] of [['6.0.3', '^6.0.0'], ['v6.0.3', '>=6.0.0'], ['6.0.3', ''], ['6.0.3', '6.x'], ['6.0.3', `>=${'1'.repeat(300)}.0.0`]] as const) {
    assert.equal(satisfiesPlain(version, range, false), null, `${version} in ${range}`);
  }
});
