/**
 * Issue 21, item 13: "Our inference" reasoning is written in English only
 * (the data has no Chinese reasoning field). Wherever the Chinese interface
 * shows it — source panel, embed panel, figure notes, all labelled with
 * `inference` — the label says the reasoning is in English.
 */
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { MESSAGES } from '../../../src/lib/i18n/messages.ts';

const root = resolve(import.meta.dirname, '../../..');
const atlas = compileAtlas(readDataFiles(process.env.ATLAS_DATA_ROOT ?? root)).atlas!;

test('the Chinese label of our inference says its reasoning is in English', () => {
  const reasonings = atlas.features.flatMap((f) => f.properties.citations.flatMap((c) => (c.reasoning ? [c.reasoning] : [])));
  // Were a Chinese reasoning field added to the data, this rule would change with it.
  if (reasonings.length) expect(MESSAGES.zh.inference).toMatch(/英文/);
  expect(MESSAGES.en.inference).not.toMatch(/English/);
});
