// Random changes to a document's Yjs state, for property tests: what any Yjs client with edit access could send, the
// schema's content and much that is not (unknown nodes, plain values, embeds, foreign shared types, bad attributes
// and marks, text where blocks belong, deep nesting). Also random documents that do fit the schema. Test support only.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '../plain-text';
import { editorSchema } from '../schema';

/** A document of the schema to start from: headings, marks, a link, a list, a table, a page break. */
export const SAMPLE_DOCUMENT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Diagnoza społeczno-gospodarcza' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Zażółć ' },
        { type: 'text', text: 'gęślą', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' jaźń', marks: [{ type: 'link', attrs: { href: 'https://som.szczecin.pl' } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'transport' }] }] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gmina' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Police' }] }] }] },
      ],
    },
    { type: 'pageBreak' },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cytat' }] }] },
  ],
};

export function sampleState(): Uint8Array {
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), SAMPLE_DOCUMENT, RICH_TEXT_FIELD));
}

const NODE_NAMES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'table', 'tableRow', 'tableCell', 'tableHeader', 'pageBreak', 'horizontalRule', 'hardBreak', 'doc', 'text', 'widget', 'script'];
const ATTRIBUTE_KEYS = ['level', 'colspan', 'rowspan', 'colwidth', 'start', 'onclick', 'style', 'href'];
const MARK_KEYS = ['bold', 'italic', 'underline', 'strike', 'link', 'code', 'comment--x1', 'script', 'bold--abc'];

const value = fc.oneof(
  fc.integer({ min: -5, max: 10 }),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 3 }),
  fc.constant({ nested: { deep: [1, { x: 'y' }] } }),
  fc.constant('x'.repeat(3000)),
);
const markValue = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.constant({ href: 'https://som.szczecin.pl' }),
  fc.constant({ href: 'javascript:alert(1)' }),
  fc.constant({ href: 'https://a.pl', onclick: 'x' }),
  fc.constant('bold'),
  fc.constant(5),
);

/** One change, aimed at the `target`-th shared type of the document (modulo how many there are). */
export type Change =
  | { kind: 'element'; target: number; index: number; name: string }
  | { kind: 'text'; target: number; index: number; text: string }
  | { kind: 'plain'; target: number; index: number; value: unknown }
  | { kind: 'attribute'; target: number; key: string; value: unknown }
  | { kind: 'format'; target: number; index: number; length: number; key: string; value: unknown }
  | { kind: 'embed'; target: number; index: number }
  | { kind: 'foreignType'; target: number; index: number; type: 'map' | 'array' | 'text' | 'fragment' | 'hook' }
  | { kind: 'foreignRoot'; name: string }
  | { kind: 'delete'; target: number; index: number; length: number }
  | { kind: 'nest'; target: number; depth: number };

export const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('element' as const), target: fc.nat(), index: fc.nat(), name: fc.constantFrom(...NODE_NAMES) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), target: fc.nat(), index: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('plain' as const), target: fc.nat(), index: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('attribute' as const), target: fc.nat(), key: fc.constantFrom(...ATTRIBUTE_KEYS), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('format' as const), target: fc.nat(), index: fc.nat(), length: fc.integer({ min: 1, max: 5 }), key: fc.constantFrom(...MARK_KEYS), value: markValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('embed' as const), target: fc.nat(), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foreignType' as const), target: fc.nat(), index: fc.nat(), type: fc.constantFrom('map' as const, 'array' as const, 'text' as const, 'fragment' as const, 'hook' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foreignRoot' as const), name: fc.constantFrom('default', 'comments', 'prosemirror') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat(), index: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), target: fc.nat(), depth: fc.integer({ min: 1, max: 40 }) }) },
);

export const changes = fc.array(change, { minLength: 1, maxLength: 8 });

/** Every shared type under the rich text (elements and texts), in document order, the rich text first. */
function sharedTypes(doc: Y.Doc): Array<Y.XmlFragment | Y.XmlElement | Y.XmlText> {
  const out: Array<Y.XmlFragment | Y.XmlElement | Y.XmlText> = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    out.push(type);
    if (type instanceof Y.XmlText) return;
    for (const child of type.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
  };
  walk(doc.getXmlFragment(RICH_TEXT_FIELD));
  return out;
}

/** Applies the changes to the document as a client would make them; returns the update they make. */
export function applyChanges(doc: Y.Doc, list: Change[]): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  try {
    for (const c of list) applyChange(doc, c);
  } finally {
    doc.off('update', collect);
  }
  return updates.length > 0 ? Y.mergeUpdates(updates) : Y.encodeStateAsUpdate(new Y.Doc());
}

function applyChange(doc: Y.Doc, c: Change): void {
  if (c.kind === 'foreignRoot') {
    if (c.name === 'default') doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, ['a plain value' as unknown as Y.XmlElement]);
    else doc.getMap(c.name).set('x', { evil: true });
    return;
  }
  const types = sharedTypes(doc);
  const target = types[c.target % types.length];
  const length = target instanceof Y.XmlText ? target.length : target.length;
  const index = 'index' in c ? c.index : 0;
  const at = length === 0 ? 0 : index % (length + 1);
  // Inserting plain values and foreign types through the typed API is what the types forbid; any client can do it.
  const insert = (content: unknown[]) => (target as unknown as { insert(index: number, content: unknown[]): void }).insert(at, content);
  switch (c.kind) {
    case 'element':
      if (target instanceof Y.XmlText) target.insertEmbed(at, new Y.XmlElement(c.name) as unknown as object);
      else insert([new Y.XmlElement(c.name)]);
      return;
    case 'text':
      if (target instanceof Y.XmlText) target.insert(at, c.text);
      else {
        const text = new Y.XmlText();
        text.insert(0, c.text);
        insert([text]);
      }
      return;
    case 'plain':
      if (target instanceof Y.XmlText) target.insertEmbed(at, { value: c.value } as object);
      else insert([c.value]);
      return;
    case 'attribute':
      if (target instanceof Y.XmlElement || target instanceof Y.XmlText) target.setAttribute(c.key, c.value as string);
      return;
    case 'format':
      if (target instanceof Y.XmlText && target.length > 0) target.format(at % target.length, c.length, { [c.key]: c.value });
      return;
    case 'embed':
      if (target instanceof Y.XmlText) target.insertEmbed(at, { image: 'x.png' });
      else insert([new Uint8Array([1, 2, 3])]);
      return;
    case 'foreignType': {
      const made = { map: () => new Y.Map(), array: () => new Y.Array(), text: () => new Y.Text('t'), fragment: () => new Y.XmlFragment(), hook: () => new Y.XmlHook('hook') }[c.type]();
      if (target instanceof Y.XmlText) target.insertEmbed(at, made as unknown as object);
      else insert([made]);
      return;
    }
    case 'delete':
      if (length > 0) target.delete(at % length, Math.min(c.length, length - (at % length)));
      return;
    case 'nest': {
      if (target instanceof Y.XmlText) return;
      let outer = new Y.XmlElement('blockquote');
      const top = outer;
      for (let i = 1; i < c.depth; i++) {
        const inner = new Y.XmlElement('blockquote');
        outer.insert(0, [inner]);
        outer = inner;
      }
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'głęboko');
      paragraph.insert(0, [text]);
      outer.insert(0, [paragraph]);
      insert([top]);
      return;
    }
  }
}

/** A random document that fits the schema (as Tiptap JSON), for checks that valid content is never refused. */
export const validDocument: fc.Arbitrary<object> = (() => {
  const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
  const marks = fc.subarray([{ type: 'bold' }, { type: 'italic' }, { type: 'underline' }, { type: 'strike' }, { type: 'link', attrs: { href: 'https://som.szczecin.pl' } }], { maxLength: 2 });
  const inline = fc.array(fc.record({ type: fc.constant('text'), text, marks }), { minLength: 0, maxLength: 3 });
  const paragraph = inline.map((content) => ({ type: 'paragraph', ...(content.length ? { content } : {}) }));
  const heading = fc.tuple(fc.constantFrom(1, 2, 3), inline).map(([level, content]) => ({ type: 'heading', attrs: { level }, ...(content.length ? { content } : {}) }));
  const { block } = fc.letrec<{ block: object; list: object; quote: object; table: object }>((tie) => ({
    block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, paragraph, heading, tie('list'), tie('quote'), tie('table'), fc.constant({ type: 'pageBreak' }), fc.constant({ type: 'horizontalRule' })),
    list: fc.tuple(fc.constantFrom('bulletList', 'orderedList'), fc.array(fc.tuple(paragraph, fc.array(tie('block'), { maxLength: 1 })), { minLength: 1, maxLength: 2 })).map(([type, items]) => ({
      type,
      content: items.map(([first, rest]) => ({ type: 'listItem', content: [first, ...rest] })),
    })),
    quote: fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'blockquote', content })),
    table: fc.array(fc.array(paragraph, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }).map((rows) => ({
      type: 'table',
      content: rows.map((cells) => ({ type: 'tableRow', content: cells.map((p) => ({ type: 'tableCell', content: [p] })) })),
    })),
  }));
  return fc.array(block, { minLength: 1, maxLength: 4 }).map((content) => ({ type: 'doc', content }));
})();
