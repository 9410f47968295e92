import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, workspaceOf } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
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

describe('VersionApprovals', () => {
  it('lets a representative approve for its member, naming the hash, and lists the approval', async () => {
    let approved = false;
    const calls = fakeApi({ [PATH]: () => (approved ? [{ ...police, organisation: { id: 'o2', name: 'Gmina Dobra' } }] : []), 'POST /documents/d1/versions/v1/approvals': () => ((approved = true), []) });
    show('representative', { id: 'o2', name: 'Gmina Dobra' });
    expect(await screen.findByText('Żaden członek nie zatwierdził jeszcze tej wersji.')).toBeTruthy();
    expect(screen.getByText(`Zatwierdzenie dotyczy dokładnie tej treści, o skrócie SHA-256 ${HASH}.`)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Zatwierdzam tę wersję w imieniu: Gmina Dobra' }));
    expect(await screen.findByText(/^Gmina Dobra – /)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Zatwierdzam/ })).toBeNull();
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
