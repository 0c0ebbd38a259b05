/**
 * Reads what an exec form that is not valid JSON was meant to say, when that
 * is unambiguous: single-quoted strings, bare words, a trailing comma, a
 * missing `]`, and a `# comment` after the `]` (which Docker reads as part
 * of a shell-form command, peers.md §6). Anything else (nested brackets,
 * escapes inside single quotes, other text after `]`) is left alone.
 */

export interface RepairedExecForm {
  argv: string[];
  /** `# start the app` from after the `]`, to go on a line of its own. */
  comment: string | null;
}

export function repairExecForm(rest: string): RepairedExecForm | null {
  const text = rest.trim();
  if (!text.startsWith('[')) return null;
  const argv: string[] = [];
  let i = 1;
  const skipBlanks = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  for (;;) {
    skipBlanks();
    if (i >= text.length) break; // no closing bracket: what was read is the array
    const ch = text[i] as string;
    if (ch === ']') {
      i++;
      break;
    }
    const element = readElement(text, i);
    if (!element) return null;
    argv.push(element.value);
    i = element.end;
    skipBlanks();
    if (text[i] === ',') i++;
    else if (text[i] !== ']' && i < text.length) return null;
  }
  const after = text.slice(i).trim();
  if (after !== '' && !after.startsWith('#')) return null;
  if (argv.length === 0 || argv.some((w) => w === '')) return null;
  return { argv, comment: after === '' ? null : after };
}

function readElement(text: string, start: number): { value: string; end: number } | null {
  const ch = text[start];
  if (ch === '"') {
    // A JSON string: find its end honouring escapes, then let JSON decode it.
    for (let j = start + 1; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') {
        try {
          return { value: JSON.parse(text.slice(start, j + 1)) as string, end: j + 1 };
        } catch {
          return null;
        }
      }
    }
    return null;
  }
  if (ch === "'") {
    const close = text.indexOf("'", start + 1);
    const value = close < 0 ? null : text.slice(start + 1, close);
    // What a backslash or a double quote meant inside single quotes is a guess.
    if (value === null || /[\\"]/.test(value)) return null;
    return { value, end: close + 1 };
  }
  const bare = /^[^\s,[\]"'#]+/.exec(text.slice(start));
  return bare ? { value: bare[0], end: start + bare[0].length } : null;
}
