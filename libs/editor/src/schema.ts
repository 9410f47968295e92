import { type AnyExtension, getSchema, mergeAttributes } from '@tiptap/core';
import Heading from '@tiptap/extension-heading';
import type { Schema } from '@tiptap/pm/model';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { PageBreak } from './page-break';

/** Heading levels the editor offers: chapters, sections, subsections. */
export const HEADING_LEVELS = [1, 2, 3] as const;

export interface SchemaOptions {
  /**
   * Where the document sits under a page heading: its headings are announced that many levels deeper
   * (`aria-level`), while the HTML elements, and so copy and paste, keep the document's own levels.
   */
  headingLevelOffset?: number;
}

/**
 * The extensions that define the document schema, shared by the browser editor and the server (which renders
 * versions, diffs and exports with the same schema). The browser adds collaboration, carets and placeholders on top;
 * undo/redo is left to the collaboration extension (Yjs' undo manager), so StarterKit's own history is off.
 */
export function schemaExtensions(options: SchemaOptions = {}): AnyExtension[] {
  const offset = options.headingLevelOffset ?? 0;
  return [
    StarterKit.configure({
      undoRedo: false,
      // Every client would append its own empty paragraph to the shared document on load; readers cannot.
      trailingNode: false,
      heading: false,
      code: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'] },
    }),
    Heading.extend({
      renderHTML({ node, HTMLAttributes }) {
        const level = HEADING_LEVELS.includes(node.attrs['level']) ? (node.attrs['level'] as number) : HEADING_LEVELS[0];
        const aria = offset > 0 ? { 'aria-level': String(Math.min(level + offset, 6)) } : {};
        return [`h${level}`, mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, aria), 0];
      },
    }).configure({ levels: [...HEADING_LEVELS] }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    PageBreak,
  ];
}

let cached: Schema | null = null;

/** The ProseMirror schema of a Commonplan document. */
export function editorSchema(): Schema {
  cached ??= getSchema(schemaExtensions());
  return cached;
}
