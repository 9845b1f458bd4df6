/** Read data/ from disk into the compiler's input. Node only. */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LIMITS, fmt } from '../src/lib/atlas/limits.ts';
import type { CompileInput, SourceFile } from '../src/lib/atlas/compile.ts';
import type { Problem } from '../src/lib/atlas/problems.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Line and column of the first byte sequence that is not UTF-8. */
function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  const text = lenient.decode(bytes);
  const i = text.indexOf('\uFFFD');
  const before = text.slice(0, Math.max(0, i));
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/**
 * Why a data entry cannot be read as a file of data/, or null. A symbolic link
 * is followed only to a file inside data/: a link out of data/ would publish
 * whatever it points at into atlas.json.
 */
function entryProblem(dataDir: string, file: string): { message: string; hint: string } | null {
  const st = lstatSync(file);
  if (st.isSymbolicLink()) {
    const target = readlinkSync(file);
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return { message: `a symbolic link to "${target}", which does not exist`, hint: 'remove the link, or replace it with the file itself' };
    }
    const inside = real.startsWith(realpathSync(dataDir) + sep);
    if (!inside)
      return {
        message: `a symbolic link to "${target}", outside data/ (its contents would be published in atlas.json)`,
        hint: 'copy the file into data/ instead of linking to it, or remove the link',
      };
    if (!statSync(real).isFile()) return { message: `a symbolic link to "${target}", which is not a file`, hint: 'remove the link; data/ holds only files' };
    return null;
  }
  if (st.isDirectory()) return { message: 'a folder, not a file', hint: 'move the folder out of data/, or rename it so it does not end in .md or .geojson' };
  if (!st.isFile()) return { message: 'not a regular file', hint: 'remove it from data/' };
  return null;
}

function readDir(root: string, dir: string, ext: string, problems: Problem[]): SourceFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const maxBytes = ext === '.md' ? LIMITS.documentBytes : LIMITS.featureFileBytes;
  return readdirSync(abs)
    .filter((f) => f.endsWith(ext))
    .sort()
    .flatMap((f) => {
      const path = relative(root, join(abs, f)).split('\\').join('/');
      const fail = (message: string, hint: string) => {
        problems.push({ severity: 'error', file: path, message, hint });
        return [];
      };
      let bytes: Buffer;
      try {
        const bad = entryProblem(join(root, 'data'), join(abs, f));
        if (bad) return fail(`${path} is ${bad.message}`, bad.hint);
        const size = statSync(join(abs, f)).size;
        if (size > maxBytes)
          return fail(
            `file is ${fmt(size)} bytes; the limit is ${fmt(maxBytes)}`,
            ext === '.md' ? 'split the document, or keep only the article text' : 'split the features over several files, or simplify long lines (see "Limits" in docs/authoring.md)',
          );
        bytes = readFileSync(join(abs, f));
      } catch (e) {
        return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'check that the file exists and that you may read it');
      }
      try {
        return [{ path, text: utf8.decode(bytes) }];
      } catch {
        problems.push({
          severity: 'error',
          file: path,
          ...firstBadByte(bytes),
          message: 'file is not valid UTF-8 (first bad byte here; was it saved as GBK, Big5 or Latin-1?)',
          hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8) without changing its words',
        });
        return [];
      }
    });
}

export function readDataFiles(root: string, problems: Problem[] = []): CompileInput {
  return {
    documents: readDir(root, 'data/documents', '.md', problems),
    features: readDir(root, 'data/features', '.geojson', problems),
  };
}
