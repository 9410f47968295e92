import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments, diffWords, textBlocks } from './diff';
import { documentFromJson } from './document-node';

const p = (text: string) => ({ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) });
const h = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const doc = (...content: object[]) => documentFromJson({ type: 'doc', content });

describe('diffWords', () => {
  it('marks the words inserted and deleted, keeping the rest', () => {
    expect(diffWords('Cel 1. Spójny transport publiczny.', 'Cel 1. Spójny i dostępny transport zbiorowy.')).toEqual([
      { op: '=', text: 'Cel 1. Spójny ' },
      { op: '+', text: 'i dostępny ' },
      { op: '=', text: 'transport ' },
      { op: '-', text: 'publiczny.' },
      { op: '+', text: 'zbiorowy.' },
    ]);
    expect(diffWords('', 'nowe')).toEqual([{ op: '+', text: 'nowe' }]);
    expect(diffWords('same', 'same')).toEqual([{ op: '=', text: 'same' }]);
  });

  it('always rebuilds both texts from its parts', () => {
    const text = fc.array(fc.constantFrom('gmina', 'powiat', 'cel', 'transport', ' ', '  ', 'ł', '.'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(parts.filter((part) => part.op !== '+').map((part) => part.text).join('')).toBe(before);
        expect(parts.filter((part) => part.op !== '-').map((part) => part.text).join('')).toBe(after);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffDocuments', () => {
  it('matches unchanged blocks and shows edited, added and removed ones', () => {
    const before = doc(h(1, 'Diagnoza'), p('Obszar obejmuje 14 gmin.'), p('Akapit do usunięcia, zupełnie inny.'), p('Koniec.'));
    const after = doc(h(1, 'Diagnoza'), p('Obszar obejmuje 15 gmin i powiatów.'), p('Koniec.'), h(2, 'Nowy rozdział'));
    const diff = diffDocuments(before, after);
    expect(diff.blocks.map((block) => [block.kind, block.type, block.level ?? null])).toEqual([
      ['same', 'heading', 1],
      ['changed', 'paragraph', null],
      ['removed', 'paragraph', null],
      ['same', 'paragraph', null],
      ['added', 'heading', 2],
    ]);
    expect(diff.blocks[1]!.parts).toEqual([
      { op: '=', text: 'Obszar obejmuje ' },
      { op: '-', text: '14 gmin.' },
      { op: '+', text: '15 gmin i powiatów.' },
    ]);
    expect(diff.insertedWords).toBe(4 + 2);
    expect(diff.deletedWords).toBe(2 + 5);
  });

  it('finds nothing between a document and itself, and reads list items and table cells as blocks', () => {
    const rich = doc(
      h(1, 'Cele'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('transport')] }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('Police')] }] }] },
      { type: 'pageBreak' },
    );
    expect(textBlocks(rich).map((block) => block.type)).toEqual(['heading', 'listItem', 'tableCell', 'pageBreak']);
    const diff = diffDocuments(rich, rich);
    expect(diff.blocks.every((block) => block.kind === 'same')).toBe(true);
    expect([diff.insertedWords, diff.deletedWords]).toEqual([0, 0]);
  });

  it('keeps every block of both documents, in order, whatever the edits', () => {
    const block = fc.constantFrom('Cel 1', 'Cel 2', 'Transport', 'Powietrze', 'Rynek pracy', '');
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.array(block, { maxLength: 12 }), (olds, news) => {
        const diff = diffDocuments(doc(...olds.map(p)), doc(...news.map(p)));
        const side = (skip: string) =>
          diff.blocks.filter((b) => b.kind !== skip).map((b) => b.parts.filter((part) => part.op !== (skip === 'removed' ? '-' : '+')).map((part) => part.text).join(''));
        expect(side('removed')).toEqual(news.length ? news : ['']);
        expect(side('added')).toEqual(olds.length ? olds : ['']);
      }),
      { numRuns: 200 },
    );
  });
});
