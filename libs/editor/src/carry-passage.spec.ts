import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { carryPassage, replaceRangeUpdate } from './carry-passage';
import { documentFromState } from './document-node';
import { RICH_TEXT_FIELD } from './plain-text';
import { editorSchema } from './schema';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A document, a frozen state of it, and the position of `words` in that state. */
function frozen(words: string) {
  const doc = prosemirrorJSONToYDoc(editorSchema(), { type: 'doc', content: [p('Diagnoza obszaru.'), p('Cel 1. Transport publiczny w całym obszarze.')] }, RICH_TEXT_FIELD);
  const version = Y.encodeStateAsUpdate(doc);
  const pm = documentFromState(version);
  let from = -1;
  pm.descendants((node, pos) => {
    if (node.isText && node.text?.includes(words)) from = pos + node.text.indexOf(words);
  });
  return { doc, version, passage: { from, to: from + words.length } };
}

const paragraph = (doc: Y.Doc, index: number) => (doc.getXmlFragment(RICH_TEXT_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
const text = (state: Uint8Array) => documentFromState(state).textBetween(0, documentFromState(state).content.size, '\n');

describe('carryPassage', () => {
  it('finds a version passage in the live text after edits before and inside it', () => {
    const { doc, version, passage } = frozen('Transport publiczny');
    const top = new Y.XmlElement('paragraph');
    const topText = new Y.XmlText();
    topText.insert(0, 'Wstęp dodany później.');
    top.insert(0, [topText]);
    doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [top]);
    paragraph(doc, 2).insert('Cel 1. Transport'.length, ' zbiorowy i');
    const carried = carryPassage(version, passage, Y.encodeStateAsUpdate(doc));
    expect(carried?.text).toBe('Transport zbiorowy i publiczny');
  });

  it('is null when the passage was deleted or the range is not in the version', () => {
    const { doc, version, passage } = frozen('Transport publiczny');
    expect(carryPassage(version, { from: passage.from, to: 10_000 }, Y.encodeStateAsUpdate(doc))).toBeNull();
    paragraph(doc, 1).delete(0, paragraph(doc, 1).length);
    expect(carryPassage(version, passage, Y.encodeStateAsUpdate(doc))).toBeNull();
  });
});

describe('replaceRangeUpdate', () => {
  it('replaces only the passage and merges with a concurrent edit elsewhere', () => {
    const { doc, version, passage } = frozen('Transport publiczny');
    const live = Y.encodeStateAsUpdate(doc);
    const carried = carryPassage(version, passage, live);
    expect(carried).not.toBeNull();
    const update = replaceRangeUpdate(live, carried!, 'Kolej metropolitalna');
    expect(update).not.toBeNull();
    // Someone else edits the first paragraph meanwhile; both changes survive.
    paragraph(doc, 0).insert(0, 'Nowa ');
    Y.applyUpdate(doc, update!);
    expect(text(Y.encodeStateAsUpdate(doc))).toBe('Nowa Diagnoza obszaru.\nCel 1. Kolej metropolitalna w całym obszarze.');
  });

  it('deletes the passage for empty text and is null when nothing changes', () => {
    const { doc, passage } = frozen(' w całym obszarze');
    const live = Y.encodeStateAsUpdate(doc);
    expect(replaceRangeUpdate(live, passage, ' w całym obszarze')).toBeNull();
    Y.applyUpdate(doc, replaceRangeUpdate(live, passage, '')!);
    expect(text(Y.encodeStateAsUpdate(doc))).toBe('Diagnoza obszaru.\nCel 1. Transport publiczny.');
  });
});
