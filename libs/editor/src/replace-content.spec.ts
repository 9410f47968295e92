import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFromJson, documentFromState } from './document-node';
import { RICH_TEXT_FIELD } from './plain-text';
import { replaceContentUpdate } from './replace-content';
import { editorSchema } from './schema';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h = (text: string) => ({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text }] });
const json = (...content: object[]) => ({ type: 'doc', content });

describe('replaceContentUpdate', () => {
  it('turns the live text into the target as an edit on top, keeping unchanged blocks and concurrent edits', () => {
    const version = json(h('Strategia'), p('Cel 1. Transport.'), p('Cel 2. Powietrze.'));
    const live = prosemirrorJSONToYDoc(editorSchema(), version, RICH_TEXT_FIELD);
    // Later edits to the live text: one changed paragraph, one added.
    const liveFragment = live.getXmlFragment(RICH_TEXT_FIELD);
    ((liveFragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(6, ' Szybki');
    const extra = new Y.XmlElement('paragraph');
    const extraText = new Y.XmlText();
    extraText.insert(0, 'Cel 3. Usługi.');
    extra.insert(0, [extraText]);
    liveFragment.insert(3, [extra]);
    const firstHeading = liveFragment.get(0);

    const update = replaceContentUpdate(Y.encodeStateAsUpdate(live), documentFromJson(version));
    expect(update).not.toBeNull();
    // Someone types in the heading meanwhile; the restore arrives after.
    ((liveFragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(9, ' SOM');
    Y.applyUpdate(live, update!);
    const text = documentFromState(Y.encodeStateAsUpdate(live)).content.toJSON();
    expect(text).toEqual(json(h('Strategia SOM'), p('Cel 1. Transport.'), p('Cel 2. Powietrze.')).content);
    // The unchanged heading is the same Yjs element: not deleted and inserted again.
    expect(liveFragment.get(0)).toBe(firstHeading);
  });

  it('is null when the content is already the target', () => {
    const version = json(h('Strategia'), p('Cel 1.'));
    const live = prosemirrorJSONToYDoc(editorSchema(), version, RICH_TEXT_FIELD);
    expect(replaceContentUpdate(Y.encodeStateAsUpdate(live), documentFromJson(version))).toBeNull();
  });
});
