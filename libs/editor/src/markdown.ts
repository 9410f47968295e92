import type { Node as PMNode } from '@tiptap/pm/model';
import MarkdownIt from 'markdown-it';
import { MarkdownParser, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import { documentFromJson, safeHref } from './document-node';
import { editorSchema } from './schema';

/** How a page break between chapters is written in Markdown (an HTML comment: invisible where it is rendered). */
const PAGE_BREAK = '<!-- pagebreak -->';

type State = {
  openNode(type: unknown, attrs?: Record<string, unknown> | null): void;
  closeNode(): unknown;
  addNode(type: unknown, attrs?: Record<string, unknown> | null): unknown;
  addText(text: string): void;
};
type Handlers = Record<string, (state: State, token: { content: string; attrGet(name: string): string | null; info: string }) => void>;

let parser: MarkdownParser | null = null;

function markdownParser(): MarkdownParser {
  if (parser) return parser;
  const schema = editorSchema();
  // GFM-like Markdown (tables, strikethrough); indented and fenced code blocks read as paragraphs.
  const tokenizer = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).disable(['code', 'fence']);
  const made = new MarkdownParser(schema, tokenizer, {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'listItem' },
    bullet_list: { block: 'bulletList' },
    ordered_list: { block: 'orderedList', getAttrs: (token) => ({ start: Number(token.attrGet('start')) || 1 }) },
    heading: { block: 'heading', getAttrs: (token) => ({ level: Math.min(Math.max(Number(token.tag.slice(1)) || 1, 1), 3) }) },
    hr: { node: 'horizontalRule' },
    hardbreak: { node: 'hardBreak' },
    table: { block: 'table' },
    tr: { block: 'tableRow' },
    em: { mark: 'italic' },
    strong: { mark: 'bold' },
    s: { mark: 'strike' },
    link: { mark: 'link', getAttrs: (token) => ({ href: token.attrGet('href') }) },
  });
  const handlers = (made as unknown as { tokenHandlers: Handlers }).tokenHandlers;
  const ignore = () => undefined;
  handlers['thead_open'] = handlers['thead_close'] = handlers['tbody_open'] = handlers['tbody_close'] = ignore;
  // A cell's inline content sits in a paragraph in the editor's schema.
  for (const [token, node] of [
    ['th', schema.nodes['tableHeader']],
    ['td', schema.nodes['tableCell']],
  ] as const) {
    handlers[`${token}_open`] = (state) => {
      state.openNode(node);
      state.openNode(schema.nodes['paragraph']);
    };
    handlers[`${token}_close`] = (state) => {
      state.closeNode();
      state.closeNode();
    };
  }
  handlers['softbreak'] = (state) => state.addText(' ');
  // An image keeps its description, inline code its words: the schema has neither.
  handlers['image'] = (state, token) => token.content && state.addText(token.content);
  handlers['code_inline'] = (state, token) => state.addText(token.content);
  // Raw HTML is dropped, except the page-break marker this module writes.
  handlers['html_block'] = (state, token) => {
    if (token.content.trim() === PAGE_BREAK) state.addNode(schema.nodes['pageBreak']);
  };
  handlers['html_inline'] = ignore;
  parser = made;
  return made;
}

/**
 * A Markdown file as a document: the front matter's `title` (if any) and the content in the editor's schema:
 * headings (levels beyond 3 become 3), paragraphs, bold, italic, strikethrough, links, lists, quotes, tables, rules
 * and page breaks. An image keeps its description, code its words; raw HTML is left out.
 */
export function parseMarkdown(markdown: string): { title: string | null; doc: PMNode } {
  const { title, body } = frontMatter(markdown.replace(/^\uFEFF/, ''));
  const parsed = markdownParser().parse(body);
  return { title, doc: documentFromJson(parsed.toJSON()) };
}

function frontMatter(markdown: string): { title: string | null; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(markdown);
  if (!match) return { title: null, body: markdown };
  const line = /^title:\s*(.+)$/m.exec(match[1] ?? '');
  const raw = line?.[1]?.trim() ?? null;
  const title = raw && /^".*"$/.test(raw) ? (JSON.parse(raw) as string) : raw;
  return { title: title || null, body: markdown.slice(match[0].length) };
}

const cellText = (serializer: MarkdownSerializer, cell: PMNode) =>
  cell.content.content
    .map((block) => serializer.serialize(block).trim())
    .join(' ')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

/**
 * Text as Markdown shows it, never as HTML: `<`, `>` and `&` as character references, which every Markdown renderer
 * prints as the characters (a backslash escape would do for CommonMark, not for older renderers), and which the
 * importer reads back as they were. A line break inside a text (not a hard break) becomes a space, as the importer
 * would read it anyway, so no text can end its paragraph or the link it is in. The Markdown characters proper are
 * escaped by prosemirror-markdown.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string).replace(/\r\n?|\n/g, ' ');
}

/**
 * A link's address as a Markdown link destination that nothing in it can end early: spaces, control characters, `<`,
 * `>`, `"` and backslashes percent-encoded (a backslash would escape the closing parenthesis), parentheses escaped.
 */
function linkDestination(href: string): string {
  return href
    .trim()
    .replace(/[\u0000-\u0020\u007f<>"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[()]/g, '\\$&');
}

let serializer: MarkdownSerializer | null = null;

function markdownSerializer(): MarkdownSerializer {
  if (serializer) return serializer;
  const made: MarkdownSerializer = new MarkdownSerializer(
    {
      paragraph: (state, node) => {
        state.renderInline(node);
        state.closeBlock(node);
      },
      heading: (state, node) => {
        state.write(`${'#'.repeat(Number(node.attrs['level']) || 1)} `);
        state.renderInline(node, false);
        state.closeBlock(node);
      },
      blockquote: (state, node) => state.wrapBlock('> ', null, node, () => state.renderContent(node)),
      bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
      orderedList: (state, node) => {
        const start = Number(node.attrs['start']) || 1;
        state.renderList(node, '   ', (i) => `${start + i}. `);
      },
      listItem: (state, node) => state.renderContent(node),
      horizontalRule: (state, node) => {
        state.write('***');
        state.closeBlock(node);
      },
      pageBreak: (state, node) => {
        state.write(PAGE_BREAK);
        state.closeBlock(node);
      },
      hardBreak: (state, node, parent, index) => {
        for (let i = index + 1; i < parent.childCount; i++) {
          if (parent.child(i).type !== node.type) {
            state.write('\\\n');
            return;
          }
        }
      },
      text: (state, node) => state.text(escapeHtml(node.text ?? '')),
      table: (state: MarkdownSerializerState, node) => {
        node.forEach((row, _offset, index) => {
          const cells: string[] = [];
          row.forEach((cell) => cells.push(cellText(made, cell)));
          state.write(`| ${cells.join(' | ')} |`);
          state.ensureNewLine();
          if (index === 0) {
            state.write(`|${cells.map(() => ' --- ').join('|')}|`);
            state.ensureNewLine();
          }
        });
        state.closeBlock(node);
      },
      tableRow: () => undefined,
      tableHeader: () => undefined,
      tableCell: () => undefined,
    },
    {
      italic: { open: '_', close: '_', mixable: true, expelEnclosingWhitespace: true },
      bold: { open: '**', close: '**', mixable: true, expelEnclosingWhitespace: true },
      strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
      // Markdown has no underline: the words stay, the underline goes.
      underline: { open: '', close: '', mixable: true },
      // Only links the schema allows (safeHref): another (not from documentFromJson) keeps its words, not the link.
      // The link's title is not written (the importer reads none).
      link: {
        open: (_state, mark) => (safeHref(mark.attrs['href']) ? '[' : ''),
        close: (_state, mark) => (safeHref(mark.attrs['href']) ? `](${linkDestination(String(mark.attrs['href']))})` : ''),
        mixable: false,
      },
    },
  );
  serializer = made;
  return made;
}

/** A document as Markdown with a front matter naming its title (and, for an export, its version, date and hash). */
export function serializeMarkdown(doc: PMNode, meta: Record<string, string>): string {
  const front = Object.entries(meta)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${front}\n---\n\n${markdownSerializer().serialize(doc)}\n`;
}
