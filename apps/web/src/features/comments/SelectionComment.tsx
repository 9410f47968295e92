import { keydownHandler } from '@tiptap/pm/keymap';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The keyboard shortcut (ProseMirror's notation: Mod is Cmd on a Mac, Ctrl elsewhere). */
export const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** The shortcut as the platform names it: for aria-keyshortcuts, and for people (in the button's title). */
function shortcutNames(): { aria: string; shown: string } {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
  return mac ? { aria: 'Meta+Alt+M', shown: '⌘⌥M' } : { aria: 'Control+Alt+M', shown: 'Ctrl+Alt+M' };
}

/** Some words of the text are selected (not only space). */
const textSelected = (state: EditorState) =>
  !state.selection.empty && state.doc.textBetween(state.selection.from, state.selection.to, ' ').trim().length > 0;

const shortcutKey = new PluginKey('commentShortcut');

// Made once: the bubble menu passes changed props on to its plugin with a transaction.
type ShouldShow = NonNullable<Parameters<typeof BubbleMenu>[0]['shouldShow']>;
const shouldShow: ShouldShow = ({ view, state, element }) => textSelected(state) && (view.hasFocus() || element.contains(document.activeElement));
/** Under the selection, where phones do not put their own menu. */
const PLACEMENT = { placement: 'bottom', offset: 6 } as const;

/**
 * "Comment" next to the selected text (a Tiptap bubble menu): it and its shortcut start a new comment on the
 * selection, in the comments panel's form. The button comes right after the text in the tab order, so Tab from the
 * selection reaches it.
 */
export function SelectionComment({ editor, onComment }: { editor: Editor; onComment: () => void }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  const latest = useRef(onComment);
  latest.current = onComment;
  const keys = shortcutNames();

  useEffect(() => {
    if (editor.isDestroyed) return;
    const start = (state: EditorState) => {
      if (!textSelected(state)) return false;
      latest.current();
      return true;
    };
    editor.registerPlugin(new Plugin({ key: shortcutKey, props: { handleKeyDown: keydownHandler({ [COMMENT_SHORTCUT]: start }) } }));
    // The bubble menu makes its box a tab stop of its own: only the button inside should be one.
    if (menu.current) menu.current.tabIndex = -1;
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(shortcutKey);
    };
  }, [editor]);

  return (
    <BubbleMenu
      ref={menu}
      editor={editor}
      className="selection-comment"
      updateDelay={150}
      options={PLACEMENT}
      shouldShow={shouldShow}
    >
      <button
        type="button"
        className="button button--small button--primary"
        aria-keyshortcuts={keys.aria}
        title={t('comments.commentSelectionTitle', { keys: keys.shown })}
        onClick={() => latest.current()}
      >
        {t('comments.commentSelection')}
      </button>
    </BubbleMenu>
  );
}
