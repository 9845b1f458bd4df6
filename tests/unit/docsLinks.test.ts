/**
 * Issue 21, item 15: the README is a front door and the manuals live in
 * docs/. Every relative link in the project's Markdown leads somewhere real
 * (a file, and the heading an anchor names), and the facts stated once stay
 * once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const markdownFiles = ['README.md', 'data/README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The text a reader sees as Markdown: fenced blocks and inline code are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Relative link targets of a Markdown text (inline links and images). */
function relativeLinks(markdown: string): string[] {
  const targets = [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe('the rules themselves', () => {
  test('anchors follow GitHub: punctuation dropped, repeats numbered', () => {
    expect([...headingAnchors("# A b\n## The single file's CSP\n## A b\n```\n# not a heading\n```")]).toEqual(['a-b', 'the-single-files-csp', 'a-b-1']);
  });
  test('only relative links outside code count', () => {
    expect(relativeLinks('[a](docs/x.md#y) [b](https://e.example) `[c](z.md)` ![d](p.png "t")\n```\n[e](f.md)\n```')).toEqual(['docs/x.md#y', 'p.png']);
  });
});

describe.each(markdownFiles)('%s', (file) => {
  test('every relative link points at an existing file, and at a heading when it names one', () => {
    const broken: string[] = [];
    for (const target of relativeLinks(read(file))) {
      const [linkPath, anchor] = target.split('#') as [string, string | undefined];
      const resolved = linkPath ? path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(linkPath)) : path.join(root, file);
      if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor && (statSync(resolved).isDirectory() || !headingAnchors(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))))
        broken.push(`${target}: no heading with anchor #${anchor}`);
    }
    expect(broken).toEqual([]);
  });
});

test('the README is a front door: under 250 lines, linking every manual in docs/', () => {
  const readme = read('README.md');
  expect(readme.split('\n').length).toBeLessThan(250);
  const linked = new Set(relativeLinks(readme).map((t) => t.split('#')[0]));
  for (const file of markdownFiles.filter((f) => f.startsWith('docs/'))) expect(linked, file).toContain(file);
});

test('the dependencies are explained once, and every package in package.json is', () => {
  const withSection = markdownFiles.filter((f) => /^#+ Dependencies and why/m.test(read(f)));
  expect(withSection).toEqual(['docs/dependencies.md']);
  const { dependencies = {}, devDependencies = {} } = JSON.parse(read('package.json')) as Record<string, Record<string, string>>;
  const table = read('docs/dependencies.md');
  const unexplained = [...Object.keys(dependencies), ...Object.keys(devDependencies)]
    .filter((name) => !name.startsWith('@types/'))
    .filter((name) => !table.includes(`\`${name}\``));
  expect(unexplained).toEqual([]);
});
