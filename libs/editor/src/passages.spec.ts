import { describe, expect, it } from 'vitest';
import { documentFromJson } from './document-node';
import { documentPassages } from './passages';

const text = (t: string) => ({ type: 'text', text: t });

describe('documentPassages', () => {
  it('gives each top-level block with the heading it stands under, anchored as the outline anchors it', () => {
    const doc = documentFromJson({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('Wstęp przed nagłówkiem.')] },
        { type: 'heading', attrs: { level: 1 }, content: [text('Cele')] },
        { type: 'paragraph', content: [text('Cel 1. Transport.')] },
        { type: 'paragraph' },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('kolej')] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [text('rower')] }] }] },
        { type: 'heading', attrs: { level: 2 }, content: [text('Cele')] },
        { type: 'paragraph', content: [text('Drugi raz.')] },
      ],
    });
    expect(documentPassages(doc)).toEqual([
      { anchor: null, heading: null, text: 'Wstęp przed nagłówkiem.' },
      { anchor: 'h-cele', heading: 'Cele', text: 'Cele' },
      { anchor: 'h-cele', heading: 'Cele', text: 'Cel 1. Transport.' },
      { anchor: 'h-cele', heading: 'Cele', text: 'kolej\nrower' },
      { anchor: 'h-cele-2', heading: 'Cele', text: 'Cele' },
      { anchor: 'h-cele-2', heading: 'Cele', text: 'Drugi raz.' },
    ]);
  });
});
