import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

// The PDF files' common parts (consultation report, minutes, member statements, monitoring report): A4 with DejaVu Sans
// embedded, headings, paragraphs, "label: value" fields, tables, vector bar charts and page footers.

/** DejaVu Sans (npm package dejavu-fonts-ttf), embedded: every Polish letter prints on any machine. */
export function fontPath(file: string): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file);
}

export const FONTS = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' } as const;
export const MARGIN = 56;
export const BODY = 10;
export const BAR_COLOUR = '#1f4e79';
export const MUTED = '#555555';
const RULE = '#888888';
const PADDING = 3;

export type Pdf = InstanceType<typeof PDFDocument>;

/** pdfkit, loaded on the first PDF made rather than at every start-up (about a tenth of a second of it). */
export async function pdfKit(): Promise<typeof PDFDocument> {
  return (await import('pdfkit')).default;
}

export const contentWidth = (pdf: Pdf) => pdf.page.width - MARGIN * 2;

/** A new page when less than `height` is left on this one. */
export function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

export function heading(pdf: Pdf, text: string, size = 14): void {
  ensureSpace(pdf, size * 4);
  pdf.moveDown(0.6).font('bold').fontSize(size).fillColor('#000000').text(text, MARGIN, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.3).font('regular').fontSize(BODY);
}

export function paragraph(pdf: Pdf, text: string, options: { font?: keyof typeof FONTS; color?: string } = {}): void {
  pdf
    .font(options.font ?? 'regular')
    .fontSize(BODY)
    .fillColor(options.color ?? '#000000')
    .text(text, MARGIN, pdf.y, { width: contentWidth(pdf), lineGap: 2 });
  pdf.fillColor('#000000').moveDown(0.3);
}

/** "Label: value", the label bold, the value wrapping under it. */
export function field(pdf: Pdf, label: string, value: string): void {
  pdf.font('bold').fontSize(BODY).text(`${label}: `, MARGIN, pdf.y, { width: contentWidth(pdf), continued: true, lineGap: 2 });
  pdf.font('regular').text(value.trim() || '—', { lineGap: 2 });
  pdf.moveDown(0.2);
}

/**
 * A simple table: a bold header row, then the rows, each cell wrapping within its column (widths as shares of the
 * text width); a row that does not fit starts a new page, where the header is repeated.
 */
export function table(pdf: Pdf, columns: Array<{ header: string; share: number }>, rows: string[][]): void {
  const width = contentWidth(pdf);
  const widths = columns.map((c) => c.share * width);
  const size = BODY - 1;
  const heightOf = (cells: string[], font: 'regular' | 'bold') => {
    pdf.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => pdf.heightOfString(text || ' ', { width: widths[i] - PADDING * 2 }))) + PADDING * 2;
  };
  const draw = (cells: string[], font: 'regular' | 'bold') => {
    const height = heightOf(cells, font);
    const top = pdf.y;
    let left = MARGIN;
    cells.forEach((text, i) => {
      pdf.save().rect(left, top, widths[i], height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
      pdf.font(font).fontSize(size).fillColor('#000000').text(text || ' ', left + PADDING, top + PADDING, { width: widths[i] - PADDING * 2 });
      left += widths[i];
    });
    pdf.x = MARGIN;
    pdf.y = top + height;
  };
  const header = columns.map((c) => c.header);
  ensureSpace(pdf, heightOf(header, 'bold') + (rows[0] ? heightOf(rows[0], 'regular') : 0));
  draw(header, 'bold');
  for (const row of rows) {
    const height = heightOf(row, 'regular');
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      draw(header, 'bold');
    }
    draw(row, 'regular');
  }
  pdf.font('regular').fontSize(BODY).moveDown(0.6);
}

/**
 * A horizontal bar chart drawn as vectors: each row's label on the left, a bar proportional to its value (negative
 * values draw none), and the row's text (the value as it should read) next to the bar.
 */
export function barChart(pdf: Pdf, title: string, rows: Array<{ label: string; value: number; text: string }>): void {
  const labelWidth = 170;
  const gap = 8;
  const valueWidth = 80;
  const barMax = contentWidth(pdf) - labelWidth - gap - valueWidth;
  const max = Math.max(1, ...rows.map((row) => row.value));
  ensureSpace(pdf, 30 + Math.min(rows.length, 4) * 16);
  pdf.moveDown(0.4).font('bold').fontSize(BODY + 1).text(title, MARGIN, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.3);
  const chartTop = pdf.y;
  for (const row of rows) {
    pdf.font('regular').fontSize(BODY - 1);
    const height = Math.max(16, pdf.heightOfString(row.label, { width: labelWidth }) + 6);
    ensureSpace(pdf, height);
    const top = pdf.y;
    pdf.fillColor('#000000').text(row.label, MARGIN, top + 3, { width: labelWidth });
    const barX = MARGIN + labelWidth + gap;
    const width = (Math.max(0, Math.min(row.value, max)) / max) * barMax;
    if (width > 0) pdf.save().rect(barX, top + 3, width, 10).fill(BAR_COLOUR).restore();
    pdf
      .fillColor('#000000')
      .font('bold')
      .text(row.text, barX + width + 4, top + 3, { width: valueWidth + barMax - width, lineBreak: false });
    pdf.x = MARGIN;
    pdf.y = top + height;
  }
  // The axis: a line at the bars' start.
  const axisX = MARGIN + labelWidth + gap;
  if (pdf.y > chartTop) pdf.save().moveTo(axisX, chartTop).lineTo(axisX, pdf.y).lineWidth(0.5).strokeColor('#888888').stroke().restore();
  pdf.font('regular').fontSize(BODY).moveDown(0.5);
}

/** A line at the foot of every page (the document made with `bufferPages: true`), e.g. with the page number. */
export function pageFooters(pdf: Pdf, text: (page: number, pages: number) => string): void {
  const pages = pdf.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('regular').fontSize(8).fillColor(MUTED).text(text(i + 1, pages.count), MARGIN, pdf.page.height - 36, { width: contentWidth(pdf), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * A PDF document built by `draw`, with the fonts registered, a footer line on every page and the bytes collected: the
 * one way every file here is made.
 */
export async function renderPdf(
  options: { language: string; info: PDFKit.DocumentInfo },
  draw: (pdf: Pdf) => void,
  footer: (page: number, pages: number) => string,
): Promise<Buffer> {
  const PdfKit = await pdfKit();
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PdfKit({ size: 'A4', margin: MARGIN, bufferPages: true, lang: options.language, displayTitle: true, info: { Creator: 'Commonplan', ...options.info } });
    for (const [name, file] of Object.entries(FONTS)) pdf.registerFont(name, fontPath(file));
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      draw(pdf);
      pageFooters(pdf, footer);
      pdf.flushPages();
      pdf.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
