import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { documents } from '../../test/fixtures';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { ResolutionView, VoteView } from './decisions-api';
import { DecisionsPage } from './DecisionsPage';
import { adoptedOutcome, assembly, board, remoteRule, resolution, vote, withRules } from './fixtures';
import { ResolutionPage } from './ResolutionPage';

const FUTURE = '2099-01-15T18:00:00.000Z';
const PAST = '2020-01-15T18:00:00.000Z';
/** A remote vote (no meeting) on r1, open until FUTURE. */
const remote = (extra: Partial<VoteView> = {}) => vote({ meetingId: null, closesAt: FUTURE, ...extra });
const voting = resolution({ state: 'voting' });
/** The bodies with remote voting allowed by their statute (general rules). */
const remoteAssembly = withRules(assembly, { remote: remoteRule });
const remoteBoard = withRules(board, { remote: remoteRule });

/** The resolution page of r1 as `role`; a representative represents `organisationId` (m1, Gmina Police, by default). */
function openResolution(options: { role?: Role; organisationId?: string; resolutions?: ResolutionView[]; votes: VoteView[][] | ((n: number) => VoteView[]); routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  const role = options.role ?? 'representative';
  let resolutionReads = 0;
  let voteReads = 0;
  const resolutions = options.resolutions ?? [voting];
  const votes = () => {
    const n = voteReads++;
    return typeof options.votes === 'function' ? options.votes(n) : options.votes[Math.min(n, options.votes.length - 1)]!;
  };
  const organisationId = role === 'representative' ? (options.organisationId ?? 'm1') : null;
  const workspace = { ...workspaceOf(role), organisationId, organisationName: organisationId ? 'Gmina Police' : null };
  return renderPage(
    <WorkspaceContext.Provider value={workspace}>
      <ResolutionPage />
    </WorkspaceContext.Provider>,
    {
      route: '/w/:workspaceId/resolutions/:resolutionId',
      path: '/w/w1/resolutions/r1',
      role,
      language: options.language,
      routes: {
        'GET /resolutions/r1': () => resolutions[Math.min(resolutionReads++, resolutions.length - 1)],
        'GET /resolutions/r1/votes': votes,
        'GET /bodies/b1': remoteAssembly,
        ...options.routes,
      },
    },
  );
}

const posts = (calls: Array<{ method: string; path: string; body: unknown }>) => calls.filter((c) => c.method === 'POST');

describe('the resolution page', () => {
  it('shows the resolution: full title once adopted, body, kind, state, number, text, adopted version and attachments', async () => {
    const adopted = {
      ...resolution({ state: 'adopted', number: '7/2026', fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030', decidedAt: '2026-12-02T11:00:00.000Z', justification: 'Strategia wymaga przyjęcia.' }),
      attachments: [{ id: 'a1', position: 1, name: 'mapa.pdf', mediaType: 'application/pdf', size: 20480, sha256: 'cd'.repeat(32) }],
    };
    openResolution({ role: 'observer', resolutions: [adopted], votes: [[remote({ state: 'closed', closedAt: PAST, closesAt: PAST, castCount: 3, outcome: adoptedOutcome, voted: ['m1', 'm2', 'm3'] })]] });
    await screen.findByRole('heading', { level: 1, name: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030' });
    const facts = plain(document.querySelector('dl.facts')?.textContent);
    expect(facts).toContain('OrganWalne Zebranie Członków');
    expect(facts).toContain('Rodzajzwykła');
    expect(facts).toContain('Numer7/2026');
    expect(facts).toContain(`Strategia Rozwoju SOM, wersja 2: do przyjęciaSHA-256: ${'ab'.repeat(32)}`);
    expect(screen.getByRole('link', { name: 'Tekst uchwały: w sprawie przyjęcia Strategii Rozwoju SOM 2030' }).getAttribute('href')).toBe('/w/w1/d/doc-r1');
    expect(screen.getByText('Strategia wymaga przyjęcia.')).toBeTruthy();
    // The attachments as everywhere else (AttachmentsSection): numbered, downloadable, with their SHA-256.
    const attachments = (await screen.findByRole('heading', { name: /^Załączniki: / })).closest('section') as HTMLElement;
    expect(within(attachments).getByRole('link', { name: /mapa\.pdf/ }).getAttribute('href')).toBe('/api/resolutions/r1/attachments/a1');
    expect(plain(attachments.textContent)).toContain('Załącznik nr 1');
    expect(plain(attachments.textContent)).toContain('cd'.repeat(6));
    // The closed remote vote's outcome (VoteOutcome), with no ballot and no close button.
    expect(screen.getByRole('heading', { level: 3, name: /Głosowanie zdalne, jawne/ })).toBeTruthy();
    expect(screen.getByText('Uchwała podjęta')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says the text is frozen for good, links what it amends and what repeals it, and names the text voted on with its SHA-256', async () => {
    const adopted = resolution({
      state: 'adopted',
      number: '7/2026',
      fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków zmieniająca uchwałę w sprawie składki',
      changes: { resolutionId: 'r0', number: '1/2026', kind: 'amends' },
      changedBy: [{ resolutionId: 'r9', number: '2/2027', kind: 'repeals' }],
    });
    const closed = remote({ state: 'closed', closedAt: PAST, closesAt: PAST, castCount: 3, outcome: adoptedOutcome, voted: ['m1', 'm2', 'm3'], textVersionId: 'tv1', textHash: 'ef'.repeat(32) });
    openResolution({ role: 'observer', resolutions: [adopted], votes: [[closed]] });
    await screen.findByRole('heading', { level: 1, name: 'Uchwała nr 7/2026 Walnego Zebrania Członków zmieniająca uchwałę w sprawie składki' });
    expect(screen.getByText('Tekst uchwały jest zamrożony na stałe w wersji, nad którą głosowano. Zmiana wymaga nowej uchwały, która zmienia lub uchyla tę.')).toBeTruthy();
    const facts = plain(document.querySelector('dl.facts')?.textContent);
    expect(facts).toContain('Zmienia uchwałę1/2026');
    expect(facts).toContain('Zmiany tej uchwałyuchylona uchwałą 2/2027');
    expect(screen.getByRole('link', { name: '1/2026' }).getAttribute('href')).toBe('/w/w1/resolutions/r0');
    expect(screen.getByRole('link', { name: '2/2027' }).getAttribute('href')).toBe('/w/w1/resolutions/r9');
    const voted = screen.getByRole('link', { name: 'wersja zamrożona przy otwarciu głosowania: w sprawie przyjęcia Strategii Rozwoju SOM 2030' });
    expect(voted.getAttribute('href')).toBe('/w/w1/d/doc-r1/v/tv1');
    expect(plain(voted.closest('p')?.textContent)).toContain(`SHA-256 ${'ef'.repeat(32)}`);
  });

  it('says nothing of a frozen text while the resolution is a draft', async () => {
    openResolution({ role: 'observer', resolutions: [resolution()], votes: [[]] });
    await screen.findByText('Nad tą uchwałą jeszcze nie głosowano.');
    expect(screen.queryByText(/zamrożony/)).toBeNull();
  });

  it('reads the resolution and its votes again when the window gets the focus back (remote votes have no live events)', async () => {
    const page = openResolution({ role: 'observer', votes: [[remote()], [remote({ castCount: 1, roll: [{ memberId: 'm2', choice: 'against', byProxy: false }], voted: ['m2'] })]] });
    await screen.findByText('Za: 0 · Przeciw: 0 · Wstrzymało się: 0 · Oddano głosów: 0 z 3');
    fireEvent.focus(window);
    await screen.findByText('Za: 0 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 1 z 3');
    expect(page.calls.filter((c) => c.path === '/resolutions/r1/votes')).toHaveLength(2);
  });
});

describe('opening a remote vote', () => {
  it('sends the closing time chosen on the resolution’s page and shows the open vote', async () => {
    const user = userEvent.setup();
    const page = openResolution({
      role: 'coordinator',
      resolutions: [resolution(), voting],
      votes: (n) => (n === 0 ? [] : [remote()]),
      routes: { 'POST /resolutions/r1/votes': remote() },
    });
    const form = await screen.findByRole('form', { name: 'Głosowanie zdalne' });
    expect(screen.getByText('Nad tą uchwałą jeszcze nie głosowano.')).toBeTruthy();
    await user.type(within(form).getByLabelText('Koniec głosowania'), '15.01.2099 19:00');
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    await waitFor(() => expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/resolutions/r1/votes', body: { closesAt: '2099-01-15T18:00:00.000Z' } }]));
    const heading = await screen.findByRole('heading', { level: 3, name: /Głosowanie zdalne, jawne/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('Za: 0 · Przeciw: 0 · Wstrzymało się: 0 · Oddano głosów: 0 z 3').closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Głosowanie zdalne' })).toBeNull();
  });

  it('refuses a closing time in the past on the field, and shows the API’s refusal of closesAt there too', async () => {
    const user = userEvent.setup();
    const page = openResolution({
      role: 'coordinator',
      resolutions: [resolution()],
      votes: [[]],
      routes: { 'POST /resolutions/r1/votes': reply(400, { message: 'closesAt: a remote vote needs a closing time in the future', errors: [{ field: 'closesAt', message: 'a remote vote needs a closing time in the future', code: 'closing_time_not_future' }] }) },
    });
    const form = await screen.findByRole('form', { name: 'Głosowanie zdalne' });
    const field = within(form).getByLabelText('Koniec głosowania');
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    expect(within(form).getByText('Podaj datę i godzinę końca głosowania.')).toBeTruthy();
    await user.type(field, '15.01.2020 19:00');
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    expect(within(form).getByText('Koniec głosowania musi przypadać w przyszłości.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(posts(page.calls)).toEqual([]);

    await user.clear(field);
    await user.type(field, '15.01.2099 19:00');
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    await waitFor(() => expect(posts(page.calls)).toHaveLength(1));
    expect(await within(form).findByText('Koniec głosowania musi przypadać w przyszłości.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(plain(within(form).getAllByRole('alert')[0]!.textContent)).toBe('Popraw zaznaczone pola.');
  });

  it('opens one from the decisions page on an undecided resolution and goes to its page', async () => {
    const user = userEvent.setup();
    const adopted = resolution({ id: 'r0', title: 'w sprawie składki', state: 'adopted', number: '1/2026' });
    const ofBoard = resolution({ id: 'r2', title: 'w sprawie budżetu biura', body: { id: 'b2', name: 'Zarząd', nameGenitive: 'Zarządu' }, state: 'no_quorum' });
    const page = renderPage(<DecisionsPage />, {
      route: '/w/:workspaceId/decisions',
      path: '/w/w1/decisions',
      role: 'coordinator',
      routes: {
        'GET /workspaces/w1/bodies': [remoteAssembly, remoteBoard],
        'GET /workspaces/w1/resolutions': [resolution(), ofBoard, adopted],
        'GET /workspaces/w1/meetings': [],
        'GET /workspaces/w1/documents': documents,
        'POST /resolutions/r2/votes': remote({ resolutionId: 'r2' }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Uchwały i projekty uchwał, od najnowszych' });
    expect(within(table).getByRole('link', { name: 'w sprawie budżetu biura' }).getAttribute('href')).toBe('/w/w1/resolutions/r2');
    const form = screen.getByRole('form', { name: 'Głosowanie zdalne' });
    const select = within(form).getByLabelText('Uchwała');
    // Only undecided resolutions (draft, no quorum), oldest first.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wybierz uchwałę', 'w sprawie budżetu biura (Zarząd)', 'w sprawie przyjęcia Strategii Rozwoju SOM 2030 (Walne Zebranie Członków)']);
    await user.selectOptions(select, 'r2');
    await user.type(within(form).getByLabelText('Koniec głosowania'), '01.03.2099 12:00');
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/resolutions/r2'));
    expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/resolutions/r2/votes', body: { closesAt: '2099-03-01T11:00:00.000Z' } }]);
  });

  it('is not offered to other roles, nor on a resolution being voted on', async () => {
    const observer = openResolution({ role: 'observer', resolutions: [resolution()], votes: [[]] });
    await screen.findByText('Nad tą uchwałą jeszcze nie głosowano.');
    expect(screen.queryByRole('form', { name: 'Głosowanie zdalne' })).toBeNull();
    observer.unmount();
    openResolution({ role: 'coordinator', votes: [[remote()]] });
    await screen.findByRole('heading', { level: 3, name: /Głosowanie zdalne, jawne/ });
    expect(screen.queryByRole('form', { name: 'Głosowanie zdalne' })).toBeNull();
  });
});

describe('remote voting in the statute', () => {
  it('is offered only where the rules of the resolution’s body allow it for its kind', async () => {
    const election = resolution({ id: 'r3', title: 'w sprawie wyboru Przewodniczącego', kind: 'election' });
    const ofBoard = resolution({ id: 'r2', title: 'w sprawie budżetu biura', body: { id: 'b2', name: 'Zarząd', nameGenitive: 'Zarządu' } });
    const noRemoteElections = withRules(assembly, { remote: remoteRule });
    noRemoteElections.rules.byKind.election = { ...noRemoteElections.rules.byKind.election, remote: null };
    const decisions = renderPage(<DecisionsPage />, {
      route: '/w/:workspaceId/decisions',
      path: '/w/w1/decisions',
      role: 'coordinator',
      routes: {
        'GET /workspaces/w1/bodies': [noRemoteElections, board],
        'GET /workspaces/w1/resolutions': [election, ofBoard, resolution()],
        'GET /workspaces/w1/meetings': [],
        'GET /workspaces/w1/documents': documents,
      },
    });
    const form = await screen.findByRole('form', { name: 'Głosowanie zdalne' });
    expect(within(within(form).getByLabelText('Uchwała')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wybierz uchwałę', 'w sprawie przyjęcia Strategii Rozwoju SOM 2030 (Walne Zebranie Członków)']);
    expect(within(form).getByText('Na liście są tylko uchwały, nad którymi zasady organu dopuszczają głosowanie zdalne.')).toBeTruthy();
    decisions.unmount();

    // The resolution's page: the body's rules for an ordinary resolution do not allow it.
    openResolution({ role: 'coordinator', resolutions: [resolution()], votes: [[]], routes: { 'GET /bodies/b1': assembly } });
    expect(await screen.findByText('Zasady organu „Walne Zebranie Członków” nie dopuszczają głosowania zdalnego nad uchwałami tego rodzaju (zwykła); głosuje się nad nimi na posiedzeniu.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Głosowanie zdalne' })).toBeNull();
  });

  it('says the API’s refusals in words: remote voting not in the rules, the chair’s casting vote without a chair', async () => {
    const user = userEvent.setup();
    let answer: FakeRoute = reply(409, { statusCode: 409, code: 'remote_not_allowed', message: 'the rule book does not allow remote voting for this kind of resolution' });
    openResolution({ role: 'coordinator', resolutions: [resolution()], votes: [[]], routes: { 'POST /resolutions/r1/votes': () => answer } });
    const form = await screen.findByRole('form', { name: 'Głosowanie zdalne' });
    await user.type(within(form).getByLabelText('Koniec głosowania'), '15.01.2099 19:00');
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    // The alert region is always in the form: its text is waited for.
    await waitFor(() => expect(plain(within(form).getByRole('alert').textContent)).toBe('Zasady organu nie dopuszczają głosowania zdalnego nad uchwałami tego rodzaju.'));
    answer = reply(409, { statusCode: 409, code: 'no_chair', message: 'the rules give the chair a casting vote: name the body’s chair first' });
    await user.click(within(form).getByRole('button', { name: 'Otwórz głosowanie zdalne' }));
    await waitFor(() => expect(plain(within(form).getByRole('alert').textContent)).toBe('Zasady dają przewodniczącemu głos rozstrzygający: najpierw wskaż przewodniczącego organu (w składzie organu).'));
  });

  it('shows on a remote vote the statute’s provision it rests on', async () => {
    const rules = { ...assembly.rules.general, quorum: remoteRule.quorum, majority: remoteRule.majority!, proxiesAllowed: false, remote: remoteRule, sitting: 'remote' as const, chairId: null };
    openResolution({ role: 'observer', votes: [[remote({ rules })]] });
    const heading = await screen.findByRole('heading', { level: 3, name: /Głosowanie zdalne, jawne/ });
    expect(plain(heading.parentElement?.querySelector('p.muted')?.textContent)).toBe(
      'Wymagana większość: bezwzględna: więcej niż połowa głosów ustawowego składu organu. Kworum: co najmniej 1/2 członków organu bierze udział w głosowaniu. Podstawa: § 15 ust. 3 statutu.',
    );
  });
});

describe('voting remotely', () => {
  it('shows the ballot buttons only to a representative while the remote vote is open', async () => {
    for (const role of ['coordinator', 'observer', 'expert'] as const) {
      const { unmount } = openResolution({ role, votes: [[remote()]] });
      await screen.findByText(/Oddano głosów: 0 z 3/);
      expect(screen.queryByRole('button', { name: 'Za' })).toBeNull();
      unmount();
    }
    const closed = openResolution({ resolutions: [resolution({ state: 'adopted' })], votes: [[remote({ state: 'closed', closedAt: PAST, outcome: adoptedOutcome })]] });
    await screen.findByText('Uchwała podjęta');
    expect(screen.queryByRole('button', { name: 'Za' })).toBeNull();
    closed.unmount();
    openResolution({ votes: [[remote()]] });
    const group = await screen.findByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Za', 'Przeciw', 'Wstrzymuję się']);
    expect(plain(document.querySelector('.vote dl.facts')?.textContent)).toMatch(/^Otwarte.+Koniec głosowania.+2099/);
  });

  it('casts the member’s vote after a confirmation with only the choice in the request, then shows it recorded and counted', async () => {
    const user = userEvent.setup();
    const after = remote({ castCount: 1, roll: [{ memberId: 'm1', choice: 'against', byProxy: false }], voted: ['m1'] });
    const page = openResolution({ votes: (n) => (n === 0 ? [remote()] : [after]), routes: { 'POST /votes/v1/ballots': after } });
    const group = await screen.findByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await user.click(within(group).getByRole('button', { name: 'Przeciw' }));
    expect(posts(page.calls)).toEqual([]);
    await user.click(within(group).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/votes/v1/ballots', body: { choice: 'against' } }]));
    const recorded = await screen.findByText('Głos w imieniu członka Gmina Police został zapisany: przeciw.');
    await waitFor(() => expect(document.activeElement).toBe(recorded));
    expect(await screen.findByText('Za: 0 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 1 z 3')).toBeTruthy();
    const roll = screen.getByRole('table', { name: /Jak głosowali członkowie/ });
    expect(within(roll).getAllByRole('row').slice(1).map((r) => plain(r.textContent))).toEqual(['Gmina Policeprzeciw']);
  });

  it('tells a representative whose member is not in the body that it does not vote, and explains the API’s refusal', async () => {
    const outsider = openResolution({ organisationId: 'm9', votes: [[remote()]] });
    await screen.findByText('Członek, którego reprezentujesz, nie należy do organu „Walne Zebranie Członków”; nie głosuje w tej sprawie.');
    expect(screen.queryByRole('button', { name: 'Za' })).toBeNull();
    outsider.unmount();

    const user = userEvent.setup();
    openResolution({ votes: [[remote()]], routes: { 'POST /votes/v1/ballots': reply(403, { statusCode: 403, code: 'not_voting_member', message: 'this member is not a member of the body that decides' }) } });
    const group = await screen.findByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await user.click(within(group).getByRole('button', { name: 'Za' }));
    await user.click(within(group).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(plain(within(group).getByRole('alert').textContent)).toBe('Członek, którego reprezentujesz, nie należy do tego organu.'));
  });

  it('shows only the count of a secret remote vote', async () => {
    openResolution({ role: 'observer', votes: [[remote({ ballot: 'secret', castCount: 2, roll: null, voted: ['m1', 'm2'] })]] });
    const tally = await screen.findByText('Oddano głosów: 2 z 3');
    expect(tally.closest('[role="status"]')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: /Głosowanie zdalne, tajne/ })).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Jak głosowali/ })).toBeNull();
  });
});

describe('closing a remote vote', () => {
  it('says a coordinator cannot close it before its time', async () => {
    openResolution({ role: 'coordinator', votes: [[remote()]] });
    await screen.findByText(/Głosowanie zamknie się samo/);
    expect(screen.queryByRole('button', { name: /Zamknij głosowanie/ })).toBeNull();
  });

  it('lets a coordinator close it once its time is over, after a confirmation, and explains the API’s 409 refusal', async () => {
    const user = userEvent.setup();
    const page = openResolution({ role: 'coordinator', votes: [[remote({ closesAt: PAST })]], routes: { 'POST /votes/v1/close': reply(409, { statusCode: 409, code: 'remote_vote_not_over', message: 'a remote vote closes at its closing time, not before' }) } });
    await screen.findByText('Czas głosowania minął. System zamknie je w ciągu minuty; możesz też zamknąć je teraz.');
    const button = screen.getByRole('button', { name: 'Zamknij głosowanie: w sprawie przyjęcia Strategii Rozwoju SOM 2030' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Tak, zamknij głosowanie' }));
    await waitFor(() => expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/votes/v1/close', body: undefined }]));
    const alert = await screen.findByText('Głosowania zdalnego nie można zamknąć przed wyznaczonym końcem głosowania; o tym czasie system zamknie je sam.');
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Zamknij głosowanie/));
  });

  it('says so over the outcome when the vote’s record does not verify', async () => {
    const tampered = remote({ state: 'closed', closedAt: PAST, closesAt: PAST, castCount: 3, outcome: adoptedOutcome, voted: ['m1', 'm2', 'm3'], verification: { verified: false, code: 'outcome_changed', reason: 'its stored outcome was changed' } });
    openResolution({ role: 'observer', resolutions: [resolution({ state: 'adopted' })], votes: [[tampered]] });
    expect(await screen.findByText('Zapis tego głosowania nie przechodzi weryfikacji (zmieniono zapisany wynik głosowania): podane wyniki nie są potwierdzone.')).toBeTruthy();
  });

  it('shows the outcome once closed', async () => {
    const user = userEvent.setup();
    const closed = remote({ closesAt: PAST, state: 'closed', closedAt: PAST, castCount: 3, outcome: adoptedOutcome, voted: ['m1', 'm2', 'm3'] });
    const page = openResolution({ role: 'coordinator', resolutions: [voting, resolution({ state: 'adopted', number: '7/2026', fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030' })], votes: (n) => (n === 0 ? [remote({ closesAt: PAST })] : [closed]), routes: { 'POST /votes/v1/close': closed } });
    await user.click(await screen.findByRole('button', { name: /^Zamknij głosowanie/ }));
    await user.click(screen.getByRole('button', { name: 'Tak, zamknij głosowanie' }));
    const outcome = await screen.findByText('Uchwała podjęta');
    await waitFor(() => expect(document.activeElement).toBe(outcome.closest('#outcome-v1')));
    expect(posts(page.calls).map((c) => c.path)).toEqual(['/votes/v1/close']);
    // The resolution is read again apart from its votes.
    await waitFor(() => expect(plain(document.querySelector('.outcome__title')?.textContent)).toBe('Numer 7/2026: Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030'));
  });
});
