import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import type { Person } from '../../api/types';
import { fakeApi, renderPage, reply } from '../../test/fake-api';
import { people } from '../../test/fixtures';
import { plain, renderWithApp } from '../../test/render';
import type { Round } from '../rounds/rounds-api';
import { StaffCommentForm } from './StaffCommentForm';
import { TriageDetail } from './TriageDetail';
import { TriagePage } from './TriagePage';
import { filtersFromSearch, NO_FILTERS, searchOfFilters, type TriageRow } from './triage-api';

const row = (extra: Partial<TriageRow>): TriageRow => ({
  id: 'c1',
  number: 'U/2026/0001',
  part: 'Rozdział 2. Cele',
  passage: null,
  currentWording: 'Cel 1. Kolej regionalna.',
  proposedWording: 'Cel 1. Kolej i tramwaj.',
  justification: 'Tramwaj dojeżdża do Polic.',
  submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' },
  channel: 'online_form',
  withdrawn: false,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
  assignee: null,
  disposition: null,
  dispositionJustification: null,
  dispositionBy: null,
  approved: false,
  applied: null,
  notes: [],
  ...extra,
});

const rows: TriageRow[] = [
  row({}),
  row({
    id: 'c2',
    number: 'U/2026/0002',
    part: 'Rozdział 3',
    submitter: { kind: 'institution', name: 'Gmina Police', type: 'member_jst' },
    channel: 'post',
    withdrawn: true,
    assignee: { id: 'u3', displayName: 'Ewa Ekspert' },
    disposition: 'accepted',
    dispositionJustification: 'Słusznie.',
    dispositionBy: { id: 'u3', displayName: 'Ewa Ekspert' },
    approved: true,
    notes: [{ id: 'n1', body: 'Zadzwonić do gminy.', author: 'Anna Koordynator', createdAt: '2026-12-03T09:00:00.000Z' }],
  }),
];

const round = {
  id: 'r1',
  workspaceId: 'w1',
  title: 'Konsultacje strategii',
  state: 'open',
  channels: ['online_form', 'email', 'post'],
  commentCount: 2,
  meetings: [],
} as unknown as Round;

const staff: Person[] = [
  ...people,
  { ...people[0]!, membershipId: 'ms3', userId: 'u3', displayName: 'Ewa Ekspert', role: 'expert' },
  { ...people[0]!, membershipId: 'ms4', userId: 'u4', displayName: 'Olga Obserwator', role: 'observer' },
];

function openTriage(options: { role?: Role; userId?: string; path?: string; triage?: (path: string) => TriageRow[]; language?: 'pl' | 'en' } = {}) {
  return renderPage(<TriagePage />, {
    route: '/w/:workspaceId/rounds/:roundId/comments',
    path: options.path ?? '/w/w1/rounds/r1/comments',
    role: options.role ?? 'coordinator',
    userId: options.userId,
    language: options.language,
    routes: {
      'GET /rounds/r1': round,
      'GET /workspaces/w1/people': staff,
      'GET /rounds/r1/triage': (call: { path: string }) => (options.triage ?? (() => rows))(call.path),
      'POST /rounds/r1/comments/entered': { id: 'c3', number: 'U/2026/0003', roundTitle: 'Konsultacje strategii', submittedAt: '2026-12-05T10:00:00.000Z' },
    },
  });
}

const triageCalls = (calls: { method: string; path: string }[]) => calls.filter((c) => c.method === 'GET' && c.path.startsWith('/rounds/r1/triage')).map((c) => c.path);

describe('triage filters in the query string', () => {
  it('reads only what the API accepts and writes only what is set', () => {
    const filters = filtersFromSearch(new URLSearchParams('disposition=none&submitterType=robot&sort=part&q=%20tramwaj%20&assigneeId=u3'));
    expect(filters).toEqual({ ...NO_FILTERS, disposition: 'none', sort: 'part', q: 'tramwaj', assigneeId: 'u3' });
    expect(searchOfFilters(filters)).toBe('?disposition=none&assigneeId=u3&q=tramwaj&sort=part');
    expect(searchOfFilters(NO_FILTERS)).toBe('');
  });
});

describe('TriagePage', () => {
  it('lists the comments in a table with a caption, without e-mail addresses, marking withdrawn ones in words', async () => {
    openTriage();
    const table = await screen.findByRole('table', { name: 'Uwagi zgłoszone w konsultacjach, według: numer' });
    // Six columns share the page's width (the disposition in view at 1280 px): the texts of a comment share one.
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Nr', 'Część dokumentu', 'Zgłaszający', 'Treść uwagi', 'Przypisana do', 'Rozstrzygnięcie']);
    expect(table.closest('[role="region"]')?.getAttribute('tabindex')).toBe('0');
    expect(within(table).getByRole('columnheader', { name: 'Nr' }).getAttribute('aria-sort')).toBe('ascending');
    const [first, second] = within(table).getAllByRole('row').slice(1).map((r) => plain(r.textContent));
    expect(first).toBe(
      'U/2026/0001Rozdział 2. CeleJan Kowalskiosoba fizyczna · mieszkaniecformularz onlineDotychczasowy zapis: Cel 1. Kolej regionalna.Proponowany zapis: Cel 1. Kolej i tramwaj.Uzasadnienie: Tramwaj dojeżdża do Polic.nieprzypisanabez rozstrzygnięcia',
    );
    expect(second).toContain('U/2026/0002wycofana');
    expect(second).toContain('Gmina Policeinstytucja · członek stowarzyszenia (JST)');
    expect(second).toContain('Ewa Ekspert');
    expect(second).toContain('uwzględnionazatwierdzone');
    expect(table.textContent).not.toContain('@');
    expect(screen.getByText('Pokazane uwagi: 2')).toBeTruthy();
  });

  it('asks the API with the filters of the address, and puts new filters in the address', async () => {
    const user = userEvent.setup();
    const page = openTriage({ path: '/w/w1/rounds/r1/comments?disposition=none', triage: (path) => (path.includes('q=') ? [rows[0]!] : rows) });
    await screen.findByRole('table');
    expect(triageCalls(page.calls)).toEqual(['/rounds/r1/triage?disposition=none']);
    expect((screen.getByLabelText('Rozstrzygnięcie') as HTMLSelectElement).value).toBe('none');
    await user.type(screen.getByLabelText('Szukaj w treści'), 'tramwaj');
    await user.type(screen.getByLabelText('Część dokumentu zawiera'), 'Rozdział 2');
    await user.selectOptions(screen.getByLabelText('Rodzaj zgłaszającego'), 'resident');
    await screen.findByRole('option', { name: 'Ewa Ekspert (Ekspert)' });
    // Only experts and coordinators are offered.
    expect(within(screen.getByLabelText('Przypisana do')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'ktokolwiek lub nikt',
      'nieprzypisane',
      'Anna Koordynator (Koordynator)',
      'Ewa Ekspert (Ekspert)',
    ]);
    await user.selectOptions(screen.getByLabelText('Przypisana do'), 'u3');
    await user.selectOptions(screen.getByLabelText('Kolejność'), 'submitter');
    // Nothing is asked before the form is sent.
    expect(triageCalls(page.calls)).toHaveLength(1);
    const apply = screen.getByRole('button', { name: 'Pokaż uwagi' });
    await user.click(apply);
    const query = '?part=Rozdzia%C5%82+2&submitterType=resident&disposition=none&assigneeId=u3&q=tramwaj&sort=submitter';
    await waitFor(() => expect(triageCalls(page.calls)).toEqual(['/rounds/r1/triage?disposition=none', `/rounds/r1/triage${query}`]));
    expect(page.location()).toBe(`/w/w1/rounds/r1/comments${query}`);
    expect(await screen.findByText('Pokazane uwagi: 1')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Uwagi zgłoszone w konsultacjach, według: zgłaszający' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Wyczyść filtry' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/rounds/r1/comments'));
    expect(triageCalls(page.calls).at(-1)).toBe('/rounds/r1/triage');
    expect((screen.getByLabelText('Szukaj w treści') as HTMLInputElement).value).toBe('');
  });

  it('opens a comment’s panel with the focus on its heading, and gives the focus back when it closes', async () => {
    const user = userEvent.setup();
    openTriage();
    const open = await screen.findByRole('button', { name: 'Otwórz uwagę U/2026/0001' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await user.click(open);
    const heading = screen.getByRole('heading', { level: 2, name: 'Uwaga U/2026/0001' });
    expect(document.activeElement).toBe(heading);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(open.getAttribute('aria-controls')).toBe('triage-detail');
    await user.click(screen.getByRole('button', { name: 'Zamknij' }));
    expect(screen.queryByRole('heading', { name: 'Uwaga U/2026/0001' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(open));
  });

  it('adds an internal note, labelled as never published, and reloads the table', async () => {
    const user = userEvent.setup();
    const page = openTriage({ role: 'expert', userId: 'u3' });
    await user.click(await screen.findByRole('button', { name: 'Otwórz uwagę U/2026/0002' }));
    const notes = screen.getByRole('region', { name: 'Notatki wewnętrzne' });
    expect(within(notes).getByText('Zadzwonić do gminy.')).toBeTruthy();
    const field = within(notes).getByLabelText('Notatka wewnętrzna — nie jest publikowana');
    expect(field.tagName).toBe('TEXTAREA');
    await user.click(within(notes).getByRole('button', { name: 'Dodaj notatkę' }));
    expect(within(notes).getByText('Wpisz treść notatki.')).toBeTruthy();
    await user.type(field, ' Sprawdzić mapę. ');
    await user.click(within(notes).getByRole('button', { name: 'Dodaj notatkę' }));
    await waitFor(() => expect(page.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/consultation-comments/c2/notes', body: { body: 'Sprawdzić mapę.' } });
    await waitFor(() => expect(triageCalls(page.calls)).toHaveLength(2));
    expect(await screen.findByText('Dodano notatkę do uwagi U/2026/0002.')).toBeTruthy();
  });

  it('keeps exactly one assignment form in the panel after saving the disposition, a note and an assignment', async () => {
    const user = userEvent.setup();
    // The API answers with the comment as it stands after each change.
    const now = (calls: { method: string; path: string; body: unknown }[]): TriageRow =>
      calls.reduce((comment, call) => {
        const body = call.body as Record<string, string>;
        if (call.method === 'PUT' && call.path.endsWith('/disposition')) return { ...comment, disposition: body.disposition as TriageRow['disposition'], dispositionJustification: body.justification ?? null, dispositionBy: { id: 'u1', displayName: 'Anna Koordynator' } };
        if (call.method === 'POST' && call.path.endsWith('/notes')) return { ...comment, notes: [...comment.notes, { id: `n${comment.notes.length + 1}`, body: body.body ?? '', author: 'Anna Koordynator', createdAt: '2026-12-03T09:00:00.000Z' }] };
        if (call.method === 'PUT' && call.path.endsWith('/assignee')) return { ...comment, assignee: body.assigneeId ? { id: body.assigneeId, displayName: 'Ewa Ekspert' } : null };
        return comment;
      }, rows[0]!);
    const page: ReturnType<typeof openTriage> = openTriage({ triage: () => [now(page.calls), rows[1]!] });
    await user.click(await screen.findByRole('button', { name: 'Otwórz uwagę U/2026/0001' }));
    const panel = () => screen.getByRole('region', { name: 'Uwaga U/2026/0001' });
    const assignForms = () => within(panel()).getAllByRole('form', { name: 'Przypisanie' });
    const assigneeSelects = () => within(panel()).getAllByRole('combobox', { name: 'Przypisz do' });
    expect(assignForms()).toHaveLength(1);
    expect(assigneeSelects()).toHaveLength(1);
    let reloads = triageCalls(page.calls).length;

    await user.selectOptions(within(panel()).getByLabelText('Rozstrzygnięcie'), 'accepted');
    await user.type(within(panel()).getByLabelText('Uzasadnienie rozstrzygnięcia'), 'Słusznie.');
    await user.click(within(panel()).getByRole('button', { name: 'Zapisz rozstrzygnięcie' }));
    await waitFor(() => expect(triageCalls(page.calls).length).toBeGreaterThan(reloads));
    await screen.findByText(/Zapisano rozstrzygnięcie uwagi U\/2026\/0001/);
    await within(panel()).findByText('Słusznie.', { selector: 'dd' }); // the reloaded comment is drawn
    expect(assignForms()).toHaveLength(1);
    expect(assigneeSelects()).toHaveLength(1);
    reloads = triageCalls(page.calls).length;

    await user.type(within(panel()).getByLabelText('Notatka wewnętrzna — nie jest publikowana'), 'Sprawdzić mapę.');
    await user.click(within(panel()).getByRole('button', { name: 'Dodaj notatkę' }));
    await waitFor(() => expect(triageCalls(page.calls).length).toBeGreaterThan(reloads));
    await screen.findByText('Dodano notatkę do uwagi U/2026/0001.');
    await within(panel()).findByText('Sprawdzić mapę.'); // the reloaded comment is drawn
    expect(assignForms()).toHaveLength(1);
    expect(assigneeSelects()).toHaveLength(1);
    reloads = triageCalls(page.calls).length;

    await user.selectOptions(assigneeSelects()[0]!, 'u3');
    await user.click(within(panel()).getByRole('button', { name: 'Zapisz przypisanie' }));
    await waitFor(() => expect(triageCalls(page.calls).length).toBeGreaterThan(reloads));
    await screen.findByText('Uwagę U/2026/0001 przypisano: Ewa Ekspert (Ekspert).');
    await within(panel()).findByText('Ewa Ekspert'); // the reloaded comment is drawn
    expect(assignForms()).toHaveLength(1);
    expect(assigneeSelects()).toHaveLength(1);
    expect(screen.getAllByRole('heading', { level: 3, name: 'Przypisanie' })).toHaveLength(1);
  });

  it('lets staff enter a comment received by post', async () => {
    const user = userEvent.setup();
    const page = openTriage();
    const toggle = await screen.findByRole('button', { name: 'Wprowadź uwagę w imieniu zgłaszającego' });
    await user.click(toggle);
    const form = screen.getByRole('form', { name: 'Wprowadź uwagę w imieniu zgłaszającego' });
    // Only the channels of the round other than the online form.
    expect(within(within(form).getByLabelText('Sposób zgłoszenia')).getAllByRole('option').map((o) => o.textContent)).toEqual(['e-mail', 'poczta']);
    expect(document.activeElement).toBe(within(form).getByLabelText('Sposób zgłoszenia'));
    await user.selectOptions(within(form).getByLabelText('Sposób zgłoszenia'), 'post');
    await user.selectOptions(within(form).getByLabelText('Zgłaszający to'), 'institution');
    await user.selectOptions(within(form).getByLabelText('Rodzaj zgłaszającego'), 'partner_organisation');
    await user.type(within(form).getByLabelText('Imię i nazwisko albo nazwa instytucji'), 'Izba Gospodarcza');
    await user.type(within(form).getByLabelText('Część dokumentu'), 'Rozdział 4');
    await user.type(within(form).getByLabelText('Proponowany zapis (nieobowiązkowy)'), 'Dodać port.');
    await user.type(within(form).getByLabelText('Uzasadnienie uwagi'), 'Port jest ważny.');
    await user.click(within(form).getByRole('button', { name: 'Wprowadź uwagę' }));
    expect(await screen.findByText('Wprowadzono uwagę U/2026/0003.')).toBeTruthy();
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/rounds/r1/comments/entered',
      body: {
        channel: 'post',
        submitter: { kind: 'institution', name: 'Izba Gospodarcza', type: 'partner_organisation' },
        part: 'Rozdział 4',
        proposedWording: 'Dodać port.',
        justification: 'Port jest ważny.',
      },
    });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Wprowadź uwagę w imieniu zgłaszającego' })));
  });

  it('lets staff name the meeting an oral comment was made at, and only for an oral comment', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({ 'POST /rounds/r1/comments/entered': { id: 'c4', number: 'U/2026/0004', roundTitle: 'Konsultacje strategii', submittedAt: '2026-12-05T10:00:00.000Z' } });
    const meetings = [
      { id: 'm1', startsAt: '2026-12-03T16:00:00.000Z', place: 'Police, ratusz' },
      { id: 'm2', startsAt: '2026-12-04T16:00:00.000Z', place: 'Gryfino, dom kultury' },
    ];
    const onEntered = vi.fn();
    renderWithApp(<StaffCommentForm roundId="r1" channels={['email', 'oral_protocol']} meetings={meetings} onEntered={onEntered} onCancel={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Wprowadź uwagę w imieniu zgłaszającego' });
    expect(within(form).queryByLabelText('Spotkanie, na którym zgłoszono uwagę (nieobowiązkowe)')).toBeNull();
    await user.selectOptions(within(form).getByLabelText('Sposób zgłoszenia'), 'oral_protocol');
    const meeting = within(form).getByLabelText('Spotkanie, na którym zgłoszono uwagę (nieobowiązkowe)');
    expect(within(meeting).getAllByRole('option').map((o) => plain(o.textContent))).toEqual(['— nie wskazano —', expect.stringMatching(/ · Police, ratusz$/), expect.stringMatching(/ · Gryfino, dom kultury$/)]);
    await user.selectOptions(meeting, 'm2');
    await user.type(within(form).getByLabelText('Imię i nazwisko albo nazwa instytucji'), 'Rada Osiedla');
    await user.type(within(form).getByLabelText('Część dokumentu'), 'Rozdział 2');
    await user.type(within(form).getByLabelText('Uzasadnienie uwagi'), 'Powiedziane na spotkaniu.');
    await user.click(within(form).getByRole('button', { name: 'Wprowadź uwagę' }));
    await waitFor(() => expect(onEntered).toHaveBeenCalledOnce());
    expect(calls[0]?.body).toMatchObject({ channel: 'oral_protocol', meetingId: 'm2', part: 'Rozdział 2' });
    // The next comment from the same meeting keeps the channel and the meeting.
    expect((within(form).getByLabelText('Spotkanie, na którym zgłoszono uwagę (nieobowiązkowe)') as HTMLSelectElement).value).toBe('m2');
  });

  it('is for coordinators and experts only', async () => {
    openTriage({ role: 'observer' });
    expect(await screen.findByText('Uwagi rozpatrują koordynatorzy i eksperci.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reads in English too', async () => {
    openTriage({ language: 'en' });
    expect(await screen.findByRole('table', { name: 'Comments received in the consultation, by number' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Comments: Konsultacje strategii' })).toBeTruthy();
  });
});

describe('TriageDetail', () => {
  const props = { roundId: 'r1', myUserId: 'u3', assignees: [{ value: 'u3', label: 'Ewa Ekspert (Ekspert)' }], onDone: vi.fn(), onClose: vi.fn() };

  it('offers assignment and approval to coordinators only', () => {
    const drafted = row({ disposition: 'rejected', dispositionJustification: 'Poza zakresem.', assignee: { id: 'u3', displayName: 'Ewa Ekspert' } });
    const { unmount } = renderWithApp(<TriageDetail {...props} myUserId="u1" role="coordinator" row={drafted} />);
    expect(screen.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' })).toBeTruthy();
    expect(screen.getByLabelText('Przypisz do')).toBeTruthy();
    unmount();
    renderWithApp(<TriageDetail {...props} role="expert" row={drafted} />);
    expect(screen.queryByRole('button', { name: 'Zatwierdź rozstrzygnięcie' })).toBeNull();
    expect(screen.queryByLabelText('Przypisz do')).toBeNull();
    // The assigned expert drafts the disposition.
    expect(screen.getByLabelText('Uzasadnienie rozstrzygnięcia')).toBeTruthy();
  });

  it('does not offer approval of an approved disposition, nor the disposition form to an expert it is not assigned to', () => {
    renderWithApp(<TriageDetail {...props} myUserId="u1" role="coordinator" row={row({ disposition: 'accepted', dispositionJustification: 'Tak.', approved: true })} />);
    expect(screen.queryByRole('button', { name: 'Zatwierdź rozstrzygnięcie' })).toBeNull();
    expect(screen.getByText('Rozstrzygnięcie jest zatwierdzone; po zmianie koordynator musi zatwierdzić je ponownie.')).toBeTruthy();
    screen.getByText('uwzględniona — zatwierdzone');
  });

  it('hides the disposition form from an expert the comment is not assigned to', () => {
    renderWithApp(<TriageDetail {...props} role="expert" row={row({ assignee: { id: 'u9', displayName: 'Inny Ekspert' } })} />);
    expect(screen.queryByLabelText('Uzasadnienie rozstrzygnięcia')).toBeNull();
    expect(screen.getByLabelText('Notatka wewnętrzna — nie jest publikowana')).toBeTruthy();
  });

  it('requires the justification of a disposition, then sends both', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({});
    const onDone = vi.fn();
    renderWithApp(<TriageDetail {...props} onDone={onDone} role="expert" row={row({ assignee: { id: 'u3', displayName: 'Ewa Ekspert' } })} />);
    await user.selectOptions(screen.getByLabelText('Rozstrzygnięcie'), 'partly_accepted');
    await user.click(screen.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }));
    expect(calls).toEqual([]);
    const justification = screen.getByLabelText('Uzasadnienie rozstrzygnięcia');
    expect(justification.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(justification);
    expect(screen.getByText('Podaj uzasadnienie rozstrzygnięcia.')).toBeTruthy();
    await user.type(justification, 'Tramwaj tak, kolej bez zmian.');
    await user.click(screen.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Zapisano rozstrzygnięcie uwagi U/2026/0001: częściowo uwzględniona. Czeka na zatwierdzenie.'));
    expect(calls).toEqual([
      { method: 'PUT', path: '/consultation-comments/c1/disposition', body: { disposition: 'partly_accepted', justification: 'Tramwaj tak, kolej bez zmian.' } },
    ]);
  });

  it('assigns, unassigns and approves for a coordinator', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({});
    const onDone = vi.fn();
    renderWithApp(
      <TriageDetail {...props} onDone={onDone} myUserId="u1" role="coordinator" row={row({ disposition: 'explanation', dispositionJustification: 'Jest w rozdziale 5.' })} />,
    );
    await user.selectOptions(screen.getByLabelText('Przypisz do'), 'u3');
    await user.click(screen.getByRole('button', { name: 'Zapisz przypisanie' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Uwagę U/2026/0001 przypisano: Ewa Ekspert (Ekspert).'));
    await user.selectOptions(screen.getByLabelText('Przypisz do'), '');
    await user.click(screen.getByRole('button', { name: 'Zapisz przypisanie' }));
    await user.click(screen.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' }));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls).toEqual([
      { method: 'PUT', path: '/consultation-comments/c1/assignee', body: { assigneeId: 'u3' } },
      { method: 'PUT', path: '/consultation-comments/c1/assignee', body: { assigneeId: null } },
      { method: 'POST', path: '/consultation-comments/c1/disposition/approve', body: undefined },
    ]);
  });

  it('shows why a change failed, next to the action', async () => {
    const user = userEvent.setup();
    fakeApi({ 'POST /consultation-comments/c1/disposition/approve': reply(403, { message: 'only coordinators do this' }) });
    renderWithApp(<TriageDetail {...props} myUserId="u1" role="coordinator" row={row({ disposition: 'rejected', dispositionJustification: 'Nie.' })} />);
    await user.click(screen.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' }));
    expect(await screen.findByText('Nie masz uprawnień do tej czynności.')).toBeTruthy();
  });

  it('leaves the place for applying the wording to the draft on accepted and partly accepted comments only', () => {
    const { container, unmount } = renderWithApp(<TriageDetail {...props} role="coordinator" row={row({ disposition: 'accepted', dispositionJustification: 'Tak.' })} />);
    expect(container.querySelector('.triage-detail__apply')).not.toBeNull();
    unmount();
    const rejected = renderWithApp(<TriageDetail {...props} role="coordinator" row={row({ disposition: 'rejected', dispositionJustification: 'Nie.' })} />);
    expect(rejected.container.querySelector('.triage-detail__apply')).toBeNull();
  });
});

describe('TriagePage: bulk actions', () => {
  const pending = [
    row({}),
    row({ id: 'c2', number: 'U/2026/0002', disposition: 'accepted', dispositionJustification: 'Tak.' }),
    row({ id: 'c3', number: 'U/2026/0003', disposition: 'rejected', dispositionJustification: 'Nie.', approved: true }),
    row({ id: 'c4', number: 'U/2026/0004', withdrawn: true }),
  ];
  const bulkCalls = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST' && c.path === '/rounds/r1/triage/bulk').map((c) => c.body);

  function openBulk(answer: unknown = { action: 'assign', changed: [], unchanged: [] }, role: Role = 'coordinator') {
    const page = renderPage(<TriagePage />, {
      route: '/w/:workspaceId/rounds/:roundId/comments',
      path: '/w/w1/rounds/r1/comments',
      role,
      routes: { 'GET /rounds/r1': round, 'GET /workspaces/w1/people': staff, 'GET /rounds/r1/triage': pending, 'POST /rounds/r1/triage/bulk': answer },
    });
    return page;
  }

  it('ticks comments by their number, or all shown but the withdrawn, and assigns them at once', async () => {
    const user = userEvent.setup();
    const page = openBulk();
    const table = await screen.findByRole('table');
    const region = screen.getByRole('region', { name: 'Działania na zaznaczonych uwagach' });
    expect(within(region).getByText('Zaznacz uwagi w tabeli, aby przypisać je wszystkie jednej osobie lub zatwierdzić ich rozstrzygnięcia.')).toBeTruthy();
    // A withdrawn comment takes no bulk action: it has no box.
    expect(within(table).queryByRole('checkbox', { name: 'Zaznacz uwagę U/2026/0004' })).toBeNull();
    const all = within(table).getByRole('checkbox', { name: 'Zaznacz wszystkie pokazane uwagi (3)' }) as HTMLInputElement;
    await user.click(within(table).getByRole('checkbox', { name: 'Zaznacz uwagę U/2026/0002' }));
    expect(all.checked).toBe(false);
    expect(all.indeterminate).toBe(true);
    expect(within(region).getByRole('status').textContent).toBe('Zaznaczone uwagi: 1');
    await user.click(all);
    expect(all.checked).toBe(true);
    expect(within(table).getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked)).toHaveLength(4);
    expect(within(region).getByRole('status').textContent).toBe('Zaznaczone uwagi: 3');

    await within(region).findByRole('option', { name: 'Ewa Ekspert (Ekspert)' });
    await user.selectOptions(within(region).getByLabelText('Przypisz zaznaczone do'), 'u3');
    await user.click(within(region).getByRole('button', { name: 'Przypisz zaznaczone (3)' }));
    expect(await screen.findByText('Przypisano zaznaczone uwagi (3): Ewa Ekspert (Ekspert).')).toBeTruthy();
    expect(bulkCalls(page.calls)).toEqual([{ commentIds: ['c1', 'c2', 'c3'], action: 'assign', assigneeId: 'u3' }]);
    // The ticks are cleared and the table read again.
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('checkbox').some((box) => (box as HTMLInputElement).checked)).toBe(false));
    expect(triageCalls(page.calls).length).toBeGreaterThan(1);

    await user.click(all);
    await user.click(all);
    expect(within(region).getByRole('status').textContent).toBe('Zaznacz uwagi w tabeli, aby przypisać je wszystkie jednej osobie lub zatwierdzić ich rozstrzygnięcia.');
  });

  it('approves only the drafted, unapproved dispositions among the ticked, saying which are left out', async () => {
    const user = userEvent.setup();
    const page = openBulk({ action: 'approve', changed: [{ id: 'c2', number: 'U/2026/0002' }], unchanged: [] });
    const table = await screen.findByRole('table');
    for (const number of ['U/2026/0001', 'U/2026/0002', 'U/2026/0003']) await user.click(within(table).getByRole('checkbox', { name: `Zaznacz uwagę ${number}` }));
    const approve = screen.getByRole('button', { name: 'Zatwierdź rozstrzygnięcia (1)' });
    expect(document.getElementById(approve.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Zatwierdza przygotowane rozstrzygnięcia zaznaczonych uwag: 1. Pominięte: 2 (bez rozstrzygnięcia albo już zatwierdzone).',
    );
    await user.click(approve);
    expect(await screen.findByText('Zatwierdzono rozstrzygnięcia zaznaczonych uwag (1).')).toBeTruthy();
    expect(bulkCalls(page.calls)).toEqual([{ commentIds: ['c2'], action: 'approve' }]);
  });

  it('sends nothing to approve when no ticked comment has a drafted disposition', async () => {
    const user = userEvent.setup();
    const page = openBulk();
    const table = await screen.findByRole('table');
    await user.click(within(table).getByRole('checkbox', { name: 'Zaznacz uwagę U/2026/0001' }));
    const approve = screen.getByRole('button', { name: 'Zatwierdź rozstrzygnięcia (0)' });
    expect(approve.getAttribute('aria-disabled')).toBe('true');
    await user.click(approve);
    expect(bulkCalls(page.calls)).toEqual([]);
  });

  it('says which comments stopped an all-or-nothing change, and reads the table again', async () => {
    const user = userEvent.setup();
    const page = openBulk(
      // The numbers come from the problem's `comments`, not from the English detail.
      reply(409, {
        code: 'triage_bulk_refused',
        detail: 'nothing was changed: 1 of the comments cannot be approved',
        comments: [{ id: 'c2', number: 'U/2026/0002', reason: 'there is no disposition to approve yet' }],
      }),
    );
    const table = await screen.findByRole('table');
    await user.click(within(table).getByRole('checkbox', { name: 'Zaznacz uwagę U/2026/0002' }));
    const before = triageCalls(page.calls).length;
    await user.click(screen.getByRole('button', { name: 'Zatwierdź rozstrzygnięcia (1)' }));
    expect(
      await screen.findByText('Nic nie zmieniono: tych uwag nie można teraz tak zmienić (wycofane albo bez rozstrzygnięcia): U/2026/0002. Tabela została odświeżona.'),
    ).toBeTruthy();
    await waitFor(() => expect(triageCalls(page.calls).length).toBeGreaterThan(before));
    // The ticks stay, to try again.
    expect((within(screen.getByRole('table')).getByRole('checkbox', { name: 'Zaznacz uwagę U/2026/0002' }) as HTMLInputElement).checked).toBe(true);
  });

  it('offers no boxes nor bulk actions to experts, and has no violations axe finds for coordinators', async () => {
    const expertPage = openBulk(undefined, 'expert');
    await screen.findByRole('table');
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Działania na zaznaczonych uwagach' })).toBeNull();
    expertPage.unmount();
    const user = userEvent.setup();
    const { container } = openBulk();
    const table = await screen.findByRole('table');
    await user.click(within(table).getByRole('checkbox', { name: 'Zaznacz uwagę U/2026/0001' }));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
