import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Person } from '../../api/types';
import { renderWithApp } from '../../test/render';
import './no-layout';
import { CommentComposer } from './CommentComposer';
import type { Thread } from './comments-api';
import { ThreadView } from './ThreadView';

const person = (userId: string, displayName: string, organisation: string | null = null): Person => ({
  membershipId: `m-${userId}`,
  userId,
  displayName,
  role: 'expert',
  organisation: organisation ? { id: `o-${userId}`, name: organisation, kind: 'member' } : null,
  active: true,
  since: '2026-01-01T00:00:00.000Z',
});

describe('CommentComposer', () => {
  const people = [person('u1', 'Ekspert SSOM'), person('u2', 'Anna Nowak', 'Gmina Police'), person('u3', 'Łukasz Żak')];
  const compose = (onSubmit = vi.fn().mockResolvedValue(undefined)) => {
    renderWithApp(<CommentComposer label="Treść komentarza" submitLabel="Dodaj komentarz" people={people} onSubmit={onSubmit} />);
    const field = screen.getByRole('combobox', { name: 'Treść komentarza' });
    act(() => field.focus());
    return { field, onSubmit, type: (text: string) => userEvent.setup().type(field, text, { skipClick: true }) };
  };
  const suggested = () => within(screen.getByRole('listbox', { name: 'Osoby, o których możesz wspomnieć' })).getAllByRole('option');

  it('suggests people as "@" and letters are typed, inserts the one chosen, and sends the ids of those named', async () => {
    const { field, onSubmit, type } = compose();
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    await type('Prośba o opinię @Eks');
    expect(suggested().map((option) => option.textContent)).toEqual(['Ekspert SSOM']);
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(field.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(field.getAttribute('aria-activedescendant')).toBe(suggested()[0]!.id);
    expect(suggested()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(/^Pasujące osoby: 1\./)).toBeTruthy();
    await type('{Enter}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(field.getAttribute('aria-activedescendant')).toBeNull();
    expect(field.querySelector('.mention')?.textContent).toBe('@Ekspert SSOM');

    // "@" alone lists everyone; the arrows move through the list (round), Tab inserts too; Polish letters need no marks.
    await type('co sądzisz? @');
    expect(suggested().map((option) => option.textContent)).toEqual(['Ekspert SSOM', 'Anna Nowak (Gmina Police)', 'Łukasz Żak']);
    await type('{ArrowDown}');
    expect(field.getAttribute('aria-activedescendant')).toBe(suggested()[1]!.id);
    expect(suggested()[1]!.getAttribute('aria-selected')).toBe('true');
    await type('{ArrowUp}{ArrowUp}');
    expect(field.getAttribute('aria-activedescendant')).toBe(suggested()[2]!.id);
    await type('nowa');
    expect(suggested().map((option) => option.textContent)).toEqual(['Anna Nowak (Gmina Police)']);
    await type('{Tab}i @lukasz');
    expect(suggested().map((option) => option.textContent)).toEqual(['Łukasz Żak']);
    await userEvent.setup().click(suggested()[0]!);
    expect(document.activeElement).toBe(field);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Dodaj komentarz' }));
    expect(onSubmit).toHaveBeenCalledWith({ body: 'Prośba o opinię @Ekspert SSOM co sądzisz? @Anna Nowak i @Łukasz Żak', mentions: ['u1', 'u2', 'u3'] });
    // Emptied once onSubmit's promise has resolved.
    await waitFor(() => expect(field.textContent).toBe(''));
  });

  it('closes the suggestions with Escape, keeping what was typed, and notifies nobody who is not named', async () => {
    const { field, onSubmit, type } = compose();
    await type('Uwaga dla @Ann');
    expect(suggested()).toHaveLength(1);
    await type('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field.getAttribute('aria-expanded')).toBe('false');
    // Nobody matches: no list.
    await type(' i @Kowalski');
    expect(screen.queryByRole('listbox')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dodaj komentarz' }));
    expect(onSubmit).toHaveBeenCalledWith({ body: 'Uwaga dla @Ann i @Kowalski', mentions: [] });
  });

  it('refuses an empty comment, or one without a passage, with the field marked', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { rerender } = renderWithApp(<CommentComposer label="Treść komentarza" submitLabel="Dodaj komentarz" people={[]} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Dodaj komentarz' }));
    expect(screen.getByText('Wpisz treść komentarza.')).toBeTruthy();
    expect(screen.getByLabelText('Treść komentarza').getAttribute('aria-invalid')).toBe('true');
    rerender(<CommentComposer label="Treść komentarza" submitLabel="Dodaj komentarz" people={[]} onSubmit={onSubmit} blocked="Zaznacz fragment tekstu, którego dotyczy komentarz." />);
    await user.type(screen.getByLabelText('Treść komentarza'), 'Uwaga');
    await user.click(screen.getByRole('button', { name: 'Dodaj komentarz' }));
    expect(screen.getByText('Zaznacz fragment tekstu, którego dotyczy komentarz.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

const thread: Thread = {
  id: 't1',
  documentId: 'd1',
  anchor: { start: 'AAAA', end: 'AAAA' },
  quote: 'Cel 2. Gospodarka niskoemisyjna',
  status: 'open',
  createdBy: { id: 'u1', displayName: 'Ekspert SSOM' },
  createdAt: '2026-11-30T10:00:00.000Z',
  resolvedBy: null,
  resolvedAt: null,
  comments: [{ id: 'c1', body: 'Czy obejmuje to ciepłownictwo?', author: { id: 'u1', displayName: 'Ekspert SSOM' }, mentions: [], createdAt: '2026-11-30T10:00:00.000Z' }],
};

describe('ThreadView', () => {
  it('links to its passage while it is in the text, and marks it deleted with the words it had when it is not', async () => {
    const user = userEvent.setup();
    const onShow = vi.fn();
    const props = { thread, canComment: true, people: [], active: false, onShow, onReply: vi.fn(), onStatus: vi.fn().mockResolvedValue(undefined) };
    const { rerender } = renderWithApp(<ThreadView {...props} passageFound />);
    await user.click(screen.getByRole('button', { name: 'Pokaż w tekście fragment „Cel 2. Gospodarka niskoemisyjna”' }));
    expect(onShow).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Oznacz jako rozwiązany' }));
    expect(props.onStatus).toHaveBeenCalledWith('resolve');
    rerender(<ThreadView {...props} passageFound={false} />);
    expect(screen.queryByRole('button', { name: /Pokaż w tekście/ })).toBeNull();
    expect(screen.getByText('Fragment usunięty z tekstu')).toBeTruthy();
    expect(screen.getByText('„Cel 2. Gospodarka niskoemisyjna”').tagName).toBe('DEL');
  });

  it('offers a reader no reply and no resolving', () => {
    renderWithApp(<ThreadView thread={thread} passageFound canComment={false} people={[]} active={false} onShow={vi.fn()} onReply={vi.fn()} onStatus={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Odpowiedz' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Oznacz jako rozwiązany' })).toBeNull();
    expect(screen.getByText('Czy obejmuje to ciepłownictwo?')).toBeTruthy();
  });
});
