/** Content hashes: for the caches kept between runs, and findings' fingerprints. */
import type Crypto from 'node:crypto';

/**
 * SHA-1 of the parts (each followed by a NUL), base64url. node:crypto is
 * loaded on first use: a Dockerfile-only lint never hashes, and loading it
 * costs a few milliseconds of every start.
 */
export function sha1(...parts: (string | Uint8Array)[]): string {
  const hash = crypto().createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

/** SHA-256 of a text, hex (the fingerprints of SARIF and GitLab findings). */
export function sha256Hex(text: string): string {
  return crypto().createHash('sha256').update(text).digest('hex');
}

function crypto(): typeof Crypto {
  return process.getBuiltinModule('node:crypto');
}
