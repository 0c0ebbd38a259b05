/**
 * The command's standard output and error, written straight to their file
 * descriptors. `process.stdout` is a stream, and making one loads Node's
 * stream modules (~7–10 ms, a twentieth of a Dockerfile-only lint) to write
 * one report at the end (BENCHMARKS.md, lever 28).
 *
 * A terminal still gets Node's stream, which writes to it as the console
 * expects (Windows included), and so does every descriptor on Windows. A
 * descriptor that will not take a write now (non-blocking: EAGAIN) gets the
 * stream from that write on, so the order holds. A reader that went away
 * (EPIPE: `pid1-lint … | head`) or a closed descriptor ends the output
 * quietly.
 */
import fs from 'node:fs';
export function standardOutput(fd, stream) {
    if (process.platform === 'win32' || characterDevice(fd)) {
        // A terminal, or /dev/null: the stream (which knows which it is).
        const s = stream();
        return { output: s, isTTY: Boolean(s.isTTY) };
    }
    return { output: new DescriptorOutput(fd, stream), isTTY: false };
}
function characterDevice(fd) {
    try {
        return fs.fstatSync(fd).isCharacterDevice();
    }
    catch {
        return false;
    }
}
const NOWHERE_TO_WRITE = new Set(['EPIPE', 'EBADF']);
export class DescriptorOutput {
    fd;
    openStream;
    writeSync;
    stream;
    closed = false;
    constructor(fd, openStream, writeSync = (fd, bytes, offset) => fs.writeSync(fd, bytes, offset)) {
        this.fd = fd;
        this.openStream = openStream;
        this.writeSync = writeSync;
    }
    write(text) {
        if (this.closed)
            return false;
        if (this.stream)
            return this.stream.write(text);
        const bytes = Buffer.from(text);
        let offset = 0;
        try {
            while (offset < bytes.length)
                offset += this.writeSync(this.fd, bytes, offset);
            return true;
        }
        catch (error) {
            const code = error.code ?? '';
            if (code === 'EAGAIN') {
                this.stream = this.openStream();
                return this.stream.write(bytes.subarray(offset));
            }
            if (NOWHERE_TO_WRITE.has(code)) {
                this.closed = true;
                return false;
            }
            throw error;
        }
    }
}
//# sourceMappingURL=output.js.map