/** Read data/ from disk into the compiler's input. Node only. */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SaveTree } from '../src/lib/editor/save.ts';
import { assertInsideData, dataRootProblem, linkOutOfData, LinkOutOfDataError, type LinkRefusal } from './data-root.ts';
import { referenceLoaders } from './reference-files.ts';
import { pendingWrites } from './transaction.ts';
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
 * is followed only to a file inside data/ (the rule of data-root.ts: a link out
 * of data/ would publish whatever it points at into atlas.json).
 */
function entryProblem(root: string, path: string): { message: string; hint: string } | null {
  const file = join(root, path);
  const st = lstatSync(file);
  if (st.isSymbolicLink()) {
    const target = readlinkSync(file);
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return { message: `${path} is a symbolic link to "${target}", which does not exist`, hint: 'remove the link, or replace it with the file itself' };
    }
    if (!statSync(real).isFile()) return { message: `${path} is a symbolic link to "${target}", which is not a file`, hint: 'remove the link; data/ holds only files' };
    return null;
  }
  if (st.isDirectory()) return { message: `${path} is a folder, not a file`, hint: 'move the folder out of data/, or rename it so it does not end in .md or .geojson' };
  if (!st.isFile()) return { message: `${path} is not a regular file`, hint: 'remove it from data/' };
  return null;
}

function readDir(root: string, dir: string, ext: string, problems: Problem[], links: LinkRefusal[]): SourceFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  // The folder itself may be a link out of data/: then none of its files is read.
  const folderOut = linkOutOfData(root, dir);
  if (folderOut) {
    links.push(folderOut);
    problems.push({ severity: 'error', file: dir, message: folderOut.message, hint: folderOut.hint });
    return [];
  }
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
      const out = linkOutOfData(root, path);
      if (out) {
        links.push(out);
        return fail(out.message, out.hint);
      }
      try {
        const bad = entryProblem(root, path);
        if (bad) return fail(bad.message, bad.hint);
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

/**
 * Every document and feature file of the data tree at `root`. A root that is
 * not a data tree (missing, or without data/documents and data/features) is
 * an error problem, not an empty atlas.
 */
export function readDataFiles(root: string, problems: Problem[] = [], links: LinkRefusal[] = []): CompileInput {
  const notATree = dataRootProblem(root);
  if (notATree) {
    problems.push({ severity: 'error', file: 'data/', message: notATree, hint: 'give the folder that holds data/documents and data/features (or create both folders)' });
    return { documents: [], features: [] };
  }
  const pending = pendingWrites(root);
  for (const journal of pending.journals)
    problems.push({
      severity: 'error',
      file: journal,
      message: 'a write of several files was interrupted and not finished: some of its files are new, some old',
      hint: 'start `npm run dev` or run `npx tsx scripts/derive-routes.ts`: each finishes it first (see docs/robustness.md)',
    });
  for (const intent of pending.intents)
    problems.push({
      severity: 'warning',
      file: intent,
      message: 'a write of several files was interrupted before it changed anything: its temporary files are still there',
      hint: 'the next editor save, `npm run dev` or `npx tsx scripts/derive-routes.ts` removes them (see docs/robustness.md)',
    });
  for (const temp of pending.temps)
    problems.push({
      severity: 'warning',
      file: temp,
      message: 'named like a temporary file of an interrupted write, but no write recorded it, so no tool removes it',
      hint: 'delete it if it is not yours',
    });
  return {
    documents: readDir(root, 'data/documents', '.md', problems, links),
    features: readDir(root, 'data/features', '.geojson', problems, links),
  };
}

/** The data tree is not one (missing, or without data/documents and data/features): a tool that needs one stops. */
export class NotADataTreeError extends Error {}

/**
 * Every document and feature file, for a tool that must see all of them or
 * none (the editor, format:data, cite): a root that is not a data tree throws
 * NotADataTreeError, and a file or folder linked out of data/ throws
 * LinkOutOfDataError with the one message, where readDataFiles would only
 * leave it out.
 */
export function readWholeDataTree(root: string): CompileInput {
  const notATree = dataRootProblem(root);
  if (notATree) throw new NotADataTreeError(notATree);
  const links: LinkRefusal[] = [];
  const input = readDataFiles(root, [], links);
  if (links.length) throw new LinkOutOfDataError(links[0]);
  return input;
}

/**
 * The data tree at `root` as the editor's save reads it (src/lib/editor/save.ts):
 * a file by its data-relative path (refusing a link out of data/ on the way),
 * every document and feature file, and the route derivation's reference inputs.
 */
export function dataTreeOnDisk(root: string): SaveTree {
  return {
    read(path) {
      assertInsideData(root, path);
      const abs = join(root, path);
      return existsSync(abs) ? readFileSync(abs, 'utf8') : null;
    },
    input: () => readWholeDataTree(root),
    loaders: referenceLoaders(root),
  };
}
