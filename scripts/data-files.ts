/** Read data/ from disk into the compiler's input. Node only. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
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

function readDir(root: string, dir: string, ext: string, problems: Problem[]): SourceFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith(ext))
    .sort()
    .flatMap((f) => {
      const path = relative(root, join(abs, f)).split('\\').join('/');
      const bytes = readFileSync(join(abs, f));
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
