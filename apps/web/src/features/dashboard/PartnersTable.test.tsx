import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { partners } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { PartnersTable } from './PartnersTable';

describe('PartnersTable', () => {
  it('lists partners with their type in words', () => {
    renderWithApp(<PartnersTable partners={partners} />);
    expect(screen.getByRole('table', { name: /Partnerzy stowarzyszenia/ })).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, within(r).getByRole('cell').textContent])).toEqual([
      ['Uniwersytet Szczeciński', 'Uczelnia'],
      ['IHK Neubrandenburg', 'Izba gospodarcza'],
    ]);
  });
});
