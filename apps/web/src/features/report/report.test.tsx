import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderPage, reply } from '../../test/fake-api';
import { plain, renderWithApp } from '../../test/render';
import type { ReportContent, ReportPreview } from './report-api';
import { ReportPage } from './ReportPage';
import { ReportView } from './ReportView';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
/** An element's children's texts, one space between. */
const cells = (element: Element) => [...element.children].map((child) => plain(child.textContent)).join(' ');

const content = (extra: Partial<ReportContent> = {}): ReportContent => ({
  format: 1,
  edition: 1,
  publishedAt: '2026-12-10T10:00:00.000Z',
  organiser: 'Stowarzyszenie SOM',
  round: {
    id: 'r1',
    title: 'Konsultacje Strategii SOM 2030',
    legalBasis: 'art. 6 ustawy o zasadach prowadzenia polityki rozwoju',
    audiences: ['partners', 'public'],
    channels: ['online_form', 'post'],
    announcedAt: '2026-10-01T08:00:00.000Z',
    opensAt: '2026-10-01T08:00:00.000Z',
    closesAt: '2026-11-05T08:00:00.000Z',
    closedAt: '2026-11-05T09:00:00.000Z',
    reportDueAt: '2026-12-05T08:00:00.000Z',
  },
  document: { title: 'Strategia SOM', kind: 'strategy', version: { number: 1, name: 'v1.0', contentHash: 'ab'.repeat(32) } },
  meetings: [{ startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna' }],
  statistics: {
    received: 3,
    withdrawn: 1,
    considered: 2,
    submitters: { persons: 1, institutions: 1 },
    byDisposition: [
      { key: 'accepted', count: 1 },
      { key: 'partly_accepted', count: 0 },
      { key: 'rejected', count: 1 },
      { key: 'explanation', count: 0 },
    ],
    bySubmitterType: [
      { key: 'resident', count: 1 },
      { key: 'member_jst', count: 0 },
      { key: 'partner_organisation', count: 0 },
      { key: 'other', count: 1 },
    ],
    byChannel: [
      { key: 'online_form', count: 2 },
      { key: 'post', count: 0 },
    ],
    byChapter: [
      { key: '1. Diagnoza', count: 1 },
      { key: '2. Cele', count: 1 },
    ],
  },
  mainChanges: [{ number: 'U/2026/0001', chapter: '2. Cele', part: 'Rozdział 2', disposition: 'accepted', proposedWording: 'Kolej do Goleniowa.', dispositionJustification: 'Przyjęto.', appliedWording: 'Kolej metropolitalna do Goleniowa.' }],
  annex: [
    {
      number: 'U/2026/0001',
      chapter: '2. Cele',
      part: 'Rozdział 2',
      currentWording: 'Cel 1.',
      proposedWording: 'Kolej do Goleniowa.',
      justification: 'Dojazdy. Kontakt: […]',
      submitter: { kind: 'person', number: 1, type: 'resident' },
      channel: 'online_form',
      withdrawn: false,
      disposition: 'accepted',
      dispositionJustification: 'Przyjęto.',
    },
    {
      number: 'U/2026/0002',
      chapter: '1. Diagnoza',
      part: '1. Diagnoza',
      currentWording: '',
      proposedWording: 'Smog zimowy.',
      justification: 'Dane WIOŚ.',
      submitter: { kind: 'institution', name: 'Stowarzyszenie Czyste Powietrze', type: 'other' },
      channel: 'online_form',
      withdrawn: false,
      disposition: 'rejected',
      dispositionJustification: 'Jest w rozdziale 3.',
    },
    {
      number: 'U/2026/0003',
      chapter: '1. Diagnoza',
      part: '1. Diagnoza',
      currentWording: '',
      proposedWording: 'Nic.',
      justification: 'Pomyłka.',
      submitter: { kind: 'person', number: 2, type: 'resident' },
      channel: 'online_form',
      withdrawn: true,
      disposition: null,
      dispositionJustification: null,
    },
  ],
  ...extra,
});

describe('ReportView', () => {
  it('shows the statistics as tables next to the charts, persons anonymised, institutions named, and no e-mail', () => {
    const { container } = renderWithApp(<ReportView content={content()} sha256={'cd'.repeat(32)} level={2} />);
    // Each chart's data table is named by the chart's heading and holds every category with its count and share.
    const byDisposition = screen.getByRole('table', { name: 'Uwagi według rozstrzygnięcia' });
    const rows = within(byDisposition).getAllByRole('row').map(cells);
    expect(rows).toEqual(['Kategoria Liczba uwag Udział', 'uwzględniona 1 50%', 'częściowo uwzględniona 0 0%', 'nieuwzględniona 1 50%', 'wyjaśnienie 0 0%']);
    const byChapter = screen.getByRole('table', { name: 'Uwagi według rozdziału dokumentu' });
    expect(within(byChapter).getByRole('rowheader', { name: '2. Cele' })).toBeTruthy();
    // The drawings are hidden from screen readers: the tables say the same.
    expect(container.querySelectorAll('svg[aria-hidden="true"]')).toHaveLength(4);
    expect(container.querySelectorAll('svg rect')).toHaveLength(12);
    expect(screen.getByText('Uwagi wycofane przez zgłaszających są wymienione w załączniku jako wycofane i nie są liczone w statystyce.')).toBeTruthy();

    const annex = screen.getByRole('region', { name: 'Tabela uwag (przewijana w poziomie)' });
    const first = within(annex).getByRole('rowheader', { name: 'U/2026/0001' }).closest('tr') as HTMLElement;
    expect(plain(first.textContent)).toContain('osoba fizyczna nr 1');
    const second = within(annex).getByRole('rowheader', { name: 'U/2026/0002' }).closest('tr') as HTMLElement;
    expect(plain(second.textContent)).toContain('Stowarzyszenie Czyste Powietrze');
    const withdrawn = within(annex).getByRole('rowheader', { name: 'U/2026/0003' }).closest('tr') as HTMLElement;
    expect(plain(withdrawn.textContent)).toContain('wycofana');
    expect(plain(container.textContent)).not.toMatch(EMAIL);
    expect(screen.getByRole('heading', { level: 2, name: '4. Statystyka uwag' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Załącznik: zestawienie uwag wraz z rozstrzygnięciem i jego uzasadnieniem' })).toBeTruthy();
    expect(plain(container.textContent)).toContain('cd'.repeat(32));
    // A main change names the wording that went into the draft.
    expect(plain(screen.getByText('Kolej metropolitalna do Goleniowa.').closest('dl')?.textContent)).toContain('Zapis wprowadzony do projektu dokumentu');
  });

  it('has no accessibility violations that axe finds without a browser (contrast is checked in the browser suite)', async () => {
    const { container } = renderWithApp(<ReportView content={content()} sha256={null} level={2} />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('speaks English when the reader does, leaving the data as entered', () => {
    renderWithApp(<ReportView content={content()} sha256={null} level={3} />, { language: 'en' });
    expect(screen.getByRole('table', { name: 'Comments by disposition' })).toBeTruthy();
    expect(screen.getAllByText('private individual no. 1').length).toBeGreaterThan(0);
    expect(screen.getByText('Dane WIOŚ.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '1. Legal basis' })).toBeTruthy();
  });
});

describe('ReportPage', () => {
  const preview = (extra: Partial<ReportPreview> = {}): ReportPreview => ({
    roundId: 'r1',
    state: 'closed',
    content: content({ publishedAt: null }),
    blockers: { undecided: [], unapproved: [] },
    editions: [],
    changedSinceLatest: null,
    publishable: { ok: true, reason: null },
    ...extra,
  });
  const open = (role: 'coordinator' | 'expert', routes: Record<string, unknown>) =>
    renderPage(<ReportPage />, { route: '/w/:workspaceId/rounds/:roundId/report', path: '/w/w1/rounds/r1/report', role, routes });

  it('lets a coordinator publish after a confirmation and shows the edition and its SHA-256', async () => {
    const user = userEvent.setup();
    let published = false;
    const sha256 = 'ef'.repeat(32);
    const page = open('coordinator', {
      'GET /rounds/r1/report': () =>
        published
          ? preview({ state: 'report_published', editions: [{ edition: 1, sha256, publishedAt: '2026-12-10T10:00:00.000Z' }], changedSinceLatest: false, publishable: { ok: false, reason: 'unchanged' }, content: content({ edition: 2, publishedAt: null }) })
          : preview(),
      'POST /rounds/r1/report/publish': () => {
        published = true;
        return reply(201, { edition: 1, sha256, publishedAt: '2026-12-10T10:00:00.000Z' });
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sprawozdanie z przebiegu i wyników konsultacji' })).toBeTruthy();
    expect(screen.getByText('Projekt sprawozdania (nieopublikowany)')).toBeTruthy();
    const links = within(screen.getByRole('region', { name: 'Pobierz sprawozdanie' })).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['pdf', 'docx', 'csv', 'xlsx'].map((format) => `/api/rounds/r1/report.${format}?lang=pl`));
    await user.click(screen.getByRole('button', { name: 'Opublikuj sprawozdanie' }));
    expect(screen.getByRole('group', { name: /Opublikować sprawozdanie jako wydanie 1\?/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Opublikuj wydanie 1' }));
    expect(await screen.findByText('Opublikowano wydanie 1.')).toBeTruthy();
    expect(cells(screen.getByLabelText('Opublikowane wydanie'))).toBe(`Wydanie 1 Skrót SHA-256 treści sprawozdania ${sha256}`);
    expect(page.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/rounds/r1/report/publish']);
    await waitFor(() => expect(screen.getByText('Nic się nie zmieniło od wydania 1; nowe wydanie wymaga zmiany.')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Opublikuj sprawozdanie' })).toBeNull();
  });

  it('names the comments that hold up publication, and shows experts no publish button', async () => {
    open('expert', {
      'GET /rounds/r1/report': preview({ blockers: { undecided: ['U/2026/0004'], unapproved: ['U/2026/0005', 'U/2026/0006'] }, publishable: { ok: false, reason: 'undecided_comments' } }),
    });
    expect(await screen.findByText('Bez rozstrzygnięcia (1): U/2026/0004')).toBeTruthy();
    expect(screen.getByText('Rozstrzygnięcie niezatwierdzone (2): U/2026/0005, U/2026/0006')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opublikuj sprawozdanie' })).toBeNull();
  });

  it('says why when the report cannot be read', async () => {
    open('expert', { 'GET /rounds/r1/report': reply(403, { message: 'only coordinators and experts see the report before it is published' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sprawozdanie niedostępne' })).toBeTruthy();
  });
});
