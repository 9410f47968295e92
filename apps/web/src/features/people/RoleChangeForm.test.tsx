import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { members, partners, people } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { RoleChangeForm } from './RoleChangeForm';

const organisations = [...members, ...partners];
const representative = people[1];

describe('RoleChangeForm', () => {
  it('starts from the current role and organisation, with the focus on the role', () => {
    renderWithApp(<RoleChangeForm person={representative} organisations={organisations} onSubmit={vi.fn()} onCancel={vi.fn()} />);
    expect((screen.getByLabelText('Nowa rola') as HTMLSelectElement).value).toBe('representative');
    expect((screen.getByLabelText('Organizacja') as HTMLSelectElement).value).toBe('m2');
    expect(document.activeElement).toBe(screen.getByLabelText('Nowa rola'));
    expect(screen.getByRole('form', { name: 'Zmień rolę: Jan Przedstawiciel' })).toBeTruthy();
  });

  it('changes to a partner of a partner organisation', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<RoleChangeForm person={representative} organisations={organisations} onSubmit={onSubmit} onCancel={vi.fn()} />);
    await user.selectOptions(screen.getByLabelText('Nowa rola'), 'partner');
    const select = screen.getByLabelText('Organizacja') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Wybierz organizację',
      'Uniwersytet Szczeciński',
      'IHK Neubrandenburg',
    ]);
    await user.click(screen.getByRole('button', { name: 'Zapisz rolę' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(select.getAttribute('aria-invalid')).toBe('true');
    await user.selectOptions(select, 'p1');
    await user.click(screen.getByRole('button', { name: 'Zapisz rolę' }));
    expect(onSubmit).toHaveBeenCalledWith({ role: 'partner', organisationId: 'p1' });
  });

  it('drops the organisation for a role that has none, and can be cancelled', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onCancel = vi.fn();
    renderWithApp(<RoleChangeForm person={representative} organisations={organisations} onSubmit={onSubmit} onCancel={onCancel} />, {
      language: 'en',
    });
    await user.selectOptions(screen.getByLabelText('New role'), 'observer');
    expect(screen.queryByLabelText('Organisation')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save the role' }));
    expect(onSubmit).toHaveBeenCalledWith({ role: 'observer', organisationId: null });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
