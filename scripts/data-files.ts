/** Read data/ from disk into the compiler's input. Node only. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CompileInput, SourceFile } from '../src/lib/atlas/compile.ts';
import type { Problem } from '../src/lib/atlas/problems.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readDir(root: string, dir: string, ext: string, problems: Problem[]): SourceFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith(ext))
    .sort()
    .flatMap((f) => {
      const path = relative(root, join(abs, f)).split('\\').join('/');
      try {
        return [{ path, text: utf8.decode(readFileSync(join(abs, f))) }];
      } catch {
        problems.push({ severity: 'error', file: path, message: 'file is not valid UTF-8', hint: 'save the file as UTF-8 (without changing its words)' });
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
