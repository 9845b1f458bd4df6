/**
 * `npm run cite -- <doc-id> "<quote>" [--prefix "<words before>"]`
 * `npm run cite -- <doc-id> --file passage.txt`   (the passage from a file)
 * `pbpaste | npm run cite -- <doc-id>`            (the passage from standard input; or give "-")
 *
 * Reading the passage from a file or standard input spares shell quoting:
 * quotes, dollar signs and line breaks in the passage arrive as they are.
 *
 * Resolve a quote against a document exactly as the build will, and print:
 * - when it matches once: the citation to paste into a feature, the W3C
 *   selector it anchors to, and the paragraph with the quote marked;
 * - when it matches several times: each place with the prefix that picks it;
 * - when it does not match: the nearest passages (edit distance), to copy from.
 * Exit 0 when the citation would anchor, 1 otherwise.
 * The data directory is `$ATLAS_DATA_ROOT/data` or `./data`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { anchorQuote } from '../src/lib/atlas/anchor.ts';
import { describeDifferences, disambiguatingPrefixes, nearMisses, occurrences, paragraphAround } from '../src/lib/atlas/citeHelp.ts';
import { parseMarkdown } from '../src/lib/atlas/frontMatter.ts';
import { readWholeDataTree } from './data-files.ts';
import { dataRootProblem, LinkOutOfDataError } from './data-root.ts';

const USAGE = [
  'usage: npm run cite -- <doc-id> "<quote>" [--prefix "<words just before the quote>"]',
  '       npm run cite -- <doc-id> --file <passage.txt> [--prefix "…"]',
  '       <command that prints the passage> | npm run cite -- <doc-id> [--prefix "…"]',
].join('\n');

type Args = { docId: string; quote: string; prefix?: string };

/** The passage comes from the arguments, from --file, or from standard input ("-", or nothing when input is piped). */
function parseArgs(argv: string[]): Args | { error: string } {
  const rest = [...argv];
  const take = (flag: string): string | undefined | null => {
    const i = rest.indexOf(flag);
    if (i === -1) return undefined;
    const v = rest[i + 1];
    rest.splice(i, 2);
    return v === undefined || v === '' ? null : v;
  };
  const prefix = take('--prefix');
  const file = take('--file');
  if (prefix === null) return { error: '--prefix needs the words just before the quote' };
  if (file === null) return { error: '--file needs the name of a file holding the passage' };
  const [docId, ...words] = rest;
  if (!docId) return { error: 'give the document id first' };
  let quote: string;
  if (file !== undefined) {
    try {
      quote = readFileSync(file, 'utf8');
    } catch (e) {
      return { error: `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
  } else if (words.length === 0 || (words.length === 1 && words[0] === '-')) {
    if (process.stdin.isTTY && words[0] !== '-') return { error: 'give the passage after the document id, with --file, or on standard input' };
    quote = readFileSync(0, 'utf8');
  } else quote = words.join(' ');
  // A passage from a file or a paste keeps its line breaks; the build folds whitespace, so only the ends are trimmed.
  quote = quote.replace(/^\uFEFF/, '').trim();
  if (!quote) return { error: 'the passage is empty' };
  return { docId, quote, prefix };
}

/** Mark [start, end) of the paragraph with »« and wrap long text for the terminal. */
function marked(body: string, start: number, end: number): string {
  const para = paragraphAround(body, start, end);
  const s = start - para.start;
  const e = end - para.start;
  return `${para.text.slice(0, s)}»${para.text.slice(s, e)}«${para.text.slice(e)}`;
}

/** Up to `n` characters either side of [start, end), on one line, the quote marked. */
function context(body: string, start: number, end: number, n = 70): string {
  const one = (t: string) => t.replace(/\s+/g, ' ');
  return `${one(body.slice(Math.max(0, start - n), start))}»${one(body.slice(start, end))}«${one(body.slice(end, end + n))}`;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  const root = resolve(process.env.ATLAS_DATA_ROOT ?? '.');
  const notATree = dataRootProblem(root);
  if (notATree) {
    console.error(notATree);
    return 2;
  }
  let files;
  try {
    files = readWholeDataTree(root).documents;
  } catch (e) {
    if (!(e instanceof LinkOutOfDataError)) throw e;
    console.error(`${e.message}\n    fix: ${e.refusal.hint}`);
    return 2;
  }
  const docs = new Map(files.map((f) => [f.path.replace(/^.*\//, '').replace(/\.md$/, ''), f]));
  const file = docs.get(args.docId);
  if (!file) {
    const near = [...docs.keys()].sort((a, b) => distance(a, args.docId) - distance(b, args.docId));
    console.error(`No document "${args.docId}" in ${resolve(root, 'data/documents')}.`);
    console.error(near.length ? `Did you mean "${near[0]}"? Documents: ${near.join(', ')}` : 'There are no documents yet.');
    return 1;
  }
  const { body } = parseMarkdown(file.text);
  const r = anchorQuote(body, args.quote, args.prefix);
  if (r.ok) {
    const citation = { document: args.docId, quote: args.quote, ...(args.prefix ? { prefix: args.prefix } : {}) };
    console.log('Found once. Paste this into the feature\'s "citations":\n');
    console.log(JSON.stringify(citation, null, 2));
    console.log('\nIt anchors to (TextQuoteSelector + TextPositionSelector, computed by the build):\n');
    console.log(JSON.stringify(r.selector, null, 2));
    console.log('\nIn its paragraph:\n');
    console.log(marked(body, r.selector.start, r.selector.end));
    return 0;
  }
  if (r.reason === 'ambiguous' || r.reason === 'prefix-not-found') {
    const hits = occurrences(body, args.quote);
    const prefixes = disambiguatingPrefixes(body, hits);
    console.log(
      r.reason === 'ambiguous'
        ? `The quote occurs ${hits.length} times in "${args.docId}". Pick one with a "prefix" (the words just before it):\n`
        : `The quote occurs ${hits.length} times in "${args.docId}", but never right after the prefix "${args.prefix}". The prefixes that work:\n`,
    );
    hits.forEach((h, i) => {
      console.log(`${i + 1}. at ${h.start}–${h.end}:`);
      console.log(`   …${context(body, h.start, h.end)}…`);
      const p = prefixes[i];
      console.log(p ? `   ${JSON.stringify({ document: args.docId, quote: args.quote, prefix: p })}\n` : '   (no prefix tells this one apart: quote a longer passage)\n');
    });
    return 1;
  }
  console.log(`Not found in "${args.docId}" (matching folds whitespace and nothing else: case, punctuation and typos must be exact).`);
  const misses = nearMisses(body, args.quote, 3);
  if (misses.length) {
    console.log('\nNearest passages (edit distance):\n');
    misses.forEach((m, i) => {
      console.log(`${i + 1}. ${Math.round(m.similarity * 100)}% similar (${m.distance} edits), at ${m.start}–${m.end}:`);
      console.log(`   "${m.text.replace(/\s+/g, ' ')}"`);
      const diffs = m.similarity >= 0.75 ? describeDifferences(args.quote, m.text) : [];
      if (diffs.length) console.log(`   How yours differs: ${diffs.join('; ')}.`);
      console.log('');
    });
    console.log(`Copy the words you mean from one of these, then run npm run cite -- ${args.docId} "<those words>" again.`);
  }
  return 1;
}

process.exit(main());
