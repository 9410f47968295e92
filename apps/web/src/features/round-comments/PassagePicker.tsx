import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type ComponentType, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassageText as PassageTextType } from './PassageText';

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

/** A touch screen without a mouse (a phone, a tablet): the primary pointer is a finger. */
const TOUCH_QUERY = '(pointer: coarse), (hover: none)';

function subscribeToPointer(changed: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(TOUCH_QUERY);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

/** Whether the reader selects with a finger rather than a mouse (follows a tablet's keyboard being attached). */
export function useTouchPointer(): boolean {
  return useSyncExternalStore(
    subscribeToPointer,
    () => typeof window.matchMedia === 'function' && window.matchMedia(TOUCH_QUERY).matches,
    () => false,
  );
}

/**
 * The editor's code (Tiptap), loaded once: when a picker is first shown, or ahead by a page that always shows one
 * (the public round page, with its route's code).
 */
let passageText: Promise<ComponentType<Parameters<typeof PassageTextType>[0]>> | null = null;
export const loadPassageText = () => {
  passageText ??= import('./PassageText').then(
    (m) => m.PassageText,
    (error: unknown) => {
      passageText = null;
      throw error;
    },
  );
  return passageText;
};

/**
 * The consulted version's text, in which the reader selects the passage their comment is about (with the mouse, a
 * finger, or the keyboard: the text is focusable and every change to it is refused), then picks it for the form. The
 * hint above the text says how, for a mouse or for touch.
 */
export function PassagePicker({ content, label, onPick }: { content: Record<string, unknown>; label: string; onPick: (passage: PickedPassage) => void }) {
  const { t } = useTranslation();
  const touch = useTouchPointer();
  const [selected, setSelected] = useState<PickedPassage | null>(null);
  const [Text, setText] = useState<{ Component: ComponentType<Parameters<typeof PassageTextType>[0]> } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    loadPassageText().then(
      (Component) => current && setText({ Component }),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);
  const onSelection = (editor: Editor) => {
    const { from, to, empty } = editor.state.selection;
    const text = empty ? '' : editor.state.doc.textBetween(from, to, '\n').trim();
    setSelected(text ? { from, to, text, heading: headingBefore(editor.state.doc, from) } : null);
  };
  return (
    <section className="passage-picker" aria-label={label}>
      <p className="field__hint passage-picker__hint" id="passage-picker-hint">
        {t(touch ? 'commentForm.passage.hintTouch' : 'commentForm.passage.hint')}
      </p>
      <div className="doc-text passage-picker__text">
        {Text ? (
          <Text.Component content={content} label={label} describedBy="passage-picker-hint" onSelection={onSelection} />
        ) : (
          <p className="muted">{t(failed ? 'errors.network' : 'document.text.loading')}</p>
        )}
      </div>
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
