import type { Editor } from '@tiptap/react';
import { act, cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { guardDocument, invalidItems, RICH_TEXT_FIELD } from '@commonplan/editor';
import { applyChanges, changes, sampleState } from '@commonplan/editor/testing';
import { renderWithApp } from '../../test/render';
import { DocumentEditor } from './DocumentEditor';

const ME = { name: 'Anna Koordynator', organisation: 'Biuro SSOM', color: '#0b57d0' };

/** A state holding the sample document changed by random updates of any Yjs client (in and out of the schema). */
function storedState(list: Parameters<typeof applyChanges>[1]): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, sampleState());
  applyChanges(doc, list);
  return Y.encodeStateAsUpdate(doc);
}

/** The editor as the document page opens it: on a guarded Y.Doc, with the state arriving before or after it loads. */
function open(state: Uint8Array, arrives: 'before' | 'after') {
  const doc = new Y.Doc();
  const stop = guardDocument(doc);
  if (arrives === 'before') Y.applyUpdate(doc, state, 'offline copy');
  let editor: Editor | null = null;
  renderWithApp(
    <DocumentEditor
      doc={doc}
      awareness={new Awareness(doc)}
      user={ME}
      mode="edit"
      loaded
      side={(current) => {
        editor = current;
        return null;
      }}
    />,
  );
  if (arrives === 'after') act(() => Y.applyUpdate(doc, state, 'server'));
  return { doc, stop, editor: () => editor };
}

describe('the editor loads any stored document (property)', () => {
  // Forty editors mounted one after another: far longer than vitest's default 5 s on a loaded CI machine.
  it('shows whatever the server or the offline copy holds, without the content the schema cannot hold', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(changes, fc.constantFrom('before' as const, 'after' as const), (list, arrives) => {
        const errors: unknown[] = [];
        const onError = (event: ErrorEvent) => errors.push(event.error);
        window.addEventListener('error', onError);
        try {
          const { doc, stop, editor } = open(storedState(list), arrives);
          const current = editor();
          expect(current).not.toBeNull();
          current!.state.doc.check();
          expect(invalidItems(doc)).toEqual([]);
          // The editor shows the text the document holds.
          expect(current!.state.doc.textContent.length).toBeGreaterThan(0);
          expect(doc.getXmlFragment(RICH_TEXT_FIELD).length).toBeGreaterThan(0);
          stop();
        } finally {
          window.removeEventListener('error', onError);
          cleanup();
        }
        expect(errors).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
