import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { fontPath, type Pdf, pdfKit } from '../platform/export/pdf';
import { type Cover, coverLines, generatedBy } from './cover';

const FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
} as const;

const HEADING_SIZES = [20, 16, 13] as const;
const BODY_SIZE = 11;
const MARGIN = 64;

function fontFor(marks: readonly Mark[]): keyof typeof FONTS {
  const bold = marks.some((mark) => mark.type.name === 'bold');
  const italic = marks.some((mark) => mark.type.name === 'italic');
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

/** A text block's runs, with their marks; links are underlined and clickable. */
function writeInline(pdf: Pdf, node: PMNode, options: { x?: number; width: number; size: number; baseFont?: keyof typeof FONTS; prefix?: string }): void {
  const runs: Array<{ text: string; marks: readonly Mark[] }> = [];
  if (options.prefix) runs.push({ text: options.prefix, marks: [] });
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') runs.push({ text: '\n', marks: [] });
    else if (child.isText) runs.push({ text: child.text ?? '', marks: child.marks });
  });
  if (runs.length === 0) runs.push({ text: ' ', marks: [] });
  pdf.fontSize(options.size);
  runs.forEach((run, index) => {
    const link = run.marks.find((mark) => mark.type.name === 'link');
    const font = options.baseFont && fontFor(run.marks) === 'regular' ? options.baseFont : fontFor(run.marks);
    pdf.font(font);
    const textOptions = {
      width: options.width,
      continued: index < runs.length - 1,
      underline: Boolean(link) || run.marks.some((mark) => mark.type.name === 'underline'),
      strike: run.marks.some((mark) => mark.type.name === 'strike'),
      link: link ? String(link.attrs['href']) : undefined,
      lineGap: 2,
    };
    if (index === 0 && options.x !== undefined) pdf.text(run.text, options.x, pdf.y, textOptions);
    else pdf.text(run.text, textOptions);
  });
  pdf.font('regular');
}

function writeBlocks(pdf: Pdf, node: PMNode, indent: number, list: { ordered: boolean; start: number } | null): void {
  const width = pdf.page.width - MARGIN * 2 - indent;
  let index = 0;
  node.forEach((child) => {
    const name = child.type.name;
    const x = MARGIN + indent;
    if (name === 'paragraph') {
      writeInline(pdf, child, { x, width, size: BODY_SIZE });
      pdf.moveDown(0.5);
    } else if (name === 'heading') {
      const level = Math.min(Math.max(Number(child.attrs['level']) || 1, 1), 3);
      pdf.moveDown(0.4);
      writeInline(pdf, child, { x, width, size: HEADING_SIZES[level - 1], baseFont: 'bold' });
      pdf.moveDown(0.4);
    } else if (name === 'bulletList' || name === 'orderedList') {
      writeBlocks(pdf, child, indent, { ordered: name === 'orderedList', start: Number(child.attrs['start']) || 1 });
    } else if (name === 'listItem') {
      const marker = list?.ordered ? `${(list.start ?? 1) + index}.` : '•';
      index++;
      const top = pdf.y;
      pdf.font('regular').fontSize(BODY_SIZE).text(marker, x, top, { width: 18 });
      pdf.y = top;
      writeBlocks(pdf, child, indent + 20, null);
    } else if (name === 'blockquote') {
      const top = pdf.y;
      writeBlocks(pdf, child, indent + 16, null);
      pdf.save().moveTo(x + 4, top).lineTo(x + 4, pdf.y - 4).lineWidth(2).strokeColor('#888888').stroke().restore();
    } else if (name === 'pageBreak') {
      pdf.addPage();
    } else if (name === 'horizontalRule') {
      pdf.save().moveTo(x, pdf.y).lineTo(x + width, pdf.y).lineWidth(0.5).strokeColor('#888888').stroke().restore();
      pdf.moveDown(0.5);
    } else if (name === 'table') {
      writeTable(pdf, child, x, width);
    }
  });
}

/** A table as a grid of equal columns; a row that does not fit starts a new page. */
function writeTable(pdf: Pdf, table: PMNode, x: number, width: number): void {
  const columns = Math.max(1, ...table.content.content.map((row) => row.childCount));
  const columnWidth = width / columns;
  const padding = 4;
  const cellText = (cell: PMNode) => cell.content.content.map((block) => block.textContent).join('\n');
  table.forEach((row) => {
    pdf.fontSize(BODY_SIZE - 1);
    const heights: number[] = [];
    row.forEach((cell) => {
      pdf.font(cell.type.name === 'tableHeader' ? 'bold' : 'regular');
      heights.push(pdf.heightOfString(cellText(cell) || ' ', { width: columnWidth - padding * 2 }) + padding * 2);
    });
    const height = Math.max(...heights, BODY_SIZE + padding * 2);
    if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
    const top = pdf.y;
    let column = 0;
    row.forEach((cell) => {
      const left = x + column * columnWidth;
      pdf.save().rect(left, top, columnWidth, height).lineWidth(0.5).strokeColor('#888888').stroke().restore();
      pdf.font(cell.type.name === 'tableHeader' ? 'bold' : 'regular').text(cellText(cell) || ' ', left + padding, top + padding, { width: columnWidth - padding * 2 });
      column++;
    });
    pdf.x = x;
    pdf.y = top + height;
  });
  pdf.font('regular').fontSize(BODY_SIZE);
  pdf.moveDown(0.5);
}

/** The document as a PDF: a cover page with the title, version, date and content hash, then the text. */
export async function renderPdf(doc: PMNode, cover: Cover): Promise<Buffer> {
  const PdfKit = await pdfKit();
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PdfKit({
      size: 'A4',
      margin: MARGIN,
      info: { Title: cover.title, Subject: cover.version, Keywords: `SHA-256 ${cover.contentHash}`, Creator: 'Commonplan' },
      lang: cover.language,
      displayTitle: true,
      bufferPages: false,
    });
    for (const [name, file] of Object.entries(FONTS)) pdf.registerFont(name, fontPath(file));
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      pdf.font('bold').fontSize(24).text(cover.title, { align: 'left' });
      pdf.moveDown(1);
      for (const [label, value] of coverLines(cover)) {
        pdf.font('bold').fontSize(BODY_SIZE).text(`${label}: `, { continued: true }).font('regular').text(value);
        pdf.moveDown(0.3);
      }
      pdf.moveDown(2).font('italic').fontSize(9).fillColor('#555555').text(generatedBy(cover)).fillColor('#000000');
      pdf.addPage();
      pdf.font('regular').fontSize(BODY_SIZE);
      writeBlocks(pdf, doc, 0, null);
      pdf.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
