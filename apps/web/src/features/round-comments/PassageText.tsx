// The consulted text of the passage picker, in a read-only editor (Tiptap): loaded by PassagePicker only when the form
// is shown, so that the pages that merely may show the form (a round's page for its staff) do not load the editor.
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { schemaExtensions } from '@commonplan/editor';
import { NoLocalChanges } from '../comments/comment-highlights';

/** The text, focusable and selectable but refusing every change; reports each change of the selection. */
export function PassageText({
  content,
  label,
  describedBy,
  onSelection,
}: {
  content: Record<string, unknown>;
  label: string;
  describedBy: string;
  onSelection: (editor: Editor) => void;
}) {
  const editor = useEditor(
    {
      extensions: [...schemaExtensions({ headingLevelOffset: 1 }), NoLocalChanges],
      content,
      editorProps: {
        attributes: { class: 'editor-content', role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': 'true', 'aria-label': label, 'aria-describedby': describedBy },
      },
      onSelectionUpdate: ({ editor: current }) => onSelection(current),
    },
    [content, label],
  );
  return <EditorContent editor={editor} />;
}
