import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { people } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { PeopleTable } from './PeopleTable';

describe('PeopleTable', () => {
  it('shows e-mail addresses to coordinators', () => {
    renderWithApp(<PeopleTable people={people} showEmail />);
    expect(screen.getByRole('columnheader', { name: 'Adres e-mail' })).toBeTruthy();
    const row = screen.getByRole('row', { name: /Jan Przedstawiciel/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'jan@som.example',
      'Przedstawiciel członka',
      'Gmina Dobra',
      'nieaktywna',
    ]);
  });

  it('leaves the e-mail column out for everyone else', () => {
    renderWithApp(<PeopleTable people={people.map(({ email: _email, ...p }) => p)} showEmail={false} />, { language: 'en' });
    expect(screen.queryByRole('columnheader', { name: 'E-mail address' })).toBeNull();
    const row = screen.getByRole('row', { name: /Anna Koordynator/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Coordinator', 'none', 'active']);
  });
});
