/** A fault for the all-or-nothing writer's tests: the file operations of a process killed at its `n`th rename over a target. */
import { nodeFileOps, type FileOps } from '../../scripts/transaction.ts';

export function killedAtRename(n: number): FileOps {
  let renames = 0;
  return {
    ...nodeFileOps,
    rename(from, to) {
      if (!to.includes('.write-journal.') && ++renames === n) throw new Error('killed between renames');
      nodeFileOps.rename(from, to);
    },
  };
}
