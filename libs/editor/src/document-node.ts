import type { JSONContent } from '@tiptap/core';
import { Fragment, type Mark, type Node as PMNode, type NodeType } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { MAX_NESTING, readableDoc } from './content-guard';
import { RICH_TEXT_FIELD } from './plain-text';
import { safeHref } from './safe-href';
import { editorSchema } from './schema';

export { safeHref };

/**
 * The ProseMirror document held in a Yjs state (an update as stored: a snapshot, a merged log, a version), whatever
 * the state holds: it is read into a private Y.Doc with what does not fit the schema removed (content-guard), so a
 * live document is never touched and no stored state can make a reader fail.
 */
export function documentFromState(state: Uint8Array): PMNode {
  const doc = readableDoc(state);
  try {
    return documentFromFragment(doc.getXmlFragment(RICH_TEXT_FIELD));
  } finally {
    doc.destroy();
  }
}

/** The ProseMirror document of a Yjs XmlFragment that fits the schema (a readable copy; see `documentFromState`). */
export function documentFromFragment(fragment: Y.XmlFragment): PMNode {
  return documentFromJson(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent);
}

/**
 * A ProseMirror document from Tiptap JSON, repaired where it does not fit the schema: nodes and marks the schema does
 * not know are dropped (their text kept where text may stand), links that are not http(s), mailto: or # lose their
 * link, a child that may not stand where it is is wrapped when the schema knows how (a list item outside a list) or
 * else kept as its text, missing required children are filled in, and nesting past MAX_NESTING is cut.
 */
export function documentFromJson(json: JSONContent): PMNode {
  const schema = editorSchema();
  const whole = { ...json, type: schema.topNodeType.name };
  try {
    const node = schema.nodeFromJSON(sanitize(whole, 0) ?? { type: 'doc' });
    node.check();
    return node;
  } catch {
    return build(whole, schema.topNodeType, 0);
  }
}

/** The JSON with unknown nodes and marks and unsafe links left out (a cheap first pass; `build` repairs the rest). */
function sanitize(node: JSONContent, depth: number): JSONContent | null {
  const schema = editorSchema();
  if (!node || typeof node !== 'object' || !node.type || !schema.nodes[node.type] || depth > MAX_NESTING + 1) return null;
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || !node.text) return null;
    const marks = marksOf(node);
    return { type: 'text', text: node.text, ...(marks.length ? { marks } : {}) };
  }
  const content = Array.isArray(node.content) ? node.content.map((child) => sanitize(child, depth + 1)).filter((child): child is JSONContent => child !== null) : [];
  const attrs = attributesOf(schema.nodes[node.type], node.attrs);
  return { type: node.type, ...(attrs ? { attrs } : {}), ...(content.length ? { content } : {}) };
}

function marksOf(node: JSONContent): NonNullable<JSONContent['marks']> {
  const schema = editorSchema();
  return (Array.isArray(node.marks) ? node.marks : []).filter(
    (mark) => mark && typeof mark.type === 'string' && schema.marks[mark.type] && (mark.type !== 'link' || safeHref(mark.attrs?.['href'])),
  );
}

/** Builds a node of `type` from JSON, fitting its children to the type's content expression one by one. */
function build(json: JSONContent, type: NodeType, depth: number): PMNode {
  const children = depth > MAX_NESTING ? [] : (Array.isArray(json.content) ? json.content : []).flatMap((child) => buildChild(child, depth + 1));
  return fit(type, attributesOf(type, json.attrs), children);
}

function buildChild(json: JSONContent, depth: number): PMNode[] {
  const schema = editorSchema();
  if (!json || typeof json !== 'object') return [];
  const type = typeof json.type === 'string' ? schema.nodes[json.type] : undefined;
  if (type?.name === 'text') {
    if (typeof json.text !== 'string' || !json.text) return [];
    const marks = marksOf(json).flatMap((mark) => {
      try {
        return [schema.mark(mark.type, mark.attrs)];
      } catch {
        return [];
      }
    });
    return [schema.text(json.text, marks)];
  }
  if (!type || type === schema.topNodeType) {
    // An unknown node: its text is kept.
    const text = textOf(json, depth);
    return text ? [schema.text(text)] : [];
  }
  return [build(json, type, depth)];
}

/**
 * The attributes the type knows. A null value is an attribute not set (y-prosemirror never stores one), so the type's
 * default applies: the same text then reads the same whether it came through Yjs or JSON.
 */
function attributesOf(type: NodeType, attrs: unknown): Record<string, unknown> | null {
  if (!attrs || typeof attrs !== 'object') return null;
  const known = Object.keys(type.spec.attrs ?? {});
  const out: Record<string, unknown> = {};
  for (const key of known) {
    const value = (attrs as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/** A node of `type` holding as much of `children` as can stand in it, in order. */
function fit(type: NodeType, attrs: Record<string, unknown> | null, children: PMNode[]): PMNode {
  const schema = editorSchema();
  let match = type.contentMatch;
  const out: PMNode[] = [];
  const put = (node: PMNode): boolean => {
    const next = match.matchType(node.type);
    if (!next) return false;
    out.push(node);
    match = next;
    return true;
  };
  for (const child of children) {
    const node = child.isText ? child.mark(child.marks.filter((mark: Mark) => type.allowsMarkType(mark.type))) : child;
    if (put(node)) continue;
    const wrapping = match.findWrapping(node.type);
    if (wrapping) {
      const wrapped = wrapping.reduceRight<PMNode | null>((inner, wrapper) => (inner ? wrapper.createAndFill(null, inner) : null), node);
      if (wrapped && put(wrapped)) continue;
    }
    // It cannot stand here: its text can, as text or as a paragraph.
    const text = node.textContent;
    if (!text) continue;
    if (put(schema.text(text))) continue;
    const paragraph = schema.nodes['paragraph'];
    if (paragraph) put(paragraph.create(null, schema.text(text)));
  }
  const fill = match.fillBefore(Fragment.empty, true);
  try {
    return type.create(attrs, fill ? Fragment.from(out).append(fill) : Fragment.from(out));
  } catch {
    // Attributes that do not fit: the type's defaults.
    return type.create(null, fill ? Fragment.from(out).append(fill) : Fragment.from(out));
  }
}

function textOf(json: JSONContent, depth: number): string {
  if (depth > MAX_NESTING + 1) return '';
  if (typeof json.text === 'string') return json.text;
  return (Array.isArray(json.content) ? json.content : []).map((child) => (child && typeof child === 'object' ? textOf(child, depth + 1) : '')).join('');
}
