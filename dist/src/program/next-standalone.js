/**
 * Next.js standalone output (`output: 'standalone'`): `next build`, run in the
 * image, writes `<app>/.next/standalone/`, a copy of the project (its
 * package.json, a `server.js`); in a monorepo the copy mirrors the app's path
 * below the workspace root (`apps/web/.next/standalone/apps/web/server.js`).
 * The build context has the project, not the output. Kept free of other
 * imports: the PID-1 chain (package.json behind `npm start`) uses it on every
 * run, the source mapper (the program behind `node server.js`) only when a
 * program is read.
 */
import path from 'node:path';
/**
 * Splits a host path inside `.next/standalone/`, or null when it is not in one. The first such pair of
 * folders counts: what is below it is the copy (where a folder may be named `standalone` too).
 */
export function nextStandalonePath(hostPath) {
    const parts = hostPath.split(path.sep);
    const at = parts.findIndex((part, i) => part === '.next' && parts[i + 1] === 'standalone');
    if (at < 0)
        return null;
    return { appDir: parts.slice(0, at).join(path.sep) || path.sep, below: parts.slice(at + 2) };
}
//# sourceMappingURL=next-standalone.js.map