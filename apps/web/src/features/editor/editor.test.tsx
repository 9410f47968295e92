import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { plainText, RICH_TEXT_FIELD } from '@commonplan/editor';
import { renderWithApp } from '../../test/render';
import { DocumentEditor } from './DocumentEditor';
import { linkAddress } from './LinkForm';
import pl from '../../i18n/pl.json';

const ME = { name: 'Anna Koordynator', organisation: 'Biuro SSOM', color: '#0b57d0' };

function mount(editable = true) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const view = renderWithApp(<DocumentEditor doc={doc} awareness={awareness} user={ME} mode={editable ? 'edit' : 'read'} loaded />);
  return { doc, awareness, ...view };
}

describe('the editor', () => {
  it('writes what the toolbar does into the shared document', async () => {
    const user = userEvent.setup();
    const { doc } = mount();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatowanie tekstu' });
    await user.click(within(toolbar).getByRole('button', { name: 'Nagłówek rozdziału (poziom 1)' }));
    expect(doc.getXmlFragment(RICH_TEXT_FIELD).toJSON()).toBe('<heading level="1"></heading>');
    expect(within(toolbar).getByRole('button', { name: 'Nagłówek rozdziału (poziom 1)' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(toolbar).getByRole('button', { name: 'Wstaw tabelę' }));
    expect(doc.getXmlFragment(RICH_TEXT_FIELD).toJSON()).toContain('<table>');
    // Inside the table its own tools appear.
    expect(within(toolbar).getByRole('button', { name: 'Dodaj wiersz poniżej' })).toBeTruthy();
    await user.click(within(toolbar).getByRole('button', { name: 'Cofnij moją zmianę' }));
    expect(doc.getXmlFragment(RICH_TEXT_FIELD).toJSON()).not.toContain('<table>');
  });

  it('is one tab stop whose buttons are reached with the arrow keys, Home and End', async () => {
    const user = userEvent.setup();
    mount();
    const buttons = within(screen.getByRole('toolbar')).getAllByRole('button');
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    act(() => buttons[0]!.focus());
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toContain('Kursywa');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toContain('Odnośnik');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toContain('Pogrubienie');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.textContent).toContain('Odnośnik');
    expect(within(screen.getByRole('toolbar')).getAllByRole('button').filter((button) => button.tabIndex === 0)).toHaveLength(1);
  });

  it('draws its buttons with icons any system can show (no emoji), each named in words', async () => {
    const user = userEvent.setup();
    mount();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatowanie tekstu' });
    await user.click(within(toolbar).getByRole('button', { name: pl.editor.tools.table })); // the table tools too
    const buttons = within(toolbar).getAllByRole('button');
    const named = Object.values(pl.editor.tools).map((name) => within(toolbar).getByRole('button', { name }));
    expect(new Set(named).size).toBe(buttons.length); // every button has its own name from the translations
    expect(buttons.filter((button) => /\p{Extended_Pictographic}/u.test(button.textContent ?? '')).map((button) => button.textContent)).toEqual([]);
    for (const button of buttons) {
      // What is drawn is hidden from assistive technology: an inline SVG, or plain letters and digits.
      const marks = [...button.querySelectorAll('[aria-hidden="true"]')];
      expect(marks).toHaveLength(1);
      const mark = marks[0]!;
      if (mark.tagName.toLowerCase() !== 'svg') expect(mark.textContent).toMatch(/^[A-Za-z0-9.]+$/);
    }
  });

  it('shows a reader the live text without a toolbar, read-only', () => {
    const source = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Tekst do czytania');
    paragraph.insert(0, [text]);
    source.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
    const { doc } = mount(false);
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(source)));
    expect(screen.queryByRole('toolbar')).toBeNull();
    const box = screen.getByRole('textbox', { name: 'Treść dokumentu' });
    expect(box.getAttribute('aria-readonly')).toBe('true');
    expect(box.textContent).toBe('Tekst do czytania');
    expect(plainText(doc)).toBe('Tekst do czytania');
  });

  it('refuses a link address that is not a web page or e-mail, and sets a valid one on the text', async () => {
    const user = userEvent.setup();
    mount();
    await user.click(screen.getByRole('button', { name: 'Odnośnik' }));
    const field = screen.getByLabelText('Adres odnośnika');
    expect(document.activeElement).toBe(field);
    await user.type(field, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Ustaw odnośnik' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Podaj adres strony internetowej (http lub https) albo mailto:.')).toBeTruthy();
  });
});

describe('linkAddress', () => {
  it('accepts web and e-mail addresses, adds https to a bare host, refuses the rest', () => {
    expect(linkAddress('som.szczecin.pl/strategia')).toBe('https://som.szczecin.pl/strategia');
    expect(linkAddress(' https://bip.gov.pl ')).toBe('https://bip.gov.pl/');
    expect(linkAddress('mailto:biuro@som.example')).toBe('mailto:biuro@som.example');
    expect(linkAddress('javascript:alert(1)')).toBeNull();
    expect(linkAddress('data:text/html,x')).toBeNull();
    expect(linkAddress('   ')).toBeNull();
  });
});
