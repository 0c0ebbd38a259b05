/**
 * Read-only procfs helpers for the runner: find the namespace's PID 1 from
 * the host and snapshot every process inside that PID namespace.
 * Everything is read from the host's /proc (the namespace's own /proc is a
 * separate mount inside its private mount namespace).
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { decodeSignalMask } from '../signals.js';
/** `Key:\tvalue` lines of /proc/<pid>/status, or null once the process is gone. */
export function readStatus(pid) {
    let text;
    try {
        text = readFileSync(`/proc/${pid}/status`, 'utf8');
    }
    catch {
        return null;
    }
    const fields = new Map();
    for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
            fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    return fields;
}
/**
 * Start time (field 22 of /proc/<pid>/stat, in clock ticks since boot).
 * Together with the PID it names one process for good: used to make sure a
 * late SIGKILL never hits a recycled PID.
 */
export function readStartTime(pid) {
    let text;
    try {
        text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return null;
    }
    // comm (field 2) may contain spaces and parentheses: split after the last ')'.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null; // field 22 = index 19 after "pid (comm) "
}
function numericDirs() {
    return readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .map(Number);
}
/** Child PIDs of `pid` (its main thread's children; a fork from another thread would be missed, unshare is single-threaded). */
export function childrenOf(pid) {
    try {
        return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
            .split(' ')
            .filter((s) => s !== '')
            .map(Number);
    }
    catch {
        // Kernel without CONFIG_PROC_CHILDREN: scan PPid lines instead.
        return numericDirs().filter((p) => readStatus(p)?.get('PPid') === String(pid));
    }
}
/** The innermost PID of a process (last NSpid field), or null. */
export function innermostPid(status) {
    const nspid = status.get('NSpid')?.split(/\s+/);
    const last = nspid?.[nspid.length - 1];
    return last === undefined ? null : Number(last);
}
function pidNamespace(pid) {
    try {
        return readlinkSync(`/proc/${pid}/ns/pid`);
    }
    catch {
        return null;
    }
}
function cmdlineOf(pid, status) {
    let raw = '';
    try {
        raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    }
    catch {
        // gone or not readable: fall back to the name
    }
    const argv = raw.split('\0');
    if (argv[argv.length - 1] === '')
        argv.pop();
    return argv.length > 0 ? argv.join(' ') : `[${status.get('Name') ?? '?'}]`;
}
/**
 * Every process in the PID namespace whose init has host PID `pid1`.
 * Membership: same /proc/<pid>/ns/pid link as PID 1; when that link cannot be
 * read, being a descendant of PID 1 (orphans are reparented to PID 1, so in a
 * namespace nobody setns()es into, that is the same set).
 */
export function snapshotNamespace(pid1) {
    const ns = pidNamespace(pid1);
    const statuses = new Map();
    for (const pid of numericDirs()) {
        const st = readStatus(pid);
        if (st)
            statuses.set(pid, st);
    }
    const isDescendant = (pid) => {
        const seen = new Set();
        for (let p = pid; p > 1 && !seen.has(p); p = Number(statuses.get(p)?.get('PPid') ?? 0)) {
            if (p === pid1)
                return true;
            seen.add(p);
        }
        return false;
    };
    const processes = [];
    for (const [pid, st] of statuses) {
        const theirs = pidNamespace(pid);
        const inside = ns !== null && theirs !== null ? theirs === ns : isDescendant(pid);
        if (!inside)
            continue;
        const nspid = innermostPid(st);
        if (nspid === null)
            continue;
        processes.push({ nspid, state: (st.get('State') ?? '?').charAt(0), cmdline: cmdlineOf(pid, st) });
    }
    processes.sort((a, b) => a.nspid - b.nspid);
    const st1 = statuses.get(pid1);
    const hex = {
        caught: st1?.get('SigCgt') ?? '0',
        ignored: st1?.get('SigIgn') ?? '0',
        blocked: st1?.get('SigBlk') ?? '0',
    };
    return {
        processes,
        pid1Signals: {
            caught: decodeSignalMask(hex.caught),
            ignored: decodeSignalMask(hex.ignored),
            blocked: decodeSignalMask(hex.blocked),
            hex,
        },
    };
}
//# sourceMappingURL=proc.js.map