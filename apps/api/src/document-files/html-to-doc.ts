import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { documentFromJson } from '@commonplan/editor';

type MarkJSON = { type: string; attrs?: Record<string, unknown> };

const MARK_TAGS: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', del: 'strike', strike: 'strike' };
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Inline content of an element: text runs with their marks, hard breaks; images keep their description. */
function inline(nodes: ChildNode[], marks: MarkJSON[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      const text = node.data.replace(/\s+/g, ' ');
      if (text) out.push({ type: 'text', text, ...(marks.length ? { marks } : {}) });
    } else if (isTag(node)) {
      const tag = node.name.toLowerCase();
      if (tag === 'br') out.push({ type: 'hardBreak' });
      else if (tag === 'img' && node.attribs['alt']) out.push({ type: 'text', text: node.attribs['alt'], ...(marks.length ? { marks } : {}) });
      else if (MARK_TAGS[tag]) out.push(...inline(node.children, [...marks.filter((m) => m.type !== MARK_TAGS[tag]), { type: MARK_TAGS[tag] as string }]));
      else if (tag === 'a' && SAFE_LINK.test(node.attribs['href'] ?? '')) out.push(...inline(node.children, [...marks, { type: 'link', attrs: { href: node.attribs['href'] } }]));
      else out.push(...inline(node.children, marks));
    }
  }
  return out;
}

const paragraph = (content: JSONContent[]): JSONContent => ({ type: 'paragraph', ...(content.length ? { content } : {}) });

/** Block content: what stands at the top level, in a list item, quote or table cell. */
function blocks(nodes: ChildNode[]): JSONContent[] {
  const out: JSONContent[] = [];
  let loose: ChildNode[] = [];
  const flush = () => {
    const content = inline(loose, []);
    if (content.some((node) => node.type !== 'text' || (node.text ?? '').trim())) out.push(paragraph(content));
    loose = [];
  };
  for (const node of nodes) {
    if (!isTag(node)) {
      loose.push(node);
      continue;
    }
    const tag = node.name.toLowerCase();
    const element = node as Element;
    if (tag === 'p') {
      flush();
      out.push(paragraph(inline(element.children, [])));
    } else if (HEADINGS[tag]) {
      flush();
      out.push({ type: 'heading', attrs: { level: HEADINGS[tag] }, content: inline(element.children, []) });
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const items = element.children.filter((child): child is Element => isTag(child) && child.name.toLowerCase() === 'li');
      out.push({
        type: tag === 'ul' ? 'bulletList' : 'orderedList',
        ...(tag === 'ol' ? { attrs: { start: Number(element.attribs['start']) || 1 } } : {}),
        content: items.map((item) => ({ type: 'listItem', content: nonEmpty(blocks(item.children)) })),
      });
    } else if (tag === 'blockquote') {
      flush();
      out.push({ type: 'blockquote', content: nonEmpty(blocks(element.children)) });
    } else if (tag === 'table') {
      flush();
      out.push(table(element));
    } else if (tag === 'hr') {
      flush();
      out.push({ type: element.attribs['class']?.includes('cp-page-break') ? 'pageBreak' : 'horizontalRule' });
    } else if (tag === 'div' && element.attribs['data-type'] === 'page-break') {
      flush();
      out.push({ type: 'pageBreak' });
    } else if (['div', 'section', 'article', 'body', 'html', 'thead', 'tbody'].includes(tag)) {
      flush();
      out.push(...blocks(element.children));
    } else {
      loose.push(node);
    }
  }
  flush();
  return out;
}

const nonEmpty = (content: JSONContent[]) => (content.length ? content : [paragraph([])]);

function rowsOf(element: Element): Element[] {
  return element.children.flatMap((child) => {
    if (!isTag(child)) return [];
    const tag = child.name.toLowerCase();
    if (tag === 'tr') return [child];
    return ['thead', 'tbody', 'tfoot'].includes(tag) ? rowsOf(child) : [];
  });
}

function table(element: Element): JSONContent {
  return {
    type: 'table',
    content: rowsOf(element).map((row) => ({
      type: 'tableRow',
      content: row.children
        .filter((cell): cell is Element => isTag(cell) && ['td', 'th'].includes(cell.name.toLowerCase()))
        .map((cell) => ({ type: cell.name.toLowerCase() === 'th' ? 'tableHeader' : 'tableCell', content: nonEmpty(blocks(cell.children)) })),
    })),
  };
}

/**
 * HTML (as mammoth writes it from a Word file) as a document in the editor's schema, without a browser DOM:
 * headings, paragraphs, marks, safe links, lists, quotes, tables, rules and page breaks; everything else keeps only
 * its text. Whatever does not fit the schema is repaired by documentFromJson.
 */
export function htmlToDocument(html: string): PMNode {
  const root = parseDocument(html);
  return documentFromJson({ type: 'doc', content: nonEmpty(tidyPageBreaks(blocks(root.children))) });
}

const isEmptyParagraph = (node: JSONContent | undefined) => node?.type === 'paragraph' && !(node.content ?? []).length;

/**
 * Word keeps a page break inside a paragraph of its own, which reads as empty paragraphs around the break: those go,
 * and so does a break before any content (the one after an exported cover).
 */
function tidyPageBreaks(content: JSONContent[]): JSONContent[] {
  const kept = content.filter((node, index) => !(isEmptyParagraph(node) && (content[index - 1]?.type === 'pageBreak' || content[index + 1]?.type === 'pageBreak')));
  while (kept[0]?.type === 'pageBreak' || isEmptyParagraph(kept[0])) kept.shift();
  return kept;
}
