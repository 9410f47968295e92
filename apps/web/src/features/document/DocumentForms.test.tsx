import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { documents } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { DocumentFacts } from './DocumentPage';
import { RenameForm } from './RenameForm';
import { StatusForm, statusChoices } from './StatusForm';

const strategy = { ...documents[0], workspaceId: 'w1', createdBy: null };

describe('DocumentFacts', () => {
  it('names the kind, the status and my access, with its end date when there is one', () => {
    const { unmount } = renderWithApp(<DocumentFacts document={strategy} />);
    const values = () => screen.getAllByRole('definition').map((dd) => dd.textContent);
    expect(values()).toEqual(['Strategia', 'W konsultacjach', 'Edycja']);
    unmount();
    renderWithApp(<DocumentFacts document={{ ...strategy, access: 'comment', accessUntil: '2027-03-31T12:00:00.000Z' }} />, { language: 'en' });
    expect(screen.getAllByRole('term').map((dt) => dt.textContent)).toEqual(['Kind', 'Stage', 'Your access']);
    expect(values()[2]).toBe('Comment (until Mar 31, 2027)');
  });
});

describe('RenameForm', () => {
  it('sends the new title, trimmed, and refuses an empty one with the field marked', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<RenameForm title="Strategia" onSubmit={onSubmit} />);
    expect(screen.getByRole('form', { name: 'Zmiana nazwy' })).toBeTruthy();
    const field = screen.getByLabelText('Tytuł dokumentu') as HTMLInputElement;
    expect(field.value).toBe('Strategia');
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Zmień nazwę' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(screen.getByText('Podaj tytuł dokumentu.').id).toBe(field.getAttribute('aria-describedby'));
    await user.type(field, '  Strategia 2030 {Enter}');
    expect(onSubmit).toHaveBeenCalledWith('Strategia 2030');
  });

  it('shows what the server said', () => {
    renderWithApp(<RenameForm title="Strategia" onSubmit={vi.fn()} error="Popraw zaznaczone pola." fieldError="Ta wartość jest nieprawidłowa." />, {
      language: 'pl',
    });
    expect(screen.getByRole('alert').textContent).toBe('Popraw zaznaczone pola.');
    expect(screen.getByLabelText('Tytuł dokumentu').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('StatusForm', () => {
  it('offers only the transitions the domain allows', () => {
    expect(statusChoices('drafting')).toEqual(['drafting', 'in_consultation', 'adopted', 'archived']);
    expect(statusChoices('in_consultation')).toEqual(['in_consultation', 'drafting', 'adopted', 'archived']);
    expect(statusChoices('adopted')).toEqual(['adopted', 'drafting', 'archived']);
    expect(statusChoices('archived')).toEqual(['archived', 'drafting']);
  });

  it('changes the status, and sends nothing for the current one', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { rerender } = renderWithApp(<StatusForm status="archived" onSubmit={onSubmit} />, { language: 'en' });
    const select = screen.getByLabelText('New stage') as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Archived (current)', 'Drafting']);
    await user.click(screen.getByRole('button', { name: 'Change the stage' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await user.selectOptions(select, 'drafting');
    await user.click(screen.getByRole('button', { name: 'Change the stage' }));
    expect(onSubmit).toHaveBeenCalledWith('drafting');
    rerender(<StatusForm status="drafting" onSubmit={onSubmit} />);
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('drafting');
  });
});
