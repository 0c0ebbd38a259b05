/**
 * Writes a fixed file atomically: the new text goes to a temporary file in
 * the same folder (so the rename cannot cross file systems), gets the
 * original's mode, and replaces the original with one rename. A failure at
 * any step leaves the original as it was and removes the temporary file.
 * A symlink is followed, so the link stays a link and its target changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeError } from '../context/files.js';
export function writeFileAtomic(file, text, io = fs) {
    let target;
    let mode;
    try {
        target = io.realpathSync(file);
        const stat = io.statSync(target);
        if (!stat.isFile())
            return { ok: false, reason: 'not a regular file' };
        mode = stat.mode & 0o7777;
    }
    catch (err) {
        return { ok: false, reason: describeError(err) };
    }
    // Root could rename over a read-only file; the user made it read-only for a reason.
    if ((mode & 0o222) === 0)
        return { ok: false, reason: 'the file is read-only' };
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.pid1-lint-${process.pid}-${Date.now().toString(36)}.tmp`);
    try {
        // `wx`: never reuse a file that happens to exist under that name.
        io.writeFileSync(temp, text, { mode, flag: 'wx' });
        // The umask applied at creation; set the original mode exactly.
        io.chmodSync(temp, mode);
        io.renameSync(temp, target);
        return { ok: true };
    }
    catch (err) {
        try {
            io.rmSync(temp, { force: true });
        }
        catch {
            // Nothing more can be done; the original is untouched either way.
        }
        return { ok: false, reason: describeError(err) };
    }
}
//# sourceMappingURL=write.js.map