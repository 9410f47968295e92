import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { NewPasswordForm } from './NewPasswordForm';

describe('NewPasswordForm', () => {
  it('refuses a short password with the rule in words', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<NewPasswordForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Nowe hasło'), 'short');
    await user.type(screen.getByLabelText('Powtórz nowe hasło'), 'short');
    await user.click(screen.getByRole('button', { name: 'Zapisz nowe hasło' }));
    expect(screen.getByText('Hasło musi mieć co najmniej 10 znaków.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses two different passwords', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<NewPasswordForm onSubmit={onSubmit} />, { language: 'en' });
    await user.type(screen.getByLabelText('New password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Repeat the new password'), 'correct horse battery!');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(screen.getByLabelText('Repeat the new password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The passwords differ.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits a good password', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<NewPasswordForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Nowe hasło'), 'zielone jabłka 2026');
    await user.type(screen.getByLabelText('Powtórz nowe hasło'), 'zielone jabłka 2026');
    await user.click(screen.getByRole('button', { name: 'Zapisz nowe hasło' }));
    expect(onSubmit).toHaveBeenCalledWith('zielone jabłka 2026');
  });
});
