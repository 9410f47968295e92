import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { ResetRequestForm } from './ResetRequestForm';

describe('ResetRequestForm', () => {
  it('asks for an address before sending', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<ResetRequestForm onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Wyślij link' }));
    expect(screen.getByLabelText('Adres e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Podaj adres e-mail.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Adres e-mail'), 'ekspert@som.example');
    await user.click(screen.getByRole('button', { name: 'Wyślij link' }));
    expect(onSubmit).toHaveBeenCalledWith('ekspert@som.example');
  });
});
