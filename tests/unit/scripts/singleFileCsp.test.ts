/**
 * The single file's policy names each inline script by the hash the browser
 * computes (issue 24, item 6). The built file itself is checked in Chromium by
 * tests/e2e/single.test.ts; this checks the hashing rules on small pages: the
 * browser hashes a script's text after turning CR LF and lone CR into LF, an
 * external script is not hashed, and a page whose policy cannot be completed
 * fails the build instead of shipping an unusable or permissive policy.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspString, INLINE_SCRIPT_HASHES, inlineScriptHashes, SINGLE_FILE_CSP_DIRECTIVES, withScriptHashes } from '../../../scripts/csp-plugin.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const page = (scripts: string) => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${cspString(SINGLE_FILE_CSP_DIRECTIVES)}" /></head><body>${scripts}</body></html>`;
const scriptSrc = (html: string) => /script-src ([^;"]*)/.exec(html)![1].trim().split(/\s+/);

describe("the single file's script hashes", () => {
  it('names every inline script by the hash of its text, and nothing else', () => {
    const html = withScriptHashes(page('<script type="module">import("x");</script><script>window.a = 1;</script><script src="other.js"></script><script data-src="y">window.b = 2;</script>'));
    expect(scriptSrc(html).sort()).toEqual([sha('import("x");'), sha('window.a = 1;'), sha('window.b = 2;')].sort());
    expect(html).not.toContain(INLINE_SCRIPT_HASHES);
    expect(scriptSrc(html)).not.toContain("'unsafe-inline'");
  });

  it('hashes a script with CR LF or lone CR line ends as the browser reads it (LF)', () => {
    const code = 'window.a = 1;\r\nwindow.b = 2;\rwindow.c = 3;\n';
    expect(inlineScriptHashes(page(`<script>${code}</script>`))).toEqual([sha('window.a = 1;\nwindow.b = 2;\nwindow.c = 3;\n')]);
  });

  it('names a script that appears twice once', () => {
    const html = withScriptHashes(page('<script>same()</script><script>same()</script>'));
    expect(scriptSrc(html)).toEqual([sha('same()')]);
  });

  it('fails rather than ship a page with no policy to complete or no script to name', () => {
    expect(() => withScriptHashes('<html><body><script>x()</script></body></html>')).toThrow(/no Content-Security-Policy/);
    expect(() => withScriptHashes(page(''))).toThrow(/no inline script/);
  });

  it('the policy forbids a base and form targets, and any script the page does not name', () => {
    expect(SINGLE_FILE_CSP_DIRECTIVES['base-uri']).toBe("'none'");
    expect(SINGLE_FILE_CSP_DIRECTIVES['form-action']).toBe("'none'");
    expect(SINGLE_FILE_CSP_DIRECTIVES['script-src']).toBe(INLINE_SCRIPT_HASHES);
  });
});
