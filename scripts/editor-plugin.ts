/**
 * The in-browser editor's dev-only half: `virtual:atlas-editor` (the editor
 * component under `vite` dev, `null` in every build, so no editor code ships)
 * and the editor's endpoints on the dev server. The logic lives in
 * src/lib/editor/ (pure, unit-tested); this file only moves bytes.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileAtlas } from '../src/lib/atlas/compile.ts';
import type { Problem } from '../src/lib/atlas/problems.ts';
import { contentToken } from '../src/lib/editor/conflictToken.ts';
import { readFeatures } from '../src/lib/editor/featureFileEdit.ts';
import { placeIndexFrom } from '../src/lib/editor/places.ts';
import { documentProblemField, featureProblemField } from '../src/lib/editor/problemFields.ts';
import { parseSaveRequest, planSave } from '../src/lib/editor/saveRequest.ts';
import { checkRequest, MAX_BODY_BYTES } from '../src/lib/editor/writeGuard.ts';
import { deriveForSave } from '../src/lib/editor/saveDerived.ts';
import { coverageChange } from '../src/lib/editor/saveRequest.ts';
import { COVERAGE_PATH, syncCoverage } from '../src/lib/editor/coverageSync.ts';
import { parseGeometrySpec } from '../src/lib/geo/deriveRoutes.ts';
import { GEOMETRY_SPEC_PATH, PRODUCED_PATH } from '../src/lib/geo/deriveTree.ts';
import { parse as parseYaml } from 'yaml';
import { readDataFiles } from './data-files.ts';
import { markEditorWrite } from './editor-writes.ts';
import { writeFilesAtomically } from './atomicWrite.ts';
import { referenceLoaders, riversPath } from './reference-files.ts';

const EDITOR = 'virtual:atlas-editor';
/** The editor's endpoints, under one prefix no page or asset uses. */
export const EDITOR_API = '/__atlas-editor';
const PLACES_FILE = 'ne_10m_populated_places_corridors.geojson';

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the client hears the refusal instead of a reset.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => done(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', failed);
  });
}

export interface EditorOptions {
  /** Directory holding data/documents and data/features (default: $ATLAS_DATA_ROOT, else Vite's root). */
  root?: string;
}

/** The route recipes (data/derive/geometry.yaml) by feature id, and the file's version token. */
function recipesData(root: string) {
  const path = resolve(root, GEOMETRY_SPEC_PATH);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : null;
  let recipes: Record<string, unknown> = {};
  try {
    recipes = text === null ? {} : Object.fromEntries(parseGeometrySpec(parseYaml(text)).spec.recipes);
  } catch {
    // Unreadable YAML: `npm run check` reports it; the editor shows no recipes.
  }
  return { token: contentToken(text), recipes };
}

/** Everything the editor needs from disk: raw features per file, documents, recipes, and each file's version token. */
function editorData(root: string) {
  const input = readDataFiles(root);
  const files = input.features.map((f) => {
    let features: unknown[] = [];
    try {
      features = readFeatures(f.text);
    } catch {
      // An unreadable file: the atlas plugin already reports it.
    }
    return { path: f.path, token: contentToken(f.text), features };
  });
  const documents = input.documents.map((d) => ({ path: d.path, token: contentToken(d.text) }));
  return { files, documents, derive: recipesData(root) };
}

function withFields(problems: Problem[], writes: Map<string, string>) {
  return problems.map((p) => {
    const text = writes.get(p.file);
    const field = text === undefined ? null : p.file.endsWith('.md') ? documentProblemField(text, p) : featureProblemField(text, p);
    return { ...p, field };
  });
}

export function editorPlugin(options: EditorOptions = {}): Plugin {
  let serve = false;
  const dataRootOption = options.root ?? process.env.ATLAS_DATA_ROOT;
  let root = process.cwd();
  let projectRoot = process.cwd();
  let places: string | null = null;
  return {
    name: 'corridor-atlas-editor',
    configResolved(config) {
      serve = config.command === 'serve' && !config.isProduction && config.mode !== 'test';
      projectRoot = config.root;
      root = dataRootOption ? resolve(dataRootOption) : config.root;
    },
    resolveId(id) {
      if (id === EDITOR) return '\0' + EDITOR;
    },
    load(id) {
      if (id !== '\0' + EDITOR) return;
      // Only the dev server gets the editor; every build gets null and carries no editor code.
      return serve ? `export { default } from ${JSON.stringify(resolve(projectRoot, 'src/components/editor/EditMode.svelte'))};` : 'export default null;';
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(EDITOR_API + '/')) return next();
        const route = url.slice(EDITOR_API.length);
        const write = route === '/save';
        const guard = checkRequest(
          {
            method: req.method ?? '',
            remoteAddress: req.socket.remoteAddress,
            host: req.headers.host,
            origin: req.headers.origin,
            contentType: req.headers['content-type'],
            contentLength: req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']),
            secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
          },
          req.socket.localPort ?? '',
          { write },
        );
        if (!guard.ok) return send(res, guard.status, { ok: false, message: guard.message });
        try {
          if (route === '/data') return send(res, 200, editorData(root));
          if (route === '/rivers') {
            // The centrelines the route derivation follows (the same file scripts/derive-routes.ts reads).
            res.setHeader('Content-Type', 'application/json');
            return res.end(readFileSync(riversPath(root)));
          }
          if (route === '/places') {
            places ??= JSON.stringify(placeIndexFrom(JSON.parse(readFileSync(placesPath(projectRoot), 'utf8'))));
            res.setHeader('Content-Type', 'application/json');
            return res.end(places);
          }
          if (!write) return send(res, 404, { ok: false, message: `no editor endpoint ${route}` });
          const text = await readBody(req);
          if (text === null) return send(res, 413, { ok: false, message: `The edit is larger than ${MAX_BODY_BYTES} bytes.` });
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            return send(res, 400, { ok: false, message: 'The body is not JSON.' });
          }
          const parsed = parseSaveRequest(json);
          if (!parsed.ok) return send(res, 400, { ok: false, message: parsed.message });
          const read = (path: string) => (existsSync(resolve(root, path)) ? readFileSync(resolve(root, path), 'utf8') : null);
          const plan = planSave(read, parsed.value);
          if (!plan.ok) {
            if (plan.conflicts.length) return send(res, 409, { ok: false, message: plan.conflicts.join('\n'), conflicts: plan.conflicts });
            return send(res, 400, { ok: false, message: plan.errors.join('\n') });
          }
          // The would-be data tree, through the build's own validator, before anything is written.
          const input = readDataFiles(root);
          const replace = (files: { path: string; text: string }[], ext: string) => {
            const out = files.filter((f) => !plan.writes.has(f.path));
            for (const [path, t] of plan.writes) if (path.endsWith(ext)) out.push({ path, text: t });
            return out;
          };
          // Route recipes re-derived on the would-be tree (scripts/derive-routes.ts's code): their geometry and produced.json join the writes.
          const features = replace(input.features, '.geojson');
          const derived = deriveForSave({
            features: new Map(features.map((f) => [f.path, f.text])),
            specText: plan.writes.get(GEOMETRY_SPEC_PATH) ?? read(GEOMETRY_SPEC_PATH),
            recordText: read(PRODUCED_PATH),
            loaders: referenceLoaders(root),
          });
          if (!derived.ok) return send(res, 422, { ok: false, message: 'Nothing was written: a route could not be derived.', problems: derived.problems });
          for (const [path, t] of derived.writes) plan.writes.set(path, t);
          // The coverage table lists what the save added, so `npm test` keeps passing.
          const coverage = syncCoverage(read(COVERAGE_PATH), coverageChange(parsed.value));
          if (!coverage.ok) return send(res, 422, { ok: false, message: `Nothing was written: ${coverage.message}.` });
          if (coverage.text !== null && coverage.text !== read(COVERAGE_PATH)) plan.writes.set(COVERAGE_PATH, coverage.text);
          const result = compileAtlas({ documents: replace(input.documents, '.md'), features: replace(input.features, '.geojson') });
          const errors = result.problems.filter((p) => p.severity === 'error');
          if (errors.length) return send(res, 422, { ok: false, message: 'Nothing was written: the data check found problems.', problems: withFields(errors, plan.writes) });
          const writes = [...plan.writes].map(([path, t]) => ({ path: resolve(root, path), text: t }));
          for (const w of writes) {
            mkdirSync(dirname(w.path), { recursive: true });
            markEditorWrite(w.path);
          }
          writeFilesAtomically(writes);
          // The next page load compiles the new data (the file watcher may not have noticed yet).
          const atlasModule = server.moduleGraph.getModuleById('\0virtual:atlas');
          if (atlasModule) server.moduleGraph.invalidateModule(atlasModule);
          const warnings = withFields(result.problems.filter((p) => p.severity === 'warning'), plan.writes);
          return send(res, 200, { ok: true, tokens: Object.fromEntries([...plan.writes].map(([p, t]) => [p, contentToken(t)])), warnings, rederived: derived.rederived });
        } catch (e) {
          return send(res, 500, { ok: false, message: `The editor failed: ${(e as Error).message}` });
        }
      });
    },
  };
}

/** The basemap's populated places (copied from ../shared/reference into data/basemap/). */
function placesPath(projectRoot: string): string {
  const inData = resolve(projectRoot, 'data/basemap', PLACES_FILE);
  return existsSync(inData) ? inData : resolve(projectRoot, '../shared/reference', PLACES_FILE);
}
