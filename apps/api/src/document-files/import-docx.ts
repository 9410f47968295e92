import type { Node as PMNode } from '@tiptap/pm/model';
import mammoth from 'mammoth';
import { COVER_STYLE, QUOTE_STYLE } from './docx-styles';
import { htmlToDocument } from './html-to-doc';

/** How Word's styles become HTML: headings, quotes, underline and strikethrough kept; a Commonplan cover left out. */
const STYLE_MAP = [
  `p[style-name='Commonplan Cover'] => !`,
  `p[style-id='${COVER_STYLE}'] => !`,
  `p[style-name='Title'] => h1.cp-title:fresh`,
  `p[style-name='${QUOTE_STYLE}'] => blockquote > p:fresh`,
  `p[style-name='Intense Quote'] => blockquote > p:fresh`,
  `br[type='page'] => hr.cp-page-break`,
  `u => u`,
  `strike => s`,
];

/**
 * Pictures: only their description is kept (see html-to-doc), so their bytes are never unpacked (mammoth's default
 * would inline each one as base64 into the HTML).
 */
const KEEP_ALT_TEXT_ONLY = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * A Word file as a document: its Title paragraph (if any) as the title, and headings, paragraphs, bold, italic,
 * underline, strikethrough, links, lists, quotes, tables and page breaks in the editor's schema (mammoth reads the
 * file; html-to-doc turns its HTML into the editor's schema).
 */
export async function parseDocx(file: Buffer): Promise<{ title: string | null; doc: PMNode }> {
  const { value: html } = await mammoth.convertToHtml({ buffer: file }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true, convertImage: KEEP_ALT_TEXT_ONLY });
  const title = /<h1 class="cp-title">([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim() || null;
  return { title: title ? decodeEntities(title) : null, doc: htmlToDocument(html.replace(/<h1 class="cp-title">[\s\S]*?<\/h1>/, '')) };
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? _);
}
