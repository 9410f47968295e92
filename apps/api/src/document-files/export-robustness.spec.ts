import fc from 'fast-check';
import * as Y from 'yjs';
import { diffDocuments, documentFromJson, documentFromState, renderHtml, replaceContentUpdate, serializeMarkdown } from '@commonplan/editor';
import { applyChanges, changes, sampleState } from '@commonplan/editor/testing';
import { contentHash } from '../versions/versions.service';
import { renderDocx } from './export-docx';
import { renderPdf } from './export-pdf';

/**
 * Whatever a document's stored state holds (random updates of any Yjs client, in and out of the schema), everything
 * the server makes of it works: the export in every format, what freezing a version computes (content, HTML, hash),
 * the comparison with another state and restoring a version onto it.
 */
describe('exports, versions and restores survive any stored state (property)', () => {
  const base = sampleState();
  const stateAfter = (list: Parameters<typeof applyChanges>[1]) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    applyChanges(doc, list);
    return Y.encodeStateAsUpdate(doc);
  };

  it('exports PDF, Word and Markdown, and freezes, of any state', async () => {
    await fc.assert(
      fc.asyncProperty(changes, async (list) => {
        const doc = documentFromState(stateAfter(list));
        const cover = { title: 'Strategia', version: 'Wersja 1', date: new Date('2026-12-06T10:00:00Z'), contentHash: contentHash(doc), language: 'pl' as const };
        expect((await renderPdf(doc, cover)).subarray(0, 5).toString()).toBe('%PDF-');
        expect((await renderDocx(doc, cover)).subarray(0, 2).toString()).toBe('PK');
        expect(serializeMarkdown(doc, { title: 'Strategia', version: 'v1', date: '2026-12-06', sha256: cover.contentHash })).toContain('Strategia');
        // What a frozen version keeps reads back to the same content and hash.
        const frozen = documentFromJson(JSON.parse(JSON.stringify(doc.toJSON())));
        expect(contentHash(frozen)).toBe(cover.contentHash);
        expect(typeof renderHtml(frozen)).toBe('string');
      }),
      { numRuns: 60 },
    );
  });

  it('compares and restores between any two states', () => {
    fc.assert(
      fc.property(changes, changes, (first, second) => {
        const live = stateAfter(first);
        const version = documentFromState(stateAfter(second));
        expect(Array.isArray(diffDocuments(version, documentFromState(live)).blocks)).toBe(true);
        const restore = replaceContentUpdate(live, version);
        const restored = new Y.Doc();
        Y.applyUpdate(restored, live);
        if (restore) Y.applyUpdate(restored, restore);
        expect(documentFromState(Y.encodeStateAsUpdate(restored)).eq(version)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
