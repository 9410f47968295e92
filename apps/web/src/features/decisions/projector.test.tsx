import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ELECTION_RULES, type ElectionRules } from '@commonplan/domain';
import type { MeetingEvent } from '@commonplan/sync';
import { type FakeRoute, renderPage, workspaceOf } from '../../test/fake-api';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { AgendaItemView, AmendmentView, MeetingView, MotionView, SpeakersView, SpeakerView, VoteView } from './decisions-api';
import type { ElectionView } from './elections-api';
import { adoptedOutcome, agendaItem, meeting, resolution, vote } from './fixtures';
import { ProjectorPage } from './ProjectorPage';

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

const draft = resolution({ title: 'w sprawie programu współpracy' });
const fees = resolution({ id: 'r2', title: 'w sprawie wysokości składek członkowskich na 2027 rok' });

const amendment: AmendmentView = {
  id: 'x1',
  resolutionId: draft.id,
  number: 1,
  proposer: { organisationId: 'm2', name: 'Gmina Dobra' },
  currentText: 'na lata 2027–2030',
  proposedText: 'na lata 2027–2035',
  justification: 'Dłuższy horyzont.',
  state: 'voting',
  voteOrder: 1,
  conflictsWith: [],
  droppedBy: null,
  live: { from: 50, to: 67, text: 'na lata 2027–2030' },
  applied: null,
  createdAt: '2026-12-02T10:05:00.000Z',
  decidedAt: null,
};

function motion(votes: VoteView[]): MotionView {
  return { id: 'mo1', meetingId: 'mt1', kind: 'amendment', agendaItemId: null, amendmentId: 'x1', change: null, createdAt: '2026-12-02T10:20:00.000Z', votes };
}

const roll = (...choices: Array<'for' | 'against' | 'abstain'>) => choices.map((choice, i) => ({ memberId: `m${i + 1}`, choice, byProxy: false }));

/** An open meeting (m1 and m2 present, m3 absent) discussing item 1, the draft with its amendment, with `extra`. */
const sitting = (extra: Partial<MeetingView> = {}) =>
  meeting(['present', 'present', 'absent'], { currentItemId: 'item-1', agendaAdoptedAt: '2026-12-02T10:03:00.000Z', agenda: [{ ...agendaItem(1, draft), amendments: [amendment] }, agendaItem(2, fees)], ...extra });

/** The amendment put to the (named) vote, with the ballots cast so far. */
const amendmentVote = (choices: Array<'for' | 'against' | 'abstain'>) =>
  sitting({ motions: [motion([vote({ id: 'va', resolutionId: null, motionId: 'mo1', castCount: choices.length, roll: roll(...choices), voted: roll(...choices).map((r) => r.memberId) })])] });

function speaker(id: string, extra: Partial<SpeakerView> = {}): SpeakerView {
  return { id, itemId: 'item-1', kind: 'speech', state: 'waiting', organisationId: null, name: id, requestedAt: '2026-12-02T10:10:00.000Z', startedAt: null, seconds: null, endsAt: null, endedAt: null, ...extra };
}

function speakers(list: SpeakerView[]): SpeakersView {
  return { meetingId: 'mt1', currentItemId: 'item-1', speakingSeconds: 300, speaking: list.find((s) => s.state === 'speaking') ?? null, items: [{ itemId: 'item-1', speakers: list }], serverTime: new Date().toISOString() };
}

const nobodySpeaking = speakers([]);

/** The projector page of meeting mt1, as an observer; each read of the meeting answers the next of `meetings`. */
function open(options: { meetings: MeetingView[]; routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  let reads = 0;
  return renderPage(
    <WorkspaceContext.Provider value={workspaceOf('observer')}>
      <ProjectorPage />
    </WorkspaceContext.Provider>,
    {
      route: '/w/:workspaceId/meetings/:meetingId/projector',
      path: '/w/w1/meetings/mt1/projector',
      role: 'observer',
      language: options.language,
      routes: { 'GET /meetings/mt1': () => options.meetings[Math.min(reads++, options.meetings.length - 1)]!, 'GET /meetings/mt1/speakers': nobodySpeaking, ...options.routes },
    },
  );
}

const region = (name: string) => screen.findByRole('region', { name });
/** The figures shown ("Za 1", "Przeciw 0", …). */
const figures = (within_: HTMLElement) => [...within_.querySelectorAll('.projector__figure')].map((figure) => plain(figure.textContent?.replace(/(\D)(\d)/, '$1 $2')));
/** What the page's polite live region says now. */
const announced = () =>
  screen
    .getAllByRole('status')
    .filter((s) => s.classList.contains('live'))
    .map((s) => plain(s.textContent))
    .join('');
const violations = async (container: HTMLElement) => (await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations.map((v) => v.id);

describe('the projector view of a meeting', () => {
  it('shows the amendment put to the vote with both wordings and the ballots cast, follows each ballot, then says the result', async () => {
    const closed = sitting({
      motions: [motion([vote({ id: 'va', resolutionId: null, motionId: 'mo1', state: 'closed', closedAt: '2026-12-02T10:25:00.000Z', castCount: 2, roll: roll('for', 'for'), voted: ['m1', 'm2'], outcome: { ...adoptedOutcome, tally: { ...adoptedOutcome.tally, for: { count: 2, weight: 2 }, against: { count: 0, weight: 0 }, cast: { count: 2, weight: 2 } } } })])],
    });
    const page = open({ meetings: [amendmentVote(['for']), amendmentVote(['for', 'against']), closed] });
    await screen.findByRole('heading', { level: 1, name: 'XXI Walne Zebranie Członków' });
    expect(screen.getByText('Walne Zebranie Członków')).toBeTruthy();
    expect(plain((await region('Omawiany punkt')).textContent)).toBe('Omawiany punkt1. w sprawie programu współpracy');

    const voting = await region('Trwa głosowanie');
    expect(within(voting).getByText('Poprawka nr 1 do projektu uchwały „w sprawie programu współpracy”')).toBeTruthy();
    // The wordings are named in words (not by colour or strike-through only).
    const current = within(voting).getByText('Dotychczasowy zapis').parentElement!;
    expect(current.querySelector('del')?.textContent).toBe('na lata 2027–2030');
    const proposed = within(voting).getByText('Proponowane brzmienie').parentElement!;
    expect(proposed.querySelector('ins')?.textContent).toBe('na lata 2027–2035');
    expect(within(voting).getByText('Głosowanie jawne')).toBeTruthy();
    expect(within(voting).getByText('Oddano głosów: 1 z 2')).toBeTruthy();
    expect(figures(voting)).toEqual(['Za 1', 'Przeciw 0', 'Wstrzymało się 0']);
    expect(await violations(page.container)).toEqual([]);

    // A ballot: the count follows, and nothing is said (each ballot is not announced).
    emit({ type: 'ballot_cast', voteId: 'va' });
    await within(voting).findByText('Oddano głosów: 2 z 2');
    expect(figures(voting)).toEqual(['Za 1', 'Przeciw 1', 'Wstrzymało się 0']);
    expect(announced()).toBe('');

    // The vote closes: its result, in words, replaces it, and is said once.
    emit({ type: 'vote_closed', voteId: 'va' });
    const result = await region('Wynik ostatniego głosowania');
    expect(screen.queryByRole('region', { name: 'Trwa głosowanie' })).toBeNull();
    expect(plain(result.querySelector('.projector__outcome')?.textContent)).toBe('✔ Wniosek przyjęty');
    expect(figures(result)).toEqual(['Za 2', 'Przeciw 0', 'Wstrzymało się 0', 'Oddano głosów 2']);
    await waitFor(() => expect(announced()).toBe('Głosowanie zakończone: Poprawka nr 1 do projektu uchwały „w sprawie programu współpracy” — Wniosek przyjęty.'));
  });

  it('says when a vote opens and the discussion moves to another item, politely', async () => {
    const opened = { ...amendmentVote([]), currentItemId: 'item-2' };
    open({ meetings: [sitting(), opened] });
    await region('Omawiany punkt');
    expect(screen.queryByRole('region', { name: 'Trwa głosowanie' })).toBeNull();
    expect(announced()).toBe('');
    emit({ type: 'vote_opened', voteId: 'va' });
    await region('Trwa głosowanie');
    await waitFor(() => expect(announced()).toBe('Otwarto głosowanie: Poprawka nr 1 do projektu uchwały „w sprawie programu współpracy”. Omawiany punkt: 2. w sprawie wysokości składek członkowskich na 2027 rok'));
  });

  it('shows the last closed vote’s result with its figures and the number the resolution was adopted under', async () => {
    const adopted = resolution({ ...draft, state: 'adopted', number: '7/2026', fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie programu współpracy' });
    const earlier = vote({ id: 'v0', resolutionId: 'r2', state: 'closed', closedAt: '2026-12-02T10:10:00.000Z', outcome: { ...adoptedOutcome, adopted: false, reason: 'rejected' } });
    const last = vote({ id: 'v1', state: 'closed', closedAt: '2026-12-02T10:40:00.000Z', castCount: 3, roll: roll('for', 'against', 'for'), voted: ['m1', 'm2', 'm3'], outcome: adoptedOutcome });
    const page = open({ meetings: [sitting({ agenda: [agendaItem(1, adopted, [last]), agendaItem(2, fees, [earlier])] })] });
    const result = await region('Wynik ostatniego głosowania');
    expect(within(result).getByText('1. w sprawie programu współpracy')).toBeTruthy();
    expect(plain(result.querySelector('.projector__outcome')?.textContent)).toBe('✔ Uchwała podjęta');
    expect(plain(within(result).getByText(/^Numer 7\/2026/).textContent)).toBe('Numer 7/2026: Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie programu współpracy');
    expect(figures(result)).toEqual(['Za 2', 'Przeciw 1', 'Wstrzymało się 0', 'Oddano głosów 3']);
    expect(await violations(page.container)).toEqual([]);
  });

  it('shows the item under discussion, who has the floor with the time left, and the next two waiting', async () => {
    const startedAt = Date.now() - 60_000;
    const list = [
      speaker('s0', { name: 'Gmina Miasto Szczecin', state: 'speaking', startedAt: new Date(startedAt).toISOString(), seconds: 300, endsAt: new Date(startedAt + 300_000).toISOString() }),
      speaker('s1', { name: 'Gmina Dobra', kind: 'point_of_order' }),
      speaker('s2', { name: 'Gmina Police' }),
      speaker('s3', { name: 'Powiat Policki' }),
      speaker('s4', { name: 'Gmina Kołbaskowo', state: 'withdrawn' }),
    ];
    const page = open({ meetings: [sitting({ currentItemId: 'item-2' })], routes: { 'GET /meetings/mt1/speakers': { ...speakers(list), currentItemId: 'item-2', items: [{ itemId: 'item-2', speakers: list }] } } });
    expect(plain((await region('Omawiany punkt')).textContent)).toBe('Omawiany punkt2. w sprawie wysokości składek członkowskich na 2027 rok');
    const floor = await region('Głos ma');
    expect(within(floor).getByText('Gmina Miasto Szczecin – wystąpienie')).toBeTruthy();
    const timer = within(floor).getByRole('timer', { name: 'Pozostały czas wystąpienia' });
    expect(timer.getAttribute('aria-live')).toBe('off');
    expect(timer.textContent).toMatch(/^0[34]:[0-5]\d$/);
    expect(within(within(floor).getByRole('list', { name: 'Następni w kolejce' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Gmina Dobra – wniosek formalny', 'Gmina Police – wystąpienie']);
    expect(await violations(page.container)).toEqual([]);
  });

  it('says when the meeting has not been opened, with the way back to the meeting page', async () => {
    open({ meetings: [meeting(['absent', 'absent', 'absent'], { state: 'planned', openedAt: null, term: null })] });
    expect(plain((await region('Omawiany punkt')).textContent)).toBe('Omawiany punktPosiedzenie nie zostało otwarte');
    expect(screen.getByRole('link', { name: 'Wróć do posiedzenia' }).getAttribute('href')).toBe('/w/w1/meetings/mt1');
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it('shows an election’s open round with the ballots cast, read again when the election changes', async () => {
    const electionItem: AgendaItemView = { id: 'item-3', position: 3, kind: 'election', title: 'w sprawie wyboru członków Zarządu', resolution: null, minutesOf: null, votes: [], amendments: [], electionId: 'e1', openElectionRoundId: null };
    const rules = JSON.parse(JSON.stringify(DEFAULT_ELECTION_RULES)) as ElectionRules;
    const round = { id: 'er1', n: 1, seatsOpen: 2, candidates: ['c1'], rules, secret: true, state: 'open' as const, openedAt: '2026-12-02T10:30:00.000Z', closedAt: null, castCount: 1, voted: ['m1'], result: null, ballotsDigest: null, roll: null, lot: null };
    const election = (castCount: number): ElectionView => ({
      id: 'e1',
      workspaceId: 'w1',
      meetingId: 'mt1',
      body: { id: 'b1', name: 'Walne Zebranie Członków' },
      target: { id: 'b2', name: 'Zarząd' },
      role: 'members',
      seats: 2,
      rules,
      secret: true,
      state: 'voting',
      compositionFrom: null,
      compositionAppliedAt: null,
      resolution: { id: 'r9', title: electionItem.title, state: 'draft', number: null, fullTitle: null },
      candidates: [],
      rounds: [{ ...round, castCount }],
      elected: [],
    });
    let reads = 0;
    open({ meetings: [sitting({ agenda: [agendaItem(1, draft), electionItem] })], routes: { 'GET /elections/e1': () => election(reads++ === 0 ? 1 : 2) } });
    const panel = await region('Wybory');
    await within(panel).findByText('Wybory: tura 1 — oddano 1 z 2 kart');
    emit({ type: 'election_changed', electionId: 'e1' });
    await within(panel).findByText('Wybory: tura 1 — oddano 2 z 2 kart');
  });

  it('speaks English', async () => {
    const page = open({ meetings: [amendmentVote(['for'])], language: 'en' });
    const voting = await region('Vote in progress');
    expect(within(voting).getByText('Amendment no. 1 to the draft resolution “w sprawie programu współpracy”')).toBeTruthy();
    expect(within(voting).getByText('Current wording')).toBeTruthy();
    expect(within(voting).getByText('Proposed wording')).toBeTruthy();
    expect(within(voting).getByText('Votes cast: 1 of 2')).toBeTruthy();
    expect(figures(voting)).toEqual(['For 1', 'Against 0', 'Abstained 0']);
    expect(screen.getByRole('region', { name: 'Item under discussion' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the meeting' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Room view: XXI Walne Zebranie Członków – Commonplan'));
    expect(await violations(page.container)).toEqual([]);
  });
});
