/**
 * Rewrite every feature file of data/features/ in the atlas JSON layout
 * (src/lib/editor/jsonFormat.ts), so a file written by hand or by another
 * tool reads like the rest and the editor's edits stay one-line diffs. Only
 * whitespace changes; a file that does not parse is reported and left alone.
 * Files are written all or nothing (scripts/transaction.ts).
 *
 * Usage: npm run format:data [-- project-root]   (default: $ATLAS_DATA_ROOT or .)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFeatureFile } from '../src/lib/editor/jsonFormat.ts';
import { readWholeDataTree } from './data-files.ts';
import { LinkOutOfDataError } from './data-root.ts';
import { commitFiles, recoverWrites, recoveryReport } from './transaction.ts';

export interface FormatResult {
  /** Data-relative paths of the files rewritten. */
  written: string[];
  /** Files that could not be read as JSON, with why. */
  unreadable: string[];
}

/** Throws, writing nothing, when `root` is not a data tree or a file or folder is linked out of data/ (readWholeDataTree). */
export function formatData(root: string): FormatResult {
  const { features } = readWholeDataTree(root);
  for (const line of recoveryReport(recoverWrites(root))) console.warn(line);
  const writes: { path: string; text: string }[] = [];
  const unreadable: string[] = [];
  for (const f of features) {
    try {
      const text = formatFeatureFile(f.text);
      if (text !== f.text) writes.push({ path: f.path, text });
    } catch (e) {
      unreadable.push(`${f.path}: ${(e as Error).message}`);
    }
  }
  commitFiles(root, writes);
  return { written: writes.map((w) => w.path), unreadable };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let r: FormatResult;
  try {
    r = formatData(resolve(process.argv[2] ?? process.env.ATLAS_DATA_ROOT ?? '.'));
  } catch (e) {
    console.error(`nothing was formatted: ${(e as Error).message}${e instanceof LinkOutOfDataError ? `\n    fix: ${e.refusal.hint}` : ''}`);
    process.exit(1);
  }
  for (const path of r.written) console.log(`formatted ${path}`);
  for (const line of r.unreadable) console.error(`not JSON, left as it is: ${line}`);
  if (!r.written.length && !r.unreadable.length) console.log('every feature file is already in the atlas layout');
  process.exit(r.unreadable.length ? 1 : 0);
}
