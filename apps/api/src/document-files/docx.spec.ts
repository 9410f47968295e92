import { documentFromJson } from '@commonplan/editor';
import { renderDocx } from './export-docx';
import { parseDocx } from './import-docx';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const strategy = documentFromJson({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Diagnoza społeczno-gospodarcza' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Zażółć ' },
        { type: 'text', text: 'gęślą', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' jaźń ', marks: [{ type: 'italic' }] },
        { type: 'text', text: 'podkreślone', marks: [{ type: 'underline' }] },
        { type: 'text', text: ' i ' },
        { type: 'text', text: 'strona SSOM', marks: [{ type: 'link', attrs: { href: 'https://som.szczecin.pl/' } }] },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Cele' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [p('transport')] }, { type: 'listItem', content: [p('powietrze')] }] },
    { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p('pierwszy')] }, { type: 'listItem', content: [p('drugi')] }] },
    { type: 'blockquote', content: [p('Cytat z diagnozy.')] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [p('Gmina')] }, { type: 'tableHeader', content: [p('Ludność')] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [p('Police')] }, { type: 'tableCell', content: [p('33 000')] }] },
      ],
    },
    { type: 'pageBreak' },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Załącznik' }] },
  ],
});

const cover = { title: 'Strategia SOM 2030', version: 'Wersja 1: v1.0 — do konsultacji', date: new Date('2026-11-30T10:00:00Z'), contentHash: 'ab'.repeat(32), language: 'pl' as const };

/** The structure compared after a round trip: block types with heading levels, and each block's text. */
function structure(doc: ReturnType<typeof documentFromJson>): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) {
      out.push(`${node.type.name}${node.type.name === 'heading' ? node.attrs['level'] : ''}: ${node.textContent}`);
      return false;
    }
    out.push(node.type.name);
    return true;
  });
  return out;
}

describe('DOCX export and import', () => {
  it('round trips: importing the export gives the same structure, marks and title, without the cover', async () => {
    const file = await renderDocx(strategy, cover);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const { title, doc } = await parseDocx(file);
    expect(title).toBe('Strategia SOM 2030');
    expect(structure(doc).join('\n')).toBe(structure(strategy).join('\n'));
    const marks: Record<string, string[]> = {};
    doc.child(1).forEach((node) => {
      marks[node.text ?? ''] = node.marks.map((mark) => (mark.type.name === 'link' ? `link:${mark.attrs['href']}` : mark.type.name));
    });
    expect(marks).toMatchObject({ gęślą: ['bold'], ' jaźń ': ['italic'], podkreślone: ['underline'], 'strona SSOM': ['link:https://som.szczecin.pl/'] });

    // And again: exporting the import gives the same once more.
    const again = await parseDocx(await renderDocx(doc, cover));
    expect(again.doc.toJSON()).toEqual(doc.toJSON());
  });

  it('refuses a file that is not a Word document', async () => {
    await expect(parseDocx(Buffer.from('not a zip file'))).rejects.toThrow();
  });
});
