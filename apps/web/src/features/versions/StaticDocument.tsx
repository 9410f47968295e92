import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { schemaExtensions } from '@commonplan/editor';
import { HeadingAnchors } from '../editor/heading-anchors';

/** A frozen text (a version's content, as Tiptap JSON) shown read-only with the editor's own schema and styles. */
export function StaticDocument({ content, label }: { content: Record<string, unknown>; label: string }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [...schemaExtensions({ headingLevelOffset: 1 }), HeadingAnchors],
      content,
      editable: false,
      editorProps: { attributes: { class: 'editor-content', role: 'document', 'aria-label': label } },
    },
    [content, label],
  );
  return (
    <section className="doc-text" aria-label={label}>
      {!editor && <p className="muted">{t('document.text.loading')}</p>}
      <EditorContent editor={editor} />
    </section>
  );
}
