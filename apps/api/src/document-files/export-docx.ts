import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Cover, coverLines } from './cover';
import { COVER_STYLE, QUOTE_STYLE } from './docx-styles';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function runs(node: PMNode): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      children.push(new TextRun({ text: '', break: 1 }));
      return;
    }
    if (!child.isText) return;
    const has = (name: string) => child.marks.some((mark: Mark) => mark.type.name === name);
    const link = child.marks.find((mark: Mark) => mark.type.name === 'link');
    const run = new TextRun({
      text: child.text ?? '',
      bold: has('bold'),
      italics: has('italic'),
      underline: has('underline') ? {} : undefined,
      strike: has('strike'),
      style: link ? 'Hyperlink' : undefined,
    });
    children.push(link ? new ExternalHyperlink({ link: String(link.attrs['href']), children: [run] }) : run);
  });
  return children;
}

interface Context {
  /** Numbered lists restart at 1: each gets its own numbering instance. */
  nextList: number;
}

function blocks(node: PMNode, context: Context, list: { kind: 'bullets' | 'numbers'; level: number; instance: number } | null, quote: boolean): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  node.forEach((child) => {
    const name = child.type.name;
    if (name === 'paragraph') {
      out.push(
        new Paragraph({
          children: runs(child),
          style: quote ? QUOTE_STYLE : undefined,
          numbering: list ? { reference: list.kind, level: list.level, instance: list.instance } : undefined,
        }),
      );
    } else if (name === 'heading') {
      const level = Math.min(Math.max(Number(child.attrs['level']) || 1, 1), 3);
      out.push(new Paragraph({ heading: HEADINGS[level - 1], children: runs(child) }));
    } else if (name === 'bulletList' || name === 'orderedList') {
      const kind = name === 'bulletList' ? 'bullets' : 'numbers';
      const level = list ? Math.min(list.level + 1, 5) : 0;
      const instance = kind === 'numbers' && !list ? ++context.nextList : (list?.instance ?? 0);
      child.forEach((item) => out.push(...blocks(item, context, { kind, level, instance }, quote)));
    } else if (name === 'blockquote') {
      out.push(...blocks(child, context, list, true));
    } else if (name === 'pageBreak') {
      out.push(new Paragraph({ children: [new PageBreak()] }));
    } else if (name === 'horizontalRule') {
      out.push(new Paragraph({ border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } }, children: [] }));
    } else if (name === 'table') {
      const rows: TableRow[] = [];
      child.forEach((row) => {
        const cells: TableCell[] = [];
        let header = true;
        row.forEach((cell) => {
          header &&= cell.type.name === 'tableHeader';
          const content = blocks(cell, context, null, false);
          cells.push(new TableCell({ children: content.length ? content : [new Paragraph('')] }));
        });
        rows.push(new TableRow({ children: cells, ...(header ? { tableHeader: true } : {}) }));
      });
      out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    }
  });
  return out;
}

/** The document as a Word file: a cover with the title, version, date and content hash, then the text. */
export async function renderDocx(doc: PMNode, cover: Cover): Promise<Buffer> {
  const bulletLevels = [0, 1, 2, 3, 4, 5].map((level) => ({
    level,
    format: LevelFormat.BULLET,
    text: ['•', '◦', '▪'][level % 3] as string,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
  const numberLevels = [0, 1, 2, 3, 4, 5].map((level) => ({
    level,
    format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3],
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
  const document = new Document({
    title: cover.title,
    creator: 'Commonplan',
    description: `${cover.version} · SHA-256 ${cover.contentHash}`,
    styles: {
      default: { document: { run: { font: 'DejaVu Sans', size: 22 } } },
      paragraphStyles: [
        { id: COVER_STYLE, name: 'Commonplan Cover', basedOn: 'Normal', run: { size: 20, color: '444444' }, paragraph: { spacing: { after: 120 } } },
        { id: QUOTE_STYLE, name: 'Quote', basedOn: 'Normal', run: { italics: true, color: '444444' }, paragraph: { indent: { left: 720 } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: bulletLevels },
        { reference: 'numbers', levels: numberLevels },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
          ...coverLines(cover).map(([label, value]) => new Paragraph({ style: COVER_STYLE, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })),
          new Paragraph({ children: [new PageBreak()] }),
          ...blocks(doc, { nextList: 0 }, null, false),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
