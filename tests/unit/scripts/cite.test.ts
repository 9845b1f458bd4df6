/**
 * `npm run cite` takes the passage from standard input or a file (no shell
 * quoting), and its near-miss help says how the passage differs (issue 12).
 * Runs the real CLI on a fixture tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const project = resolve(import.meta.dirname, '../../..');
const fixture = join(project, 'tests/fixtures/bad-data/quote-not-found');
const tmp = mkdtempSync(join(tmpdir(), 'cite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cite = (args: string[], input?: string) =>
  spawnSync(join(project, 'node_modules/.bin/tsx'), [join(project, 'scripts/cite.ts'), ...args], {
    cwd: project,
    env: { ...process.env, ATLAS_DATA_ROOT: fixture },
    input,
    encoding: 'utf8',
  });

describe('npm run cite', { timeout: 60_000 }, () => {
  it('reads the passage from standard input, line breaks and quotes included', () => {
    const r = cite(['sample-agreement'], 'The two customs will\nopen a fast lane at the river port.\n');
    expect(r.stdout).toMatch(/Found once/);
    expect(r.status).toBe(0);
    expect(cite(['sample-agreement', '-'], 'open a fast lane at the river port').status).toBe(0);
  });

  it('reads the passage from a file', () => {
    const file = join(tmp, 'passage.txt');
    writeFileSync(file, 'The fast lane will serve the river port and the sea port.');
    const r = cite(['sample-agreement', '--file', file]);
    expect(r.stdout).toMatch(/Found once/);
    expect(r.status).toBe(0);
    const missing = cite(['sample-agreement', '--file', join(tmp, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.txt \(ENOENT\)/);
  });

  it('says how a near miss differs: curly quotes, the kind of dash, a missing comma', () => {
    const root = join(tmp, 'tree');
    mkdirSync(join(root, 'data/documents'), { recursive: true });
    mkdirSync(join(root, 'data/features'), { recursive: true });
    writeFileSync(
      join(root, 'data/documents/punctuation.md'),
      '---\nid: punctuation\ntitle: "P"\ndate: "2020"\npublisher: "P"\nparties: ["A", "B"]\n---\n\nThe “green lane” of the China–Laos Railway serves Kunming, Vientiane, and Bangkok.\n',
    );
    const run = (quote: string) =>
      spawnSync(join(project, 'node_modules/.bin/tsx'), [join(project, 'scripts/cite.ts'), 'punctuation'], { cwd: project, env: { ...process.env, ATLAS_DATA_ROOT: root }, input: quote, encoding: 'utf8' });
    const quotes = run('The "green lane" of the China–Laos Railway');
    expect(quotes.status).toBe(1);
    expect(quotes.stdout).toContain('How yours differs: quote marks: the text has the curly opening quote “ where you wrote the straight double quote "; quote marks: the text has the curly closing quote ” where you wrote the straight double quote ".');
    expect(run('of the China-Laos Railway serves').stdout).toContain('How yours differs: dash: the text has the en dash – where you wrote the hyphen -.');
    expect(run('serves Kunming, Vientiane and Bangkok').stdout).toContain('How yours differs: a missing comma: the text has "," after "Vientiane".');
  });
});
