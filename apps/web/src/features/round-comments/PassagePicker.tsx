import { EditorContent, useEditor } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemaExtensions } from '@commonplan/editor';
import { NoLocalChanges } from '../comments/comment-highlights';

/** A passage of the consulted version: where it is (ProseMirror positions in the frozen text) and its words. */
export interface PickedPassage {
  from: number;
  to: number;
  text: string;
  /** The heading the passage stands under ("2. Cele strategiczne"), or '' before the first heading. */
  heading: string;
}

/** The text of the last heading that starts before `pos`. */
export function headingBefore(doc: PMNode, pos: number): string {
  let heading = '';
  doc.nodesBetween(0, pos, (node, at) => {
    if (node.type.name === 'heading' && at < pos) heading = node.textContent;
    return node.isBlock && node.type.name !== 'heading';
  });
  return heading;
}

/**
 * The consulted version's text, in which the reader selects the passage their comment is about (with the mouse, or
 * with the keyboard: the text is focusable and every change to it is refused), then picks it for the form.
 */
export function PassagePicker({ content, label, onPick }: { content: Record<string, unknown>; label: string; onPick: (passage: PickedPassage) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<PickedPassage | null>(null);
  const editor = useEditor(
    {
      extensions: [...schemaExtensions({ headingLevelOffset: 1 }), NoLocalChanges],
      content,
      editorProps: { attributes: { class: 'editor-content', role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': 'true', 'aria-label': label } },
      onSelectionUpdate: ({ editor: current }) => {
        const { from, to, empty } = current.state.selection;
        const text = empty ? '' : current.state.doc.textBetween(from, to, '\n').trim();
        setSelected(text ? { from, to, text, heading: headingBefore(current.state.doc, from) } : null);
      },
    },
    [content, label],
  );
  return (
    <section className="doc-text passage-picker" aria-label={label}>
      <p className="field__hint" id="passage-picker-hint">
        {t('commentForm.passage.hint')}
      </p>
      {!editor && <p className="muted">{t('document.text.loading')}</p>}
      <EditorContent editor={editor} aria-describedby="passage-picker-hint" />
      <p className="passage-picker__actions">
        <button type="button" className="button" aria-disabled={!selected} onClick={() => selected && onPick(selected)}>
          {t('commentForm.passage.pick')}
        </button>{' '}
        <span className="muted" aria-live="polite">
          {selected ? t('commentForm.passage.selected', { count: selected.text.length }) : t('commentForm.passage.none')}
        </span>
      </p>
    </section>
  );
}
