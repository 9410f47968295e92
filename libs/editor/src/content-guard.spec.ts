import { initProseMirrorDoc, prosemirrorJSONToYDoc, prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardDocument, invalidItems, readableDoc, repairDocument, updateProblem } from './content-guard';
import { documentFromJson, documentFromState } from './document-node';
import { serializeMarkdown } from './markdown';
import { plainText, RICH_TEXT_FIELD } from './plain-text';
import { renderHtml } from './render-html';
import { editorSchema } from './schema';
import { applyChanges, type Change, changes, sampleState, validDocument } from './testing/random-changes';

/** Property tests run hundreds of cases: on a loaded CI machine they take far longer than vitest's default 5 s. */
const PROPERTY_TIMEOUT = 120_000;

const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

/** The update the changes make on a copy of the sample document, and that copy afterwards. */
function changed(list: Change[]): { base: Uint8Array; update: Uint8Array; after: Y.Doc } {
  const base = sampleState();
  const after = docOf(base);
  return { base, update: applyChanges(after, list), after };
}

describe('the content guard', () => {
  it('names what a plain value, an unknown node, text at block level or a foreign root would put into the document', () => {
    const base = sampleState();
    const attempt = (change: (doc: Y.Doc) => void) => {
      const doc = docOf(base);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      change(doc);
      return updateProblem(docOf(base), Y.mergeUpdates(updates));
    };
    const fragment = (doc: Y.Doc) => doc.getXmlFragment(RICH_TEXT_FIELD) as unknown as { insert(i: number, c: unknown[]): void };
    expect(attempt((doc) => fragment(doc).insert(0, [42]))).toBe('a plain value outside an attribute');
    expect(attempt((doc) => fragment(doc).insert(1, [new Y.XmlElement('widget')]))).toBe('unknown node "widget"');
    expect(attempt((doc) => fragment(doc).insert(0, [new Y.XmlText('luzem')]))).toBe('text may not stand directly in the document');
    expect(attempt((doc) => fragment(doc).insert(0, [new Y.XmlElement('tableRow')]))).toBe('"tableRow" may not stand in the document');
    expect(attempt((doc) => doc.getMap('inne').set('a', 1))).toMatch(/no shared type but "default"/);
    expect(attempt((doc) => (doc.getXmlFragment(RICH_TEXT_FIELD).get(0) as Y.XmlElement).setAttribute('level', '7' as never))).toMatch(/heading level/);
    expect(attempt((doc) => (doc.getXmlFragment(RICH_TEXT_FIELD).get(0) as Y.XmlElement).setAttribute('onclick', 'x'))).toBe('"heading" has no attribute "onclick"');
    const text = (doc: Y.Doc) => (doc.getXmlFragment(RICH_TEXT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    expect(attempt((doc) => text(doc).format(0, 3, { link: { href: 'javascript:alert(1)' } }))).toMatch(/link must lead/);
    expect(attempt((doc) => text(doc).insertEmbed(0, { image: 'x' }))).toBe('text holds only characters and marks');
    // And what the editor itself makes passes.
    expect(attempt((doc) => text(doc).insert(0, 'Nowe słowa '))).toBeNull();
    expect(attempt((doc) => text(doc).format(0, 3, { bold: {} }))).toBeNull();
  });

  it('finds the place of content inserted next to content of the same update and of earlier updates not yet applied', () => {
    const base = sampleState();
    const client = docOf(base);
    const first: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => first.push(u));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('pierwsze')]);
    client.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
    const earlier = Y.mergeUpdates(first);
    const second: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => second.push(u));
    (paragraph.get(0) as Y.XmlText).insert(8, ' i drugie');
    const later = Y.mergeUpdates(second.slice(-1));
    expect(updateProblem(docOf(base), later, [earlier])).toBeNull();
    const bad: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => bad.push(u));
    paragraph.insert(1, [new Y.XmlElement('table')]);
    expect(updateProblem(docOf(base), bad[bad.length - 1], [earlier])).toBe('"table" may not stand in "paragraph"');
  });

  it('never refuses a document that fits the schema, nor an edit turning one into another', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(validDocument, validDocument, (first, second) => {
        const doc = prosemirrorJSONToYDoc(editorSchema(), first, RICH_TEXT_FIELD);
        const state = Y.encodeStateAsUpdate(doc);
        expect(updateProblem(new Y.Doc(), state)).toBeNull();
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        prosemirrorToYXmlFragment(editorSchema().nodeFromJSON(second), doc.getXmlFragment(RICH_TEXT_FIELD));
        if (updates.length > 0) expect(updateProblem(docOf(state), Y.mergeUpdates(updates))).toBeNull();
        expect(invalidItems(doc)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts only updates after which nothing in the document is out of the schema (random updates)', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(changes, (list) => {
        const { base, update, after } = changed(list);
        const problem = updateProblem(docOf(base), update);
        if (problem === null) expect(invalidItems(after)).toEqual([]);
        else expect(typeof problem).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('reads any stored state: the document, its HTML, Markdown, plain text and the editor binding never fail (random updates)', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(changes, (list) => {
        const { after } = changed(list);
        const state = Y.encodeStateAsUpdate(after);
        const node = documentFromState(state);
        node.check();
        expect(typeof renderHtml(node)).toBe('string');
        expect(typeof serializeMarkdown(node, { title: 'T', version: 'v', date: '2026-12-06', sha256: 'x' })).toBe('string');
        expect(typeof plainText(after)).toBe('string');
        // What the editor does on load (y-prosemirror's binding), on the copy a reader repairs. A fragment left empty
        // (every block deleted; a new document starts so) binds to an empty doc, which the editor fills with a
        // paragraph: the only state whose bound doc is not itself valid (CI seed 459045300 deleted everything).
        const readable = readableDoc(state);
        expect(invalidItems(readable)).toEqual([]);
        const bound = initProseMirrorDoc(readable.getXmlFragment(RICH_TEXT_FIELD), editorSchema()).doc;
        if (readable.getXmlFragment(RICH_TEXT_FIELD).length === 0) expect(bound.childCount).toBe(0);
        else bound.check();
        expect(documentFromJson(node.toJSON()).eq(node)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('repairs once and for all, and a guarded document never shows its observers content out of the schema', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(changes, (list) => {
        const { update, base } = changed(list);
        const guarded = docOf(base);
        const stop = guardDocument(guarded);
        const seen: string[] = [];
        guarded.getXmlFragment(RICH_TEXT_FIELD).observeDeep(() => {
          if (invalidItems(guarded).length > 0) seen.push('invalid content reached an observer');
        });
        Y.applyUpdate(guarded, update, 'remote');
        stop();
        expect(seen).toEqual([]);
        expect(invalidItems(guarded)).toEqual([]);
        expect(repairDocument(guarded)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts elements nested past the limit', () => {
    const { after } = changed([{ kind: 'nest', target: 0, depth: 40 }]);
    expect(invalidItems(after).length).toBeGreaterThan(0);
    const readable = readableDoc(Y.encodeStateAsUpdate(after));
    expect(invalidItems(readable)).toEqual([]);
  });
});
