import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '@commonplan/editor';
import { fragmentToBlocks, headingLevel, headingTag } from './blocks';

function element(name: string, text: string | null, attrs: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  if (text !== null) {
    const content = new Y.XmlText();
    content.insert(0, text);
    node.insert(0, [content]);
  }
  return node;
}

function fragmentOf(...nodes: (Y.XmlElement | Y.XmlText)[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment(RICH_TEXT_FIELD);
  fragment.insert(0, nodes);
  return fragment;
}

describe('fragmentToBlocks', () => {
  it('turns the seeded outline into headings with their level and paragraphs, empty paragraphs included', () => {
    // As apps/api/src/demo/sample-content.ts writes it: levels as numbers, empty paragraphs without text.
    const fragment = fragmentOf(
      element('heading', 'Strategia Rozwoju', { level: 1 }),
      element('paragraph', 'Projekt roboczy.'),
      element('heading', '1. Wnioski z diagnozy', { level: 2 }),
      element('paragraph', null),
    );
    expect(fragmentToBlocks(fragment)).toEqual([
      { type: 'heading', level: 1, text: 'Strategia Rozwoju' },
      { type: 'paragraph', text: 'Projekt roboczy.' },
      { type: 'heading', level: 2, text: '1. Wnioski z diagnozy' },
      { type: 'paragraph', text: '' },
    ]);
  });

  it('reads a level given as a string and treats a missing or impossible one as 1', () => {
    const fragment = fragmentOf(
      element('heading', 'a', { level: '3' }),
      element('heading', 'b'),
      element('heading', 'c', { level: 9 }),
      element('heading', 'd', { level: 'x' }),
    );
    expect(fragmentToBlocks(fragment).map((b) => (b.type === 'heading' ? b.level : null))).toEqual([3, 1, 1, 1]);
    expect([headingLevel(2), headingLevel('6'), headingLevel(0), headingLevel(2.5), headingLevel(null)]).toEqual([2, 6, 1, 1, 1]);
  });

  it('drops marks, makes hard breaks line breaks and joins the pieces of one paragraph', () => {
    const paragraph = element('paragraph', 'Cel 1. Transport');
    const fragment = fragmentOf(paragraph);
    (paragraph.get(0) as Y.XmlText).format(0, 5, { bold: true });
    paragraph.insert(1, [new Y.XmlElement('hardBreak')]);
    const rest = new Y.XmlText();
    rest.insert(0, 'Cel 2. Powietrze');
    paragraph.insert(2, [rest]);
    expect(fragmentToBlocks(fragment)).toEqual([{ type: 'paragraph', text: 'Cel 1. Transport\nCel 2. Powietrze' }]);
  });

  it('takes the blocks out of lists and quotes, and makes loose text a paragraph', () => {
    const list = new Y.XmlElement('bulletList');
    const first = new Y.XmlElement('listItem');
    first.insert(0, [element('paragraph', 'tramwaje')]);
    const second = new Y.XmlElement('listItem');
    second.insert(0, [element('paragraph', 'rowery')]);
    list.insert(0, [first, second]);
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [element('paragraph', 'cytat')]);
    const loose = new Y.XmlText();
    loose.insert(0, 'luźny tekst');
    const fragment = fragmentOf(list, quote, loose, element('codeBlock', 'x = 1'));
    expect(fragmentToBlocks(fragment)).toEqual([
      { type: 'paragraph', text: 'tramwaje' },
      { type: 'paragraph', text: 'rowery' },
      { type: 'paragraph', text: 'cytat' },
      { type: 'paragraph', text: 'luźny tekst' },
      { type: 'paragraph', text: 'x = 1' },
    ]);
  });

  it('is empty for an empty document and follows edits, including another replica’s', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
    expect(fragmentToBlocks(b.getXmlFragment(RICH_TEXT_FIELD))).toEqual([]);
    a.getXmlFragment(RICH_TEXT_FIELD).insert(0, [element('heading', 'Cele', { level: 2 }), element('paragraph', 'Nowy akapit')]);
    expect(fragmentToBlocks(b.getXmlFragment(RICH_TEXT_FIELD))).toEqual([
      { type: 'heading', level: 2, text: 'Cele' },
      { type: 'paragraph', text: 'Nowy akapit' },
    ]);
    ((a.getXmlFragment(RICH_TEXT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Bardzo ');
    expect(fragmentToBlocks(b.getXmlFragment(RICH_TEXT_FIELD))[1]).toEqual({ type: 'paragraph', text: 'Bardzo Nowy akapit' });
  });
});

describe('headingTag', () => {
  it('puts document headings under the page h1', () => {
    expect([1, 2, 3, 5, 6, 0].map(headingTag)).toEqual(['h2', 'h3', 'h4', 'h6', 'h6', 'h2']);
  });
});
