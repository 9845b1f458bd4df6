/** Write files the careful way: every file to a temporary sibling first, then rename them all; nothing half-written. Node only. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write every file or none: all temporary files are written (and any failure
 * removes them and rethrows) before the first rename.
 */
export function writeFilesAtomically(files: { path: string; text: string }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push({ temp, path: f.path });
      writeFileSync(temp, f.text);
    }
  } catch (e) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.temp, t.path);
}
