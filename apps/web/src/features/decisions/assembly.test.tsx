import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/core';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import type { MeetingEvent } from '@commonplan/sync';
import { type FakeRoute, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { AmendmentView, MeetingView, MotionView, VoteView } from './decisions-api';
import { adoptedOutcome, agendaItem, assembly, meeting, resolution, vote } from './fixtures';
import { MeetingPage } from './MeetingPage';
import '../comments/no-layout';

const live = vi.hoisted(() => ({ handlers: [] as Array<(event: MeetingEvent) => void> }));
vi.mock('./useMeetingEvents', () => ({
  useMeetingEvents: (_id: string, _enabled: boolean, onEvent: (event: MeetingEvent) => void) => {
    live.handlers[0] = onEvent;
  },
}));

beforeEach(() => {
  live.handlers = [];
});

const TEXT = '§ 1. Stowarzyszenie przyjmuje program współpracy na lata 2027–2030.';
const draft = resolution({ title: 'w sprawie programu współpracy' });

function amendment(id: string, extra: Partial<AmendmentView> = {}): AmendmentView {
  return {
    id,
    resolutionId: draft.id,
    number: 1,
    proposer: { organisationId: 'm2', name: 'Miasto Szczecin' },
    currentText: '2027–2030',
    proposedText: '2027–2035',
    justification: 'Dłuższy horyzont.',
    state: 'proposed',
    voteOrder: null,
    conflictsWith: [],
    droppedBy: null,
    live: { from: 50, to: 59, text: '2027–2030' },
    applied: null,
    createdAt: '2026-12-02T10:05:00.000Z',
    decidedAt: null,
    ...extra,
  };
}

function motion(id: string, kind: MotionView['kind'], votes: VoteView[], extra: Partial<MotionView> = {}): MotionView {
  return { id, meetingId: 'mt1', kind, agendaItemId: null, amendmentId: null, change: null, createdAt: '2026-12-02T10:02:00.000Z', votes, ...extra };
}

const motionVote = (id: string, extra: Partial<VoteView> = {}) => vote({ id, resolutionId: null, motionId: `motion-${id}`, ...extra });

/** The meeting page as `role`; a representative represents member m1 (Gmina Police). */
function open(options: { role?: Role; meetings: MeetingView[] | ((n: number) => MeetingView); routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  const role = options.role ?? 'coordinator';
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
      routes: { 'GET /meetings/mt1': answer, 'GET /bodies/b1': assembly, 'GET /workspaces/w1/meetings': [], 'GET /meetings/mt1/speakers': reply(404), ...options.routes },
    },
  );
}

describe('the agenda before and after its adoption', () => {
  it('lets the chair add, move and remove items until the agenda is adopted, and names the move for screen readers', async () => {
    const planned = meeting(['absent', 'absent', 'absent'], { state: 'planned', openedAt: null, term: null, agenda: [agendaItem(1, draft)] });
    const withOther = { ...planned, agenda: [...planned.agenda, { id: 'item-2', position: 2, kind: 'other', title: 'Wolne wnioski', resolution: null, minutesOf: null, votes: [], amendments: [], electionId: null, openElectionRoundId: null }] } as MeetingView;
    const page = open({
      meetings: [planned],
      routes: { 'POST /meetings/mt1/agenda': withOther, 'POST /meetings/mt1/agenda/item-2/move': { ...withOther, agenda: [...withOther.agenda].reverse().map((item, index) => ({ ...item, position: index + 1 })) } },
    });
    const editor = await screen.findByRole('region', { name: 'Przygotowanie porządku obrad' });
    await userEvent.type(within(editor).getByLabelText('Tytuł punktu'), 'Wolne wnioski');
    await userEvent.click(within(editor).getByRole('button', { name: 'Dodaj punkt' }));
    expect(page.calls.find((c) => c.method === 'POST' && c.path === '/meetings/mt1/agenda')?.body).toEqual({ kind: 'other', title: 'Wolne wnioski' });
    await screen.findByText('Dodano punkt do porządku obrad.');
    await userEvent.click(within(editor).getByRole('button', { name: 'W górę: Wolne wnioski' }));
    expect(page.calls.find((c) => c.path === '/meetings/mt1/agenda/item-2/move')?.body).toEqual({ position: 1 });
    await waitFor(() => expect(within(editor).getAllByRole('listitem').map((li) => plain(li.textContent).split(' ')[0])).toEqual(['Wolne', 'w']));
    expect(within(editor).getByRole('button', { name: 'W górę: Wolne wnioski' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('puts the adoption of the agenda to the vote, gives representatives the ballot first on their page, and shows the motion carried', async () => {
    const opened = meeting(['present', 'present', 'absent'], { agenda: [agendaItem(1, draft)] });
    const voting = { ...opened, motions: [motion('a1', 'agenda', [motionVote('va', { state: 'open' })])] };
    const page = open({ meetings: [opened, voting], routes: { 'POST /meetings/mt1/motions': motionVote('va', { state: 'open' }) } });
    await screen.findByText('Porządek obrad nie został jeszcze przyjęty.');
    await userEvent.click(screen.getByRole('button', { name: 'Poddaj pod głosowanie przyjęcie porządku obrad' }));
    expect(page.calls.find((c) => c.path === '/meetings/mt1/motions')?.body).toEqual({ kind: 'agenda' });
    const section = await screen.findByRole('region', { name: 'Głosowania w sprawach proceduralnych' });
    expect(within(section).getByRole('heading', { level: 3, name: 'Przyjęcie porządku obrad' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('vote-va'));
    page.unmount();

    open({ role: 'representative', meetings: [voting] });
    const ballots = await screen.findByRole('region', { name: 'Twoja karta do głosowania' });
    expect(within(ballots).getByRole('heading', { level: 3, name: 'Przyjęcie porządku obrad' })).toBeTruthy();
    expect(within(ballots).getAllByRole('button').map((b) => b.textContent)).toEqual(['Za', 'Przeciw', 'Wstrzymuję się']);
  });

  it('once adopted, puts a change to the vote, or lets the chair move items at once where the rule book says so', async () => {
    const other = { id: 'item-2', position: 2, kind: 'other', title: 'Wolne wnioski', resolution: null, minutesOf: null, votes: [], amendments: [], electionId: null, openElectionRoundId: null } as MeetingView['agenda'][number];
    const adopted = meeting(['present', 'present', 'present'], { agendaAdoptedAt: '2026-12-02T10:03:00.000Z', agenda: [agendaItem(1, draft), other] });
    const voted = open({ meetings: [adopted], routes: { 'POST /meetings/mt1/motions': motionVote('vm', { state: 'open' }) } });
    let editor = await screen.findByRole('region', { name: 'Zmiana przyjętego porządku obrad' });
    expect(within(editor).getByText('Zmianę przyjętego porządku obrad poddaje się pod głosowanie.')).toBeTruthy();
    await userEvent.selectOptions(within(editor).getByLabelText('Punkt'), 'item-2');
    await userEvent.click(within(editor).getByRole('button', { name: 'Poddaj pod głosowanie przeniesienie punktu' }));
    await waitFor(() => expect(voted.calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([['/meetings/mt1/motions', { kind: 'agenda_change', change: { action: 'move', itemId: 'item-2', position: 1 } }]]));
    voted.unmount();

    const chairMoves = { ...adopted, agendaChanges: { add: 'vote' as const, move: 'chair' as const } };
    const moved = { ...chairMoves, agenda: [{ ...other, position: 1 }, { ...adopted.agenda[0]!, position: 2 }] };
    const page = open({ meetings: [chairMoves], routes: { 'POST /meetings/mt1/agenda/item-2/move': moved } });
    editor = await screen.findByRole('region', { name: 'Zmiana przyjętego porządku obrad' });
    expect(within(editor).getByText('Przewodniczący obrad zmienia porządek obrad tak, jak pozwala regulamin; pozostałe zmiany poddaje się pod głosowanie.')).toBeTruthy();
    // Adding an item is still voted on.
    expect(within(editor).getByRole('button', { name: 'Poddaj pod głosowanie dodanie punktu' })).toBeTruthy();
    await userEvent.selectOptions(within(editor).getByLabelText('Punkt'), 'item-2');
    await userEvent.click(within(editor).getByRole('button', { name: 'Przenieś punkt' }));
    await screen.findByText('Przeniesiono punkt porządku obrad.');
    expect(page.calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([['/meetings/mt1/agenda/item-2/move', { position: 1 }]]);
    await waitFor(() => expect(document.activeElement?.id).toMatch(/-heading$/));
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('says the motion’s result in words once closed, and the time the agenda was adopted', async () => {
    const closed = meeting(['present', 'present', 'present'], {
      agendaAdoptedAt: '2026-12-02T10:03:00.000Z',
      agenda: [agendaItem(1, draft)],
      motions: [motion('a1', 'agenda', [motionVote('va', { state: 'closed', closedAt: '2026-12-02T10:03:00.000Z', outcome: adoptedOutcome, castCount: 3, voted: ['m1', 'm2', 'm3'] })])],
    });
    open({ role: 'observer', meetings: [closed] });
    const section = await screen.findByRole('region', { name: 'Głosowania w sprawach proceduralnych' });
    expect(plain(within(section).getAllByRole('paragraph')[0].textContent)).toBe('Porządek obrad przyjęty: 2 gru 2026, 11:03');
    expect(within(section).getByText('Wniosek przyjęty')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /Poddaj pod głosowanie/ })).toBeNull();
  });
});

describe('amendments', () => {
  const item = (amendments: AmendmentView[], votes: VoteView[] = []) => ({ ...agendaItem(1, draft, votes), amendments });

  it('lists each amendment with its proposer, wordings, order and fate; the chair puts the next in order to the vote', async () => {
    const first = amendment('x1', { state: 'adopted', applied: { at: '2026-12-02T10:20:00.000Z', text: '2027–2035' }, live: null, conflictsWith: ['x2'] });
    const second = amendment('x2', { number: 2, proposer: { organisationId: 'm3', name: 'Powiat Policki' }, proposedText: '2027–2032', state: 'dropped', droppedBy: 'x1', conflictsWith: ['x1'] });
    const third = amendment('x3', { number: 3, currentText: 'Zarządowi', proposedText: '', voteOrder: 1, live: { from: 80, to: 89, text: 'Zarządowi' } });
    const fourth = amendment('x4', { number: 4, currentText: 'program', proposedText: 'plan', voteOrder: 2 });
    const opened = meeting(['present', 'present', 'absent'], { agendaAdoptedAt: '2026-12-02T10:03:00.000Z', agenda: [item([first, second, third, fourth])] });
    const page = open({ meetings: [opened], routes: { 'POST /meetings/mt1/motions': motionVote('v3', { state: 'open' }) } });
    const section = await screen.findByRole('region', { name: 'Poprawki 1. w sprawie programu współpracy' });
    const entries = within(section).getAllByRole('listitem').filter((li) => li.classList.contains('amendment'));
    expect(entries.map((li) => plain(li.querySelector('p')?.textContent))).toEqual([
      'Poprawka nr 1 przyjęta · Zgłasza: Miasto Szczecin',
      'Poprawka nr 2 bezprzedmiotowa · Zgłasza: Powiat Policki',
      'Poprawka nr 3 zgłoszona · Zgłasza: Miasto Szczecin · Kolejność głosowania: 1',
      'Poprawka nr 4 zgłoszona · Zgłasza: Miasto Szczecin · Kolejność głosowania: 2',
    ]);
    expect(within(entries[0]).getByText('Wprowadzona do tekstu uchwały.')).toBeTruthy();
    expect(within(entries[1]).getByText('Bezprzedmiotowa po przyjęciu poprawki nr 1.')).toBeTruthy();
    expect(within(entries[2]).getByText('(skreślenie)')).toBeTruthy();
    // Only the next amendment in the order goes to the vote.
    expect(within(entries[3]).queryByRole('button', { name: 'Poddaj pod głosowanie poprawkę nr 4' })).toBeNull();
    await userEvent.click(within(entries[2]).getByRole('button', { name: 'Poddaj pod głosowanie poprawkę nr 3' }));
    expect(page.calls.find((c) => c.path === '/meetings/mt1/motions')?.body).toEqual({ kind: 'amendment', amendmentId: 'x3' });
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('lets the chair order the amendments and mark a conflict', async () => {
    const a = amendment('x1');
    const b = amendment('x2', { number: 2, proposedText: '2027–2032' });
    const opened = meeting(['present', 'present', 'absent'], { agenda: [item([a, b])] });
    const page = open({ meetings: [opened], routes: { 'PUT /resolutions/r1/amendments/arrangement': [] } });
    const arrange = await screen.findByRole('group', { name: 'Kolejność głosowania poprawek' });
    await userEvent.click(within(arrange).getByRole('button', { name: 'Niżej: poprawka nr 1' }));
    await userEvent.click(within(arrange).getByRole('checkbox', { name: 'Poprawka nr 2 wyklucza się z poprawką nr 1' }));
    await userEvent.click(within(arrange).getByRole('button', { name: 'Zapisz kolejność' }));
    const sent = page.calls.find((c) => c.path === '/resolutions/r1/amendments/arrangement');
    expect(sent?.method).toBe('PUT');
    expect(sent?.body).toMatchObject({ order: ['x2', 'x1'] });
    expect((sent?.body as { conflicts: string[][] }).conflicts.map((pair) => [...pair].sort())).toEqual([['x1', 'x2']]);
    await screen.findByText('Zapisano kolejność głosowania poprawek.');
  });

  it('lets a representative pick a passage of the live text and propose new wording, and says the API’s refusal', async () => {
    const opened = meeting(['present', 'present', 'absent'], { agenda: [item([])] });
    let attempts = 0;
    const page = open({
      role: 'representative',
      meetings: [opened],
      routes: {
        'GET /resolutions/r1/text': { documentId: 'd9', content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] } },
        'POST /resolutions/r1/amendments': () => (attempts++ === 0 ? reply(409, { code: 'passage_changed', message: 'changed' }) : amendment('x9', { number: 5, proposer: { organisationId: 'm1', name: 'Gmina Police' } })),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Zgłoś poprawkę: w sprawie programu współpracy' }));
    const form = await screen.findByRole('form', { name: 'Nowa poprawka do projektu uchwały „w sprawie programu współpracy”' });
    // Without a passage the form says what to do first.
    await userEvent.click(within(form).getByRole('button', { name: 'Zgłoś poprawkę' }));
    expect(page.calls.some((c) => c.method === 'POST' && c.path === '/resolutions/r1/amendments')).toBe(false);
    const text = await within(form).findByRole('textbox', { name: 'Tekst projektu uchwały: zaznacz fragment, którego dotyczy poprawka' });
    const editor = (text as HTMLElement & { editor: Editor }).editor;
    const from = 1 + TEXT.indexOf('2027–2030');
    act(() => void editor.chain().focus().setTextSelection({ from, to: from + '2027–2030'.length }).run());
    await userEvent.click(within(form).getByRole('button', { name: 'Wskaż zaznaczony fragment' }));
    const proposed = within(form).getByLabelText('Proponowane brzmienie (puste: skreślenie fragmentu)');
    await waitFor(() => expect(document.activeElement).toBe(proposed));
    await userEvent.clear(proposed);
    await userEvent.type(proposed, '2027–2035');
    await userEvent.type(within(form).getByLabelText('Uzasadnienie'), 'Dłuższy horyzont.');
    await userEvent.click(within(form).getByRole('button', { name: 'Zgłoś poprawkę' }));
    await within(form).findByText(/^W międzyczasie ktoś zmienił ten fragment/);
    await userEvent.click(within(form).getByRole('button', { name: 'Zgłoś poprawkę' }));
    const sent = page.calls.filter((c) => c.method === 'POST' && c.path === '/resolutions/r1/amendments').at(-1);
    expect(sent?.body).toEqual({ from, to: from + '2027–2030'.length, expectedText: '2027–2030', proposedText: '2027–2035', justification: 'Dłuższy horyzont.' });
    await screen.findByText('Zgłoszono poprawkę nr 5.');
  });
});
