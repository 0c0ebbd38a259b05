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

/** All the command writes to: text, in order. */
export interface TextOutput {
  write(text: string): unknown;
}

export interface StandardOutput {
  output: TextOutput;
  /** Whether it is a terminal (colours by default). */
  isTTY: boolean;
}

export function standardOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream): StandardOutput {
  if (process.platform === 'win32' || characterDevice(fd)) {
    // A terminal, or /dev/null: the stream (which knows which it is).
    const s = stream();
    return { output: s, isTTY: Boolean(s.isTTY) };
  }
  return { output: new DescriptorOutput(fd, stream), isTTY: false };
}

function characterDevice(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

const NOWHERE_TO_WRITE = new Set(['EPIPE', 'EBADF']);

export class DescriptorOutput implements TextOutput {
  private stream: NodeJS.WritableStream | undefined;
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly openStream: () => NodeJS.WritableStream,
    private readonly writeSync: (fd: number, bytes: Uint8Array, offset: number) => number = (fd, bytes, offset) => fs.writeSync(fd, bytes, offset),
  ) {}

  write(text: string): boolean {
    if (this.closed) return false;
    if (this.stream) return this.stream.write(text);
    const bytes = Buffer.from(text);
    let offset = 0;
    try {
      while (offset < bytes.length) offset += this.writeSync(this.fd, bytes, offset);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
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
