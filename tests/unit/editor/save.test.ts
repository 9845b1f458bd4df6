/**
 * The editor's save as a pure function over a file tree (issue 24, item 7),
 * without a server: what it answers and what it would write. On it: a save
 * killed between its renames is finished by the next start (item 1), and the
 * messages of item 5 (deep nesting, an over-long document, a reused id).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkData } from '../../../scripts/check-data.ts';
import { dataTreeOnDisk, readDataFiles } from '../../../scripts/data-files.ts';
import { referenceLoaders } from '../../../scripts/reference-files.ts';
import { commitFiles, InterruptedWriteError, recoverWrites } from '../../../scripts/transaction.ts';
import { killedAtRename } from '../renameFault.ts';
import { fmt, LIMITS } from '../../../src/lib/atlas/limits.ts';
import { ABSENT, contentToken } from '../../../src/lib/editor/conflictToken.ts';
import { COVERAGE_PATH } from '../../../src/lib/editor/coverageSync.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { planEditorSave, type SaveTree } from '../../../src/lib/editor/save.ts';
import { EDIT_TEXT_LIMITS, MAX_CHROME_LINES, MAX_EDIT_DEPTH, MAX_EDITS } from '../../../src/lib/editor/saveRequest.ts';
import { MAX_BODY_BYTES } from '../../../src/lib/editor/writeGuard.ts';
import { GEOMETRY_SPEC_PATH, PRODUCED_PATH } from '../../../src/lib/geo/deriveTree.ts';
import { newDocumentEdit, newPointFeature } from './saveFixtures.ts';

const project = resolve(import.meta.dirname, '../../..');
const dataRoot = resolve(project, process.env.ATLAS_DATA_ROOT ?? '.');

/** The project's data as an in-memory tree: path → text. */
function dataFiles(): Map<string, string> {
  const input = readDataFiles(dataRoot);
  const files = new Map([...input.documents, ...input.features].map((f) => [f.path, f.text]));
  for (const path of [COVERAGE_PATH, GEOMETRY_SPEC_PATH, PRODUCED_PATH]) {
    const text = dataTreeOnDisk(dataRoot).read(path);
    if (text !== null) files.set(path, text);
  }
  return files;
}

function memoryTree(files: Map<string, string>): SaveTree {
  const under = (dir: string) => [...files].filter(([p]) => p.startsWith(dir)).sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => ({ path, text }));
  return {
    read: (path) => files.get(path) ?? null,
    input: () => ({ documents: under('data/documents/'), features: under('data/features/') }),
    loaders: referenceLoaders(dataRoot),
  };
}

const DOC = 'test-save-fast-lane-2024';
const newDoc = newDocumentEdit(DOC);
const newFeature = (id: string) => newPointFeature(id, DOC);
const NEW_FILE = 'test-save.geojson';
const body = (edits: unknown[]) => JSON.stringify({ edits });
const goodSave = body([newDoc, { kind: 'put-feature', file: NEW_FILE, token: ABSENT, feature: newFeature('test-save-fast-lane') }]);

let dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the save, without a server', { timeout: 60_000 }, () => {
  it('answers 200 with the files to write (the document, the feature file, the coverage table) and touches nothing', () => {
    const files = dataFiles();
    const before = new Map(files);
    const out = planEditorSave(memoryTree(files), goodSave);
    expect(out.reply, JSON.stringify(out.reply).slice(0, 2000)).toMatchObject({ ok: true });
    expect(out.status).toBe(200);
    expect([...out.writes.keys()]).toEqual(expect.arrayContaining([`data/documents/${DOC}.md`, `data/features/${NEW_FILE}`, COVERAGE_PATH]));
    expect(readFeatures(out.writes.get(`data/features/${NEW_FILE}`)!)[0].id).toBe('test-save-fast-lane');
    expect(JSON.stringify(parseYaml(out.writes.get(COVERAGE_PATH)!)[DOC])).toContain('test-save-fast-lane');
    if (out.reply.ok) for (const [path, text] of out.writes) expect(out.reply.tokens[path]).toBe(contentToken(text));
    expect(files).toEqual(before);
  });

  it('an approximate position without a note saying how it was placed is refused beside the references field; nothing is written', () => {
    const feature = newFeature('test-save-fast-lane');
    const bare = { ...feature, properties: { ...feature.properties, geometry_basis: 'approximate', references: [{ title: feature.properties.references[0].title }] } };
    const out = planEditorSave(memoryTree(dataFiles()), body([newDoc, { kind: 'put-feature', file: NEW_FILE, token: ABSENT, feature: bare }]));
    expect(out.status).toBe(422);
    expect(out.writes.size).toBe(0);
    const problems = out.reply.ok ? [] : (out.reply.problems ?? []);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'properties.references', message: expect.stringMatching(/"approximate" but no reference has a "note"/) }));
  });

  it('"not mapped because…" writes only the coverage table, against its version; a phrase not in the document is refused', () => {
    const files = dataFiles();
    const path = [...files.keys()].find((p) => p.startsWith('data/documents/'))!;
    const docId = path.replace(/^.*\/|\.md$/g, '');
    const words = files.get(path)!.split(/^---$/m)[2].trim().split(/\s+/).slice(0, 3).join(' ');
    const edit = (phrase: string, token = contentToken(files.get(COVERAGE_PATH) ?? null)) => body([{ kind: 'not-mapped', token, document: docId, phrase, why: 'Named in passing.' }]);
    const out = planEditorSave(memoryTree(files), edit(words));
    expect(out.reply, JSON.stringify(out.reply).slice(0, 500)).toMatchObject({ ok: true });
    expect([...out.writes.keys()]).toEqual([COVERAGE_PATH]);
    expect(parseYaml(out.writes.get(COVERAGE_PATH)!)[docId]).toContainEqual({ phrase: words, not_mapped: 'Named in passing.' });
    const absent = planEditorSave(memoryTree(files), edit(`${words} no such words in it`));
    expect(absent.status).toBe(422);
    expect(absent.writes.size).toBe(0);
    expect(absent.reply.ok ? '' : absent.reply.message).toMatch(/is not in the text of/);
    const stale = planEditorSave(memoryTree(files), edit(words, contentToken('an older version')));
    expect(stale.status).toBe(409);
    expect(stale.writes.size).toBe(0);
  });

  it('a save killed between writing the feature and the coverage table is finished by the next start; the check passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-save-'));
    dirs.push(dir);
    cpSync(join(dataRoot, 'data'), join(dir, 'data'), { recursive: true });
    const out = planEditorSave(dataTreeOnDisk(dir), goodSave);
    expect(out.status).toBe(200);
    const writes = [...out.writes].map(([path, text]) => ({ path, text }));
    // The coverage table last, so the failure falls between the feature and it.
    writes.sort((a, b) => Number(a.path === COVERAGE_PATH) - Number(b.path === COVERAGE_PATH));
    const ops = killedAtRename(writes.length);
    expect(() => commitFiles(dir, writes, ops)).toThrow(InterruptedWriteError);
    expect(readFileSync(join(dir, 'data/features', NEW_FILE), 'utf8')).toBe(out.writes.get(`data/features/${NEW_FILE}`));
    expect(readFileSync(join(dir, COVERAGE_PATH), 'utf8')).not.toContain('test-save-fast-lane');
    expect(checkData(dir).exitCode).toBe(1);

    // The next start (the dev server, a save, derive-routes) finishes it.
    expect(recoverWrites(dir).finished).toEqual([COVERAGE_PATH]);
    expect(readFileSync(join(dir, COVERAGE_PATH), 'utf8')).toBe(out.writes.get(COVERAGE_PATH));
    const check = checkData(dir);
    expect(check.output).not.toMatch(/error/);
    expect(check.exitCode).toBe(0);
    const left = readdirSync(join(dir, 'data'), { recursive: true }).map(String).filter((f) => f.split('/').pop()!.startsWith('.'));
    expect(left).toEqual([]);
  });

  it('a properties object nested 5,000 deep is a 400 naming the limit, not a stack overflow', () => {
    // Written as text: JSON.stringify itself would overflow the stack on it.
    const deep = `${'{"deeper":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
    const feature = JSON.stringify({ ...newFeature('test-deep'), properties: { ...newFeature('test-deep').properties, extra: '@DEEP@' } }).replace('"@DEEP@"', deep);
    const out = planEditorSave(memoryTree(dataFiles()), `{"edits": [{"kind": "put-feature", "file": "${NEW_FILE}", "token": "${ABSENT}", "feature": ${feature}}]}`);
    expect(out.status).toBe(400);
    expect(out.reply).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`nested more than \\d+ levels deep: a feature file allows ${LIMITS.jsonDepth} levels`)) });
    expect(out.writes.size).toBe(0);
  });

  it('a document over the size limit is refused with the limit named', () => {
    const text = 'Customs. '.repeat(Math.ceil((LIMITS.documentBytes + 1) / 9));
    const out = planEditorSave(memoryTree(dataFiles()), body([{ ...newDoc, body: text }]));
    expect(out.status).toBe(400);
    expect(out.reply).toMatchObject({ ok: false, message: expect.stringContaining(`${fmt(text.length)} bytes (UTF-8); the limit is ${fmt(LIMITS.documentBytes)} bytes per document`) });
  });

  it('a front-matter field, a party, a chrome line, a feature or a not-mapped phrase over its limit is refused with the limit named', () => {
    const tree = memoryTree(dataFiles());
    const over = (limit: number) => 'x'.repeat(limit + 1);
    const named = (limit: number) => expect.stringContaining(`is ${fmt(limit + 1)} characters long; the limit is ${fmt(limit)}`);
    const cases: [unknown, unknown][] = [
      [{ ...newDoc, front: { ...newDoc.front, summary: over(EDIT_TEXT_LIMITS.frontField) } }, named(EDIT_TEXT_LIMITS.frontField)],
      [{ ...newDoc, front: { ...newDoc.front, parties: ['A', over(EDIT_TEXT_LIMITS.party)] } }, named(EDIT_TEXT_LIMITS.party)],
      [{ ...newDoc, front: { ...newDoc.front, removed_chrome: [{ line: over(EDIT_TEXT_LIMITS.chromeLine), why: 'menu' }] } }, named(EDIT_TEXT_LIMITS.chromeLine)],
      [
        { ...newDoc, front: { ...newDoc.front, removed_chrome: Array.from({ length: MAX_CHROME_LINES + 1 }, () => ({ line: 'Home', why: 'menu' })) } },
        expect.stringContaining(`the limit is ${fmt(MAX_CHROME_LINES)}`),
      ],
      [
        { kind: 'put-feature', file: NEW_FILE, token: ABSENT, feature: { ...newFeature('test-big'), properties: { ...newFeature('test-big').properties, description: over(EDIT_TEXT_LIMITS.feature) } } },
        expect.stringMatching(new RegExp(`the feature is [\\d,]+ characters of JSON; the limit is ${fmt(EDIT_TEXT_LIMITS.feature)}`)),
      ],
      [{ kind: 'not-mapped', token: ABSENT, document: DOC, phrase: over(EDIT_TEXT_LIMITS.notMappedPhrase), why: 'Named in passing.' }, named(EDIT_TEXT_LIMITS.notMappedPhrase)],
    ];
    for (const [edit, message] of cases) {
      const out = planEditorSave(tree, body([edit]));
      expect(out.status).toBe(400);
      expect(out.reply).toMatchObject({ ok: false, message });
      expect(out.writes.size).toBe(0);
    }
  });

  it('a new feature that reuses an existing id is refused as a duplicate id, in another file and in its own', () => {
    const files = dataFiles();
    const input = memoryTree(files).input();
    const holder = input.features.find((f) => readFeatures(f.text).length > 0)!;
    const taken = readFeatures(holder.text)[0];
    const file = holder.path.replace('data/features/', '');
    for (const target of [NEW_FILE, file]) {
      const token = target === file ? contentToken(holder.text) : ABSENT;
      const out = planEditorSave(memoryTree(files), body([newDoc, { kind: 'put-feature', file: target, token, feature: newFeature(taken.id) }]));
      expect(out.status, target).toBe(422);
      expect(out.reply).toMatchObject({ ok: false, message: expect.stringContaining(`duplicate id "${taken.id}": ${holder.path} already has a feature with this id`) });
      expect(out.writes.size).toBe(0);
    }
  });

  it('editing a feature in place, or moving it to another file, is not a duplicate', () => {
    const files = dataFiles();
    const holder = memoryTree(files)
      .input()
      .features.find((f) => readFeatures(f.text).length > 0)!;
    const feature = readFeatures(holder.text)[0];
    const file = holder.path.replace('data/features/', '');
    const token = contentToken(holder.text);
    const edited = { ...feature, properties: { ...(feature.properties as object), description: 'Edited in a test.' } };
    const inPlace = planEditorSave(memoryTree(files), body([{ kind: 'put-feature', file, token, feature: edited, replaces: feature.id }]));
    expect(JSON.stringify(inPlace.reply)).not.toMatch(/duplicate id/);
    const moved = planEditorSave(memoryTree(files), body([{ kind: 'delete-feature', file, token, id: feature.id }, { kind: 'put-feature', file: NEW_FILE, token: ABSENT, feature }]));
    expect(JSON.stringify(moved.reply)).not.toMatch(/duplicate id/);
  });

  it("docs/authoring.md states the editor's limits with the numbers the code uses", () => {
    const guide = readFileSync(resolve(project, 'docs/authoring.md'), 'utf8');
    expect(guide).toMatch(new RegExp(`\\| a document saved from the editor [^|]*\\| ${fmt(LIMITS.documentBytes)} bytes`));
    expect(guide).toContain(`| one save sent by the editor | ${fmt(MAX_BODY_BYTES)} bytes, at most ${MAX_EDITS} edits |`);
    expect(guide).toMatch(new RegExp(`\\| nesting of \`\\[\` and \`\\{\` in one edit the editor sends \\| ${MAX_EDIT_DEPTH} levels`));
    for (const [what, limit] of [
      ['a feature the editor saves, as JSON', EDIT_TEXT_LIMITS.feature],
      ['one front-matter field of a document saved from the editor', EDIT_TEXT_LIMITS.frontField],
      ['one name in its parties', EDIT_TEXT_LIMITS.party],
      ['one line of page chrome it lists', EDIT_TEXT_LIMITS.chromeLine],
      ['why that line is chrome', EDIT_TEXT_LIMITS.chromeWhy],
      ['an id, or a feature file\'s name', EDIT_TEXT_LIMITS.id],
      ['a phrase marked "not mapped"', EDIT_TEXT_LIMITS.notMappedPhrase],
      ['why it is not mapped', EDIT_TEXT_LIMITS.notMappedWhy],
    ] as const)
      expect(guide).toContain(`| ${what} | ${fmt(limit)} characters |`);
    expect(guide).toContain(`| lines of page chrome one document lists | ${fmt(MAX_CHROME_LINES)} |`);
  });
});
