/**
 * What the editor page loads (EditorData, the reply to GET data), as a pure
 * function over the same file tree the save reads: every feature file with
 * its features, every document, the route recipes and the coverage table,
 * each with the version token a later save must quote. An unreadable file or
 * YAML is served empty here; `npm run check` reports it.
 */
import { parse as parseYaml } from 'yaml';
import { parseGeometrySpec } from '../geo/deriveRoutes.ts';
import { GEOMETRY_SPEC_PATH } from '../geo/deriveTree.ts';
import { contentToken } from './conflictToken.ts';
import { COVERAGE_PATH } from './coverageSync.ts';
import { readFeatures, type RawFeature } from './featureFileEdit.ts';
import { publishedPlacesFrom, type PublishedPlace } from './placeGazetteer.ts';
import type { EditorData } from './protocol.ts';
import type { SaveTree } from './save.ts';

function parsed(text: string | null): unknown {
  try {
    return text === null ? null : parseYaml(text);
  } catch {
    return null;
  }
}

/** The route recipes (data/derive/geometry.yaml) by feature id, the file's token, and the places it gives a published position. */
function recipesFrom(text: string | null): Pick<EditorData, 'derive' | 'published'> {
  const yaml = parsed(text);
  let recipes: EditorData['derive']['recipes'] = {};
  let published: PublishedPlace[] = [];
  try {
    recipes = yaml === null ? {} : Object.fromEntries(parseGeometrySpec(yaml).spec.recipes);
    published = publishedPlacesFrom(yaml);
  } catch {
    // A malformed spec: the editor shows no recipes.
  }
  return { derive: { token: contentToken(text), recipes }, published };
}

/** The coverage table (data/coverage.yaml) by document id, and the file's token. */
function coverageFrom(text: string | null): EditorData['coverage'] {
  const yaml = parsed(text);
  const sections = yaml && typeof yaml === 'object' && !Array.isArray(yaml) ? (yaml as EditorData['coverage']['sections']) : {};
  return { token: contentToken(text), sections };
}

export function editorDataFrom(tree: Pick<SaveTree, 'read' | 'input'>): EditorData {
  const input = tree.input();
  const files = input.features.map((f) => {
    let features: RawFeature[] = [];
    try {
      features = readFeatures(f.text);
    } catch {
      // An unreadable file: served without features.
    }
    return { path: f.path, token: contentToken(f.text), features };
  });
  const documents = input.documents.map((d) => ({ path: d.path, token: contentToken(d.text) }));
  return { files, documents, ...recipesFrom(tree.read(GEOMETRY_SPEC_PATH)), coverage: coverageFrom(tree.read(COVERAGE_PATH)) };
}
