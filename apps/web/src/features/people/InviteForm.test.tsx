import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { members, partners } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { InviteForm } from './InviteForm';

const organisations = [...members, ...partners];

describe('InviteForm', () => {
  it('invites an expert without an organisation', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(true);
    renderWithApp(<InviteForm organisations={organisations} onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('Organizacja')).toBeNull();
    await user.type(screen.getByLabelText('Adres e-mail'), 'ewa.nowak@police.example');
    await user.type(screen.getByLabelText('Imię i nazwisko (nieobowiązkowe)'), 'Ewa Nowak');
    await user.click(screen.getByRole('button', { name: 'Wyślij zaproszenie' }));
    expect(onSubmit).toHaveBeenCalledWith({
      email: 'ewa.nowak@police.example',
      role: 'expert',
      organisationId: null,
      displayName: 'Ewa Nowak',
    });
    // Emptied once onSubmit's promise has said it was sent.
    await waitFor(() => expect((screen.getByLabelText('Adres e-mail') as HTMLInputElement).value).toBe(''));
  });

  it('offers only members for a representative and only partners for a partner', async () => {
    const user = userEvent.setup();
    renderWithApp(<InviteForm organisations={organisations} onSubmit={vi.fn()} />);
    await user.selectOptions(screen.getByLabelText('Rola'), 'representative');
    const memberOptions = within(screen.getByLabelText('Organizacja')).getAllByRole('option').map((o) => o.textContent);
    expect(memberOptions).toEqual(['Wybierz organizację', 'Gmina Miasto Szczecin', 'Gmina Dobra', 'Powiat Policki']);
    await user.selectOptions(screen.getByLabelText('Rola'), 'partner');
    const partnerOptions = within(screen.getByLabelText('Organizacja')).getAllByRole('option').map((o) => o.textContent);
    expect(partnerOptions).toEqual(['Wybierz organizację', 'Uniwersytet Szczeciński', 'IHK Neubrandenburg']);
    await user.selectOptions(screen.getByLabelText('Rola'), 'observer');
    expect(screen.queryByLabelText('Organizacja')).toBeNull();
  });

  it('requires the organisation of a representative, then sends it', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(true);
    renderWithApp(<InviteForm organisations={organisations} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Adres e-mail'), 'wojt@dobra.example');
    await user.selectOptions(screen.getByLabelText('Rola'), 'representative');
    await user.click(screen.getByRole('button', { name: 'Wyślij zaproszenie' }));
    expect(screen.getByLabelText('Organizacja').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Wybierz organizację, którą ta osoba reprezentuje.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.selectOptions(screen.getByLabelText('Organizacja'), 'Gmina Dobra');
    await user.click(screen.getByRole('button', { name: 'Wyślij zaproszenie' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'wojt@dobra.example', role: 'representative', organisationId: 'm2' });
  });

  it('keeps the values when sending failed and shows the API error', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(false);
    const { rerender } = renderWithApp(<InviteForm organisations={organisations} onSubmit={onSubmit} />, { language: 'en' });
    await user.type(screen.getByLabelText('E-mail address'), 'ekspert@som.example');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect((screen.getByLabelText('E-mail address') as HTMLInputElement).value).toBe('ekspert@som.example');
    rerender(<InviteForm organisations={organisations} onSubmit={onSubmit} error="This person already belongs to this workspace." />);
    expect(screen.getByRole('alert').textContent).toBe('This person already belongs to this workspace.');
  });
});
