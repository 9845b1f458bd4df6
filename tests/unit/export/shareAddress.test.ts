/**
 * Issue 21, item 9: a copy opened from disk shares the site address it was
 * built with, or says it has none; it never offers a file:/// path as a link.
 */
import { describe, expect, test } from 'vitest';
import { mapCitation } from '../../../src/lib/about/citeMap.ts';
import { permalink } from '../../../src/lib/export/embedSnippet.ts';
import { parseSiteUrl, shareBase } from '../../../src/lib/export/shareAddress.ts';

const SITE = 'https://atlas.example/corridors/';

describe('shareBase', () => {
  test('a page on the web shares its own address, whatever the build was given', () => {
    for (const site of ['', SITE]) expect(shareBase('https://other.example/atlas/?lang=zh#feature=a', site)).toBe('https://other.example/atlas/?lang=zh#feature=a');
    expect(shareBase('http://127.0.0.1:4173/', '')).toBe('http://127.0.0.1:4173/');
  });
  test('a file opened from disk shares the site address, else nothing', () => {
    const file = 'file:///home/someone/report/index.html#map=5/30/110';
    expect(shareBase(file, SITE)).toBe(SITE);
    expect(shareBase(file, '')).toBeNull();
    expect(permalink(shareBase(file, SITE)!, '#feature=a')).toBe(`${SITE}#feature=a`);
  });
});

describe('parseSiteUrl (ATLAS_SITE_URL)', () => {
  test('unset or blank is no address', () => {
    for (const v of [undefined, '', '   ']) expect(parseSiteUrl(v)).toBe('');
  });
  test('an http(s) address is kept, its query and hash dropped', () => {
    expect(parseSiteUrl(' https://atlas.example/corridors/?x=1#y ')).toBe(SITE);
  });
  test('anything else stops the build with a message naming the variable', () => {
    for (const v of ['atlas.example', 'file:///tmp/atlas/', 'javascript:alert(1)']) expect(() => parseSiteUrl(v)).toThrow(/ATLAS_SITE_URL/);
  });
});

test('the map citation of a copy with no address has no link and no gap', () => {
  for (const lang of ['en', 'zh'] as const) {
    const text = mapCitation({ version: '1.0.0', link: null, accessed: '2026-12-07', lang });
    expect(text).not.toMatch(/null|undefined|file:|\s{2}/);
    expect(text).toContain("2026");
  }
});
