/**
 * What the editor page loads (GET data) as a pure function over a file tree
 * (issue 24, item 7): each file with the token a save must quote, the
 * features of each feature file, the recipes and the coverage table; what
 * cannot be read is served empty, never as an error that hides the rest.
 */
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dataTreeOnDisk } from '../../../scripts/data-files.ts';
import { ABSENT, contentToken } from '../../../src/lib/editor/conflictToken.ts';
import { COVERAGE_PATH } from '../../../src/lib/editor/coverageSync.ts';
import { editorDataFrom } from '../../../src/lib/editor/editorData.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import type { SaveTree } from '../../../src/lib/editor/save.ts';
import { parseGeometrySpec } from '../../../src/lib/geo/deriveRoutes.ts';
import { GEOMETRY_SPEC_PATH } from '../../../src/lib/geo/deriveTree.ts';

const project = resolve(import.meta.dirname, '../../..');
const disk = dataTreeOnDisk(resolve(project, process.env.ATLAS_DATA_ROOT ?? '.'));

/** The project's tree, with some files replaced (text) or taken away (null). */
function treeWith(changes: Record<string, string | null> = {}): Pick<SaveTree, 'read' | 'input'> {
  const input = disk.input();
  const swap = (files: { path: string; text: string }[]) =>
    files.flatMap((f) => (f.path in changes ? (changes[f.path] === null ? [] : [{ path: f.path, text: changes[f.path]! }]) : [f]));
  return {
    read: (path) => (path in changes ? changes[path] : disk.read(path)),
    input: () => ({ documents: swap(input.documents), features: swap(input.features) }),
  };
}

describe("the editor's data, without a server", () => {
  it("lists every document and feature file with its token, each file's features, the recipes and the coverage table", () => {
    const input = disk.input();
    const data = editorDataFrom(treeWith());
    expect(data.documents).toEqual(input.documents.map((d) => ({ path: d.path, token: contentToken(d.text) })));
    expect(data.files).toEqual(input.features.map((f) => ({ path: f.path, token: contentToken(f.text), features: readFeatures(f.text) })));
    const spec = disk.read(GEOMETRY_SPEC_PATH);
    expect(data.derive.token).toBe(contentToken(spec));
    if (spec !== null) expect(Object.keys(data.derive.recipes).sort()).toEqual([...parseGeometrySpec(parseYaml(spec)).spec.recipes.keys()].sort());
    const coverage = disk.read(COVERAGE_PATH);
    expect(data.coverage).toEqual({ token: contentToken(coverage), sections: coverage === null ? {} : parseYaml(coverage) });
  });

  it('serves an unreadable feature file without features, and broken or missing YAML as empty, each still with its token', () => {
    const broken = disk.input().features[0].path;
    const data = editorDataFrom(treeWith({ [broken]: '{"type": "FeatureCollection", "features": [', [GEOMETRY_SPEC_PATH]: 'recipes: [: :', [COVERAGE_PATH]: null }));
    expect(data.files.find((f) => f.path === broken)).toEqual({ path: broken, token: contentToken('{"type": "FeatureCollection", "features": ['), features: [] });
    expect(data.derive).toEqual({ token: contentToken('recipes: [: :'), recipes: {} });
    expect(data.coverage).toEqual({ token: ABSENT, sections: {} });
  });
});
