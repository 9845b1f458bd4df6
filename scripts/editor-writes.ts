/**
 * Files the editor has just written. The data watcher (atlas-plugin.ts) does
 * not push a full page reload for these: the editor page reloads by itself
 * once it has dropped the saved draft, so a saved edit never comes back.
 */
const recent = new Map<string, number>();
const FOR_MS = 10_000;

export function markEditorWrite(absPath: string): void {
  recent.set(absPath, Date.now() + FOR_MS);
}

export function isEditorWrite(absPath: string): boolean {
  const until = recent.get(absPath);
  if (until === undefined) return false;
  if (until < Date.now()) {
    recent.delete(absPath);
    return false;
  }
  return true;
}
