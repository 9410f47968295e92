import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { LoginForm } from './LoginForm';

function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('LoginForm', () => {
  it('labels its fields and calls onSubmit with the values', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<LoginForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Adres e-mail'), ' koordynator@som.example ');
    await user.type(screen.getByLabelText('Hasło'), 'demo-ssom-2026');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'koordynator@som.example', password: 'demo-ssom-2026' });
  });

  it('shows problems next to the fields, marks them invalid, focuses the first, and does not submit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<LoginForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Adres e-mail'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    const email = screen.getByLabelText('Adres e-mail');
    const password = screen.getByLabelText('Hasło');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(email)).toContain('Podaj poprawny adres e-mail');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(password)).toBe('Podaj hasło.');
    expect(document.activeElement).toBe(email);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('announces a problem that concerns no field in an alert', () => {
    renderWithApp(<LoginForm onSubmit={vi.fn()} error="Nieprawidłowy adres e-mail lub hasło." />);
    expect(screen.getByRole('alert').textContent).toBe('Nieprawidłowy adres e-mail lub hasło.');
  });

  it('shows field errors reported by the API', () => {
    renderWithApp(<LoginForm onSubmit={vi.fn()} fieldErrors={{ email: 'Podaj poprawny adres e-mail.' }} />);
    const email = screen.getByLabelText('Adres e-mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(email)).toBe('Podaj poprawny adres e-mail.');
    expect(screen.getByLabelText('Hasło').getAttribute('aria-invalid')).toBeNull();
  });

  it('speaks English when the app does', () => {
    renderWithApp(<LoginForm onSubmit={vi.fn()} busy />, { language: 'en' });
    expect(screen.getByLabelText('E-mail address')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Signing in…' }).getAttribute('aria-disabled')).toBe('true');
  });
});
