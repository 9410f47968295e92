import { initProseMirrorDoc, prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorPassage, decodeAnchorEnd, resolvePassage } from './anchor';
import { RICH_TEXT_FIELD } from './plain-text';
import { editorSchema } from './schema';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A shared document with two paragraphs, as another client would hold it after syncing. */
function setUp() {
  const doc = prosemirrorJSONToYDoc(editorSchema(), { type: 'doc', content: [p('Diagnoza obszaru.'), p('Cel 1. Transport publiczny.')] }, RICH_TEXT_FIELD);
  const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
  return { doc, fragment };
}

/** The ProseMirror document and mapping of the document now (what the editor's binding holds). */
const view = (fragment: Y.XmlFragment) => initProseMirrorDoc(fragment, editorSchema());

/** The text of the anchored passage now, or null when it is gone. */
function passage(doc: Y.Doc, fragment: Y.XmlFragment, anchor: ReturnType<typeof anchorPassage>): string | null {
  const { doc: pm, mapping } = view(fragment);
  const range = resolvePassage(doc, fragment, anchor, mapping);
  return range ? pm.textBetween(range.from, range.to) : null;
}

const paragraphText = (fragment: Y.XmlFragment, index: number) => (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe('comment anchors', () => {
  it('follow their passage through edits before, inside and after it', () => {
    const { doc, fragment } = setUp();
    const { doc: pm, mapping } = view(fragment);
    // "Transport publiczny" in the second paragraph.
    const start = pm.textContent.indexOf('Transport');
    let from = -1;
    pm.descendants((node, pos) => {
      if (node.isText && node.text?.includes('Transport')) from = pos + node.text.indexOf('Transport');
    });
    expect(start).toBeGreaterThan(0);
    const anchor = anchorPassage(fragment, from, from + 'Transport publiczny'.length, mapping);
    expect(passage(doc, fragment, anchor)).toBe('Transport publiczny');

    // Before: a new paragraph at the top and words earlier in its own paragraph.
    const top = new Y.XmlElement('paragraph');
    const topText = new Y.XmlText();
    topText.insert(0, 'Wstęp.');
    top.insert(0, [topText]);
    fragment.insert(0, [top]);
    paragraphText(fragment, 2).insert(0, 'Najważniejszy: ');
    expect(passage(doc, fragment, anchor)).toBe('Transport publiczny');
    // Inside: the passage grows with what is typed within it.
    const goal = paragraphText(fragment, 2);
    goal.insert(goal.toString().indexOf('publiczny'), 'zbiorowy i ');
    expect(passage(doc, fragment, anchor)).toBe('Transport zbiorowy i publiczny');
    // After: text following it changes nothing.
    goal.insert(goal.length, ' Do 2030 r.');
    paragraphText(fragment, 1).delete(0, 'Diagnoza '.length);
    expect(passage(doc, fragment, anchor)).toBe('Transport zbiorowy i publiczny');
  });

  it('follow the passage into another client’s copy, and say when it was deleted entirely', () => {
    const { doc, fragment } = setUp();
    const { mapping } = view(fragment);
    const anchor = anchorPassage(fragment, 1, 1 + 'Diagnoza'.length, mapping);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherFragment = other.getXmlFragment(RICH_TEXT_FIELD);
    expect(passage(other, otherFragment, anchor)).toBe('Diagnoza');
    // A part deleted: the rest stays anchored.
    paragraphText(otherFragment, 0).delete(0, 3);
    expect(passage(other, otherFragment, anchor)).toBe('gnoza');
    // All of it deleted (with its paragraph): no passage left.
    otherFragment.delete(0, 1);
    expect(passage(other, otherFragment, anchor)).toBeNull();
  });

  it('refuses what is not an encoded relative position', () => {
    const { fragment } = setUp();
    const anchor = anchorPassage(fragment, 1, 3, view(fragment).mapping);
    expect(decodeAnchorEnd(anchor.start)).not.toBeNull();
    expect(decodeAnchorEnd('')).toBeNull();
    expect(decodeAnchorEnd('not base64!')).toBeNull();
    expect(decodeAnchorEnd('/w==')).toBeNull(); // a truncated number
    expect(decodeAnchorEnd('A'.repeat(2000))).toBeNull();
    // Well formed, but naming an item the document never had: not found, not a crash.
    const { doc, fragment: again } = setUp();
    expect(resolvePassage(doc, again, { start: 'AAAA', end: 'AAAA' }, view(again).mapping)).toBeNull();
    expect(resolvePassage(doc, again, { start: 'AOgHAA==', end: 'AOgHAQ==' }, view(again).mapping)).toBeNull();
  });
});
