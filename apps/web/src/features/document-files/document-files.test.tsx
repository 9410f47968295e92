import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { ExportLinks } from './ExportLinks';
import { ImportForm } from './ImportForm';

describe('ExportLinks', () => {
  it('links each format of the live text or of a version, with the cover in the reader’s language', () => {
    const { unmount } = renderWithApp(<ExportLinks documentId="d1" />);
    const links = within(screen.getByRole('region', { name: 'Eksport' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Pobierz PDF', '/api/documents/d1/export?format=pdf&version=live&lang=pl'],
      ['Pobierz plik Word (DOCX)', '/api/documents/d1/export?format=docx&version=live&lang=pl'],
      ['Pobierz Markdown', '/api/documents/d1/export?format=md&version=live&lang=pl'],
    ]);
    unmount();
    renderWithApp(<ExportLinks documentId="d1" version="v9" />, { language: 'en' });
    expect(screen.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe('/api/documents/d1/export?format=pdf&version=v9&lang=en');
  });
});

describe('ImportForm', () => {
  it('asks for a file, refuses other types and big files on the field, before sending anything', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderWithApp(<ImportForm workspaceId="w1" />);
    const input = screen.getByLabelText('Plik Word (.docx) lub Markdown (.md)');
    await user.click(screen.getByRole('button', { name: 'Importuj' }));
    expect(screen.getByText('Wybierz plik do importu.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    await user.upload(input, new File(['x'], 'notatka.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Importuj' }));
    expect(screen.getByText('Można importować tylko pliki .docx i .md.')).toBeTruthy();
    const big = new File(['x'], 'duzy.md', { type: 'text/markdown' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    await user.upload(input, big);
    await user.click(screen.getByRole('button', { name: 'Importuj' }));
    expect(screen.getByText('Plik może mieć najwyżej 10 MB.')).toBeTruthy();
    expect(screen.getByLabelText('Rodzaj dokumentu')).toBeTruthy();
  });
});
