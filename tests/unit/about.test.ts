/** Issue 21, item 2: "How to cite this map" — a line with the permalink and the day it was seen. */
import { describe, expect, test } from 'vitest';
import { localDay, mapCitation } from '../../src/lib/about/citeMap.ts';
import { APP_VERSION, BUILD_DATE } from '../../src/lib/about/buildInfo.ts';
import pkg from '../../package.json' with { type: 'json' };

const link = 'https://atlas.example/#map=5/30/110&feature=yangluo-port';

describe('mapCitation', () => {
  test('names the atlas and its version, carries the permalink unchanged and the day it was accessed', () => {
    const line = mapCitation({ version: '1.2.3', link, accessed: '2026-03-05', lang: 'en' });
    expect(line).toContain('Corridor Atlas');
    expect(line).toContain('1.2.3');
    expect(line).toContain(` ${link} `);
    expect(line).toContain('accessed 5 March 2026');
  });
  test('in Chinese too', () => {
    const line = mapCitation({ version: '1.2.3', link, accessed: '2026-12-07', lang: 'zh' });
    expect(line).toContain(link);
    expect(line).toContain('2026年12月7日访问');
  });
});

test('localDay is the reader\'s calendar day, zero-padded', () => {
  expect(localDay(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
});

test('the version shown is package.json\'s and the build date is a real day', () => {
  expect(APP_VERSION).toBe(pkg.version);
  expect(BUILD_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Number.isNaN(Date.parse(BUILD_DATE))).toBe(false);
});

test('the code has a licence file and the data README states the data\'s licence and the texts\' rights', async () => {
  const { readFileSync } = await import('node:fs');
  const root = new URL('../../', import.meta.url);
  expect(readFileSync(new URL('LICENSE', root), 'utf8')).toMatch(/^MIT License/);
  const data = readFileSync(new URL('data/README.md', root), 'utf8');
  const licence = data.slice(data.indexOf('## Licence'));
  expect(licence).toMatch(/CC BY 4\.0/);
  expect(licence).toMatch(/© their publishers/);
});
