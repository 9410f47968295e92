import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { people } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { PeopleManagementTable } from './PeopleManagementTable';

describe('PeopleManagementTable', () => {
  it('offers no deactivation of yourself, and reactivation for an inactive person', () => {
    renderWithApp(<PeopleManagementTable people={people} myUserId="u1" panel={null} onOpen={vi.fn()} renderPanel={() => null} />);
    const me = screen.getByRole('row', { name: /Anna Koordynator/ });
    expect(within(me).getByText('(Ty)')).toBeTruthy();
    expect(within(me).queryByRole('button', { name: /Dezaktywuj/ })).toBeNull();
    const jan = screen.getByRole('row', { name: /Jan Przedstawiciel/ });
    expect(within(jan).getByRole('button', { name: 'Przywróć dostęp: Jan Przedstawiciel' })).toBeTruthy();
  });

  it('opens the panel of a person and shows it under their row', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const { rerender } = renderWithApp(
      <PeopleManagementTable people={people} myUserId="u1" panel={null} onOpen={onOpen} renderPanel={() => null} />,
    );
    await user.click(screen.getByRole('button', { name: 'Zmień rolę: Jan Przedstawiciel' }));
    expect(onOpen).toHaveBeenCalledWith({ kind: 'role', membershipId: 'ms2' });
    rerender(
      <PeopleManagementTable
        people={people}
        myUserId="u1"
        panel={{ kind: 'role', membershipId: 'ms2' }}
        onOpen={onOpen}
        renderPanel={(person) => <p>panel of {person.displayName}</p>}
      />,
    );
    expect(screen.getByText('panel of Jan Przedstawiciel')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zmień rolę: Jan Przedstawiciel' }).getAttribute('aria-expanded')).toBe('true');
  });
});
