import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { plain, renderWithApp } from '../../test/render';
import { type MyTasks, WaitingForYou } from './WaitingForYou';

const none: MyTasks = { counts: { ballots: 0, meetings: 0, approvals: 0, comments: 0, mentions: 0, deadlines: 0 }, ballots: [], meetings: [], approvals: [], comments: [], mentions: [], deadlines: [] };

const some: MyTasks = {
  counts: { ballots: 2, meetings: 1, approvals: 1, comments: 25, mentions: 1, deadlines: 1 },
  ballots: [
    { voteId: 'v1', resolutionId: 'r1', resolutionTitle: 'w sprawie przyjęcia Strategii', meetingId: 'mt1', meetingTitle: 'XXI Walne Zebranie', member: { id: 'm3', name: 'Powiat Policki' }, byProxy: true, checkInFirst: false, dueAt: null },
    // 23:30 UTC on 1 December is 00:30 on 2 December in Warsaw.
    { voteId: 'v2', resolutionId: 'r2', resolutionTitle: 'w sprawie składki', meetingId: null, meetingTitle: null, member: { id: 'm1', name: 'Gmina Police' }, byProxy: false, checkInFirst: false, dueAt: '2099-12-01T23:30:00.000Z' },
  ],
  meetings: [{ meetingId: 'mt1', title: 'XXI Walne Zebranie', body: 'Walne Zebranie Członków', place: 'Szczecin', state: 'open', dueAt: '2026-12-02T09:00:00.000Z', presence: 'absent' }],
  approvals: [{ documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', versionId: 'ver1', versionNumber: 2, versionName: 'do przyjęcia', resolution: { id: 'r0', number: '7/2026', fullTitle: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii', decidedAt: '2026-12-02T11:00:00.000Z' }, dueAt: null }],
  comments: Array.from({ length: 20 }, (_, i) => ({ commentId: `c${i}`, number: `U/2026/${String(i + 1).padStart(4, '0')}`, part: 'Rozdział 2', roundId: 'rd1', roundTitle: 'Konsultacje strategii', action: i === 0 ? ('approve' as const) : ('decide' as const), dueAt: '2099-02-01T10:00:00.000Z' })),
  mentions: [{ notificationId: 'n1', documentId: 'd2', documentTitle: 'Plan powietrza', threadId: 't1', actor: 'Koordynator Biura SSOM', excerpt: 'Proszę o dane.', createdAt: '2026-12-01T08:00:00.000Z', dueAt: null }],
  deadlines: [{ roundId: 'rd2', roundTitle: 'Konsultacje koncepcji', deadline: 'report', dueAt: '2020-01-10T10:00:00.000Z' }],
};

function show(tasks: MyTasks) {
  const calls = fakeApi({ 'GET /workspaces/w1/my-tasks': tasks });
  renderWithApp(<WaitingForYou workspaceId="w1" />);
  return calls;
}

const group = (name: RegExp) => screen.getByRole('list', { name });
const links = (list: HTMLElement) => within(list).getAllByRole('link').map((a) => [plain(a.textContent), a.getAttribute('href')]);

describe('WaitingForYou', () => {
  it('groups what waits by kind with counts, links each to its exact page, in Warsaw time', async () => {
    const calls = show(some);
    expect(await screen.findByRole('heading', { level: 3, name: 'Głosowania do oddania: 2' })).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(['/workspaces/w1/my-tasks']);
    expect(screen.getByRole('region', { name: 'Czeka na Ciebie' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Głosowania do oddania: 2',
      'Posiedzenia: 1',
      'Wersje do zatwierdzenia: 1',
      'Uwagi do rozpatrzenia: 25',
      'Wzmianki o Tobie: 1',
      'Terminy konsultacji: 1',
    ]);
    const ballots = group(/Głosowania do oddania/);
    expect(links(ballots)).toEqual([
      ['w sprawie przyjęcia Strategii', '/w/w1/meetings/mt1'],
      ['w sprawie składki', '/w/w1/resolutions/r2'],
    ]);
    const items = within(ballots).getAllByRole('listitem').map((li) => plain(li.textContent));
    expect(items[0]).toContain('jako pełnomocnik członka Powiat Policki · na posiedzeniu: XXI Walne Zebranie');
    expect(items[1]).toContain('głosowanie trwa do 2 gru 2099, 00:30');
    expect(within(ballots).getAllByRole('listitem')[1]!.querySelector('time')?.getAttribute('dateTime')).toBe('2099-12-01T23:30:00.000Z');
    expect(plain(group(/Posiedzenia/).textContent)).toContain('trwa; potwierdź obecność');
    expect(links(group(/Wersje do zatwierdzenia/))).toEqual([['Strategia Rozwoju SOM, wersja nr 2: do przyjęcia', '/w/w1/d/d1/v/ver1']]);
    const comments = group(/Uwagi do rozpatrzenia/);
    expect(links(comments)[0]).toEqual(['U/2026/0001: Rozdział 2', '/w/w1/rounds/rd1/comments?q=U%2F2026%2F0001']);
    expect(plain(within(comments).getAllByRole('listitem')[0]!.textContent)).toContain('do zatwierdzenia · Konsultacje strategii');
    expect(screen.getByText('Pokazano 20 z 25.')).toBeTruthy();
    expect(links(group(/Wzmianki o Tobie/))).toEqual([['Koordynator Biura SSOM wspomina o Tobie w dokumencie Plan powietrza', '/w/w1/d/d2#thread-t1']]);
    const deadline = group(/Terminy konsultacji/);
    expect(links(deadline)).toEqual([['Konsultacje koncepcji', '/w/w1/rounds/rd2']]);
    // A deadline passed is said in words, not only by colour.
    expect(plain(deadline.textContent)).toContain('publikacja sprawozdania');
    expect(plain(deadline.textContent)).toContain('(termin minął)');
  });

  it('says when nothing waits', async () => {
    show(none);
    expect(await screen.findByText('Nic nie czeka na Ciebie.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('reads in English', async () => {
    fakeApi({ 'GET /workspaces/w1/my-tasks': none });
    renderWithApp(<WaitingForYou workspaceId="w1" />, { language: 'en' });
    expect(await screen.findByText('Nothing is waiting for you.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Waiting for you' })).toBeTruthy();
  });
});
