import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { documents } from '../../test/fixtures';
import { plain, renderWithApp } from '../../test/render';
import { DocumentsTable } from './DocumentsTable';

describe('DocumentsTable', () => {
  it('shows title, kind and status in words, and the date of the last change', () => {
    renderWithApp(<DocumentsTable workspaceId="w1" documents={documents} />);
    const row = screen.getByRole('row', { name: /Strategia Rozwoju SOM/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0].textContent).toBe('Strategia');
    expect(cells[1].textContent).toBe('W konsultacjach');
    expect(plain(cells[2].textContent)).toBe('3 lut 2026');
    expect(cells[2].querySelector('time')?.getAttribute('datetime')).toBe('2026-02-03T09:30:00.000Z');
  });

  it('dates a change by the calendar in Warsaw: 23:26 UTC on 5 December is already 6 December there', () => {
    renderWithApp(<DocumentsTable workspaceId="w1" documents={[{ ...documents[0]!, updatedAt: '2026-12-05T23:26:26Z' }]} />);
    const cells = within(screen.getByRole('row', { name: /Strategia Rozwoju SOM/ })).getAllByRole('cell');
    expect(plain(cells[2].textContent)).toBe('6 gru 2026');
  });

  it('links each title to the page of the document', () => {
    renderWithApp(<DocumentsTable workspaceId="w1" documents={documents} />);
    const link = within(screen.getByRole('rowheader')).getByRole('link', { name: 'Strategia Rozwoju SOM' });
    expect(link.getAttribute('href')).toBe('/w/w1/d/d1');
  });

  it('says so when there are no documents', () => {
    renderWithApp(<DocumentsTable workspaceId="w1" documents={[]} />, { language: 'en' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('There are no documents yet.')).toBeTruthy();
  });
});
