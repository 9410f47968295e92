import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorText } from '../../api/error-text';
import type { Person } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { StatusMessage } from '../../ui/Messages';
import { notificationsMayHaveChanged } from '../notifications/notifications-api';
import { CommentComposer, type ComposerHandle } from './CommentComposer';
import { commentHighlightsKey, type HighlightMeta, passageRanges } from './comment-highlights';
import { commentsPath, replyToThread, setThreadStatus, startThread, type Thread } from './comments-api';
import { selectedPassage } from './passages';
import { SelectionComment } from './SelectionComment';
import { ThreadView } from './ThreadView';

export interface CommentsPanelProps {
  editor: Editor;
  workspaceId: string;
  documentId: string;
  userId: string;
  canComment: boolean;
  /** Goes up when the server says the comments changed (live). */
  revision: number;
}

/**
 * Comments in the side column: a new comment on the selected passage (started here, or from the "Comment" button
 * next to the selection), the open threads (their passages marked in the text), and the resolved ones. Threads follow their passages through everyone's edits; a thread whose passage was
 * deleted stays, marked, with the words it had.
 */
export function CommentsPanel({ editor, workspaceId, documentId, userId, canComment, revision }: CommentsPanelProps) {
  const { t } = useTranslation();
  const threads = useApiData<Thread[]>(commentsPath(documentId));
  const people = useApiData<Person[]>(canComment ? `/workspaces/${workspaceId}/people` : null);
  const [active, setActive] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const { reload } = threads;

  useEffect(() => {
    if (revision === 0) return;
    reload();
    notificationsMayHaveChanged(); // a new comment may mention the reader
  }, [revision, reload]);

  const list = useMemo(() => threads.data ?? [], [threads.data]);
  const open = list.filter((thread) => thread.status === 'open');
  const resolved = list.filter((thread) => thread.status === 'resolved');
  const mentionable = (people.data ?? []).filter((person) => person.active && person.userId !== userId);

  // Where each passage is now, as the highlight plugin keeps it (no anchor is read on every keystroke here).
  const found = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const ranges = passageRanges(current.state);
      return list.map((thread) => `${thread.id}:${ranges.get(thread.id) ? 1 : 0}`).join(',');
    },
  });
  const passageFound = (id: string) => found.includes(`${id}:1`);
  const selection = useEditorState({ editor, selector: ({ editor: current }) => (current.state.selection.empty ? '' : current.state.doc.textBetween(current.state.selection.from, current.state.selection.to, ' ').trim()) });

  // The threads handed to the highlight plugin (again when they are fetched or another becomes active).
  useEffect(() => {
    if (editor.isDestroyed) return;
    const meta: HighlightMeta = { threads: list.map((thread) => ({ id: thread.id, anchor: thread.anchor, open: thread.status === 'open' })), active };
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, meta));
  }, [editor, list, active]);

  // A link to #thread-<id> (from a notification) opens that thread.
  useEffect(() => {
    const match = /^#thread-([0-9a-f-]{36})$/.exec(window.location.hash);
    if (!match || !list.some((thread) => thread.id === match[1])) return;
    setActive(match[1]!);
    document.getElementById(`thread-${match[1]}`)?.focus();
  }, [list]);

  function show(thread: Thread) {
    setActive(thread.id);
    const range = passageRanges(editor.state).get(thread.id);
    if (!range) return;
    editor.commands.setTextSelection(range);
    const { node } = editor.view.domAtPos(range.from);
    (node instanceof HTMLElement ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
  }

  async function create(comment: { body: string; mentions: string[] }) {
    const passage = selectedPassage(editor);
    if (!passage) throw new Error('no passage');
    setFailure(null);
    setNotice(null);
    try {
      const thread = await startThread(documentId, { ...passage, ...comment });
      setNotice(t('comments.created'));
      setActive(thread.id);
      reload();
    } catch (error) {
      setFailure(error);
      throw error;
    }
  }

  const threadView = (thread: Thread) => (
    <ThreadView
      key={thread.id}
      thread={thread}
      passageFound={passageFound(thread.id)}
      canComment={canComment}
      people={mentionable}
      active={active === thread.id}
      onShow={() => show(thread)}
      onReply={async (reply) => {
        await replyToThread(documentId, thread.id, reply);
        reload();
      }}
      onStatus={async (status) => {
        await setThreadStatus(documentId, thread.id, status);
        setNotice(status === 'resolve' ? t('comments.resolvedNotice') : t('comments.reopenedNotice'));
        reload();
      }}
    />
  );

  return (
    <section aria-labelledby="comments-heading" className="side-panel comments">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      <StatusMessage message={notice} />
      {/* "Comment" next to the selection (and its shortcut) brings the cursor into the form below. */}
      {canComment && <SelectionComment editor={editor} onComment={() => composer.current?.focus()} />}
      {canComment && (
        <div className="comments__new">
          <h3>{t('comments.new')}</h3>
          <p className={selection ? 'comments__selection' : 'muted'}>{selection ? t('comments.selected', { quote: selection.length > 120 ? `${selection.slice(0, 119)}…` : selection }) : t('comments.selectFirst')}</p>
          <CommentComposer
            ref={composer}
            label={t('comments.body')}
            submitLabel={t('comments.submit')}
            people={mentionable}
            onSubmit={create}
            blocked={selection ? null : t('comments.selectFirst')}
            error={formErrorText(failure, t)}
          />
        </div>
      )}
      <h3>{t('comments.open', { count: open.length })}</h3>
      {open.length === 0 ? <p className="muted">{threads.loading ? t('comments.loading') : t('comments.noneOpen')}</p> : open.map(threadView)}
      {resolved.length > 0 && (
        <details>
          <summary>{t('comments.resolved', { count: resolved.length })}</summary>
          {resolved.map(threadView)}
        </details>
      )}
    </section>
  );
}
