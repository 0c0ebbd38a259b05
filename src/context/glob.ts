/** Glob matching, shared by COPY sources, .dockerignore, workspace patterns and the config's `ignore`. */

/** Shell-style glob on one path segment: `*`, `?`, `[…]`. Linear: no regex built from user input. */
export function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const pc = pattern[p];
    if (pc === '[') {
      const close = pattern.indexOf(']', p + 1);
      if (close > p) {
        const set = pattern.slice(p + 1, close);
        const negate = set.startsWith('!') || set.startsWith('^');
        const body = negate ? set.slice(1) : set;
        const ch = name[n] as string;
        let hit = false;
        for (let k = 0; k < body.length; k++) {
          if (body[k + 1] === '-' && k + 2 < body.length) {
            if (ch >= (body[k] as string) && ch <= (body[k + 2] as string)) hit = true;
            k += 2;
          } else if (body[k] === ch) hit = true;
        }
        if (hit !== negate) {
          p = close + 1;
          n++;
          continue;
        }
      }
    } else if (pc === '?' || (pc !== undefined && pc !== '*' && pc === name[n])) {
      p++;
      n++;
      continue;
    }
    if (pc === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    if (starP !== -1) {
      p = starP + 1;
      n = ++starN;
      continue;
    }
    return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Matches a context-relative POSIX path against a glob with `*`, `?` and `**` segments. */
export function matchPath(pattern: string, rel: string): boolean {
  const pat = pattern.split('/').filter((s) => s !== '');
  const parts = rel.split('/').filter((s) => s !== '');
  // Memoised on (i, j): `**` backtracking stays polynomial.
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (parts.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === pat.length) result = j === parts.length;
    else if (pat[i] === '**') result = go(i + 1, j) || (j < parts.length && go(i, j + 1));
    else result = j < parts.length && globMatches(pat[i] ?? '', parts[j] ?? '') && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}
