import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import { ApplyToDraftAction } from './ApplyToDraftAction';
import type { TriageRow } from './triage-api';

const workspace = { id: 'w1', name: 'SSOM', shortName: 'SSOM', slug: 'ssom', role: 'coordinator' as const, organisationId: null, organisationName: null };

const row: TriageRow = {
  id: 'c1',
  number: 'U/2026/0007',
  part: '2. Cele',
  passage: { from: 10, to: 29 },
  currentWording: 'Transport publiczny',
  proposedWording: 'Kolej metropolitalna',
  justification: 'Dojazdy.',
  submitter: { kind: 'person', name: 'Anna', type: 'resident' },
  channel: 'online_form',
  withdrawn: false,
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  assignee: null,
  disposition: 'accepted',
  dispositionJustification: 'Tak.',
  dispositionBy: null,
  approved: true,
  applied: null,
  notes: [],
};

const proposal = (live: { from: number; to: number; text: string } | null) => ({ commentId: 'c1', number: row.number, documentId: 'd1', disposition: 'accepted', currentWording: row.currentWording, proposedWording: row.proposedWording, live, applied: null });

/** fetch answering in turn with the given [status, body] pairs, recording requests. */
function fakeFetch(...answers: Array<[number, unknown]>) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
      const [status, body] = answers[Math.min(calls.length - 1, answers.length - 1)];
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

const show = (value: TriageRow, onDone = vi.fn()) =>
  renderWithApp(
    <WorkspaceContext.Provider value={workspace}>
      <ApplyToDraftAction roundId="r1" row={value} onDone={onDone} />
    </WorkspaceContext.Provider>,
  );

afterEach(() => vi.unstubAllGlobals());

describe('ApplyToDraftAction', () => {
  it('shows the passage as it reads in the draft now and applies the edited wording with what was seen', async () => {
    const calls = fakeFetch([200, proposal({ from: 40, to: 70, text: 'Transport zbiorowy i publiczny' })], [200, proposal(null)]);
    const onDone = vi.fn();
    const user = userEvent.setup();
    show(row, onDone);
    await user.click(screen.getByRole('button', { name: 'Otwórz propozycję w projekcie' }));
    expect((await screen.findByRole('deletion')).textContent).toContain('Transport zbiorowy i publiczny');
    const field = screen.getByLabelText('Nowe brzmienie fragmentu') as HTMLTextAreaElement;
    expect(field.value).toBe('Kolej metropolitalna');
    await user.type(field, ' i autobusy');
    await user.click(screen.getByRole('button', { name: 'Zastosuj w projekcie' }));
    // Called once the API has answered.
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Brzmienie z uwagi U/2026/0007 zastosowano w projekcie dokumentu.'));
    expect(calls[1]).toEqual({ url: '/api/consultation-comments/c1/proposal/apply', method: 'POST', body: { text: 'Kolej metropolitalna i autobusy', expectedText: 'Transport zbiorowy i publiczny' } });
  });

  it('says when someone changed the passage meanwhile and shows it as it reads now', async () => {
    fakeFetch([200, proposal({ from: 40, to: 59, text: 'Transport publiczny' })], [409, { code: 'passage_changed', detail: 'the passage was changed since you opened it; look at it again' }], [200, proposal({ from: 40, to: 56, text: 'Transport miejski' })]);
    const onDone = vi.fn();
    const user = userEvent.setup();
    show(row, onDone);
    await user.click(screen.getByRole('button', { name: 'Otwórz propozycję w projekcie' }));
    await user.click(await screen.findByRole('button', { name: 'Zastosuj w projekcie' }));
    // The alert region is always next to the proposal: its text is waited for.
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('W międzyczasie ktoś zmienił ten fragment projektu.'));
    await vi.waitFor(() => expect(screen.getByRole('deletion').textContent).toContain('Transport miejski'));
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says when the passage is gone from the draft and links to the document', async () => {
    fakeFetch([200, proposal(null)]);
    const user = userEvent.setup();
    show(row);
    await user.click(screen.getByRole('button', { name: 'Otwórz propozycję w projekcie' }));
    expect(await screen.findByText(/Tego fragmentu nie ma już w projekcie/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Otwórz projekt dokumentu' }).getAttribute('href')).toBe('/w/w1/d/d1');
    expect(screen.queryByRole('button', { name: 'Zastosuj w projekcie' })).toBeNull();
  });

  it('names what was applied, and offers nothing for a comment without a passage', () => {
    fakeFetch([200, {}]);
    const { unmount } = show({ ...row, applied: { text: 'Kolej metropolitalna', at: '2026-11-30T11:00:00Z' } });
    expect(screen.getByText('Zastosowano w projekcie: „Kolej metropolitalna”.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    show({ ...row, passage: null });
    expect(screen.getByText(/Uwaga nie wskazuje fragmentu tekstu/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
