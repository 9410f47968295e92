import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { documentFromJson } from './document-node';
import { parseMarkdown, serializeMarkdown } from './markdown';
import { editorSchema } from './schema';

/** The exported Markdown as a renderer that lets raw HTML through would show it. */
const rendered = (markdown: string) => new MarkdownIt({ html: true }).render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
const paragraphOf = (...content: unknown[]) => documentFromJson({ type: 'doc', content: [{ type: 'paragraph', content }] } as never);

const source = `---
title: "Strategia SOM 2030"
---

# Diagnoza

Obszar obejmuje **15 gmin** i _powiatów_, zob. [stronę SSOM](https://som.szczecin.pl) oraz ~~stare~~ dane.\\
Druga linia.

## Cele

- transport
- powietrze

1. Cel pierwszy
2. Cel drugi

> Cytat z diagnozy.

| Gmina | Ludność |
| --- | --- |
| Police | 33 000 |

<!-- pagebreak -->

### Załącznik

<script>alert(1)</script>

![obraz](x.png) \`kod\`
`;

describe('Markdown', () => {
  it('imports headings, marks, links, lists, quotes, tables and page breaks into the schema, and reads the title', () => {
    const { title, doc } = parseMarkdown(source);
    expect(title).toBe('Strategia SOM 2030');
    expect(doc.content.content.map((node) => node.type.name)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'blockquote',
      'table',
      'pageBreak',
      'heading',
      'paragraph',
    ]);
    const paragraph = doc.child(1);
    expect(paragraph.textContent).toBe('Obszar obejmuje 15 gmin i powiatów, zob. stronę SSOM oraz stare dane.Druga linia.');
    const marks = (text: string) => {
      let found: string[] = [];
      paragraph.forEach((node) => {
        if (node.text?.includes(text)) found = node.marks.map((mark) => mark.type.name);
      });
      return found;
    };
    expect(marks('15 gmin')).toEqual(['bold']);
    expect(marks('powiatów')).toEqual(['italic']);
    expect(marks('stronę SSOM')).toEqual(['link']);
    expect(marks('stare')).toEqual(['strike']);
    expect(doc.child(6).child(0).child(0).type.name).toBe('tableHeader');
    expect(doc.child(6).child(1).child(0).textContent).toBe('Police');
    // No script survives; an image keeps its description, code its words.
    expect(doc.textContent).not.toContain('alert');
    expect(doc.child(9).textContent).toBe('obraz kod');
  });

  it('exports what it imports: importing the export again gives the same structure', () => {
    const { doc } = parseMarkdown(source);
    const exported = serializeMarkdown(doc, { title: 'Strategia SOM 2030', version: 'v1.0 — do konsultacji', sha256: 'ab'.repeat(32) });
    expect(exported.startsWith('---\ntitle: "Strategia SOM 2030"\nversion: "v1.0 — do konsultacji"\nsha256: "abab')).toBe(true);
    expect(exported).toContain('| Gmina | Ludność |');
    expect(exported).toContain('<!-- pagebreak -->');
    const again = parseMarkdown(exported);
    expect(again.title).toBe('Strategia SOM 2030');
    expect(again.doc.toJSON()).toEqual(doc.toJSON());
  });

  it('drops links that lead anywhere but web pages, e-mail or headings, keeping their words', () => {
    const { doc } = parseMarkdown('[klik](javascript:alert(1)) [strona](https://som.szczecin.pl) [dane:](data:text/html,x) [rozdział](#h-cele)');
    const links: string[] = [];
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') links.push(`${node.text}→${mark.attrs['href']}`);
    });
    expect(links).toEqual(['strona→https://som.szczecin.pl', 'rozdział→#h-cele']);
    // markdown-it leaves such links as the text that was written; content from elsewhere loses the link itself.
    expect(doc.textContent).toContain('[klik](javascript:alert(1))');
    const foreign = documentFromJson({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'klik', marks: [{ type: 'link', attrs: { href: ' javascript:alert(1)' } }, { type: 'bold' }] }] }],
    });
    expect(foreign.child(0).child(0).marks.map((mark) => mark.type.name)).toEqual(['bold']);
  });

  it('keeps the words of underlined text (Markdown has no underline) and escapes what would read as Markdown', () => {
    const doc = documentFromJson({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '*nie* pogrubione, ', marks: [] }, { type: 'text', text: 'podkreślone', marks: [{ type: 'underline' }] }] }],
    });
    const again = parseMarkdown(serializeMarkdown(doc, { title: 't' })).doc;
    expect(again.textContent).toBe('*nie* pogrubione, podkreślone');
    expect(again.child(0).child(0).marks).toEqual([]);
  });
  it('writes HTML typed as text as text: escaped in the export, the same text after importing it again', () => {
    const doc = documentFromJson({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'a & b < c' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '<script>alert(1)</script> &amp; <!-- pagebreak -->' }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<b onmouseover=x>' }] }] }] }] },
      ],
    });
    const exported = serializeMarkdown(doc, { title: 't' });
    expect(exported).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(exported).toContain('a &amp; b &lt; c');
    const html = rendered(exported);
    expect(html).not.toMatch(/<(img|script|b)\b/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const again = parseMarkdown(exported).doc;
    expect(again.toJSON()).toEqual(doc.toJSON());
    expect(again.child(0).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(again.child(1).textContent).toBe('a & b < c');
  });

  it('writes no link a Markdown reader would follow to javascript:, nor one whose address or words break out of it', () => {
    // Built on the schema directly, past documentFromJson's repair: the export still writes no such link.
    const schema = editorSchema();
    const unsafe = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'klik', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] });
    const exported = serializeMarkdown(unsafe, { title: 't' });
    expect(exported).not.toContain('javascript:');
    expect(rendered(exported)).not.toContain('<a');
    expect(parseMarkdown(exported).doc.textContent).toBe('klik');

    const breakout = paragraphOf(
      { type: 'text', text: 'adres', marks: [{ type: 'link', attrs: { href: 'https://example.org/a b)<img src=x onerror=alert(1)>\\' } }] },
      { type: 'text', text: ' i ' },
      { type: 'text', text: 'x](javascript:alert(1)) [y', marks: [{ type: 'link', attrs: { href: 'https://ok.example/(a)' } }] },
    );
    const html = rendered(serializeMarkdown(breakout, { title: 't' }));
    expect(html).not.toMatch(/<img\b|href="javascript:/);
    expect([...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['https://example.org/a%20b)%3Cimg%20src=x%20onerror=alert(1)%3E%5C', 'adres'],
      ['https://ok.example/(a)', 'x](javascript:alert(1)) [y'],
    ]);
    const links: string[] = [];
    parseMarkdown(serializeMarkdown(breakout, { title: 't' })).doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') links.push(`${node.text}→${mark.attrs['href']}`);
    });
    expect(links).toEqual(['adres→https://example.org/a%20b)%3Cimg%20src=x%20onerror=alert(1)%3E%5C', 'x](javascript:alert(1)) [y→https://ok.example/(a)']);
  });
});
