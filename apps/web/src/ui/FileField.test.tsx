import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { FileField } from './FileField';

function Chooser({ error }: { error?: string }) {
  const [file, setFile] = useState<File | null>(null);
  return (
    <>
      <FileField id="doc" label="Plik Word" hint="Najwyżej 10 MB." accept=".docx" file={file} onChange={setFile} error={error} />
      <button type="button" onClick={() => setFile(null)}>
        Wyczyść
      </button>
    </>
  );
}

const describedTexts = (input: HTMLElement) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);

describe('FileField', () => {
  it('is the labelled native file input, with a Polish button and "Nie wybrano pliku" instead of the browser’s words', () => {
    renderWithApp(<Chooser />);
    const input = screen.getByLabelText('Plik Word') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.getAttribute('accept')).toBe('.docx');
    expect(screen.getByText('Wybierz plik').getAttribute('aria-hidden')).toBe('true');
    expect(describedTexts(input)).toEqual(['Najwyżej 10 MB.', 'Nie wybrano pliku']);
    // Only the field's label names it: the button's words are not read with it.
    expect([...(input.labels ?? [])].map((label) => label.textContent)).toEqual(['Plik Word']);
  });

  it('takes the keyboard focus itself and shows the name of the file chosen, announced politely', async () => {
    const user = userEvent.setup();
    renderWithApp(<Chooser />);
    const input = screen.getByLabelText('Plik Word') as HTMLInputElement;
    await user.tab();
    expect(document.activeElement).toBe(input);
    await user.upload(input, new File(['x'], 'strategia.docx'));
    expect(input.files?.[0]?.name).toBe('strategia.docx');
    const chosen = screen.getByText('strategia.docx');
    expect(chosen.getAttribute('aria-live')).toBe('polite');
    expect(describedTexts(input)).toEqual(['Najwyżej 10 MB.', 'strategia.docx']);
    await user.click(screen.getByRole('button', { name: 'Wyczyść' }));
    expect(screen.getByText('Nie wybrano pliku')).toBeTruthy();
  });

  it('ties an error to the input and marks it invalid', () => {
    renderWithApp(<Chooser error="Wybierz plik .docx." />);
    const input = screen.getByLabelText('Plik Word');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedTexts(input)).toEqual(['Najwyżej 10 MB.', 'Wybierz plik .docx.', 'Nie wybrano pliku']);
  });

  it('speaks English in English', () => {
    renderWithApp(<FileField id="doc" label="Word file" file={null} onChange={() => undefined} />, { language: 'en' });
    expect(screen.getByText('Choose file')).toBeTruthy();
    expect(screen.getByText('No file chosen')).toBeTruthy();
  });
});
