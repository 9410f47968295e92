import { act, screen, waitFor } from '@testing-library/react';
import type { Editor } from '@tiptap/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '@commonplan/editor';
import type { Person } from '../../api/types';
import { renderPage } from '../../test/fake-api';
import { DocumentEditor } from '../editor/DocumentEditor';
import { CommentsPanel } from './CommentsPanel';
import './no-layout';

const ME = { name: 'Anna Koordynator', organisation: 'Biuro SSOM', color: '#0b57d0' };
const TEXT = 'Cel 1. Kolej metropolitalna łączy gminy.';
const expert: Person = {
  membershipId: 'm2',
  userId: 'u2',
  displayName: 'Ekspert SSOM',
  role: 'expert',
  organisation: null,
  active: true,
  since: '2026-01-01T00:00:00.000Z',
};

/** The document editor with the comments panel beside it, as on the document's page, on a one-paragraph text. */
function mount(mode: 'edit' | 'comment' | 'read') {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  text.insert(0, TEXT);
  paragraph.insert(0, [text]);
  doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
  const editors: Editor[] = [];
  const view = renderPage(
    <DocumentEditor
      doc={doc}
      awareness={new Awareness(doc)}
      user={ME}
      mode={mode}
      loaded
      side={(editor) => {
        if (editor) editors.push(editor);
        return editor && <CommentsPanel editor={editor} workspaceId="w1" documentId="d1" userId="u1" canComment={mode !== 'read'} revision={0} />;
      }}
    />,
    {
      route: '/w/:workspaceId/d/:documentId',
      path: '/w/w1/d/d1',
      role: 'expert',
      routes: {
        'GET /documents/d1/comments': [],
        'GET /workspaces/w1/people': [expert],
        'POST /documents/d1/comments': ({ body }: { body: { quote: string; body: string } }) => ({
          id: 't1',
          documentId: 'd1',
          anchor: { start: 'AAAA', end: 'AAAA' },
          quote: body.quote,
          status: 'open',
          createdBy: { id: 'u1', displayName: 'Anna Koordynator' },
          createdAt: '2026-12-01T10:00:00.000Z',
          resolvedBy: null,
          resolvedAt: null,
          comments: [],
        }),
      },
    },
  );
  /** Selects `words` in the text with the editor focused, as a mouse or Shift+arrows would. */
  const select = async (words: string) => {
    const editor = await waitFor(() => editors.at(-1) ?? Promise.reject(new Error('no editor yet')));
    const from = 1 + TEXT.indexOf(words);
    act(() => void editor.chain().focus().setTextSelection({ from, to: from + words.length }).run());
    return editor;
  };
  return { ...view, select };
}

const field = () => screen.getByRole('combobox', { name: 'Treść komentarza' });

describe('commenting from the selection', () => {
  it('offers "Comment" next to the selected text, which brings the cursor into the new comment on that passage', async () => {
    const user = userEvent.setup();
    const { select, calls } = mount('comment');
    await screen.findByRole('combobox', { name: 'Treść komentarza' });
    expect(screen.queryByRole('button', { name: 'Skomentuj' })).toBeNull(); // nothing selected

    const editor = await select('Kolej metropolitalna');
    const action = await screen.findByRole('button', { name: 'Skomentuj' });
    expect(action.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+M');
    expect(action.getAttribute('title')).toBe('Skomentuj zaznaczony fragment (Ctrl+Alt+M)');
    // Next to the text: right after it in the page, so Tab from the selection reaches it.
    expect(editor.view.dom.parentElement?.contains(action)).toBe(true);
    expect(action.closest('.selection-comment')?.getAttribute('tabindex')).toBe('-1');

    await user.click(action);
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(screen.getByText('Komentujesz: „Kolej metropolitalna”')).toBeTruthy();
    await user.type(field(), 'Czy obejmuje to Goleniów?', { skipClick: true });
    await user.click(screen.getByRole('button', { name: 'Dodaj komentarz' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({ quote: 'Kolej metropolitalna', body: 'Czy obejmuje to Goleniów?', mentions: [] });
  });

  it('starts the comment with Ctrl+Alt+M from the text too, and hides the action when nothing is selected', async () => {
    const user = userEvent.setup();
    const { select } = mount('edit');
    const editor = await select('łączy gminy');
    await screen.findByRole('button', { name: 'Skomentuj' });
    await user.keyboard('{Control>}{Alt>}m{/Alt}{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(screen.getByText('Komentujesz: „łączy gminy”')).toBeTruthy();
    expect(editor.getText()).toBe(TEXT); // the shortcut typed nothing into the text

    act(() => void editor.chain().focus().setTextSelection(3).run());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Skomentuj' })).toBeNull());
    await user.keyboard('{Control>}{Alt>}m{/Alt}{/Control}');
    // No passage: the shortcut does nothing (the focus would have moved in the next frame).
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(editor.view.dom);
  });

  it('offers a reader neither the action nor the shortcut', async () => {
    const { select } = mount('read');
    await screen.findByRole('heading', { name: 'Komentarze' });
    const editor = await select('Kolej');
    expect(screen.queryByRole('button', { name: 'Skomentuj' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Treść komentarza' })).toBeNull();
    expect(editor.view.state.plugins.some((plugin) => (plugin as unknown as { key: string }).key.startsWith('commentShortcut'))).toBe(false);
  });
});
