import type { Node as PMNode } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer';
import { schemaExtensions } from './schema';

/** The HTML of a document, rendered with the editor's own schema (no DOM needed: the server uses it). */
export function renderHtml(doc: PMNode): string {
  return renderToHTMLString({ extensions: schemaExtensions(), content: doc });
}
