import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULE_BOOK, NO_QUORUM, type Role } from '@commonplan/domain';
import type { MeetingEvent } from '@commonplan/sync';
import { type FakeRoute, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { MeetingView } from './decisions-api';
import { adoptedOutcome, agendaItem, assembly, meeting, resolution, vote } from './fixtures';
import { MeetingPage } from './MeetingPage';

// The socket is replaced: a test sends meeting events through `emit`.
const live = vi.hoisted(() => ({ handlers: [] as Array<(event: MeetingEvent) => void> }));
vi.mock('./useMeetingEvents', () => ({
  useMeetingEvents: (_id: string, _enabled: boolean, onEvent: (event: MeetingEvent) => void) => {
    live.handlers[0] = onEvent;
  },
}));
const emit = (event: MeetingEvent) => live.handlers[0]?.(event);

beforeEach(() => {
  live.handlers = [];
});

/** The meeting page as `role`; a representative represents member m1 (Gmina Police). */
function openMeeting(options: { role?: Role; meetings: MeetingView[] | ((n: number) => MeetingView); routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  const role = options.role ?? 'representative';
  let reads = 0;
  const answer = () => {
    const n = reads++;
    return typeof options.meetings === 'function' ? options.meetings(n) : options.meetings[Math.min(n, options.meetings.length - 1)]!;
  };
  const workspace = { ...workspaceOf(role), organisationId: role === 'representative' ? 'm1' : null, organisationName: role === 'representative' ? 'Gmina Police' : null };
  return renderPage(
    <WorkspaceContext.Provider value={workspace}>
      <MeetingPage />
    </WorkspaceContext.Provider>,
    {
      route: '/w/:workspaceId/meetings/:meetingId',
      path: '/w/w1/meetings/mt1',
      role,
      language: options.language,
      routes: { 'GET /meetings/mt1': answer, 'GET /bodies/b1': assembly, ...options.routes },
    },
  );
}

const quorumText = () => plain(document.getElementById('quorum')?.textContent);
const withProxies = { ...assembly, rules: { ...assembly.rules, general: { ...assembly.rules.general, proxiesAllowed: true } } };

describe('the quorum indicator', () => {
  it('says in words whether the quorum is reached, with the figures, in a polite live region', async () => {
    openMeeting({ role: 'observer', meetings: [meeting(['present', 'absent', 'absent'])] });
    await screen.findByRole('heading', { level: 1, name: 'XXI Walne Zebranie Członków' });
    const indicator = document.getElementById('quorum')!;
    expect(indicator.getAttribute('role')).toBe('status');
    expect(plain(indicator.textContent)).toBe('✖ Kworum: obecnych 1 z 3 członków, wymaganych co najmniej 2 — nieosiągnięte');
  });

  it('updates for everyone when a meeting event arrives, and reads in English', async () => {
    const page = openMeeting({ role: 'observer', language: 'en', meetings: [meeting(['present', 'absent', 'absent']), meeting(['present', 'present', 'absent'])] });
    await screen.findByText(/1 of 3 members present/);
    emit({ type: 'attendance_changed' });
    await waitFor(() => expect(quorumText()).toBe('✔ Quorum: 2 of 3 members present, at least 2 required — reached'));
    expect(page.calls.filter((c) => c.path === '/meetings/mt1')).toHaveLength(2);
    const row = screen.getByRole('row', { name: /Gmina Dobra/ });
    expect(plain(row.textContent)).toContain('checked in');
  });
});

describe('attendance and proxies', () => {
  it('lists who is present, represented by whom, and absent', async () => {
    openMeeting({ role: 'observer', meetings: [meeting(['present', 'absent', 'represented'])] });
    const table = await screen.findByRole('table', { name: 'Członkowie organu: Walne Zebranie Członków' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => plain(r.textContent));
    expect(rows[0]).toMatch(/^Gmina Policeobecność potwierdzona/);
    expect(rows[1]).toBe('Gmina Dobrabrak potwierdzenia obecności');
    expect(rows[2]).toBe('Powiat Polickireprezentowany przez pełnomocnika: przedstawiciela członka Gmina Police');
  });

  it('lets an absent representative check in', async () => {
    const user = userEvent.setup();
    const page = openMeeting({ meetings: [meeting(['absent', 'present', 'absent'])], routes: { 'POST /meetings/mt1/check-in': meeting(['present', 'present', 'absent']) } });
    await user.click(await screen.findByRole('button', { name: 'Potwierdzam obecność' }));
    await waitFor(() => expect(page.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/meetings/mt1/check-in', body: undefined });
    await screen.findByText(/Obecność członka Gmina Police jest potwierdzona/);
    await waitFor(() => expect(document.activeElement?.id).toBe('own-presence'));
    expect(screen.queryByRole('button', { name: 'Potwierdzam obecność' })).toBeNull();
  });

  it('hands the vote to another member by proxy after a confirmation, and explains a refusal in words', async () => {
    const user = userEvent.setup();
    const page = openMeeting({
      meetings: [meeting(['absent', 'present', 'absent'])],
      routes: { 'GET /bodies/b1': withProxies, 'POST /meetings/mt1/proxies': reply(409, { statusCode: 409, code: 'proxy_refused', message: 'the proxy is refused: holder not present' }) },
    });
    await waitFor(() => expect(page.calls.some((c) => c.path === '/bodies/b1')).toBe(true));
    const form = await screen.findByRole('form', { name: 'Pełnomocnictwo do głosowania' });
    await user.click(within(form).getByRole('button', { name: 'Przekaż głos' }));
    expect(within(form).getByText('Wybierz członka, którego przedstawiciel otrzyma głos.')).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText('Przekaż głos przedstawicielowi członka'));
    await user.selectOptions(within(form).getByLabelText('Przekaż głos przedstawicielowi członka'), 'm3');
    await user.type(within(form).getByLabelText('Pełnomocnictwo'), 'Pełnomocnictwo Burmistrza z 1 grudnia');
    await user.click(within(form).getByRole('button', { name: 'Przekaż głos' }));
    expect(page.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(form).getByRole('button', { name: 'Tak, przekaż głos' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/meetings/mt1/proxies', body: { toOrganisationId: 'm3', authorisation: 'Pełnomocnictwo Burmistrza z 1 grudnia' } }));
    // The alert region is always in the form: its text is waited for.
    await waitFor(() => expect(plain(within(form).getByRole('alert').textContent)).toBe('Pełnomocnictwo nie zostało przyjęte: przedstawiciel wybranego członka nie potwierdził obecności.'));
  });

  it('says so when the body’s rules allow no proxies', async () => {
    openMeeting({ meetings: [meeting(['absent', 'present', 'absent'])] });
    await screen.findByText('Zasady organu „Walne Zebranie Członków” nie dopuszczają głosowania przez pełnomocnika.');
    expect(screen.queryByRole('form', { name: 'Pełnomocnictwo do głosowania' })).toBeNull();
  });
});

describe('votes', () => {
  const openVote = (extra: Parameters<typeof vote>[0] = {}) => ({ agenda: [agendaItem(1, resolution({ state: 'voting' }), [vote(extra)])] });

  it('shows the vote buttons only to representatives while a vote is open', async () => {
    for (const role of ['coordinator', 'observer', 'expert'] as const) {
      const { unmount } = openMeeting({ role, meetings: [meeting(['present', 'present', 'absent'], openVote())] });
      await screen.findByText(/Oddano głosów: 0 z 2/);
      expect(screen.queryByRole('button', { name: 'Za' })).toBeNull();
      unmount();
    }
    const closed = openMeeting({ meetings: [meeting(['present', 'present', 'absent'], openVote({ state: 'closed', closedAt: '2026-12-02T10:30:00.000Z', outcome: adoptedOutcome }))] });
    await screen.findByText('Uchwała podjęta');
    expect(screen.queryByRole('button', { name: 'Za' })).toBeNull();
    closed.unmount();
    openMeeting({ meetings: [meeting(['present', 'present', 'absent'], openVote())] });
    const group = await screen.findByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Za', 'Przeciw', 'Wstrzymuję się']);
  });

  it('puts a representative’s ballots first on the page (before the facts, the quorum and the agenda), and only there', async () => {
    openMeeting({ meetings: [meeting(['present', 'absent', 'represented'], openVote())] });
    const ballots = await screen.findByRole('region', { name: 'Twoja karta do głosowania' });
    const own = within(ballots).getByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    expect(within(ballots).getByRole('group', { name: 'Głosujesz jako pełnomocnik w imieniu członka Powiat Policki' })).toBeTruthy();
    expect(within(ballots).getByRole('heading', { level: 3, name: '1. w sprawie przyjęcia Strategii Rozwoju SOM 2030' })).toBeTruthy();
    const later = [document.querySelector('dl.facts')!, document.getElementById('quorum')!, screen.getByRole('heading', { level: 2, name: 'Porządek obrad' }), screen.getByRole('region', { name: 'Twój udział: Gmina Police' })];
    for (const element of later.slice(0, 3)) expect(own.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Right after the ballots: the representative's presence; then the meeting's facts.
    expect(later[3]!.compareDocumentPosition(later[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The agenda's vote points up to the ballots instead of showing them twice.
    expect(screen.getAllByRole('group', { name: /^Głosujesz/ })).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Twoja karta do głosowania jest na początku strony' }).getAttribute('href')).toBe('#own-ballots-heading');
  });

  it('keeps the order of the page for staff and shows no ballots block while no vote is open', async () => {
    const staff = openMeeting({ role: 'coordinator', meetings: [meeting(['present', 'present', 'absent'], openVote())] });
    await screen.findByText(/Oddano głosów: 0 z 2/);
    expect(screen.queryByRole('region', { name: 'Twoja karta do głosowania' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Twoja karta/ })).toBeNull();
    staff.unmount();
    openMeeting({ meetings: [meeting(['present', 'present', 'absent'])] });
    await screen.findByRole('heading', { level: 2, name: 'Porządek obrad' });
    expect(screen.queryByRole('region', { name: 'Twoja karta do głosowania' })).toBeNull();
  });

  it('asks a representative who has not checked in to check in first', async () => {
    openMeeting({ meetings: [meeting(['absent', 'present', 'present'], openVote())] });
    await screen.findByText('Aby głosować w imieniu członka Gmina Police, najpierw potwierdź obecność.');
    expect(screen.queryByRole('button', { name: 'Za' })).toBeNull();
  });

  it('casts the own member’s vote after a confirmation and shows it was recorded; the tally is live', async () => {
    const user = userEvent.setup();
    const before = meeting(['present', 'present', 'absent'], openVote({ castCount: 1, roll: [{ memberId: 'm2', choice: 'against', byProxy: false }], voted: ['m2'] }));
    const after = meeting(['present', 'present', 'absent'], openVote({ castCount: 2, roll: [{ memberId: 'm2', choice: 'against', byProxy: false }, { memberId: 'm1', choice: 'for', byProxy: false }], voted: ['m2', 'm1'] }));
    const page = openMeeting({ meetings: (n) => (n === 0 ? before : after), routes: { 'POST /votes/v1/ballots': vote() } });
    const tally = await screen.findByText('Za: 0 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 1 z 2');
    expect(tally.closest('[role="status"]')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await user.click(within(group).getByRole('button', { name: 'Za' }));
    expect(within(group).getByRole('group', { name: 'Oddać głos „za” w imieniu członka Gmina Police? Oddanego głosu nie można zmienić.' })).toBeTruthy();
    await user.click(within(group).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/votes/v1/ballots', body: { choice: 'for' } }));
    const recorded = await screen.findByText('Głos w imieniu członka Gmina Police został zapisany: za.');
    await waitFor(() => expect(document.activeElement).toBe(recorded));
    expect(await screen.findByText('Za: 1 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 2 z 2')).toBeTruthy();
    const roll = screen.getByRole('table', { name: /Jak głosowali członkowie/ });
    expect(within(roll).getAllByRole('row').slice(1).map((r) => plain(r.textContent))).toEqual(['Gmina Dobraprzeciw', 'Gmina Policeza']);
  });

  it('casts a represented member’s vote with its organisation named in the request', async () => {
    const user = userEvent.setup();
    const page = openMeeting({ meetings: [meeting(['present', 'absent', 'represented'], openVote({ castCount: 1, roll: [{ memberId: 'm1', choice: 'for', byProxy: false }], voted: ['m1'] }))], routes: { 'POST /votes/v1/ballots': vote() } });
    await screen.findByText('Głos w imieniu członka Gmina Police został zapisany: za.');
    const group = screen.getByRole('group', { name: 'Głosujesz jako pełnomocnik w imieniu członka Powiat Policki' });
    await user.click(within(group).getByRole('button', { name: 'Przeciw' }));
    await user.click(within(group).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/votes/v1/ballots', body: { choice: 'against', forOrganisationId: 'm3' } }));
  });

  it('explains a refused ballot in words', async () => {
    const user = userEvent.setup();
    openMeeting({ meetings: [meeting(['present', 'present', 'absent'], openVote())], routes: { 'POST /votes/v1/ballots': reply(409, { statusCode: 409, code: 'already_voted', message: 'this member has already voted' }) } });
    const group = await screen.findByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await user.click(within(group).getByRole('button', { name: 'Wstrzymuję się' }));
    await user.click(within(group).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(plain(within(group).getByRole('alert').textContent)).toBe('W imieniu tego członka głos został już oddany.'));
  });

  it('shows only the number of votes cast in a secret ballot until it closes', async () => {
    openMeeting({ role: 'coordinator', meetings: [meeting(['present', 'present', 'present'], openVote({ ballot: 'secret', castCount: 2, roll: null, voted: ['m1', 'm2'] }))] });
    const tally = await screen.findByText('Oddano głosów: 2 z 3');
    expect(tally.closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByText(/Za:/)).toBeNull();
    expect(screen.queryByRole('table', { name: /Jak głosowali/ })).toBeNull();
    expect(screen.getByText('Głosowanie tajne: wynik będzie znany dopiero po zamknięciu głosowania.')).toBeTruthy();
  });

  it('lets a coordinator open a vote on an agenda item and close it after a confirmation', async () => {
    const user = userEvent.setup();
    const page = openMeeting({
      role: 'coordinator',
      meetings: (n) => (n === 0 ? meeting(['present', 'present', 'absent']) : meeting(['present', 'present', 'absent'], openVote())),
      routes: { 'POST /resolutions/r1/votes': vote(), 'POST /votes/v1/close': vote({ state: 'closed' }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Otwórz głosowanie: w sprawie przyjęcia Strategii Rozwoju SOM 2030' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/resolutions/r1/votes', body: { meetingId: 'mt1' } }));
    const heading = await screen.findByRole('heading', { level: 4, name: /Głosowanie jawne/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await user.click(screen.getByRole('button', { name: 'Zamknij głosowanie: w sprawie przyjęcia Strategii Rozwoju SOM 2030' }));
    await user.click(screen.getByRole('button', { name: 'Tak, zamknij głosowanie' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/resolutions/r1/votes', '/votes/v1/close']));
  });

  it('shows a closed vote’s outcome with the figures behind it and the adopted resolution’s number', async () => {
    const adopted = resolution({ state: 'adopted', number: '7/2026', fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030' });
    openMeeting({
      role: 'observer',
      meetings: [
        meeting(['present', 'present', 'represented'], {
          agenda: [agendaItem(1, adopted, [vote({ state: 'closed', castCount: 3, outcome: adoptedOutcome, voted: ['m1', 'm2', 'm3'], roll: [{ memberId: 'm1', choice: 'for', byProxy: false }, { memberId: 'm2', choice: 'against', byProxy: false }, { memberId: 'm3', choice: 'for', byProxy: true }] })])],
        }),
      ],
    });
    expect(await screen.findByText('Uchwała podjęta')).toBeTruthy();
    expect(plain(screen.getByText(/^Numer 7\/2026:/).textContent)).toBe('Numer 7/2026: Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030');
    const facts = plain(document.querySelector('.outcome__facts')?.textContent);
    expect(facts).toContain('Kworumobecnych 3 z 3 członków, wymaganych co najmniej 2 — osiągnięte');
    expect(facts).toContain('Głosyza 2, przeciw 1, wstrzymujących się 0 (oddano 3)');
    expect(facts).toContain('Wymagana większośćzwykła: więcej głosów za niż przeciw — spełniona');
    // Each fact once: the quorum under one label, the votes for and against in the tally only.
    const box = plain(document.querySelector('.outcome')?.textContent);
    expect(box.match(/Kworum/g)).toHaveLength(1);
    expect(box.match(/za 2/g)).toHaveLength(1);
    expect(facts).toContain('Obecnośćosobiście 2, przez pełnomocnika 1, razem 3 z 3 członków');
    const roll = screen.getByRole('table', { name: /Jak głosowali członkowie/ });
    expect(within(roll).getAllByRole('row').slice(1).map((r) => plain(r.textContent))).toEqual(['Gmina Policeza', 'Gmina Dobraprzeciw', 'Powiat Polickizaprzez pełnomocnika']);
  });

  it('names a rejection under a qualified majority with its base and minimum', async () => {
    const outcome = {
      ...adoptedOutcome,
      adopted: false,
      reason: 'rejected' as const,
      threshold: { majority: { kind: 'qualified' as const, fraction: { numerator: 2, denominator: 3 }, of: 'valid' as const }, of: 'valid' as const, fraction: { numerator: 2, denominator: 3 }, comparison: 'at_least' as const, base: 3, minimum: 2, met: true },
      tally: { ...adoptedOutcome.tally, for: { count: 1, weight: 1 }, against: { count: 1, weight: 1 }, abstain: { count: 1, weight: 1 } },
    };
    openMeeting({ role: 'observer', meetings: [meeting(['present', 'present', 'present'], { agenda: [agendaItem(1, resolution({ state: 'rejected' }), [vote({ state: 'closed', outcome })])] })] });
    expect(await screen.findByText('Uchwała odrzucona')).toBeTruthy();
    const facts = plain(document.querySelector('.outcome__facts')?.textContent);
    expect(facts).toContain('kwalifikowana: co najmniej 2/3 ważnie oddanych głosów — potrzeba co najmniej 2 głosów za przy podstawie 3 (ważnie oddanych głosów) — spełniona');
  });
});

describe('the second term', () => {
  const planned = (extra: Partial<MeetingView>) => meeting(['present', 'absent', 'absent'], { state: 'planned', openedAt: null, term: null, ...extra });

  it('shows the second term, and lets a coordinator open the meeting in it once it has come; the term is said once open', async () => {
    const user = userEvent.setup();
    const opened = meeting(['present', 'absent', 'absent'], { secondTermAt: '2020-12-02T10:30:00.000Z', term: 'second', openedAt: '2020-12-02T10:31:00.000Z' });
    const page = openMeeting({ role: 'coordinator', meetings: [planned({ secondTermAt: '2020-12-02T10:30:00.000Z' })], routes: { 'POST /meetings/mt1/open': opened } });
    await screen.findByRole('heading', { level: 1, name: 'XXI Walne Zebranie Członków' });
    const facts = plain(document.querySelector('dl.facts')?.textContent);
    expect(facts).toContain('Drugi termin');
    expect(screen.getByRole('button', { name: 'Otwórz posiedzenie' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Otwórz posiedzenie w drugim terminie' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/meetings/mt1/open', body: { term: 'second' } }));
    expect(await screen.findByText('Posiedzenie jest otwarte w drugim terminie. Można otwierać głosowania.')).toBeTruthy();
    await waitFor(() => expect(plain(document.querySelector('dl.facts')?.textContent)).toMatch(/Stanotwarte.*w drugim terminie/));
    expect(screen.queryByRole('button', { name: 'Otwórz posiedzenie w drugim terminie' })).toBeNull();
  });

  it('offers no second term before it comes, nor to a meeting called without one; the API’s refusal is said in words', async () => {
    const early = openMeeting({ role: 'coordinator', meetings: [planned({ secondTermAt: '2099-12-02T10:30:00.000Z' })] });
    await screen.findByRole('button', { name: 'Otwórz posiedzenie' });
    expect(plain(document.querySelector('dl.facts')?.textContent)).toContain('Drugi termin');
    expect(screen.queryByRole('button', { name: 'Otwórz posiedzenie w drugim terminie' })).toBeNull();
    early.unmount();
    const none = openMeeting({ role: 'coordinator', meetings: [planned({})] });
    await screen.findByRole('button', { name: 'Otwórz posiedzenie' });
    expect(plain(document.querySelector('dl.facts')?.textContent)).not.toContain('Drugi termin');
    expect(screen.queryByRole('button', { name: 'Otwórz posiedzenie w drugim terminie' })).toBeNull();
    none.unmount();

    const user = userEvent.setup();
    openMeeting({
      role: 'coordinator',
      meetings: [planned({ secondTermAt: '2020-12-02T10:30:00.000Z' })],
      routes: { 'POST /meetings/mt1/open': reply(409, { statusCode: 409, code: 'second_term_not_yet', message: 'the second term begins at 2020-12-02T10:30:00.000Z' }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Otwórz posiedzenie w drugim terminie' }));
    await waitFor(() => expect(plain(screen.getByRole('alert').textContent)).toBe('Drugi termin posiedzenia jeszcze się nie rozpoczął.'));
  });
});

describe('the statute’s rules on a vote', () => {
  const general = JSON.parse(JSON.stringify(DEFAULT_RULE_BOOK.general)) as typeof DEFAULT_RULE_BOOK.general;

  it('says a vote is taken in the second term with its quorum waived (also over the meeting), and whose vote decides a tie', async () => {
    const rules = { ...general, quorum: { ...NO_QUORUM }, castingVote: true, sitting: 'second_term' as const, chairId: 'm1' };
    const waived = { ...NO_QUORUM, fraction: { ...NO_QUORUM.fraction }, total: 3, actual: 1, minimum: 0, reached: true };
    openMeeting({ role: 'observer', meetings: [meeting(['present', 'absent', 'absent'], { term: 'second', quorum: waived, agenda: [agendaItem(1, resolution({ state: 'voting' }), [vote({ rules })])] })] });
    const heading = await screen.findByRole('heading', { level: 4, name: /Głosowanie jawne/ });
    expect(quorumText()).toBe('✔ Kworum: nie jest wymagane (bez względu na liczbę obecnych)');
    expect(plain(heading.parentElement?.querySelector('p.muted')?.textContent)).toBe(
      'Wymagana większość: zwykła: więcej głosów za niż przeciw. Kworum: bez wymogu kworum. Głosowanie w drugim terminie posiedzenia. Przy równej liczbie głosów rozstrzyga głos przewodniczącego (Gmina Police).',
    );
  });

  it('names the chair’s casting vote that decided a tie, without saying the votes for were too few', async () => {
    const outcome = {
      ...adoptedOutcome,
      quorum: { ...adoptedOutcome.quorum, actual: 2 },
      threshold: { ...adoptedOutcome.threshold, met: false },
      moreForThanAgainst: false,
      tally: { ...adoptedOutcome.tally, for: { count: 1, weight: 1 }, against: { count: 1, weight: 1 }, valid: { count: 2, weight: 2 }, cast: { count: 2, weight: 2 } },
      roll: [
        { memberId: 'm1', castBy: 'm1', choice: 'for' as const },
        { memberId: 'm2', castBy: 'm2', choice: 'against' as const },
      ],
      castingVote: { memberId: 'm1', choice: 'for' as const },
    };
    const closed = vote({ state: 'closed', castCount: 2, outcome, voted: ['m1', 'm2'], rules: { ...general, castingVote: true, sitting: 'meeting', chairId: 'm1' } });
    openMeeting({ role: 'observer', meetings: [meeting(['present', 'present', 'absent'], { agenda: [agendaItem(1, resolution({ state: 'adopted' }), [closed])] })] });
    expect(await screen.findByText('Uchwała podjęta')).toBeTruthy();
    expect(screen.getByText('Przy równej liczbie głosów rozstrzygnął głos przewodniczącego (Gmina Police: za).')).toBeTruthy();
    const facts = plain(document.querySelector('.outcome__facts')?.textContent);
    expect(facts).toContain('zwykła: więcej głosów za niż przeciw — równa liczba głosów: rozstrzygnął głos przewodniczącego');
    expect(facts).not.toContain('głosów za nie było więcej niż przeciw');
  });

  it('says in words that a named ballot with the chair’s casting vote needs the body’s chair', async () => {
    const user = userEvent.setup();
    openMeeting({
      role: 'coordinator',
      meetings: [meeting(['present', 'present', 'absent'])],
      routes: { 'POST /resolutions/r1/votes': reply(409, { statusCode: 409, code: 'no_chair', message: 'the rules give the chair a casting vote: name the body’s chair first' }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Otwórz głosowanie: w sprawie przyjęcia Strategii Rozwoju SOM 2030' }));
    const refusal = await screen.findByText('Zasady dają przewodniczącemu głos rozstrzygający: najpierw wskaż przewodniczącego organu (w składzie organu).');
    expect(refusal.closest('[role="alert"]')).toBeTruthy();
  });
});

describe('the minutes', () => {
  it('links the minutes as PDF and DOCX in the reader’s language, a draft until the meeting is closed', async () => {
    openMeeting({ role: 'observer', meetings: [meeting(['present', 'present', 'absent'])] });
    const section = await screen.findByRole('region', { name: 'Protokół' });
    expect(within(section).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href'), link.hasAttribute('download')])).toEqual([
      ['Protokół (PDF)', '/api/meetings/mt1/minutes.pdf?lang=pl', true],
      ['Protokół (DOCX)', '/api/meetings/mt1/minutes.docx?lang=pl', true],
    ]);
    expect(within(section).getByText('Posiedzenie nie jest jeszcze zamknięte: protokół jest projektem i może się zmienić.')).toBeTruthy();
  });

  it('asks for English minutes in English, with no draft note once the meeting is closed', async () => {
    openMeeting({ role: 'representative', language: 'en', meetings: [meeting(['present', 'present', 'absent'], { state: 'closed', closedAt: '2026-12-02T12:00:00.000Z' })] });
    const section = await screen.findByRole('region', { name: 'Minutes' });
    expect(within(section).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Minutes (PDF)', '/api/meetings/mt1/minutes.pdf?lang=en'],
      ['Minutes (DOCX)', '/api/meetings/mt1/minutes.docx?lang=en'],
    ]);
    expect(within(section).queryByText(/draft/)).toBeNull();
  });
});
