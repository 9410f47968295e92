import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { documentOutline, type OutlineEntry } from '@commonplan/editor';

/** Scrolls to a heading (looked up now: positions move with every edit) of the editor and, where the reader may type, puts the caret at its start. */
function goToHeading(editor: Editor, id: string): void {
  const entry = documentOutline(editor.state.doc).find((candidate) => candidate.id === id);
  if (!entry) return;
  const element = editor.view.dom.querySelector<HTMLElement>(`#${CSS.escape(entry.id)}`);
  element?.scrollIntoView({ block: 'start' });
  if (editor.isEditable) editor.chain().setTextSelection(entry.pos + 1).focus(undefined, { scrollIntoView: false }).run();
}

/**
 * The table of contents, from the headings as they are now. Each entry is a link to `#<anchor>`: the address can be
 * shared, and opening it scrolls to that heading once the text has loaded.
 */
export function DocumentOutline({ editor, loaded }: { editor: Editor; loaded: boolean }) {
  const { t } = useTranslation();
  const outline = useEditorState({ editor, selector: ({ editor: current }) => (current ? documentOutline(current.state.doc) : []), equalityFn: sameOutline });
  const scrolled = useRef(false);

  useEffect(() => {
    if (!loaded || scrolled.current || !window.location.hash) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    const entry = outline.find((candidate) => candidate.id === id);
    if (!entry) return;
    scrolled.current = true;
    goToHeading(editor, entry.id);
  }, [loaded, outline, editor]);

  return (
    <nav className="side-panel outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('editor.outline.heading')}</h2>
      {outline.length === 0 ? (
        <p className="muted">{t('editor.outline.empty')}</p>
      ) : (
        <ol>
          {outline.map((entry) => (
            <li key={entry.id} className={`outline__level-${entry.level}`}>
              <a
                href={`#${entry.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  window.history.replaceState(window.history.state, '', `#${entry.id}`);
                  goToHeading(editor, entry.id);
                }}
              >
                {entry.text || t('editor.outline.untitled')}
              </a>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

function sameOutline(a: OutlineEntry[] | null, b: OutlineEntry[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((entry, i) => entry.id === b[i]?.id && entry.text === b[i]?.text && entry.level === b[i]?.level);
}
