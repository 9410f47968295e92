import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import type { MeetingEvent } from '@commonplan/sync';
import { type ApiCall, type FakeRoute, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { BodyView, SpeakersView, SpeakerView } from './decisions-api';
import { agendaItem, assembly, meeting, resolution } from './fixtures';
import { MeetingPage } from './MeetingPage';
import { countdownText, minutesAndSeconds } from './SpeakersPanel';

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

const strategy = resolution();
const fees = resolution({ id: 'r2', title: 'w sprawie wysokości składek członkowskich na 2027 rok' });
/** An open meeting of the assembly with two items, discussing the first. */
const openMeeting = (extra: Parameters<typeof meeting>[1] = {}) =>
  meeting(['present', 'present', 'absent'], { agenda: [agendaItem(1, strategy), agendaItem(2, fees)], currentItemId: 'item-1', ...extra });

function speaker(id: string, extra: Partial<SpeakerView> = {}): SpeakerView {
  return { id, itemId: 'item-1', kind: 'speech', state: 'waiting', organisationId: null, name: id, requestedAt: '2026-12-02T10:10:00.000Z', startedAt: null, seconds: null, endsAt: null, endedAt: null, ...extra };
}

/** A speech under way that began `startedAgo` ms ago and lasts `seconds`. */
function speaking(id: string, name: string, seconds: number, startedAgo: number, extra: Partial<SpeakerView> = {}): SpeakerView {
  const startedAt = Date.now() - startedAgo;
  return speaker(id, { name, state: 'speaking', startedAt: new Date(startedAt).toISOString(), seconds, endsAt: new Date(startedAt + seconds * 1000).toISOString(), ...extra });
}

function speakers(list: SpeakerView[], extra: Partial<SpeakersView> = {}): SpeakersView {
  return {
    meetingId: 'mt1',
    currentItemId: 'item-1',
    speakingSeconds: 300,
    speaking: list.find((s) => s.state === 'speaking') ?? null,
    items: [
      { itemId: 'item-1', speakers: list.filter((s) => s.itemId === 'item-1') },
      { itemId: 'item-2', speakers: list.filter((s) => s.itemId === 'item-2') },
    ],
    serverTime: new Date().toISOString(),
    ...extra,
  };
}

/** The meeting page as `role`; a representative represents member m1 (Gmina Police). */
function open(options: { role?: Role; speakers: SpeakersView | ((n: number) => SpeakersView); meeting?: ReturnType<typeof meeting>; body?: BodyView; routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  const role = options.role ?? 'representative';
  let reads = 0;
  const answer = () => (typeof options.speakers === 'function' ? options.speakers(reads++) : options.speakers);
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
      routes: { 'GET /meetings/mt1': options.meeting ?? openMeeting(), 'GET /bodies/b1': options.body ?? assembly, 'GET /meetings/mt1/speakers': answer, ...options.routes },
    },
  );
}

/** The panel once its list is shown (it says which item is under discussion). */
async function panel(name = 'Lista mówców'): Promise<HTMLElement> {
  await waitFor(() => expect(screen.getByRole('region', { name }).querySelector('#speakers-current')).not.toBeNull());
  return screen.getByRole('region', { name });
}
const posts = (calls: ApiCall[]) => calls.filter((c) => c.method !== 'GET');
/** Each request as "who – kind: state". */
const entries = (region: HTMLElement) =>
  within(region)
    .queryAllByRole('listitem')
    .map((li) => `${plain(li.querySelector('.speakers__who')?.textContent)}: ${plain(li.querySelector('.speakers__state')?.textContent)}`);

const list = [
  speaker('s1', { kind: 'point_of_order', organisationId: 'm2', name: 'Gmina Dobra', requestedAt: '2026-12-02T10:12:00.000Z' }),
  speaker('s2', { organisationId: 'm1', name: 'Gmina Police', requestedAt: '2026-12-02T10:10:00.000Z' }),
  speaker('s3', { organisationId: 'm3', name: 'Powiat Policki', state: 'withdrawn', endedAt: '2026-12-02T10:13:00.000Z' }),
];

describe('the speakers’ list', () => {
  it('shows everyone the item under discussion, who speaks with the time left, and the requests in order; observers do nothing; no violations axe finds', async () => {
    const { container } = open({ role: 'observer', speakers: speakers([list[0]!, speaking('s0', 'Gmina Miasto Szczecin', 300, 60_000, { requestedAt: '2026-12-02T10:05:00.000Z' }), list[1]!, list[2]!]) });
    const region = await panel();
    await within(region).findByText('Omawiany punkt: 1. w sprawie przyjęcia Strategii Rozwoju SOM 2030');
    expect(plain(document.getElementById('speakers-speaking')?.textContent)).toBe('Gmina Miasto Szczecin – wystąpienie');
    const timer = within(region).getByRole('timer');
    expect(timer.getAttribute('aria-live')).toBe('off');
    expect(timer.textContent).toMatch(/^0[34]:[0-5]\d$/);
    expect(timer.getAttribute('aria-labelledby')).toBeTruthy();
    expect(entries(region)).toEqual(['Gmina Dobra – wniosek formalny: czeka', 'Gmina Miasto Szczecin – wystąpienie: przemawia', 'Gmina Police – wystąpienie: czeka', 'Powiat Policki – wystąpienie: wycofane']);
    expect(within(region).getByText('Czas na wystąpienie: 5:00 min')).toBeTruthy();
    expect(within(region).queryAllByRole('button')).toEqual([]);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('counts down to the end of the speech and then says once, politely, that the time is up', async () => {
    open({ role: 'observer', speakers: speakers([speaking('s0', 'Gmina Dobra', 30, 28_000)]) });
    const region = await panel();
    const timer = within(region).getByRole('timer');
    // About two seconds left (less on a slow machine).
    expect(timer.textContent).toMatch(/^00:0[0-2]$/);
    await waitFor(() => expect(within(region).getAllByRole('status').map((s) => plain(s.textContent))).toContain('Czas wystąpienia minął: Gmina Dobra.'), { timeout: 5_000 });
    expect(timer.textContent).toBe('00:00');
    expect(plain(region.textContent)).toContain('(czas minął)');
  });

  it('counts down by the server’s clock, not a device whose clock is off', async () => {
    // The server says it is 10:00:00; this device's clock is 20 minutes ahead. The speech began at 9:59 for 5 minutes.
    const server = Date.now() - 20 * 60_000;
    const speech = speaker('s0', { name: 'Gmina Dobra', state: 'speaking', startedAt: new Date(server - 60_000).toISOString(), seconds: 300, endsAt: new Date(server + 240_000).toISOString() });
    open({ role: 'observer', speakers: speakers([speech], { serverTime: new Date(server).toISOString() }) });
    const region = await panel();
    expect(within(region).getByRole('timer').textContent).toMatch(/^0[34]:[0-5]\d$/);
    expect(plain(region.textContent)).not.toContain('(czas minął)');
  });

  it('lets a representative ask to speak for their member, then withdraw, with the focus on their request', async () => {
    const user = userEvent.setup();
    const asked = speakers([list[0]!, list[1]!]);
    const page = open({
      speakers: speakers([list[0]!]),
      routes: { 'POST /meetings/mt1/speakers': reply(201, asked), 'POST /meetings/mt1/speakers/s2/withdraw': speakers([list[0]!, { ...list[1]!, state: 'withdrawn', endedAt: '2026-12-02T10:20:00.000Z' }]) },
    });
    const region = await panel();
    expect(within(region).getByText(/Zgłaszasz się w imieniu członka Gmina Police/)).toBeTruthy();
    // Only their own request may be withdrawn, and nobody's floor given.
    expect(within(region).queryByRole('button', { name: /Wycofaj zgłoszenie/ })).toBeNull();
    expect(within(region).queryByRole('button', { name: /Udziel głosu/ })).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Zgłoś się do głosu' }));
    await waitFor(() => expect(posts(page.calls)).toEqual([{ method: 'POST', path: '/meetings/mt1/speakers', body: { kind: 'speech' } }]));
    await waitFor(() => expect(document.activeElement?.id).toBe('speaker-s2'));
    expect(within(region).getAllByRole('status').map((s) => plain(s.textContent))).toContain('Zgłoszenie przyjęte: wystąpienie członka Gmina Police jest na liście mówców.');
    // Asked once: the speech button is gone, a point of order may still be raised.
    expect(within(region).queryByRole('button', { name: 'Zgłoś się do głosu' })).toBeNull();
    expect(within(region).getByRole('button', { name: 'Wniosek formalny' })).toBeTruthy();

    await user.click(within(region).getByRole('button', { name: 'Wycofaj zgłoszenie: Gmina Police, wystąpienie' }));
    await waitFor(() => expect(posts(page.calls)[1]).toEqual({ method: 'POST', path: '/meetings/mt1/speakers/s2/withdraw', body: undefined }));
    await waitFor(() => expect(entries(region)).toContain('Gmina Police – wystąpienie: wycofane'));
    await waitFor(() => expect(document.activeElement?.id).toBe('speaker-s2'));
    expect(within(region).getByRole('button', { name: 'Zgłoś się do głosu' })).toBeTruthy();
  });

  it('raises a point of order, and says the API’s refusal in words and reads the list again', async () => {
    const user = userEvent.setup();
    const page = open({
      speakers: (n) => (n === 0 ? speakers([]) : speakers([list[0]!])),
      routes: { 'POST /meetings/mt1/speakers': reply(409, { status: 409, code: 'already_requested', detail: 'your member already waits to speak on this item' }) },
    });
    const region = await panel();
    await user.click(within(region).getByRole('button', { name: 'Wniosek formalny' }));
    await waitFor(() => expect(posts(page.calls)[0]?.body).toEqual({ kind: 'point_of_order' }));
    await waitFor(() => expect(within(region).getAllByRole('alert').map((a) => plain(a.textContent))).toContain('Twój członek już czeka na głos w tym punkcie.'));
    await waitFor(() => expect(entries(region)).toEqual(['Gmina Dobra – wniosek formalny: czeka']));
    expect(page.calls.filter((c) => c.path === '/meetings/mt1/speakers' && c.method === 'GET')).toHaveLength(2);
  });

  it('reads the list again when a meeting event says it changed', async () => {
    const page = open({ role: 'observer', speakers: (n) => (n === 0 ? speakers([]) : speakers([list[1]!])) });
    const region = await panel();
    await within(region).findByText('Nikt się jeszcze nie zgłosił do głosu w tym punkcie.');
    emit({ type: 'speakers_changed' });
    await waitFor(() => expect(entries(region)).toEqual(['Gmina Police – wystąpienie: czeka']));
    // A ballot does not touch the list.
    emit({ type: 'ballot_cast' });
    await waitFor(() => expect(page.calls.filter((c) => c.path === '/meetings/mt1').length).toBeGreaterThanOrEqual(3));
    expect(page.calls.filter((c) => c.path === '/meetings/mt1/speakers')).toHaveLength(2);
  });

  it('lets the chair give the floor, end the speech, move to another item, set the time and add a guest', async () => {
    const user = userEvent.setup();
    const given = speakers([{ ...speaking('s1', 'Gmina Dobra', 300, 0), kind: 'point_of_order', organisationId: 'm2' }, list[1]!]);
    const ended = speakers([{ ...list[0]!, state: 'done', startedAt: '2026-12-02T10:15:00.000Z', seconds: 300, endedAt: '2026-12-02T10:17:00.000Z' }, list[1]!]);
    const page = open({
      role: 'coordinator',
      speakers: speakers(list),
      routes: {
        'POST /meetings/mt1/speakers/s1/floor': given,
        'POST /meetings/mt1/speakers/s1/done': ended,
        'POST /meetings/mt1/current-item': speakers([], { currentItemId: 'item-2' }),
        'PUT /meetings/mt1/speaking-time': speakers([], { currentItemId: 'item-2', speakingSeconds: 600 }),
        'POST /meetings/mt1/speakers': reply(201, speakers([speaker('s9', { itemId: 'item-2', name: 'dr Jan Nowak' })], { currentItemId: 'item-2', speakingSeconds: 600 })),
      },
    });
    const region = await panel();
    // The chair asks for nobody: no representative's buttons.
    expect(within(region).queryByRole('button', { name: 'Zgłoś się do głosu' })).toBeNull();
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);

    await user.click(within(region).getByRole('button', { name: 'Udziel głosu: Gmina Dobra, wniosek formalny' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('speakers-speaking'));
    expect(plain(document.activeElement?.textContent)).toBe('Gmina Dobra – wniosek formalny');
    expect(within(region).getByRole('timer').textContent).toMatch(/^0[45]:[0-5]\d$/);

    await user.click(within(region).getByRole('button', { name: 'Zakończ wystąpienie' }));
    // The focus goes to the next one waiting's "give the floor".
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Udziel głosu: Gmina Police, wystąpienie' })));
    expect(within(region).getByText('Nikt teraz nie przemawia.')).toBeTruthy();

    await user.selectOptions(within(region).getByLabelText('Punkt porządku obrad do omówienia'), 'item-2');
    await user.click(within(region).getByRole('button', { name: 'Przejdź do punktu' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('speakers-current'));
    expect(plain(document.activeElement?.textContent)).toBe('Omawiany punkt: 2. w sprawie wysokości składek członkowskich na 2027 rok');

    await user.selectOptions(within(region).getByLabelText('Czas na wystąpienie'), '600');
    await user.click(within(region).getByRole('button', { name: 'Ustaw czas' }));
    await waitFor(() => expect(within(region).getAllByRole('status').map((s) => plain(s.textContent))).toContain('Czas na wystąpienie: 10:00 min.'));

    const name = within(region).getByLabelText(/Dopisz mówcę spoza przedstawicieli członków/);
    await user.click(within(region).getByRole('button', { name: 'Dopisz do listy' }));
    expect(within(region).getByText('Wpisz, kto zabiera głos.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    await user.type(name, '  dr Jan Nowak ');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(entries(region)).toEqual(['dr Jan Nowak – wystąpienie: czeka']));
    expect(posts(page.calls)).toEqual([
      { method: 'POST', path: '/meetings/mt1/speakers/s1/floor', body: undefined },
      { method: 'POST', path: '/meetings/mt1/speakers/s1/done', body: undefined },
      { method: 'POST', path: '/meetings/mt1/current-item', body: { itemId: 'item-2' } },
      { method: 'PUT', path: '/meetings/mt1/speaking-time', body: { seconds: 600 } },
      { method: 'POST', path: '/meetings/mt1/speakers', body: { kind: 'speech', name: 'dr Jan Nowak' } },
    ]);
    expect((name as HTMLInputElement).value).toBe('');
  });

  it('gives the chair’s controls to the representative of the body’s chair, in English too', async () => {
    open({ speakers: speakers(list), body: { ...assembly, chairId: 'm1' }, language: 'en' });
    const region = await panel('Speakers’ list');
    await within(region).findByRole('button', { name: 'Give the floor: Gmina Dobra, point of order' });
    expect(within(region).getByRole('button', { name: 'Move to the item' })).toBeTruthy();
    // Their own request too is withdrawn from here, and they ask as any representative.
    expect(within(region).getByRole('button', { name: 'Withdraw the request: Gmina Police, speech' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Point of order' })).toBeTruthy();
  });

  it('is not on the page of a meeting that is not open, and says when no item is under discussion', async () => {
    const page = open({ role: 'observer', speakers: speakers([]), meeting: openMeeting({ state: 'planned', openedAt: null, currentItemId: null }) });
    await screen.findByRole('heading', { level: 2, name: 'Porządek obrad' });
    expect(screen.queryByRole('region', { name: 'Lista mówców' })).toBeNull();
    expect(page.calls.some((c) => c.path === '/meetings/mt1/speakers')).toBe(false);
    page.unmount();
    open({ speakers: speakers([], { currentItemId: null }), meeting: openMeeting({ currentItemId: null }) });
    const region = await panel();
    await within(region).findByText('Przewodniczący obrad nie rozpoczął jeszcze omawiania punktu porządku obrad.');
    expect(within(region).queryByRole('button', { name: 'Zgłoś się do głosu' })).toBeNull();
  });
});

describe('times', () => {
  it('writes a limit as minutes and seconds and a countdown as mm:ss', () => {
    expect([30, 300, 3600].map(minutesAndSeconds)).toEqual(['0:30', '5:00', '60:00']);
    expect([0, 59, 61, 3600].map(countdownText)).toEqual(['00:00', '00:59', '01:01', '60:00']);
  });
});
