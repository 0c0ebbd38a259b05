/**
 * Signal names and numbers, shared by the Dockerfile model and `verify`.
 *
 * Docker's STOPSIGNAL parsing (moby/sys/signal.ParseSignal): a non-zero number,
 * or a name, any case, with or without the SIG prefix, looked up in the Linux
 * signal table. `SIGRTMIN+3` style names are accepted too.
 */
/** Linux signal numbers (x86_64/arm64 share these for the names Docker accepts). */
const SIGNALS = {
    ABRT: 6, ALRM: 14, BUS: 7, CHLD: 17, CLD: 17, CONT: 18, FPE: 8, HUP: 1, ILL: 4, INT: 2, IO: 29, IOT: 6,
    KILL: 9, PIPE: 13, POLL: 29, PROF: 27, PWR: 30, QUIT: 3, SEGV: 11, STKFLT: 16, STOP: 19, SYS: 31, TERM: 15,
    TRAP: 5, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, USR1: 10, USR2: 12, VTALRM: 26, WINCH: 28, XCPU: 24, XFSZ: 25,
};
const SIGRTMIN = 34;
const SIGRTMAX = 64;
const NAMES_BY_NUMBER = new Map();
for (const [name, num] of Object.entries(SIGNALS)) {
    // Prefer the common name for aliases (IOT→ABRT, CLD→CHLD, POLL→IO).
    if (!NAMES_BY_NUMBER.has(num))
        NAMES_BY_NUMBER.set(num, `SIG${name}`);
}
/** Returns null when Docker would reject the value (`invalid signal`). */
export function parseSignal(raw) {
    const text = raw.trim();
    if (text === '')
        return null;
    if (/^[0-9]+$/.test(text)) {
        const number = Number(text);
        if (number <= 0 || number > SIGRTMAX)
            return null;
        return { name: signalName(number), number };
    }
    const upper = text.toUpperCase();
    const bare = upper.startsWith('SIG') ? upper.slice(3) : upper;
    const known = SIGNALS[bare];
    if (known !== undefined)
        return { name: `SIG${canonicalAlias(bare)}`, number: known };
    const rt = /^RTM(IN|AX)([+-][0-9]{1,2})?$/.exec(bare);
    if (rt) {
        const base = rt[1] === 'IN' ? SIGRTMIN : SIGRTMAX;
        const offset = rt[2] ? Number(rt[2]) : 0;
        const number = base + offset;
        if (number < SIGRTMIN || number > SIGRTMAX)
            return null;
        return { name: `SIG${bare}`, number };
    }
    return null;
}
function canonicalAlias(bare) {
    if (bare === 'IOT')
        return 'ABRT';
    if (bare === 'CLD')
        return 'CHLD';
    if (bare === 'POLL')
        return 'IO';
    return bare;
}
/**
 * Canonical name of a signal number. 32 and 33 are reserved by glibc and have
 * no name: they stay numbers, as /proc masks are shown in facts §5
 * (`INT,USR1,SEGV,TERM,33`).
 */
export function signalName(number) {
    const named = NAMES_BY_NUMBER.get(number);
    if (named)
        return named;
    if (number >= SIGRTMIN && number <= SIGRTMAX) {
        return number === SIGRTMIN ? 'SIGRTMIN' : `SIGRTMIN+${number - SIGRTMIN}`;
    }
    return String(number);
}
/** A /proc status mask (hex, bit n-1 = signal n) → signal names, ascending. */
export function decodeSignalMask(hex) {
    const clean = hex.trim();
    let mask = /^[0-9a-fA-F]+$/.test(clean) ? BigInt(`0x${clean}`) : 0n;
    const names = [];
    for (let sig = 1; mask !== 0n; sig++, mask >>= 1n) {
        if (mask & 1n)
            names.push(signalName(sig));
    }
    return names;
}
export function signalNumber(name) {
    return parseSignal(name)?.number ?? null;
}
/** Canonical name for a signal spelled any way (`term`, `15`, `SIGTERM`), or null. */
export function canonicalSignal(raw) {
    return parseSignal(raw)?.name ?? null;
}
/** Signals that cannot be caught: the program gets no chance to shut down. */
export function isUncatchable(name) {
    return name === 'SIGKILL' || name === 'SIGSTOP';
}
//# sourceMappingURL=signals.js.map