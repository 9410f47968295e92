import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, workspaceOf } from '../../test/fake-api';
import { plain, renderWithApp } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import { VersionApprovals } from './VersionApprovals';

const HASH = 'ab'.repeat(32);
const PATH = 'GET /documents/d1/versions/v1/approvals';
const police = { organisation: { id: 'o1', name: 'Gmina Police' }, contentHash: HASH, approvedBy: 'Przedstawiciel – Gmina Police', approvedAt: '2026-11-30T10:00:00Z' };

function show(role: 'representative' | 'coordinator', organisation: { id: string; name: string } | null) {
  const workspace = { ...workspaceOf(role), organisationId: organisation?.id ?? null, organisationName: organisation?.name ?? null };
  return renderWithApp(
    <WorkspaceContext.Provider value={workspace}>
      <VersionApprovals documentId="d1" versionId="v1" contentHash={HASH} />
    </WorkspaceContext.Provider>,
  );
}

const SUBJECT = 'GET /documents/d1/versions/v1/approvals/subject';
const subject = {
  document: { id: 'd1', title: 'Strategia Rozwoju SOM' },
  version: { id: 'v1', number: 2, name: 'do przyjęcia', createdAt: '2026-11-30T23:30:00Z', contentHash: HASH },
  resolutions: [
    {
      id: 'r1',
      title: 'w sprawie przyjęcia Strategii Rozwoju SOM',
      state: 'adopted',
      number: '7/2026',
      fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM',
      decidedAt: '2026-12-02T11:00:00Z',
      body: { id: 'b1', name: 'Walne Zebranie Członków' },
    },
  ],
};

describe('VersionApprovals', () => {
  it('shows what is signed (document, version and its date in Warsaw, hash, the adopting resolution) and approves only once confirmed', async () => {
    let approved = false;
    const calls = fakeApi({
      [PATH]: () => (approved ? [{ ...police, organisation: { id: 'o2', name: 'Gmina Dobra' } }] : []),
      [SUBJECT]: subject,
      'POST /documents/d1/versions/v1/approvals': () => ((approved = true), []),
    });
    show('representative', { id: 'o2', name: 'Gmina Dobra' });
    const user = userEvent.setup();
    expect(await screen.findByText('Żaden członek nie zatwierdził jeszcze tej wersji.')).toBeTruthy();
    expect(await screen.findByText(`Zatwierdzenie dotyczy dokładnie tej treści, o skrócie SHA-256 ${HASH}.`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Zatwierdzam tę wersję w imieniu: Gmina Dobra' }));
    const confirm = await screen.findByRole('group', { name: 'Zatwierdzić tę wersję w imieniu członka Gmina Dobra? Zatwierdzenia nie można cofnąć.' });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    const facts = Object.fromEntries(screen.getAllByRole('term').map((dt) => [dt.textContent, plain(dt.nextElementSibling?.textContent)]));
    expect(facts).toEqual({
      Dokument: 'Strategia Rozwoju SOM',
      // 23:30 UTC on 30 November is 00:30 on 1 December in Warsaw.
      Wersja: 'nr 2: do przyjęcia, zamrożona 1 gru 2026, 00:30',
      'Skrót SHA-256 treści': HASH,
      Uchwała: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM (podjęta 2 gru 2026, 12:00)',
    });
    // Cancelling sends nothing and gives the button back.
    await user.click(within(confirm).getByRole('button', { name: 'Anuluj' }));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.click(await screen.findByRole('button', { name: 'Zatwierdzam tę wersję w imieniu: Gmina Dobra' }));
    await user.click(await screen.findByRole('button', { name: 'Zatwierdzam' }));
    expect(await screen.findByText(/^Gmina Dobra – /)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(screen.getByText('Wersja została zatwierdzona w imieniu: Gmina Dobra.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Zatwierdzam/ })).toBeNull();
  });

  it('says when no resolution has adopted the version yet', async () => {
    fakeApi({ [PATH]: [], [SUBJECT]: { ...subject, resolutions: [] } });
    show('representative', { id: 'o2', name: 'Gmina Dobra' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Zatwierdzam tę wersję w imieniu: Gmina Dobra' }));
    expect(await screen.findByText('żadna uchwała nie przyjęła tej wersji')).toBeTruthy();
  });

  it('offers nothing to a coordinator, and nothing again to a member that approved', async () => {
    fakeApi({ [PATH]: [police] });
    const { unmount } = show('coordinator', null);
    expect(await screen.findByText(/^Gmina Police – /)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    show('representative', { id: 'o1', name: 'Gmina Police' });
    expect(await screen.findByText(/^Gmina Police – /)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
