/** Writes a small build context to a temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function writeTree(files: Record<string, string>, mode?: Record<string, number>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-lint-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    if (mode?.[name] !== undefined) fs.chmodSync(file, mode[name] as number);
  }
  return dir;
}
