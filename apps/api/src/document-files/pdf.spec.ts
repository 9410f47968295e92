import { documentFromJson } from '@commonplan/editor';
import { renderPdf } from './export-pdf';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number; info: Record<string, string> }>;

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('PDF export', () => {
  it('puts the title, version, date and hash on the first page and the text after it, with Polish letters', async () => {
    const doc = documentFromJson({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Diagnoza społeczno-gospodarcza' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Zażółć ' }, { type: 'text', text: 'gęślą jaźń', marks: [{ type: 'bold' }] }, { type: 'text', text: ' – ŻÓŁW, ĄĘŚĆŃ.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('transport zbiorowy')] }] },
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p('cel pierwszy')] }, { type: 'listItem', content: [p('cel drugi')] }] },
        { type: 'blockquote', content: [p('Cytat z konsultacji.')] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [p('Gmina')] }, { type: 'tableHeader', content: [p('Ludność')] }] }, { type: 'tableRow', content: [{ type: 'tableCell', content: [p('Police')] }, { type: 'tableCell', content: [p('33 000')] }] }] },
        { type: 'pageBreak' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Załącznik' }] },
      ],
    });
    const hash = 'c0ffee'.padEnd(64, '0');
    const file = await renderPdf(doc, { title: 'Strategia Rozwoju SOM', version: 'Wersja 1: v1.0 — do konsultacji', date: new Date('2026-11-30T10:00:00Z'), contentHash: hash, language: 'pl' });
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const parsed = await pdfParse(file);
    expect(parsed.numpages).toBe(3);
    const first = parsed.text.replace(/\s+/g, ' ').split('Wygenerowano w Commonplan')[0] ?? '';
    expect(first).toContain('Strategia Rozwoju SOM');
    expect(first).toContain('Wersja: Wersja 1: v1.0 — do konsultacji');
    expect(first).toContain('Data: 30 listopada 2026');
    expect(first).toContain(`Skrót SHA-256 treści: ${hash}`);
    const text = parsed.text.replace(/\s+/g, ' ');
    for (const expected of ['Diagnoza społeczno-gospodarcza', 'Zażółć gęślą jaźń – ŻÓŁW, ĄĘŚĆŃ.', 'Cytat z konsultacji.', 'Gmina', 'Ludność', 'Police', '33 000', 'Załącznik']) {
      expect(text).toContain(expected);
    }
    // List markers stand apart from their text on the page; the extraction joins them.
    expect(text).toMatch(/•\s*transport zbiorowy/);
    expect(text).toMatch(/1\.\s*cel pierwszy 2\.\s*cel drugi/);
    // The cover is a page of its own: the text starts on the second.
    expect(text.indexOf('Wygenerowano w Commonplan')).toBeLessThan(text.indexOf('Diagnoza społeczno-gospodarcza'));
    expect(parsed.info['Title']).toBe('Strategia Rozwoju SOM');
  });
});
