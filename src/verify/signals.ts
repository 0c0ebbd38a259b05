/**
 * Signal names and numbers for the runner, plus the decoding of the hex
 * signal masks in /proc/<pid>/status (SigCgt, SigIgn, SigBlk).
 */
import { constants } from 'node:os';

const byNumber = new Map<number, string>();
for (const [name, num] of Object.entries(constants.signals)) {
  // Aliases (SIGIOT = SIGABRT, SIGPOLL = SIGIO) share a number: keep the first,
  // which is the canonical name in Node's table.
  if (!byNumber.has(num)) byNumber.set(num, name);
}

/**
 * 'SIGTERM', 'TERM', 'sigterm', '15' or 15 → 15. Throws on anything else,
 * so a typo in a STOPSIGNAL never silently becomes SIGTERM.
 */
export function parseSignal(signal: string | number): number {
  if (typeof signal === 'number') {
    if (Number.isInteger(signal) && signal > 0 && signal < 65) return signal;
    throw new RangeError(`invalid signal number: ${signal}`);
  }
  const s = signal.trim();
  if (/^\d+$/.test(s)) return parseSignal(Number(s));
  const upper = s.toUpperCase();
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as keyof typeof constants.signals;
  const num = constants.signals[name] as number | undefined;
  if (num === undefined) throw new RangeError(`unknown signal: ${signal}`);
  return num;
}

/**
 * Canonical name of a signal number ('SIGTERM'). Real-time signals have no
 * fixed name (glibc reserves 32 and 33 for itself), so they stay numbers, as
 * in facts §5 (`INT,USR1,SEGV,TERM,33`).
 */
export function signalName(num: number): string {
  return byNumber.get(num) ?? String(num);
}

/** A /proc status mask (hex, bit n-1 = signal n) → signal names, ascending. */
export function decodeSignalMask(hex: string): string[] {
  let mask = BigInt(`0x${hex.trim() || '0'}`);
  const names: string[] = [];
  for (let sig = 1; mask !== 0n; sig++, mask >>= 1n) {
    if (mask & 1n) names.push(signalName(sig));
  }
  return names;
}
