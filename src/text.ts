/** Small string helpers shared by the Dockerfile and model modules. */

/**
 * `text` without the trailing characters that are in `chars` (`/a//` → `/a`
 * for '/'). A loop, not `/[…]+$/`: that pattern retries from every position of
 * a long run that does not end the string, which is quadratic (the ReDoS check).
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return end === text.length ? text : text.slice(0, end);
}
