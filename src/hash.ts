/** Content hashes for the caches kept between runs. */
import type Crypto from 'node:crypto';

/**
 * SHA-1 of the parts (each followed by a NUL), base64url. node:crypto is
 * loaded on first use: a Dockerfile-only lint never hashes, and loading it
 * costs a few milliseconds of every start.
 */
export function sha1(...parts: (string | Uint8Array)[]): string {
  const crypto: typeof Crypto = process.getBuiltinModule('node:crypto');
  const hash = crypto.createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}
