/**
 * The one place where positions are converted. dockerfile-ast speaks 0-based
 * LSP positions, typescript-estree gives offsets and 1-based lines, and
 * every output wants 1-based lines and columns.
 */
import type { Position, SourceLocation } from './types.js';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) this.starts.push(i + 1);
      else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a 0-based LSP position (line, character), clamped to the text. */
  offsetAt(line0: number, character: number): number {
    if (line0 >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, line0)] ?? 0;
    const next = line0 + 1 < this.starts.length ? (this.starts[line0 + 1] as number) : this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }

  /** 1-based line and column of an offset. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] as number) + 1 };
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  location(file: string, start: number, end: number): SourceLocation {
    return { file, start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** A location covering a whole 1-based line range (used when only lines are known). */
export function lineLocation(file: string, line: number, endLine = line, endColumn = 1): SourceLocation {
  return { file, start: { line, column: 1 }, end: { line: endLine, column: endColumn } };
}
