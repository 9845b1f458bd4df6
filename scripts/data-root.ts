/**
 * The two rules every Node reader and writer of a data tree applies before it
 * touches a file (check-data, the build, the dev server and its editor,
 * derive-routes): the data root must be a folder holding data/documents and
 * data/features, and no symbolic link on the way to a file may leave data/
 * (a link out would publish whatever it points at, or let a save write there).
 * Node only.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folders a data root must hold. */
const DATA_FOLDERS = ['data/documents', 'data/features'] as const;

/** Why `root` is not a data tree (it does not exist, or lacks data/documents or data/features), or null. */
export function dataRootProblem(root: string): string | null {
  if (!existsSync(root)) return `the data root ${root} does not exist (a typo in the path or in ATLAS_DATA_ROOT?)`;
  if (!statSync(root).isDirectory()) return `the data root ${root} is not a folder`;
  const missing = DATA_FOLDERS.filter((d) => !existsSync(join(root, d)) || !statSync(join(root, d)).isDirectory());
  if (missing.length)
    return `the data root ${root} has no ${missing.join(' and no ')} folder: it is not a data tree (the data root is the folder that holds data/documents and data/features)`;
  return null;
}

export interface LinkRefusal {
  message: string;
  hint: string;
}

/** The one message for a link that leaves data/, whoever meets it (reader or writer, file or folder). */
export function linkOutOfDataRefusal(relPath: string, target: string): LinkRefusal {
  return {
    message: `${relPath} is a symbolic link to "${target}", outside data/ (its contents would be published in atlas.json)`,
    hint: 'copy the file or folder into data/ instead of linking to it, or remove the link',
  };
}

/** A link that leaves data/ was met on the way to a file: the reader or writer stops with this. */
export class LinkOutOfDataError extends Error {
  constructor(readonly refusal: LinkRefusal) {
    super(refusal.message);
  }
}

const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/**
 * The first symbolic link on the way from `root` to `relPath` (a data-relative
 * path such as data/features/ports.geojson; the file itself included, whether
 * it exists or not) whose target lies outside data/, or null. A link whose
 * target does not exist is not refused here: readers report it as a dangling
 * link, writers replace it with the file.
 */
export function linkOutOfData(root: string, relPath: string): LinkRefusal | null {
  const dataDir = join(root, 'data');
  let realData: string;
  try {
    realData = realpathSync(dataDir);
  } catch {
    return null;
  }
  const parts = relPath.split(/[\\/]/).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const abs = join(root, ...parts.slice(0, i));
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return null; // nothing more exists on the way: nothing more to follow
    }
    if (!st.isSymbolicLink()) continue;
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return null;
    }
    if (!isInside(real, realData)) return linkOutOfDataRefusal(relative(root, abs).split(sep).join('/'), readlinkSync(abs));
  }
  return null;
}

/** Throw LinkOutOfDataError when the way to `relPath` leaves data/ through a link. */
export function assertInsideData(root: string, relPath: string): void {
  const refusal = linkOutOfData(root, relPath);
  if (refusal) throw new LinkOutOfDataError(refusal);
}
