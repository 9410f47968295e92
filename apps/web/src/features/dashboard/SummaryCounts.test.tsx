import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { SummaryCounts } from './SummaryCounts';

describe('SummaryCounts', () => {
  it('names each number', () => {
    renderWithApp(<SummaryCounts summary={{ members: 15, partners: 12, people: 19, documents: 4 }} />);
    const terms = screen.getAllByRole('term').map((dt) => dt.textContent);
    const values = screen.getAllByRole('definition').map((dd) => dd.textContent);
    expect(Object.fromEntries(terms.map((term, i) => [term, values[i]]))).toEqual({
      Członkowie: '15',
      Partnerzy: '12',
      'Aktywne osoby': '19',
      'Dokumenty w pracy': '4',
    });
  });
});
