import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainText, RICH_TEXT_FIELD } from './plain-text';

function paragraph(text: string, attrs: Record<string, string> = {}, name = 'paragraph'): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

describe('plainText', () => {
  it('puts each block on its own line and drops marks', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
    fragment.insert(0, [paragraph('Diagnoza', { level: '1' }, 'heading'), paragraph('Cele rozwoju'), new Y.XmlElement('paragraph')]);
    ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 4, { bold: true });
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('transport')]);
    list.insert(0, [item]);
    fragment.insert(3, [list]);
    expect(plainText(doc)).toBe('Diagnoza\nCele rozwoju\n\ntransport');
  });

  it('is empty for an empty document and follows concurrent edits', () => {
    const a = new Y.Doc();
    expect(plainText(a)).toBe('');
    a.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph('ab')]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    ((a.getXmlFragment(RICH_TEXT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(1, 'X');
    ((b.getXmlFragment(RICH_TEXT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(2, 'Y');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(plainText(a)).toBe(plainText(b));
    expect(plainText(a)).toMatch(/^aXbY$|^abXY$|^aXbY$/);
  });
});
