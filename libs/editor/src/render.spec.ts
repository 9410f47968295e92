import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFromJson, documentFromState } from './document-node';
import { documentOutline, headingSlug } from './outline';
import { plainText, RICH_TEXT_FIELD } from './plain-text';
import { renderHtml } from './render-html';
import { renderToHTMLString } from '@tiptap/static-renderer';
import { editorSchema, schemaExtensions } from './schema';

const strategy = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Diagnoza społeczno-gospodarcza' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Zażółć ' },
        { type: 'text', text: 'gęślą', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' jaźń', marks: [{ type: 'link', attrs: { href: 'https://som.szczecin.pl' } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'transport' }] }] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gmina' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Police' }] }] }] },
      ],
    },
    { type: 'pageBreak' },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Diagnoza społeczno-gospodarcza' }] },
  ],
};

function stateOf(json: object): Uint8Array {
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), json, RICH_TEXT_FIELD));
}

describe('documents from Yjs state', () => {
  it('reads every node of the schema back from a Yjs state', () => {
    const doc = documentFromState(stateOf(strategy));
    expect(doc.toJSON()).toEqual(documentFromJson(strategy).toJSON());
    expect(doc.childCount).toBe(6);
    expect(doc.child(4).type.name).toBe('pageBreak');
  });

  it('renders HTML with the schema: headings, marks, links, tables, page breaks, Polish letters', () => {
    const html = renderHtml(documentFromState(stateOf(strategy)));
    expect(html).toContain('<h1>Diagnoza społeczno-gospodarcza</h1>');
    expect(html).toContain('<strong>gęślą</strong>');
    expect(html).toMatch(/<a [^>]*href="https:\/\/som\.szczecin\.pl"[^>]*> jaźń<\/a>/);
    expect(html).toMatch(/<table[^>]*>.*<th[^>]*>.*Gmina.*<\/th>.*<td[^>]*>.*Police.*<\/td>.*<\/table>/s);
    expect(html).toContain('data-type="page-break"');
  });

  it('drops unknown nodes and marks instead of failing, and never alters the state it reads', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
    const unknown = new Y.XmlElement('spaceship');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'kept', { sparkle: true });
    paragraph.insert(0, [text]);
    fragment.insert(0, [unknown, paragraph]);
    const state = Y.encodeStateAsUpdate(doc);
    const read = documentFromState(state);
    expect(read.textContent).toBe('kept');
    expect(read.child(0).type.name).toBe('paragraph');
    expect(read.child(0).child(0).marks).toEqual([]);
    expect(fragment.length).toBe(2);
  });

  it('repairs content that does not fit the schema where it stands, keeping its text', () => {
    // A table cell outside a table: wrapped in the table and row the schema asks for.
    const misplaced = { type: 'doc', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sama komórka' }] }] }] };
    const doc = documentFromJson(misplaced);
    expect(doc.textContent).toBe('sama komórka');
    expect(doc.child(0).type.name).toBe('table');
    doc.check();
    // A paragraph inside a paragraph, an unknown node, a list item without its paragraph, a bad link: kept as text.
    const broken = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'w środku' }] }] },
        { type: 'widget', content: [{ type: 'text', text: 'nieznany' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [] }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      ],
    };
    const repaired = documentFromJson(broken);
    repaired.check();
    expect(repaired.textContent).toBe('w środkunieznanylink');
    expect(JSON.stringify(repaired.toJSON())).not.toContain('javascript');
  });

  it('agrees with plainText on the text of each block', () => {
    const ydoc = prosemirrorJSONToYDoc(editorSchema(), strategy, RICH_TEXT_FIELD);
    expect(plainText(ydoc)).toContain('Zażółć gęślą jaźń');
    expect(documentFromState(Y.encodeStateAsUpdate(ydoc)).textContent).toContain('Zażółć gęślą jaźń');
  });
});

describe('outline', () => {
  it('slugs fold Polish letters and number repeated headings', () => {
    expect(headingSlug('Żółta Łódź — cele 2030!')).toBe('h-zolta-lodz-cele-2030');
    expect(headingSlug('   ')).toBe('h-section');
    const outline = documentOutline(documentFromJson(strategy));
    expect(outline.map((entry) => [entry.level, entry.id])).toEqual([
      [1, 'h-diagnoza-spoleczno-gospodarcza'],
      [2, 'h-diagnoza-spoleczno-gospodarcza-2'],
    ]);
    expect(outline[0]?.pos).toBe(0);
  });
});

describe('headings under a page heading', () => {
  it('keep their elements and announce a deeper level', () => {
    const doc = documentFromJson(strategy);
    const shifted = renderToHTMLString({ extensions: schemaExtensions({ headingLevelOffset: 1 }), content: doc });
    expect(shifted).toContain('<h1 aria-level="2">Diagnoza');
    expect(shifted).toContain('<h2 aria-level="3">Diagnoza');
    expect(renderHtml(doc)).not.toContain('aria-level');
  });
});
