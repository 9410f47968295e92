import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { SuggestionProps } from '@tiptap/suggestion';
import { type FormEvent, type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';
import { ErrorMessage } from '../../ui/Messages';
import { COMMENT_MAX_LENGTH } from './comments-api';
import { type MentionItem, mentionedIds, mentionSuggestions } from './mentions';
import './comments.css';

/** What a parent may do with the composer: put the cursor in its field (the comment action next to a selection). */
export interface ComposerHandle {
  focus: () => void;
}

export interface ComposerProps {
  /** The field's label, e.g. "Your comment" or "Reply". */
  label: string;
  submitLabel: string;
  /** People who can be mentioned (the workspace's active members, without the writer). */
  people: Person[];
  onSubmit: (comment: { body: string; mentions: string[] }) => Promise<void>;
  /** Why the comment cannot be sent now (e.g. no passage selected), shown on submit. */
  blocked?: string | null;
  error?: string | null;
  ref?: Ref<ComposerHandle>;
}

interface Suggesting {
  items: MentionItem[];
  choose: (item: { id: string; label: string }) => void;
}

/** Only the paragraphs and line breaks of plain text (and undo): a comment has no formatting. */
const PLAIN_TEXT = StarterKit.configure({
  blockquote: false,
  bold: false,
  bulletList: false,
  code: false,
  codeBlock: false,
  dropcursor: false,
  gapcursor: false,
  heading: false,
  horizontalRule: false,
  italic: false,
  link: false,
  listItem: false,
  listKeymap: false,
  orderedList: false,
  strike: false,
  trailingNode: false,
  underline: false,
});

/**
 * A comment's text with @mentions as you type: "@" and the first letters of a name list the matching people under
 * the field (an ARIA combobox: the arrow keys move through the list, Enter or Tab inserts "@Name", Escape closes it).
 * Whoever is named in the text when it is sent is notified; a mention deleted from the text notifies nobody. The text
 * is a small Tiptap editor (the mention extension), sent as plain text with the ids of the people named.
 */
export function CommentComposer({ label, submitLabel, people, onSubmit, blocked = null, error = null, ref }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggesting, setSuggesting] = useState<Suggesting | null>(null);
  const [active, setActive] = useState(0);
  // The suggestion plugin's callbacks are made once, with the editor: they read the current values from here.
  const peopleRef = useRef(people);
  peopleRef.current = people;
  const menu = useRef<{ suggesting: Suggesting | null; active: number }>({ suggesting: null, active: 0 });

  const move = (index: number) => {
    menu.current.active = index;
    setActive(index);
  };
  const choose = (index: number) => {
    const item = menu.current.suggesting?.items[index];
    if (item) menu.current.suggesting?.choose({ id: item.id, label: item.label });
  };
  const show = (props: SuggestionProps<MentionItem, { id: string; label: string }>) => {
    if (props.loading) return; // the items follow at once (they are filtered here, not fetched)
    const next = { items: props.items, choose: props.command };
    const same = menu.current.suggesting?.items.map((item) => item.id).join() === next.items.map((item) => item.id).join();
    menu.current.suggesting = next;
    setSuggesting(next);
    if (!same) move(0);
  };
  const keyDown = (event: KeyboardEvent): boolean => {
    const { suggesting: current, active: index } = menu.current;
    const count = current?.items.length ?? 0;
    if (count === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      move((index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.isComposing) {
      choose(index);
      return true;
    }
    return false;
  };
  const hide = () => {
    menu.current.suggesting = null;
    setSuggesting(null);
  };

  const editor = useEditor({
    extensions: [
      PLAIN_TEXT,
      Mention.configure({
        HTMLAttributes: { class: 'mention' },
        renderText: ({ node }) => `@${String(node.attrs['label'] ?? '')}`,
        suggestion: {
          allowSpaces: true,
          // After a space (also a non-breaking one, as browsers type at the end of a line) or an opening bracket.
          allowedPrefixes: [' ', '\u00a0', '('],
          items: ({ query }) => mentionSuggestions(peopleRef.current, query),
          render: () => ({ onStart: show, onUpdate: show, onExit: hide, onKeyDown: ({ event }) => keyDown(event) }),
        },
      }),
    ],
  });

  useImperativeHandle(ref, () => ({ focus: () => editor?.commands.focus('end', { scrollIntoView: true }) }), [editor]);

  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listId = `${id}-people`;
  const optionId = (index: number) => `${id}-person-${index}`;
  const items = suggesting?.items ?? [];
  const open = items.length > 0;
  const activeId = open ? optionId(Math.min(active, items.length - 1)) : null;
  const shown = problem;
  const hint = people.length > 0;
  const describedBy = [hint ? hintId : null, shown ? errorId : null].filter(Boolean).join(' ');

  // The field is the combobox: its state (open, the highlighted person, invalid) is written onto the editor's element.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editorProps: {
        attributes: {
          class: 'comment-field__input',
          role: 'combobox',
          'aria-labelledby': labelId,
          'aria-autocomplete': 'list',
          'aria-haspopup': 'listbox',
          'aria-expanded': String(activeId !== null),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(activeId ? { 'aria-controls': listId, 'aria-activedescendant': activeId } : {}),
          ...(shown ? { 'aria-invalid': 'true' } : {}),
        },
      },
    });
  }, [editor, labelId, listId, activeId, describedBy, shown]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !editor) return;
    const text = editor.getText({ blockSeparator: '\n' }).trim();
    const issue = blocked ?? (!text ? t('comments.required') : text.length > COMMENT_MAX_LENGTH ? t('comments.tooLong', { max: COMMENT_MAX_LENGTH }) : null);
    setProblem(issue);
    if (issue) {
      editor.commands.focus();
      return;
    }
    setBusy(true);
    try {
      // The people named in the text now (a mention deleted from it is gone from the document).
      await onSubmit({ body: text, mentions: mentionedIds(editor.state.doc) });
      editor.commands.clearContent(true);
    } catch {
      // the parent shows the error
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorMessage message={error} />
      <div className={shown ? 'field field--invalid' : 'field'}>
        {/* The field is an editor, not an input: the label names it through aria-labelledby and focuses it on a click. */}
        <label id={labelId} onClick={() => editor?.commands.focus()}>
          {label}
        </label>
        <div className="comment-field">
          <EditorContent editor={editor} />
          {open && (
            <ul id={listId} role="listbox" className="mention-list" aria-label={t('comments.mentionList')}>
              {items.map((item, index) => (
                <li
                  key={item.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'mention-list__option mention-list__option--active' : 'mention-list__option'}
                  // The focus stays in the field while the mouse chooses.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(index)}
                >
                  {item.label}
                  {item.detail && <span className="mention-list__detail"> ({item.detail})</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        {hint && (
          <p id={hintId} className="field__hint">
            {t('comments.mentionHint')}
          </p>
        )}
        {shown && (
          <p id={errorId} className="field__error">
            {shown}
          </p>
        )}
      </div>
      <div role="status" className="visually-hidden">
        {open ? t('comments.mentionCount', { count: items.length }) : ''}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('comments.sending') : submitLabel}
        </button>
      </div>
    </form>
  );
}
