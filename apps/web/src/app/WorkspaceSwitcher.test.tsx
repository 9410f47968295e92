import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceOfUser } from '../api/types';
import { renderWithApp } from '../test/render';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const ssom: WorkspaceOfUser = { id: 'w1', name: 'SSOM', shortName: 'SSOM', slug: 'ssom', role: 'coordinator', organisationId: null, organisationName: null };
const kom: WorkspaceOfUser = { id: 'w2', name: 'KOM', shortName: 'KOM', slug: 'kom', role: 'observer', organisationId: null, organisationName: null };

describe('WorkspaceSwitcher', () => {
  it('names the only workspace', () => {
    renderWithApp(<WorkspaceSwitcher workspaces={[ssom]} currentId="w1" onSwitch={vi.fn()} />);
    expect(screen.getByText('SSOM')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('switches between several only when asked to', async () => {
    const user = userEvent.setup();
    const onSwitch = vi.fn();
    renderWithApp(<WorkspaceSwitcher workspaces={[ssom, kom]} currentId="w1" onSwitch={onSwitch} />, { language: 'en' });
    await user.selectOptions(screen.getByLabelText('Workspace'), 'w2');
    expect(onSwitch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(onSwitch).toHaveBeenCalledWith('w2');
  });
});
