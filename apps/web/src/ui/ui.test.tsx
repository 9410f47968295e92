import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render';
import { ConfirmAction } from './ConfirmAction';
import { PageHeading } from './PageHeading';

describe('PageHeading', () => {
  it('names the page in document.title and can take the focus without being a Tab stop', () => {
    renderWithApp(<PageHeading title="Osoby">Osoby i zaproszenia</PageHeading>);
    expect(document.title).toBe('Osoby – Commonplan');
    const heading = screen.getByRole('heading', { level: 1, name: 'Osoby i zaproszenia' });
    expect(heading.getAttribute('tabindex')).toBe('-1');
    // The first page of a visit leaves the focus alone (the skip link stays the first Tab stop).
    expect(document.activeElement).not.toBe(heading);
  });
});

describe('ConfirmAction', () => {
  it('asks, puts the focus on the confirm button and reports the answer', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    renderWithApp(<ConfirmAction question="Dezaktywować Jana?" confirmLabel="Dezaktywuj" onConfirm={onConfirm} onCancel={onCancel} />);
    expect(screen.getByRole('group', { name: 'Dezaktywować Jana?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dezaktywuj' }));
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Anuluj' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('does not confirm twice while busy', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderWithApp(<ConfirmAction question="?" confirmLabel="OK" onConfirm={onConfirm} onCancel={vi.fn()} busy error="Nie możesz." />);
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Nie możesz.');
  });
});
