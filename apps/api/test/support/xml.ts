/** The parts of a parsed XML document the tests read (@xmldom/xmldom's DOM, typed here without the DOM library). */
export interface XmlElement {
  namespaceURI: string | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
export interface XmlDocument {
  documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

// Loaded with require: its type declarations pull in the DOM library, which would change Node's Blob and Buffer types
// for every other test of the API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DOMParser } = require('@xmldom/xmldom') as {
  DOMParser: new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void> }) => { parseFromString(text: string, type: string): XmlDocument };
};

/** Parses XML, failing the test on any error or warning (a document that is not well formed). */
export function parseXml(text: string): XmlDocument {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'application/xml');
  expect(problems).toEqual([]);
  return doc;
}
