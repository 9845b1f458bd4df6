/**
 * The in-browser editor's dev-only half: `virtual:atlas-editor` (the editor
 * component under `vite` dev, `null` in every build, so no editor code ships)
 * and the editor's endpoints on the dev server. The logic lives in
 * src/lib/editor/ (pure, unit-tested); this file only moves bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { editorDataFrom } from '../src/lib/editor/editorData.ts';
import { placeIndexFrom } from '../src/lib/editor/places.ts';
import { EDITOR_API, EDITOR_ROUTES, type EditorData, type SaveReply } from '../src/lib/editor/protocol.ts';
import { planEditorSave } from '../src/lib/editor/save.ts';
import { checkRequest, MAX_BODY_BYTES } from '../src/lib/editor/writeGuard.ts';
import { dataTreeOnDisk } from './data-files.ts';
import { assertInsideData, dataRootProblem, LinkOutOfDataError } from './data-root.ts';
import { markEditorWrite } from './editor-writes.ts';
import { commitFiles, InterruptedWriteError, recoverWrites, recoveryReport } from './transaction.ts';
import { riversText } from './reference-files.ts';

const EDITOR = 'virtual:atlas-editor';
const PLACES_FILE = 'ne_10m_populated_places_corridors.geojson';

function send(res: ServerResponse, status: number, body: SaveReply | EditorData | { ok: false; message: string }): void {
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

/**
 * Save: finish what an interrupted earlier write left, plan the save on the
 * tree as it is (save.ts, pure), then write every file or none.
 */
function save(root: string, body: string | null): { status: number; reply: SaveReply } {
  const notATree = dataRootProblem(root);
  if (notATree) return { status: 500, reply: { ok: false, message: `Nothing was written: ${notATree}.` } };
  const recovered = recoverWrites(root);
  if (recovered.problems.length) return { status: 500, reply: { ok: false, message: `Nothing was written: an earlier interrupted write could not be finished.\n${recovered.problems.join('\n')}` } };
  const outcome = planEditorSave(dataTreeOnDisk(root), body);
  for (const path of outcome.writes.keys()) markEditorWrite(resolve(root, path));
  commitFiles(root, [...outcome.writes].map(([path, text]) => ({ path, text })));
  if (recoveryReport(recovered).length) console.info(`[atlas editor] ${recoveryReport(recovered).join('; ')}`);
  return outcome;
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
      // What a save killed half-way left is finished (or its temporary files removed) before anything reads data/.
      if (serve && !dataRootProblem(root)) for (const line of recoveryReport(recoverWrites(root))) server.config.logger.warn(`[atlas editor] ${line}`);
      server.middlewares.use(async (req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(EDITOR_API + '/')) return next();
        const route = url.slice(EDITOR_API.length);
        const write = route === EDITOR_ROUTES.save;
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
          if (route === EDITOR_ROUTES.data) {
            const notATree = dataRootProblem(root);
            if (notATree) return send(res, 500, { ok: false, message: `The editor cannot read the data: ${notATree}.` });
            return send(res, 200, editorDataFrom(dataTreeOnDisk(root)));
          }
          if (route === EDITOR_ROUTES.rivers) {
            // The centrelines the route derivation follows (the same file scripts/derive-routes.ts reads).
            res.setHeader('Content-Type', 'application/json');
            return res.end(riversText(root));
          }
          if (route === EDITOR_ROUTES.places) {
            places ??= JSON.stringify(placeIndexFrom(JSON.parse(readFileSync(placesPath(projectRoot), 'utf8'))));
            res.setHeader('Content-Type', 'application/json');
            return res.end(places);
          }
          if (!write) return send(res, 404, { ok: false, message: `no editor endpoint ${route}` });
          const { status, reply } = save(root, await readBody(req));
          // The next page load compiles the new data (the file watcher may not have noticed yet).
          const atlasModule = server.moduleGraph.getModuleById('\0virtual:atlas');
          if (atlasModule && reply.ok) server.moduleGraph.invalidateModule(atlasModule);
          return send(res, status, reply);
        } catch (e) {
          if (e instanceof LinkOutOfDataError) return send(res, 403, { ok: false, message: `${write ? 'Nothing was written: ' : ''}${e.message}. ${e.refusal.hint}.` });
          if (e instanceof InterruptedWriteError) return send(res, 500, { ok: false, message: `The save was interrupted: ${e.message}` });
          return send(res, 500, { ok: false, message: `The editor failed: ${(e as Error).message}` });
        }
      });
    },
  };
}

/** The basemap's populated places (copied from ../shared/reference into data/basemap/). */
function placesPath(projectRoot: string): string {
  const inData = resolve(projectRoot, 'data/basemap', PLACES_FILE);
  if (!existsSync(inData)) return resolve(projectRoot, '../shared/reference', PLACES_FILE);
  assertInsideData(projectRoot, `data/basemap/${PLACES_FILE}`);
  return inData;
}
