/**
 * The figure as a PDF: the same SVG the figure is drawn as, converted to PDF
 * vectors by svg2pdf.js on a jsPDF page (paths stay paths, text stays text in
 * an embedded DejaVu Sans subset), so it prints sharp at any size. Text in
 * scripts DejaVu Sans lacks (Chinese) is set as a high-resolution image of
 * the line in place, since no CJK font small enough to bundle offline exists.
 * Notes that do not fit on the figure continue on further pages.
 *
 * Loaded with `import()` only when a PDF is asked for: jsPDF, svg2pdf.js and
 * the fonts (~1 MB) never slow the first render.
 */
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import regularFont from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import boldFont from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';
import { figureDescription, figureSvgText, type Figure } from './exportFigure.ts';
import { pdfPageSize } from './figureFormat.ts';
import { FONTS, lineHeight, wrapText, type Font, type Measure } from './layout.ts';
import { canvasFont } from './canvasText.ts';
import { escapeXml } from './svg.ts';

const FAMILY = 'DejaVuSans';
/** Characters DejaVu Sans has no glyph for: CJK and full-width forms. */
const NO_GLYPH = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;
const IMAGE_SCALE = 4;

function newDocument(width: number, height: number): jsPDF {
  const pdf = new jsPDF({ unit: 'pt', format: [width, height], orientation: width > height ? 'landscape' : 'portrait', compress: true });
  for (const [url, style] of [
    [regularFont, 'normal'],
    [boldFont, 'bold'],
  ] as const) {
    const file = `${FAMILY}-${style}.ttf`;
    pdf.addFileToVFS(file, url.slice(url.indexOf(',') + 1));
    pdf.addFont(file, FAMILY, style);
  }
  return pdf;
}

/** Text widths as the PDF will set them: DejaVu Sans metrics, or the browser's font for text drawn as an image. */
function pdfMeasure(pdf: jsPDF): Measure {
  const canvas = document.createElement('canvas').getContext('2d')!;
  return (text, font) => {
    if (NO_GLYPH.test(text)) {
      canvas.font = canvasFont(font);
      return canvas.measureText(text).width;
    }
    pdf.setFont(FAMILY, font.weight >= 600 ? 'bold' : 'normal');
    pdf.setFontSize(font.size);
    return pdf.getTextWidth(text);
  };
}

/** Replace a `<text>` that DejaVu Sans cannot set with an image of it drawn by the browser. */
function textAsImage(node: SVGTextElement): void {
  const size = Number(node.getAttribute('font-size') ?? 12);
  const weight = Number(node.getAttribute('font-weight') ?? 400) as Font['weight'];
  const text = node.textContent ?? '';
  const halo = node.getAttribute('stroke') ? Number(node.getAttribute('stroke-width') ?? 0) : 0;
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = canvasFont({ size, weight });
  const w = ctx.measureText(text).width + 2 * halo + 2;
  const h = size * 1.5 + 2 * halo;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * IMAGE_SCALE);
  canvas.height = Math.ceil(h * IMAGE_SCALE);
  const c = canvas.getContext('2d')!;
  c.scale(IMAGE_SCALE, IMAGE_SCALE);
  c.font = canvasFont({ size, weight });
  c.textBaseline = 'alphabetic';
  const baseline = halo + size * 1.1;
  if (halo) {
    c.strokeStyle = node.getAttribute('stroke')!;
    c.lineWidth = halo;
    c.lineJoin = 'round';
    c.strokeText(text, halo + 1, baseline);
  }
  c.fillStyle = node.getAttribute('fill') ?? '#111827';
  c.fillText(text, halo + 1, baseline);
  const anchor = node.getAttribute('text-anchor') ?? 'start';
  const x = Number(node.getAttribute('x')) - halo - 1 - (anchor === 'middle' ? (w - 2 * halo - 2) / 2 : anchor === 'end' ? w - 2 * halo - 2 : 0);
  const image = node.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'image');
  for (const [k, v] of Object.entries({ x, y: Number(node.getAttribute('y')) - baseline, width: w, height: h, preserveAspectRatio: 'none' })) image.setAttribute(k, String(v));
  image.setAttribute('href', canvas.toDataURL('image/png'));
  node.replaceWith(image);
}

/**
 * Make the SVG drawable by svg2pdf: our font, named weights, halos as a
 * separate stroke copy under the text, unsupported scripts as images, and
 * every line anchored at its start (svg2pdf would centre text by the width of
 * a browser font, not of the embedded one; we know the embedded widths).
 */
function prepareSvg(svgText: string, measure: Measure): SVGSVGElement {
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
  svg.setAttribute('font-family', FAMILY);
  for (const node of [...svg.querySelectorAll('text')]) {
    if (NO_GLYPH.test(node.textContent ?? '')) {
      textAsImage(node);
      continue;
    }
    const weight = Number(node.getAttribute('font-weight') ?? 400) >= 600 ? 700 : 400;
    node.setAttribute('font-weight', weight === 700 ? 'bold' : 'normal');
    const anchor = node.getAttribute('text-anchor');
    if (anchor === 'middle' || anchor === 'end') {
      const text = node.textContent ?? '';
      const spacing = Number(node.getAttribute('letter-spacing') ?? 0) * Math.max(0, text.length - 1);
      const width = measure(text, { size: Number(node.getAttribute('font-size') ?? 12), weight }) + spacing;
      node.setAttribute('x', String(Number(node.getAttribute('x')) - (anchor === 'middle' ? width / 2 : width)));
      node.removeAttribute('text-anchor');
    }
    if (node.getAttribute('paint-order') === 'stroke') {
      const halo = node.cloneNode(true) as SVGTextElement;
      halo.setAttribute('fill', node.getAttribute('stroke') ?? '#ffffff');
      halo.removeAttribute('paint-order');
      node.removeAttribute('stroke');
      node.removeAttribute('stroke-width');
      node.removeAttribute('paint-order');
      node.before(halo);
    }
  }
  return svg;
}

/** SVG pages for the notes that did not fit on the figure. */
function continuationPages(figure: Figure, measure: Measure): string[] {
  const { width, height } = figure.layout;
  const shown = new Set(figure.layout.notesShown);
  const left = figure.content.input.notes.filter((n) => !shown.has(n.n));
  if (!left.length) return [];
  const margin = 40;
  const inner = width - 2 * margin;
  const pages: string[][] = [];
  let lines: string[] = [];
  let y = margin;
  const line = (x: number, text: string, font: Font, color = '#111827') => {
    lines.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${font.size}" font-weight="${font.weight}" fill="${color}">${escapeXml(text)}</text>`);
  };
  const block = (rows: number, font: Font) => {
    if (y + rows * lineHeight(font) > height - margin && lines.length) {
      pages.push(lines);
      lines = [];
      y = margin;
    }
  };
  const heading = `${figure.content.input.notesTitle} (${figure.content.input.title})`;
  for (const text of wrapText(heading, inner, FONTS.heading, measure)) line(margin, text, FONTS.heading), (y += lineHeight(FONTS.heading));
  y += 6;
  const indent = measure(`[${left.at(-1)!.n}]`, FONTS.noteNumber) + 6;
  let group: string | undefined;
  for (const note of left) {
    const rows = wrapText(note.text, inner - indent, FONTS.note, measure);
    const groupRows = note.group && note.group !== group ? wrapText(note.group, inner, FONTS.noteGroup, measure) : [];
    block(rows.length + groupRows.length, FONTS.note);
    for (const g of groupRows) (y += lineHeight(FONTS.noteGroup)), line(margin, g, FONTS.noteGroup);
    if (groupRows.length) (group = note.group), (y += 2);
    rows.forEach((r, i) => {
      y += lineHeight(FONTS.note);
      if (i === 0) line(margin, `[${note.n}]`, FONTS.noteNumber);
      line(margin + indent, r, FONTS.note);
    });
    y += 4;
  }
  pages.push(lines);
  return pages.map((p) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${p.join('')}</svg>`);
}

/** The figure as a vector PDF, one page the figure's shape (A4 exactly for A4), plus pages for notes that did not fit. */
export async function figurePdf(figure: Figure, relayout: (measure: Measure) => Figure): Promise<Blob> {
  const page = pdfPageSize(figure.aspect);
  const pdf = newDocument(page.width, page.height);
  const measure = pdfMeasure(pdf);
  // Lay the figure out again with the PDF font's widths, so no line runs past its box.
  const laid = relayout(measure);
  const svgs = [await figureSvgText(laid, measure), ...continuationPages(laid, measure)];
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;visibility:hidden';
  document.body.append(host);
  try {
    for (const [i, text] of svgs.entries()) {
      if (i > 0) pdf.addPage([page.width, page.height], page.width > page.height ? 'landscape' : 'portrait');
      const svg = prepareSvg(text, measure);
      host.replaceChildren(svg);
      // svg2pdf sets a font only where it differs from what it believes is current: start from the regular face.
      pdf.setFont(FAMILY, 'normal');
      await svg2pdf(svg, pdf, { x: 0, y: 0, width: page.width, height: page.height });
    }
  } finally {
    host.remove();
  }
  pdf.setProperties({ title: laid.content.input.title, subject: figureDescription(laid), creator: 'Corridor Atlas', keywords: laid.content.input.attribution.join(' ') });
  pdf.setLanguage?.(document.documentElement.lang === 'zh' ? 'zh-CN' : 'en-US');
  return pdf.output('blob');
}
