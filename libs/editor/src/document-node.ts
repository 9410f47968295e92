import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from './plain-text';
import { editorSchema } from './schema';

/**
 * The ProseMirror document held in a Yjs state (an update as stored: a snapshot, a merged log, a version).
 * Nodes and marks the schema does not know (from an older or foreign client) are dropped rather than failing the
 * whole document; a block that does not fit where it stands is unwrapped to its text. The state is read into a
 * private Y.Doc, so a live document is never touched.
 */
export function documentFromState(state: Uint8Array): PMNode {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return documentFromFragment(doc.getXmlFragment(RICH_TEXT_FIELD));
  } finally {
    doc.destroy();
  }
}

/** The ProseMirror document of a Yjs XmlFragment (read only; see `documentFromState`). */
export function documentFromFragment(fragment: Y.XmlFragment): PMNode {
  return documentFromJson(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent);
}

/** A ProseMirror document from Tiptap JSON, repaired to fit the schema where it does not. */
export function documentFromJson(json: JSONContent): PMNode {
  const schema = editorSchema();
  const clean = sanitize({ ...json, type: 'doc' }) ?? { type: 'doc', content: [] };
  try {
    const node = schema.nodeFromJSON(clean);
    node.check();
    return node;
  } catch {
    // Content that does not fit (e.g. a table cell outside a table): keep the text, paragraph by paragraph.
    const paragraphs = textBlocks(clean).map((text) => ({ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }));
    return schema.nodeFromJSON({ type: 'doc', content: paragraphs.length ? paragraphs : [{ type: 'paragraph' }] });
  }
}

function sanitize(node: JSONContent): JSONContent | null {
  const schema = editorSchema();
  if (!node.type || !schema.nodes[node.type]) return null;
  if (node.type === 'text') {
    if (!node.text) return null;
    const marks = node.marks?.filter((mark) => mark.type && schema.marks[mark.type] && (mark.type !== 'link' || safeHref(mark.attrs?.['href'])));
    return { type: 'text', text: node.text, ...(marks?.length ? { marks } : {}) };
  }
  const content = node.content?.map(sanitize).filter((child): child is JSONContent => child !== null);
  return { type: node.type, ...(node.attrs ? { attrs: node.attrs } : {}), ...(content?.length ? { content } : {}) };
}

/** Links may lead to web pages, e-mail addresses and headings of the document; anything else (javascript:) is dropped. */
export function safeHref(href: unknown): boolean {
  return typeof href === 'string' && /^(https?:\/\/|mailto:|#)/i.test(href.trim());
}

function textBlocks(node: JSONContent): string[] {
  const blocks: string[] = [];
  const walk = (current: JSONContent) => {
    const children = current.content ?? [];
    if (children.some((child) => child.type === 'text')) {
      blocks.push(children.map((child) => child.text ?? '').join(''));
      return;
    }
    children.forEach(walk);
  };
  walk(node);
  return blocks;
}
