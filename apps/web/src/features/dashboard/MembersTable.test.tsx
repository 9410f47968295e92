import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { members } from '../../test/fixtures';
import { plain, renderWithApp } from '../../test/render';
import { MembersTable } from './MembersTable';

describe('MembersTable', () => {
  it('has a caption and column headers with scope', () => {
    renderWithApp(<MembersTable members={members} />);
    const table = screen.getByRole('table', { name: /Członkowie stowarzyszenia/ });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Nazwa', 'Rodzaj jednostki', 'Liczba mieszkańców', 'Waga głosu']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
  });

  it('shows one row per member with the type in words, population with year and vote weight', () => {
    renderWithApp(<MembersTable members={members} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((c) => plain(c.textContent)))).toEqual([
      ['Gmina miejska', '390 300 (2023 r.)', '1'],
      ['Gmina wiejska', '25 643 (2023 r.)', '1,5'],
      ['Powiat', 'nie podano', '1'],
    ]);
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('Gmina Miasto Szczecin');
  });

  it('speaks English', () => {
    renderWithApp(<MembersTable members={members} />, { language: 'en' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getAllByRole('cell').map((c) => plain(c.textContent))).toEqual(['Urban municipality', '390,300 (2023)', '1']);
    expect(within(rows[2]).getAllByRole('cell')[0].textContent).toBe('County (powiat)');
  });
});
