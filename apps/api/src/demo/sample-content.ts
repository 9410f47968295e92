import { RICH_TEXT_FIELD } from '@commonplan/editor';
import * as Y from 'yjs';

/**
 * The sample strategy document's opening draft, in the editor's schema (headings and paragraphs), following the
 * contents a gmina strategy must have (ustawa o samorządzie gminnym, art. 10e).
 */
const OUTLINE: [level: 1 | 2 | 0, text: string][] = [
  [1, 'Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego'],
  [0, 'Projekt roboczy przygotowany przez Biuro Stowarzyszenia do wspólnej pracy członków, ekspertów i partnerów.'],
  [2, '1. Wnioski z diagnozy'],
  [0, 'Obszar metropolitalny obejmuje 15 jednostek samorządu terytorialnego. Najważniejsze wyzwania: dostępność transportowa, jakość powietrza, rynek pracy i usługi publiczne.'],
  [2, '2. Cele strategiczne'],
  [0, 'Cel 1. Spójny system transportu publicznego. Cel 2. Gospodarka niskoemisyjna. Cel 3. Wysoka jakość usług publicznych.'],
  [2, '3. Kierunki działań'],
  [0, ''],
  [2, '4. Wskaźniki realizacji'],
  [0, ''],
  [2, '5. Model struktury funkcjonalno-przestrzennej'],
  [0, ''],
  [2, '6. Obszary strategicznej interwencji'],
  [0, ''],
  [2, '7. System realizacji i ramy finansowe'],
  [0, ''],
];

export function sampleStrategy(): Y.Doc {
  const doc = new Y.Doc();
  const blocks = OUTLINE.map(([level, text]) => {
    const element = new Y.XmlElement(level === 0 ? 'paragraph' : 'heading');
    if (level !== 0) element.setAttribute('level', level as unknown as string);
    if (text) {
      const content = new Y.XmlText();
      content.insert(0, text);
      element.insert(0, [content]);
    }
    return element;
  });
  doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, blocks);
  return doc;
}
