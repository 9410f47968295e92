import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Person } from '../../api/types';
import { renderWithApp } from '../../test/render';
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
  it('writes a mention into the text and notifies only the people still named when it is sent', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithApp(
      <CommentComposer label="Treść komentarza" submitLabel="Dodaj komentarz" people={[person('u1', 'Ekspert SSOM'), person('u2', 'Anna Nowak', 'Gmina Police')]} onSubmit={onSubmit} />,
    );
    const field = screen.getByLabelText('Treść komentarza');
    await user.type(field, 'Prośba o opinię');
    await user.selectOptions(screen.getByLabelText('Wspomnij osobę (dostanie powiadomienie)'), 'u1');
    expect((field as HTMLTextAreaElement).value).toBe('Prośba o opinię @Ekspert SSOM ');
    expect(document.activeElement).toBe(field);
    await user.selectOptions(screen.getByLabelText('Wspomnij osobę (dostanie powiadomienie)'), 'Anna Nowak (Gmina Police)');
    // Anna is named, then taken out of the text again: only the expert is notified.
    await user.clear(field);
    await user.type(field, 'Prośba o opinię @Ekspert SSOM');
    await user.click(screen.getByRole('button', { name: 'Dodaj komentarz' }));
    expect(onSubmit).toHaveBeenCalledWith({ body: 'Prośba o opinię @Ekspert SSOM', mentions: ['u1'] });
    expect((field as HTMLTextAreaElement).value).toBe('');
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
