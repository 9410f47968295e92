import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { RICH_TEXT_FIELD, schemaExtensions } from '@commonplan/editor';
import type { PresenceUser } from '../document/useLiveDocument';
import { renderCaret } from './caret';
import { DocumentOutline } from './DocumentOutline';
import { EditorToolbar } from './EditorToolbar';
import { HeadingAnchors } from './heading-anchors';
import { CommentHighlights, NoLocalChanges } from '../comments/comment-highlights';

export interface DocumentEditorProps {
  doc: Y.Doc;
  awareness: Awareness;
  user: PresenceUser;
  /**
   * edit: typing allowed; comment: the text can be selected (also with the keyboard) and commented, not changed;
   * read: the live text, read-only.
   */
  mode: 'edit' | 'comment' | 'read';
  /** The server's state has arrived (until then an empty editor is not "an empty document"). */
  loaded: boolean;
  /** Panels of the side column, under the table of contents (given the editor once it exists). */
  side?: (editor: Editor | null) => ReactNode;
}

/**
 * The shared editor: Tiptap on the document's Y.Doc (the `default` XmlFragment), with the others' carets and the
 * undo history of Yjs (only one's own changes are undone). Headings sit under the page's h1 (announced one level
 * deeper) and carry anchors for the table of contents.
 */
export function DocumentEditor({ doc, awareness, user, mode, loaded, side }: DocumentEditorProps) {
  const { t } = useTranslation();
  const editable = mode !== 'read';
  const editor = useEditor(
    {
      extensions: [
        ...schemaExtensions({ headingLevelOffset: 1 }),
        Collaboration.configure({ document: doc, field: RICH_TEXT_FIELD }),
        CollaborationCaret.configure({ provider: { awareness }, user, render: renderCaret }),
        HeadingAnchors,
        CommentHighlights,
        ...(mode === 'comment' ? [NoLocalChanges] : []),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'editor-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('document.text.label'),
          'aria-readonly': String(mode !== 'edit'),
        },
      },
    },
    [doc, awareness, mode === 'comment'],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.setOptions({ editorProps: { attributes: { ...editor.options.editorProps.attributes, 'aria-readonly': String(mode !== 'edit'), 'aria-label': t('document.text.label') } } });
  }, [editor, editable, mode, t]);

  return (
    <div className="document-layout">
      <section className="doc-text" aria-label={t('document.text.label')} aria-busy={!loaded}>
        {mode === 'edit' && editor && <EditorToolbar editor={editor} />}
        {!loaded && <p className="muted">{t('document.text.loading')}</p>}
        <EditorContent editor={editor} />
      </section>
      <div className="document-side">
        {editor && <DocumentOutline editor={editor} loaded={loaded} />}
        {side?.(editor)}
      </div>
    </div>
  );
}
