import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ELECTION_RULES, type ElectionRoundResult, type ElectionRules, type Figure, type Role } from '@commonplan/domain';
import type { MeetingEvent } from '@commonplan/sync';
import { type ApiCall, type FakeRoute, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { AgendaItemView, BodyView } from './decisions-api';
import type { ElectionCandidate, ElectionRound, ElectionView } from './elections-api';
import { assembly, board, meeting } from './fixtures';
import { MeetingPage } from './MeetingPage';

// The socket is replaced: every listener on the page (the meeting's and each election's) hears what `emit` sends.
const live = vi.hoisted(() => ({ handlers: new Set<(event: MeetingEvent) => void>() }));
vi.mock('./useMeetingEvents', async () => {
  const { useEffect, useRef } = await import('react');
  return {
    useMeetingEvents: (_id: string, _enabled: boolean, onEvent?: (event: MeetingEvent) => void) => {
      const handler = useRef(onEvent);
      handler.current = onEvent;
      useEffect(() => {
        const listener = (event: MeetingEvent) => handler.current?.(event);
        live.handlers.add(listener);
        return () => {
          live.handlers.delete(listener);
        };
      }, []);
    },
  };
});
const emit = (event: MeetingEvent) => [...live.handlers].forEach((handler) => handler(event));

beforeEach(() => {
  live.handlers.clear();
});

const TITLE = 'w sprawie wyboru członków Zarządu';
const rules = (extra: Partial<ElectionRules> = {}): ElectionRules => ({ ...(JSON.parse(JSON.stringify(DEFAULT_ELECTION_RULES)) as ElectionRules), ...extra });

function candidate(id: string, extra: Partial<ElectionCandidate>): ElectionCandidate {
  return {
    id,
    position: 1,
    organisationId: 'm1',
    organisationName: 'Gmina Police',
    personName: 'Anna Nowak',
    nominatedBy: null,
    nominatedByName: null,
    nominatedAt: '2026-12-02T10:10:00.000Z',
    consentAt: '2026-12-02T10:12:00.000Z',
    withdrawnAt: null,
    electedInRound: null,
    ...extra,
  };
}

const anna = candidate('c1', { nominatedBy: 'm2', nominatedByName: 'Gmina Dobra' });
const jan = candidate('c2', { position: 2, organisationId: 'm2', organisationName: 'Gmina Dobra', personName: 'Jan Kowalski' });
const ewa = candidate('c3', { position: 3, organisationId: 'm3', organisationName: 'Powiat Policki', personName: 'Ewa Wiśniewska', nominatedBy: 'm1', nominatedByName: 'Gmina Police' });

function election(extra: Partial<ElectionView> = {}): ElectionView {
  return {
    id: 'e1',
    workspaceId: 'w1',
    meetingId: 'mt1',
    body: { id: 'b1', name: 'Walne Zebranie Członków' },
    target: { id: 'b2', name: 'Zarząd' },
    role: 'members',
    seats: 2,
    rules: rules(),
    secret: true,
    state: 'nominating',
    compositionFrom: '2027-01-01',
    compositionAppliedAt: null,
    resolution: { id: 'r9', title: TITLE, state: 'draft', number: null, fullTitle: null },
    candidates: [anna, jan, ewa],
    rounds: [],
    elected: [],
    ...extra,
  };
}

function round(extra: Partial<ElectionRound> = {}): ElectionRound {
  return {
    id: 'er1',
    n: 1,
    seatsOpen: 2,
    candidates: ['c1', 'c2', 'c3'],
    rules: rules(),
    secret: true,
    state: 'open',
    openedAt: '2026-12-02T10:30:00.000Z',
    closedAt: null,
    castCount: 0,
    voted: [],
    result: null,
    ballotsDigest: null,
    roll: null,
    lot: null,
    ...extra,
  };
}

const fig = (count: number): Figure => ({ count, weight: count });
const threshold = (votes: number) => ({ of: 'valid' as const, fraction: { numerator: 1, denominator: 2 }, comparison: 'more_than' as const, base: 3, minimum: 2, met: votes >= 2 });
const row = (candidateId: string, votes: number, elected: boolean) => ({
  candidateId,
  for: fig(votes),
  against: fig(0),
  abstain: fig(0),
  valid: fig(3),
  threshold: threshold(votes),
  moreForThanAgainst: votes > 0,
  reachedMajority: votes >= 2,
  elected,
});

/** Round 1 of three ballots: Anna Nowak elected with 3, the other two with 1 each go to round 2 for the last seat. */
const firstResult: ElectionRoundResult = {
  round: 1,
  seatsOpen: 2,
  form: 'choose_up_to',
  majority: { kind: 'absolute', of: 'valid' },
  abstentionsCount: true,
  weighting: 'equal',
  quorum: { basis: 'members', among: 'present', fraction: { numerator: 1, denominator: 2 }, comparison: 'at_least', total: 3, actual: 3, minimum: 2, reached: true },
  attendance: { statutory: fig(3), present: fig(3) },
  ballots: { cast: fig(3), valid: fig(3), invalid: fig(0), blank: fig(0) },
  candidates: [row('c1', 3, true), row('c2', 1, false), row('c3', 1, false)],
  elected: ['c1'],
  seatsRemaining: 1,
  next: { kind: 'round', round: 2, candidates: ['c2', 'c3'], seats: 1 },
  refusedBallots: [],
  invalidBallots: [],
};

const electionItem: AgendaItemView = { id: 'item-1', position: 1, kind: 'election', title: TITLE, resolution: null, minutesOf: null, votes: [], amendments: [], electionId: 'e1', openElectionRoundId: null };
const withElection = (extra: Parameters<typeof meeting>[1] = {}) => meeting(['present', 'present', 'represented'], { agenda: [electionItem], ...extra });

const organisations = [
  { id: 'm1', name: 'Gmina Police' },
  { id: 'm2', name: 'Gmina Dobra' },
  { id: 'm3', name: 'Powiat Policki' },
];

/** The meeting page as `role`; a representative represents member m1 (Gmina Police). */
function open(options: { role?: Role; election: ElectionView | ((n: number) => ElectionView); meeting?: ReturnType<typeof meeting> | ((n: number) => ReturnType<typeof meeting>); body?: BodyView; routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  const role = options.role ?? 'representative';
  let reads = 0;
  let meetingReads = 0;
  const answer = () => (typeof options.election === 'function' ? options.election(reads++) : options.election);
  const meetingAnswer = () => (typeof options.meeting === 'function' ? options.meeting(meetingReads++) : (options.meeting ?? withElection()));
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
      routes: {
        'GET /meetings/mt1': meetingAnswer,
        'GET /bodies/b1': options.body ?? assembly,
        'GET /meetings/mt1/speakers': { meetingId: 'mt1', currentItemId: null, speakingSeconds: 300, speaking: null, items: [], serverTime: '2026-12-02T10:30:00.000Z' },
        'GET /elections/e1': answer,
        'GET /workspaces/w1/organisations?kind=member': organisations,
        'GET /workspaces/w1/bodies': [assembly, board],
        ...options.routes,
      },
    },
  );
}

/** The election's section once the election is shown (its facts are there). */
async function panel(name = `1. ${TITLE}`): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name });
  await waitFor(() => expect(region.querySelector('.election__facts-list')).not.toBeNull());
  return region;
}
const posts = (calls: ApiCall[]) => calls.filter((c) => c.method !== 'GET');
const statuses = (region: HTMLElement) => within(region).getAllByRole('status').map((s) => plain(s.textContent));
/** A table row's cells, "a | b | c". */
const cells = (row: HTMLElement) => [...row.children].map((cell) => plain(cell.textContent)).join(' | ');
const candidateTexts = (region: HTMLElement) => [...region.querySelectorAll('.election__candidate')].map((li) => plain(li.textContent));

describe('an election on the agenda', () => {
  it('says what is elected by which rules and lists the candidates; a representative nominates, records their own candidate’s consent and may withdraw whom their member put up', async () => {
    const user = userEvent.setup();
    const unconsented = { ...anna, consentAt: null };
    const before = election({ candidates: [unconsented, jan] });
    const nominated = election({ candidates: [unconsented, jan, { ...ewa, consentAt: null }] });
    const consented = election({ candidates: [anna, jan, { ...ewa, consentAt: null }] });
    const page = open({
      election: before,
      routes: { 'POST /elections/e1/candidates': reply(201, nominated), 'POST /elections/e1/candidates/c1/consent': consented },
    });
    const region = await panel();
    const facts = plain(region.querySelector('.election__facts-list')?.textContent);
    expect(facts).toContain('członkowie organu: Zarząd');
    expect(facts).toContain('Miejsca do obsadzenia2');
    expect(facts).toContain('Nowy skład obowiązuje od1 sty 2027');
    expect(facts).toContain('zaznacza się co najwyżej tylu kandydatów, ile jest miejsc do obsadzenia w turze');
    expect(facts).toContain('bezwzględna: więcej niż połowa ważnie oddanych głosów');
    expect(facts).toContain('Głosowanietajne');
    expect(candidateTexts(region)).toEqual([
      'Anna Nowak (Gmina Police) brak zapisanej zgody zgłoszenie: Gmina Dobra Zapisz zgodę Wycofaj kandydaturę',
      'Jan Kowalski (Gmina Dobra) zgoda zapisana zgłoszenie przewodniczącego obrad',
    ]);

    // Those already standing are not offered again; both fields are required.
    const member = within(region).getByLabelText('Członek, którego przedstawiciel kandyduje');
    expect(within(member).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wybierz członka', 'Powiat Policki']);
    await user.click(within(region).getByRole('button', { name: 'Zgłoś kandydata' }));
    expect(within(region).getByText('Wybierz członka, którego przedstawiciel kandyduje.')).toBeTruthy();
    expect(within(region).getByText('Wpisz imię i nazwisko kandydata.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(member));
    expect(posts(page.calls)).toEqual([]);

    await user.selectOptions(member, 'm3');
    await user.type(within(region).getByLabelText('Imię i nazwisko kandydata'), ' Ewa Wiśniewska ');
    await user.click(within(region).getByRole('button', { name: 'Zgłoś kandydata' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('candidate-c3'));
    expect(statuses(region)).toContain('Zgłoszono kandydata: Ewa Wiśniewska (Powiat Policki). Zgoda na kandydowanie nie jest jeszcze zapisana.');
    // Their member nominated Ewa Wiśniewska: they may withdraw her, not record her consent.
    expect(within(region).getByRole('button', { name: 'Wycofaj kandydaturę: Ewa Wiśniewska (Powiat Policki)' })).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Zapisz zgodę na kandydowanie: Ewa Wiśniewska (Powiat Policki)' })).toBeNull();

    await user.click(within(region).getByRole('button', { name: 'Zapisz zgodę na kandydowanie: Anna Nowak (Gmina Police)' }));
    await waitFor(() => expect(candidateTexts(region)[0]).toBe('Anna Nowak (Gmina Police) zgoda zapisana zgłoszenie: Gmina Dobra Wycofaj kandydaturę'));
    await waitFor(() => expect(document.activeElement?.id).toBe('candidate-c1'));
    expect(posts(page.calls)).toEqual([
      { method: 'POST', path: '/elections/e1/candidates', body: { organisationId: 'm3', personName: 'Ewa Wiśniewska' } },
      { method: 'POST', path: '/elections/e1/candidates/c1/consent', body: undefined },
    ]);
  });

  it('lets the chair open a round of the consenting candidates and close it once confirmed; the results name who was elected', async () => {
    const user = userEvent.setup();
    const nominating = election({ candidates: [anna, { ...jan, consentAt: null }, ewa] });
    const opened = election({ state: 'voting', candidates: nominating.candidates, rounds: [round({ candidates: ['c1', 'c3'], castCount: 2, voted: ['m1', 'm2'] })] });
    const closed = election({
      state: 'voting',
      candidates: [{ ...anna, electedInRound: 1 }, nominating.candidates[1]!, ewa],
      rounds: [round({ candidates: ['c1', 'c3'], state: 'closed', closedAt: '2026-12-02T10:40:00.000Z', castCount: 3, voted: ['m1', 'm2', 'm3'], result: { ...firstResult, candidates: [row('c1', 3, true), row('c3', 1, false)], next: { kind: 'round', round: 2, candidates: ['c3'], seats: 1 } } })],
      elected: ['c1'],
    });
    const page = open({ role: 'coordinator', election: nominating, routes: { 'POST /elections/e1/rounds': reply(201, opened), 'POST /election-rounds/er1/close': closed } });
    const region = await panel();
    // The chair may record anyone's consent and withdraw anyone.
    expect(within(region).getByRole('button', { name: 'Zapisz zgodę na kandydowanie: Jan Kowalski (Gmina Dobra)' })).toBeTruthy();
    expect(within(region).getAllByRole('button', { name: /^Wycofaj kandydaturę/ })).toHaveLength(3);
    expect(within(region).getByText('W pierwszej turze staną kandydaci z zapisaną zgodą: Anna Nowak (Gmina Police), Ewa Wiśniewska (Powiat Policki).')).toBeTruthy();
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);

    await user.click(within(region).getByRole('button', { name: `Otwórz turę 1: ${TITLE}` }));
    await waitFor(() => expect(document.activeElement?.id).toBe('round-er1'));
    expect(plain(document.activeElement?.textContent)).toBe('Tura 1 otwarta');
    expect(statuses(region)).toContain('Otwarto turę 1. Przedstawiciele członków mogą oddawać karty.');
    expect(statuses(region)).toContain('Oddane karty: 2 z 3 możliwych.');
    expect(within(region).getByText('Głosowanie tajne: nikt nie zobaczy Twojego wyboru.')).toBeTruthy();
    // Nominations are over; the coordinator casts no ballot.
    expect(within(region).queryByRole('button', { name: 'Zgłoś kandydata' })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Oddaj głos' })).toBeNull();

    // Closing asks first; cancelling leaves it open with the focus back on the button.
    await user.click(within(region).getByRole('button', { name: 'Zamknij turę 1' }));
    const confirm = within(region).getByRole('group', { name: /^Zamknąć turę 1\? Oddane karty: 2\./ });
    await user.click(within(confirm).getByRole('button', { name: 'Anuluj' }));
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Zamknij turę 1' })));
    expect(posts(page.calls)).toHaveLength(1);
    await user.click(within(region).getByRole('button', { name: 'Zamknij turę 1' }));
    await user.click(within(region).getByRole('button', { name: 'Tak, zamknij turę' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('round-result-er1'));
    expect(plain(document.activeElement?.textContent)).toBe('W turze 1 wybrano: Anna Nowak (Gmina Police).');
    expect(posts(page.calls)).toEqual([
      { method: 'POST', path: '/elections/e1/rounds', body: undefined },
      { method: 'POST', path: '/election-rounds/er1/close', body: undefined },
    ]);
    // The next round among those the result names.
    expect(within(region).getByRole('button', { name: `Otwórz turę 2: ${TITLE}` })).toBeTruthy();
    expect(within(region).getByText('W turze 2 staną: Ewa Wiśniewska (Powiat Policki); miejsca do obsadzenia: 1.')).toBeTruthy();
  });

  it('gives a representative a ballot to choose up to the seats with a live count, refuses too many, and casts it once confirmed; then the proxy’s ballot', async () => {
    const user = userEvent.setup();
    const voting = election({ state: 'voting', rounds: [round()] });
    const castOwn = election({ state: 'voting', rounds: [round({ castCount: 1, voted: ['m1'] })] });
    const castBoth = election({ state: 'voting', rounds: [round({ castCount: 2, voted: ['m1', 'm3'] })] });
    const page = open({
      election: voting,
      meeting: withElection({ agenda: [{ ...electionItem, openElectionRoundId: 'er1' }] }),
      routes: { 'POST /election-rounds/er1/ballots': (call: ApiCall) => reply(201, (call.body as { forOrganisationId?: string }).forOrganisationId ? castBoth : castOwn) },
    });
    // The ballots are first on the representative's page; the election's section links to them.
    const item = await panel();
    expect(within(item).queryByRole('form')).toBeNull();
    expect(within(item).getByRole('link', { name: 'Twoja karta do głosowania jest na początku strony' }).getAttribute('href')).toBe('#own-ballots-heading');
    const region = await screen.findByRole('region', { name: 'Twoja karta do głosowania' });
    await within(region).findByRole('heading', { level: 3, name: `1. ${TITLE}` });
    expect(within(region).getByText('Głosowanie tajne: nikt nie zobaczy Twojego wyboru.')).toBeTruthy();
    const own = within(region).getByRole('form', { name: 'Głosujesz w imieniu członka Gmina Police' });
    expect(within(region).getByRole('form', { name: 'Głosujesz jako pełnomocnik w imieniu członka Powiat Policki' })).toBeTruthy();
    const counter = () => plain(own.querySelector('.election__counter')?.textContent);
    expect(counter()).toBe('Wybrano 0 z 2');
    expect(within(own).getByRole('group', { name: 'Karta do głosowania – tura 1' })).toBeTruthy();

    await user.click(within(own).getByRole('checkbox', { name: 'Anna Nowak (Gmina Police)' }));
    await user.click(within(own).getByRole('checkbox', { name: 'Jan Kowalski (Gmina Dobra)' }));
    expect(counter()).toBe('Wybrano 2 z 2');
    expect(within(own).queryByText(/za dużo/)).toBeNull();
    await user.click(within(own).getByRole('checkbox', { name: 'Ewa Wiśniewska (Powiat Policki)' }));
    expect(counter()).toBe('Wybrano 3 z 2');
    const tooMany = 'Zaznaczono o 1 za dużo: miejsc jest 2. Taka karta byłaby nieważna – odznacz nadmiarowych kandydatów.';
    expect(within(own).getAllByRole('alert').map((a) => plain(a.textContent))).toContain(tooMany);
    // Not sent: the focus goes back to the marks.
    await user.click(within(own).getByRole('button', { name: 'Oddaj głos' }));
    expect(within(own).queryByRole('group', { name: /^Oddać głos/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(own).getByRole('checkbox', { name: 'Anna Nowak (Gmina Police)' })));
    expect(posts(page.calls)).toEqual([]);

    await user.click(within(own).getByRole('checkbox', { name: 'Jan Kowalski (Gmina Dobra)' }));
    expect(counter()).toBe('Wybrano 2 z 2');
    expect(within(own).queryByText(tooMany)).toBeNull();
    await user.click(within(own).getByRole('button', { name: 'Oddaj głos' }));
    const confirm = within(own).getByRole('group', { name: 'Oddać głos w imieniu członka Gmina Police: Anna Nowak (Gmina Police), Ewa Wiśniewska (Powiat Policki)? Głosu nie można później zmienić.' });
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Oddaj głos' })));
    await user.click(within(confirm).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('election-ballot-er1-m1'));
    expect(plain(document.activeElement?.textContent)).toBe('✔ Karta w imieniu członka Gmina Police została oddana.');
    expect(within(region).queryByRole('form', { name: 'Głosujesz w imieniu członka Gmina Police' })).toBeNull();

    // The proxy's ballot: a blank one is a ballot too.
    const proxy = within(region).getByRole('form', { name: 'Głosujesz jako pełnomocnik w imieniu członka Powiat Policki' });
    await user.click(within(proxy).getByRole('button', { name: 'Oddaj głos' }));
    const blank = within(proxy).getByRole('group', { name: 'Oddać głos w imieniu członka Powiat Policki: karta pusta (nikogo nie zaznaczono)? Głosu nie można później zmienić.' });
    await user.click(within(blank).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(within(region).queryByRole('form')).toBeNull());
    expect(plain(region.querySelector('.ballots')?.textContent)).toBe('✔ Karta w imieniu członka Gmina Police została oddana.✔ Karta w imieniu członka Powiat Policki została oddana.');
    expect(posts(page.calls)).toEqual([
      { method: 'POST', path: '/election-rounds/er1/ballots', body: { chosen: ['c1', 'c3'] } },
      { method: 'POST', path: '/election-rounds/er1/ballots', body: { chosen: [], forOrganisationId: 'm3' } },
    ]);
  });

  it('gives a per-candidate ballot with for / against / abstain for each, confirmed with the marks in words; no violations axe finds', async () => {
    const user = userEvent.setup();
    const perCandidate = rules({ form: 'per_candidate', majority: { kind: 'simple' } });
    const voting = election({ state: 'voting', secret: false, rules: perCandidate, rounds: [round({ rules: perCandidate, secret: false })] });
    const page = open({
      meeting: withElection({ agenda: [{ ...electionItem, openElectionRoundId: 'er1' }] }),
      election: voting,
      routes: { 'POST /election-rounds/er1/ballots': reply(201, election({ ...voting, rounds: [round({ rules: perCandidate, secret: false, castCount: 1, voted: ['m1'] })] })) },
    });
    const item = await panel();
    expect(plain(item.querySelector('.election__facts-list')?.textContent)).toContain('przy każdym kandydacie: za, przeciw albo wstrzymuję się');
    const region = await screen.findByRole('region', { name: 'Twoja karta do głosowania' });
    expect(within(region).queryByText('Głosowanie tajne: nikt nie zobaczy Twojego wyboru.')).toBeNull();
    const own = await within(region).findByRole('form', { name: 'Głosujesz w imieniu członka Gmina Police' });
    expect(own.querySelector('.election__counter')).toBeNull();
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);

    const annaMarks = within(own).getByRole('group', { name: 'Anna Nowak (Gmina Police)' });
    const janMarks = within(own).getByRole('group', { name: 'Jan Kowalski (Gmina Dobra)' });
    await user.click(within(annaMarks).getByRole('radio', { name: 'Za' }));
    await user.click(within(janMarks).getByRole('radio', { name: 'Przeciw' }));
    await user.click(within(janMarks).getByRole('radio', { name: 'Wstrzymuję się' }));
    expect((within(janMarks).getByRole('radio', { name: 'Przeciw' }) as HTMLInputElement).checked).toBe(false);
    await user.click(within(own).getByRole('button', { name: 'Oddaj głos' }));
    within(own).getByRole('group', {
      name: 'Oddać głos w imieniu członka Gmina Police: Anna Nowak (Gmina Police) – za; Jan Kowalski (Gmina Dobra) – wstrzymanie się od głosu; Ewa Wiśniewska (Powiat Policki) – bez głosu? Głosu nie można później zmienić.',
    });
    // Cancelled: nothing sent, the marks kept, the focus back on the button.
    await user.click(within(own).getByRole('button', { name: 'Anuluj' }));
    await waitFor(() => expect(document.activeElement).toBe(within(own).getByRole('button', { name: 'Oddaj głos' })));
    expect((within(annaMarks).getByRole('radio', { name: 'Za' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(own).getByRole('button', { name: 'Oddaj głos' }));
    await user.click(within(within(own).getByRole('group', { name: /^Oddać głos/ })).getByRole('button', { name: 'Oddaj głos' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('election-ballot-er1-m1'));
    expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/election-rounds/er1/ballots', body: { marks: { c1: 'for', c2: 'abstain' } } }]);
  });

  it('shows each closed round’s results with who was elected in words, the ballots, and what comes next; in English too', async () => {
    const closedRound = round({ state: 'closed', closedAt: '2026-12-02T10:40:00.000Z', castCount: 3, voted: ['m1', 'm2', 'm3'], result: firstResult });
    const view = election({ state: 'voting', candidates: [{ ...anna, electedInRound: 1 }, jan, ewa], rounds: [closedRound], elected: ['c1'] });
    const page = open({ role: 'observer', election: view });
    const region = await panel();
    const table = within(region).getByRole('table', { name: `Wyniki tury 1: ${TITLE}` });
    const rows = within(table).getAllByRole('row').map(cells);
    expect(rows).toEqual([
      'Kandydat | Głosy | Wymagana większość | Wynik',
      'Anna Nowak (Gmina Police) | 3 | za: co najmniej 2 (podstawa: 3) osiągnięta | ✔ wybrano',
      'Jan Kowalski (Gmina Dobra) | 1 | za: co najmniej 2 (podstawa: 3) nieosiągnięta | nie wybrano – przechodzi do tury 2',
      'Ewa Wiśniewska (Powiat Policki) | 1 | za: co najmniej 2 (podstawa: 3) nieosiągnięta | nie wybrano – przechodzi do tury 2',
    ]);
    expect(within(region).getByText('W turze 1 wybrano: Anna Nowak (Gmina Police).')).toBeTruthy();
    const summary = plain(region.querySelector('.election__result .facts')?.textContent);
    expect(summary).toContain('Kartyoddane: 3, ważne: 3, nieważne: 0, puste: 0');
    expect(summary).toContain('Co dalejTura 2 wśród: Jan Kowalski (Gmina Dobra), Ewa Wiśniewska (Powiat Policki); miejsca do obsadzenia: 1.');
    expect(candidateTexts(region)[0]).toContain('✔ wybrano w turze 1');
    // An observer changes nothing.
    expect(within(region).queryAllByRole('button')).toEqual([]);
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    page.unmount();

    const concluded = election({
      state: 'concluded',
      candidates: [{ ...anna, electedInRound: 1 }, jan, { ...ewa, electedInRound: 2 }],
      rounds: [
        closedRound,
        round({
          id: 'er2',
          n: 2,
          seatsOpen: 1,
          candidates: ['c2', 'c3'],
          state: 'closed',
          castCount: 3,
          voted: ['m1', 'm2', 'm3'],
          result: { ...firstResult, round: 2, seatsOpen: 1, candidates: [row('c2', 1, false), row('c3', 2, true)], elected: ['c3'], seatsRemaining: 0, next: { kind: 'done', reason: 'filled' } },
        }),
      ],
      elected: ['c1', 'c3'],
      resolution: { id: 'r9', title: TITLE, state: 'adopted', number: '3/2026', fullTitle: `Uchwała nr 3/2026 Walnego Zebrania Członków ${TITLE}` },
    });
    open({ role: 'observer', election: concluded, language: 'en' });
    const english = await panel(`1. ${TITLE}`);
    expect(within(english).getByText('The election is concluded. Elected: Anna Nowak (Gmina Police), Ewa Wiśniewska (Powiat Policki).')).toBeTruthy();
    expect(within(english).getByText(`Resolution: Uchwała nr 3/2026 Walnego Zebrania Członków ${TITLE}`)).toBeTruthy();
    const second = within(english).getByRole('table', { name: `Results of round 2: ${TITLE}` });
    expect(within(second).getAllByRole('row').map(cells)[2]).toBe('Ewa Wiśniewska (Powiat Policki) | 2 | for: at least 2 (base: 3) reached | ✔ elected');
    expect(plain(english.querySelectorAll('.election__result .facts')[1]?.textContent)).toContain('What comes nextAll seats are filled – the election is concluded.');
    expect(plain(english.querySelector('.election__facts-list')?.textContent)).toContain('members of the body: Zarząd');
  });

  it('lets the chair record the draw by lot a tie asked for: exactly as many as the seats, confirmed; then says whom the lot elected', async () => {
    const user = userEvent.setup();
    const tied: ElectionRoundResult = { ...firstResult, candidates: [row('c1', 3, true), row('c2', 2, false), row('c3', 2, false)], next: { kind: 'lot', among: ['c2', 'c3'], seats: 1 } };
    const closedRound = round({ state: 'closed', closedAt: '2026-12-02T10:40:00.000Z', castCount: 3, voted: ['m1', 'm2', 'm3'], rules: rules({ tie: 'lot' }), result: tied });
    const pending = election({ state: 'voting', rules: rules({ tie: 'lot' }), candidates: [{ ...anna, electedInRound: 1 }, jan, ewa], rounds: [closedRound], elected: ['c1'] });
    const concluded = election({
      ...pending,
      state: 'concluded',
      candidates: [{ ...anna, electedInRound: 1 }, { ...jan, electedInRound: 1 }, ewa],
      rounds: [{ ...closedRound, lot: { drawn: ['c2'], recordedAt: '2026-12-02T10:45:00.000Z' } }],
      elected: ['c1', 'c2'],
      resolution: { id: 'r9', title: TITLE, state: 'adopted', number: '3/2026', fullTitle: `Uchwała nr 3/2026 Walnego Zebrania Członków ${TITLE}` },
    });
    const page = open({ role: 'coordinator', election: pending, routes: { 'POST /election-rounds/er1/lot': concluded } });
    const region = await panel();
    const form = within(region).getByRole('form', { name: 'Wynik losowania' });
    const group = within(form).getByRole('group', { name: 'Komu losowanie przyznało miejsca (zaznacz 1)' });
    expect(within(group).getAllByRole('checkbox').map((box) => box.closest('.choice')?.textContent)).toEqual(['Jan Kowalski (Gmina Dobra)', 'Ewa Wiśniewska (Powiat Policki)']);
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);

    // Not as many as the seats: said, with the focus on the first box, and nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Zapisz wynik losowania' }));
    await waitFor(() => expect(document.activeElement).toBe(within(group).getAllByRole('checkbox')[0]));
    expect(within(form).getByText('Zaznacz dokładnie tylu kandydatów, ile miejsc było losowanych: 1.')).toBeTruthy();
    await user.click(within(group).getByRole('checkbox', { name: 'Jan Kowalski (Gmina Dobra)' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Ewa Wiśniewska (Powiat Policki)' }));
    await user.click(within(form).getByRole('button', { name: 'Zapisz wynik losowania' }));
    expect(posts(page.calls)).toEqual([]);

    // One, confirmed: recorded, and the round says whom the lot elected.
    await user.click(within(group).getByRole('checkbox', { name: 'Ewa Wiśniewska (Powiat Policki)' }));
    await user.click(within(form).getByRole('button', { name: 'Zapisz wynik losowania' }));
    await user.click(within(form).getByRole('button', { name: 'Tak, zapisz wynik' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('round-result-er1'));
    expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/election-rounds/er1/lot', body: { drawn: ['c2'] } }]);
    expect(statuses(region)).toContain('Zapisano wynik losowania: Jan Kowalski (Gmina Dobra).');
    expect(within(region).queryByRole('form', { name: 'Wynik losowania' })).toBeNull();
    const table = within(region).getByRole('table', { name: `Wyniki tury 1: ${TITLE}` });
    expect(within(table).getAllByRole('row').map(cells)[2]).toBe('Jan Kowalski (Gmina Dobra) | 2 | za: co najmniej 2 (podstawa: 3) osiągnięta | ✔ wybrano w drodze losowania');
    expect(plain(region.querySelector('.election__result .facts')?.textContent)).toContain('LosowanieLosowanie przyznało miejsca: Jan Kowalski (Gmina Dobra).');
  });

  it('shows a named round’s roll once closed: each member’s ballot in words; a secret round has none', async () => {
    const perCandidate = rules({ form: 'per_candidate', majority: { kind: 'simple' } });
    const named = round({
      rules: perCandidate,
      secret: false,
      state: 'closed',
      closedAt: '2026-12-02T10:40:00.000Z',
      castCount: 3,
      voted: ['m1', 'm2', 'm3'],
      result: { ...firstResult, form: 'per_candidate' },
      roll: { m2: { marks: { c1: 'for', c2: 'against' } }, m1: { marks: { c1: 'abstain' } }, m3: { marks: {} } },
    });
    const page = open({ role: 'observer', election: election({ state: 'voting', secret: false, rules: perCandidate, rounds: [named] }) });
    const region = await panel();
    const table = within(region).getByRole('table', { name: `Karty imienne – tura 1: ${TITLE}` });
    expect(within(table).getAllByRole('row').map(cells)).toEqual([
      'Członek | Karta',
      'Gmina Dobra | Anna Nowak (Gmina Police) – za; Jan Kowalski (Gmina Dobra) – przeciw',
      'Gmina Police | Anna Nowak (Gmina Police) – wstrzymanie się od głosu',
      'Powiat Policki | karta pusta',
    ]);
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    page.unmount();

    open({ role: 'observer', election: election({ state: 'voting', rounds: [round({ state: 'closed', castCount: 3, result: firstResult })] }) });
    const secret = await panel();
    expect(within(secret).queryByRole('table', { name: /^Karty imienne/ })).toBeNull();
  });

  it('reads the election again when the meeting says it (or the meeting) changed, not for another election', async () => {
    const page = open({ role: 'observer', election: (n) => (n === 0 ? election() : election({ candidates: [anna, jan, { ...ewa, withdrawnAt: '2026-12-02T10:20:00.000Z' }] })) });
    const region = await panel();
    const reads = () => page.calls.filter((c) => c.path === '/elections/e1').length;
    expect(reads()).toBe(1);
    emit({ type: 'election_changed', electionId: 'e2' });
    await waitFor(() => expect(page.calls.filter((c) => c.path === '/meetings/mt1').length).toBeGreaterThanOrEqual(2));
    expect(reads()).toBe(1);
    emit({ type: 'election_changed', electionId: 'e1' });
    await waitFor(() => expect(candidateTexts(region)[2]).toContain('kandydatura wycofana'));
    emit({ type: 'meeting_changed' });
    await waitFor(() => expect(reads()).toBe(3));
  });

  it('gives the representative of the body’s chair the chair’s controls, and says when the election cannot be read', async () => {
    const page = open({ election: election({ candidates: [anna, { ...jan, consentAt: null }] }), body: { ...assembly, chairId: 'm1' } });
    const region = await panel();
    expect(within(region).getByRole('button', { name: 'Zapisz zgodę na kandydowanie: Jan Kowalski (Gmina Dobra)' })).toBeTruthy();
    await waitFor(() => expect(within(region).getByRole('button', { name: `Otwórz turę 1: ${TITLE}` })).toBeTruthy());
    page.unmount();
    open({ role: 'observer', election: () => reply(404, { status: 404, detail: 'election not found' }) as unknown as ElectionView });
    const broken = await screen.findByRole('region', { name: `1. ${TITLE}` });
    await within(broken).findByText('Nie udało się wczytać wyborów.');
  });
});

describe('the chair’s new election', () => {
  it('puts an election on the agenda of a planned meeting and moves the focus to it; the fields are checked first', async () => {
    const user = userEvent.setup();
    const planned = meeting(['absent', 'absent', 'absent'], { state: 'planned', openedAt: null, term: null, agenda: [] });
    const created = election({ candidates: [] });
    const page = open({
      role: 'coordinator',
      meeting: (n) => (n === 0 ? planned : { ...planned, agenda: [electionItem] }),
      election: created,
      routes: { 'POST /meetings/mt1/elections': reply(201, created) },
    });
    await screen.findByRole('heading', { level: 2, name: 'Porządek obrad' });
    await user.click(screen.getByText('Dodaj wybory do porządku obrad'));
    const form = screen.getByRole('form', { name: 'Nowe wybory' });
    await user.click(within(form).getByRole('button', { name: 'Dodaj wybory' }));
    expect(within(form).getByText('Wpisz tytuł uchwały.')).toBeTruthy();
    expect(within(form).getByText('Wpisz liczbę miejsc od 1 do 100.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Tytuł uchwały', { exact: false })));

    await user.type(within(form).getByLabelText('Tytuł uchwały', { exact: false }), TITLE);
    await waitFor(() => expect(within(within(form).getByLabelText('Organ, którego skład zmienią wybory')).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(within(form).getByLabelText('Organ, którego skład zmienią wybory'), 'b2');
    await user.type(within(form).getByLabelText('Liczba miejsc do obsadzenia'), '5');
    await user.type(within(form).getByLabelText('Nowy skład obowiązuje od', { exact: false }), '1.1.2027');
    await user.click(within(form).getByRole('button', { name: 'Dodaj wybory' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('election-e1'));
    expect(plain(document.activeElement?.textContent)).toBe(`1. ${TITLE}`);
    expect(posts(page.calls)).toEqual([
      { method: 'POST', path: '/meetings/mt1/elections', body: { title: TITLE, role: 'members', seats: 5, targetBodyId: 'b2', compositionFrom: '2027-01-01' } },
    ]);
    // Nominations are open, rounds wait for the meeting.
    const region = await panel();
    expect(within(region).getByText('Tury głosowania otwiera się na otwartym posiedzeniu.')).toBeTruthy();
    expect(within(region).getByText('Nikt jeszcze nie został zgłoszony.')).toBeTruthy();
  });

  it('is for the chair only, and a chair election fills one seat', async () => {
    const user = userEvent.setup();
    const page = open({ role: 'representative', election: election() });
    await panel();
    expect(screen.queryByText('Dodaj wybory do porządku obrad')).toBeNull();
    page.unmount();
    const second = open({ role: 'coordinator', election: election(), routes: { 'POST /meetings/mt1/elections': reply(201, election({ role: 'chair', seats: 1 })) } });
    await panel();
    await user.click(screen.getByText('Dodaj wybory do porządku obrad'));
    const form = screen.getByRole('form', { name: 'Nowe wybory' });
    await user.click(within(form).getByRole('radio', { name: 'przewodnictwo organu' }));
    expect(within(form).queryByLabelText('Liczba miejsc do obsadzenia')).toBeNull();
    expect(within(form).getByText('Wybiera się jedną osobę.')).toBeTruthy();
    await user.type(within(form).getByLabelText('Tytuł uchwały', { exact: false }), 'w sprawie wyboru Przewodniczącego Zarządu');
    await user.click(within(form).getByRole('button', { name: 'Dodaj wybory' }));
    await waitFor(() => expect(posts(second.calls)).toEqual([{ method: 'POST', path: '/meetings/mt1/elections', body: { title: 'w sprawie wyboru Przewodniczącego Zarządu', role: 'chair', seats: 1 } }]));
  });
});
