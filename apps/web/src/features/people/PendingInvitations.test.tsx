import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PendingInvitation } from '../../api/types';
import { members } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { PendingInvitations } from './PendingInvitations';

const invitations: PendingInvitation[] = [
  {
    id: 'i1',
    email: 'wojt@dobra.example',
    displayName: null,
    role: 'representative',
    organisationId: 'm2',
    createdAt: '2026-03-01T10:00:00.000Z',
    expiresAt: '2026-03-08T10:00:00.000Z',
    expired: true,
  },
];

describe('PendingInvitations', () => {
  it('shows each invitation in words and withdraws it', async () => {
    const user = userEvent.setup();
    const onWithdraw = vi.fn();
    renderWithApp(<PendingInvitations invitations={invitations} organisations={members} onWithdraw={onWithdraw} />);
    const row = screen.getByRole('row', { name: /wojt@dobra.example/ });
    expect(within(row).getAllByRole('cell').slice(0, 4).map((c) => c.textContent)).toEqual([
      'nie podano',
      'Przedstawiciel członka',
      'Gmina Dobra',
      'wygasło',
    ]);
    await user.click(within(row).getByRole('button', { name: 'Wycofaj zaproszenie dla wojt@dobra.example' }));
    expect(onWithdraw).toHaveBeenCalledWith(invitations[0]);
  });

  it('says when there is nothing pending', () => {
    renderWithApp(<PendingInvitations invitations={[]} organisations={[]} onWithdraw={vi.fn()} />, { language: 'en' });
    expect(screen.getByText('No pending invitations.')).toBeTruthy();
  });
});
