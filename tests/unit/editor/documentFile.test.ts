import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../../src/lib/atlas/frontMatter.ts';
import { formatDocument, type DocumentFrontMatter } from '../../../src/lib/editor/documentFile.ts';

const docsDir = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.', 'data/documents');

describe('formatDocument', () => {
  test.each(readdirSync(docsDir).filter((f) => f.endsWith('.md')))('%s: writing its front matter and body back gives the same fields and body', (file) => {
    const text = readFileSync(resolve(docsDir, file), 'utf8');
    const parsed = parseMarkdown(text);
    const out = formatDocument(parsed.data as unknown as DocumentFrontMatter, parsed.body);
    const again = parseMarkdown(out);
    expect(again.errors).toEqual([]);
    expect(again.data).toEqual(parsed.data);
    expect(again.body).toBe(parsed.body);
  });

  test('fields in the fixed order, strings quoted, tricky text survives', () => {
    const out = formatDocument(
      { summary: 'Line: with "quotes" and # hash', title: 'yes', id: 'a-b', date: '2024-03', publisher: 'P', parties: ['A "x"', 'B'], language: 'en', url: '' },
      '\n\nBody  line one.\n\nSecond.  \n\n',
    );
    expect(out).toBe(
      '---\nid: a-b\ntitle: "yes"\ndate: "2024-03"\npublisher: "P"\nparties: ["A \\"x\\"", "B"]\nlanguage: en\nsummary: "Line: with \\"quotes\\" and # hash"\n---\nBody  line one.\n\nSecond.\n',
    );
    const parsed = parseMarkdown(out);
    expect(parsed.data).toMatchObject({ title: 'yes', summary: 'Line: with "quotes" and # hash', parties: ['A "x"', 'B'] });
  });
});

test('removed page chrome is written as a block list of {line, why}, like the seed documents', () => {
  const out = formatDocument({ id: 'a', title: 't', date: '2024', publisher: 'p', removed_chrome: [{ line: '责编:李明', why: 'editor credit' }] }, 'Body.');
  expect(out).toContain('\nremoved_chrome:\n  - line: "责编:李明"\n    why: "editor credit"\n---\n');
  expect(parseMarkdown(out).data).toMatchObject({ removed_chrome: [{ line: '责编:李明', why: 'editor credit' }] });
});
