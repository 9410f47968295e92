import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { plain, renderWithApp } from '../../test/render';
import { type RoundSummary, RoundsTable } from './RoundsTable';

const round = (extra: Partial<RoundSummary>): RoundSummary => ({
  id: 'r1',
  title: 'Konsultacje strategii',
  document: { id: 'd1', title: 'Strategia SOM 2030' },
  version: { number: 2, name: 'v1.0 — do konsultacji' },
  state: 'open',
  opensAt: '2026-12-01T08:00:00.000Z',
  closesAt: '2027-01-05T08:00:00.000Z',
  reportDueAt: '2027-02-04T08:00:00.000Z',
  daysLeft: 12,
  commentCount: 42,
  warnings: [],
  ...extra,
});

describe('RoundsTable', () => {
  it('lists each round with what is consulted, its stage, timetable, days left, comments and report due date', () => {
    renderWithApp(<RoundsTable workspaceId="w1" warnings rounds={[round({}), round({ id: 'r2', title: 'Krótka runda', state: 'closed', warnings: ['shorter_than_statutory_minimum'], commentCount: 0 })]} />);
    const table = screen.getByRole('table', { name: 'Rundy konsultacji: etap, terminy, uwagi i termin sprawozdania' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => plain(row.textContent));
    expect(rows[0]).toBe('Konsultacje strategiiStrategia SOM 2030, wersja 2: v1.0 — do konsultacjiOtwarte1 gru 2026 – 5 sty 20271242' + '4 lut 2027');
    expect(rows[1]).toContain('Krócej niż ustawowe 35 dni od ogłoszenia');
    expect(rows[1]).toContain('Zamknięte');
    expect(rows[1]).toContain('brak');
    expect(within(table).getByRole('link', { name: 'Konsultacje strategii' }).getAttribute('href')).toBe('/w/w1/rounds/r1');
  });

  it('keeps the statutory timetable’s warning for staff: without `warnings` (mayors, partners, observers) it is not shown', () => {
    renderWithApp(<RoundsTable workspaceId="w1" rounds={[round({ warnings: ['shorter_than_statutory_minimum'] })]} />);
    expect(screen.getByRole('table').textContent).toContain('Konsultacje strategii');
    expect(screen.queryByText('Krócej niż ustawowe 35 dni od ogłoszenia')).toBeNull();
  });

  it('says when there is none, in English too', () => {
    renderWithApp(<RoundsTable workspaceId="w1" rounds={[]} />, { language: 'en' });
    expect(screen.getByText('There are no consultation rounds yet.')).toBeTruthy();
  });
});
