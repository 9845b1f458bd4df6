/**
 * Where the route derivation's reference inputs come from, for every Node
 * caller (scripts/derive-routes.ts and the editor's dev server): the Natural
 * Earth rivers of the data tree (data/basemap/, else the project's; override
 * the folder with $ATLAS_REFERENCE_DIR) and world-atlas land-10m.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import type { Feature, MultiPolygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { ReferenceLoaders } from '../src/lib/geo/deriveRoutes.ts';
import { assertInsideData } from './data-root.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RIVERS = 'ne_10m_rivers_yangtze_mekong.geojson';

/** The river centrelines file the derivation reads for the data tree at `root`. */
export function riversPath(root: string): string {
  const own = join(root, 'data/basemap');
  const dir = process.env.ATLAS_REFERENCE_DIR ?? (existsSync(join(own, RIVERS)) ? own : join(projectRoot, 'data/basemap'));
  return join(dir, RIVERS);
}

/** The river centrelines' text. The data tree's own copy is a file of data/: a link out of data/ is refused there as everywhere. */
export function riversText(root: string): string {
  const path = riversPath(root);
  if (path.startsWith(join(root, 'data') + '/')) assertInsideData(root, relative(root, path));
  return readFileSync(path, 'utf8');
}

let land: Feature<MultiPolygon> | undefined;

export function referenceLoaders(root: string): ReferenceLoaders {
  return {
    rivers: () => JSON.parse(riversText(root)),
    land: () => {
      if (land) return land;
      const topo = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/land-10m.json'), 'utf8')) as Topology;
      return (land = topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>);
    },
  };
}
