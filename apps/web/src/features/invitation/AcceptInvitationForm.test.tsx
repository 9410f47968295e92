import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { AcceptInvitationForm } from './AcceptInvitationForm';

describe('AcceptInvitationForm', () => {
  it('for a new account asks for a name and a password and sends them', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<AcceptInvitationForm accountExists={false} email="nowy@som.example" suggestedName="Ewa Nowak" onSubmit={onSubmit} />);
    const name = screen.getByLabelText('Imię i nazwisko') as HTMLInputElement;
    expect(name.value).toBe('Ewa Nowak');
    await user.type(screen.getByLabelText('Hasło'), 'nowy@som.example');
    await user.click(screen.getByRole('button', { name: 'Przyjmij zaproszenie' }));
    expect(screen.getByText('Hasło nie może być adresem e-mail.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Hasło'));
    await user.type(screen.getByLabelText('Hasło'), 'planowanie przestrzenne');
    await user.click(screen.getByRole('button', { name: 'Przyjmij zaproszenie' }));
    expect(onSubmit).toHaveBeenCalledWith({ displayName: 'Ewa Nowak', password: 'planowanie przestrzenne' });
  });

  it('requires a name', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<AcceptInvitationForm accountExists={false} email="nowy@som.example" onSubmit={onSubmit} />, { language: 'en' });
    await user.type(screen.getByLabelText('Password'), 'planowanie przestrzenne');
    await user.click(screen.getByRole('button', { name: 'Accept the invitation' }));
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Full name'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('for an existing account (its owner signed in) shows only the accept button', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<AcceptInvitationForm accountExists email="ekspert@som.example" onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('Hasło')).toBeNull();
    expect(screen.getByText(/Zalogowano jako ekspert@som.example/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Przyjmij zaproszenie' }));
    expect(onSubmit).toHaveBeenCalledWith({});
  });
});
