import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderPage, reply } from '../../test/fake-api';
import { plain, renderWithApp } from '../../test/render';
import type { ReportContent, ReportContentV1, ReportPreview } from './report-api';
import { ReportPage } from './ReportPage';
import { ReportView } from './ReportView';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
/** An element's children's texts, one space between. */
const cells = (element: Element) => [...element.children].map((child) => plain(child.textContent)).join(' ');
const BLOCKS = new Set(['DT', 'DD', 'P', 'LI', 'H2', 'H3', 'H4', 'TD', 'TH', 'DIV', 'SECTION', 'FIGCAPTION', 'TR']);
/** An element's text as read: a space between blocks (a term and its description, list items), none inside a line. */
function readText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const inner = [...node.childNodes].map(readText).join('');
  return BLOCKS.has((node as Element).tagName) ? ` ${inner} ` : inner;
}
const textOf = (element: Element) => plain(readText(element));

const round = {
  id: 'r1',
  title: 'Konsultacje Strategii SOM 2030',
  legalBasis: 'art. 6 ustawy o zasadach prowadzenia polityki rozwoju',
  audiences: ['partners', 'public'] as ReportContent['round']['audiences'],
  channels: ['online_form', 'post', 'oral_protocol'] as ReportContent['round']['channels'],
  announcedAt: '2026-10-01T08:00:00.000Z',
  opensAt: '2026-10-01T08:00:00.000Z',
  closesAt: '2026-11-05T22:59:00.000Z',
  closedAt: '2026-11-06T09:00:00.000Z',
  reportDueAt: '2026-12-05T22:59:00.000Z',
};
const statistics = {
  considered: 2,
  submitters: { persons: 1, institutions: 1 },
  byDisposition: [
    { key: 'accepted' as const, count: 1 },
    { key: 'partly_accepted' as const, count: 0 },
    { key: 'rejected' as const, count: 1 },
    { key: 'explanation' as const, count: 0 },
  ],
  bySubmitterType: [
    { key: 'resident' as const, count: 1 },
    { key: 'member_jst' as const, count: 0 },
    { key: 'partner_organisation' as const, count: 0 },
    { key: 'other' as const, count: 1 },
  ],
  byChannel: [
    { key: 'online_form' as const, count: 2 },
    { key: 'post' as const, count: 0 },
  ],
  byChapter: [
    { key: '1. Diagnoza', count: 1 },
    { key: '2. Cele', count: 1 },
  ],
};
const annex: ReportContent['annex'] = [
  {
    number: 'U/2026/0001',
    chapter: '2. Cele',
    part: 'Rozdział 2',
    currentWording: 'Cel 1.',
    proposedWording: 'Kolej do Goleniowa.',
    justification: 'Dojazdy. Kontakt: […]',
    submitter: { kind: 'person', number: 1, type: 'resident' },
    channel: 'online_form',
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
    channel: 'oral_protocol',
    disposition: 'rejected',
    dispositionJustification: 'Jest w rozdziale 3.',
  },
];

const content = (extra: Partial<ReportContent> = {}): ReportContent => ({
  format: 2,
  edition: 1,
  publishedAt: '2026-12-10T10:00:00.000Z',
  organiser: 'Stowarzyszenie SOM',
  round,
  law: {
    act: { pl: 'ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju', en: 'Act of 6 December 2006 on the principles of development policy' },
    journal: { pl: 'Dz. U. z 2025 r. poz. 198', en: 'Journal of Laws (Dz. U.) of 2025, item 198' },
    period: { pl: 'art. 6 ust. 5', en: 'Article 6(5)' },
    report: { pl: 'art. 6 ust. 6', en: 'Article 6(6)' },
    minimumDays: 35,
    reportDueDays: 30,
  },
  statutoryPeriod: { countedFrom: '2026-10-01T08:00:00.000Z', minimumDays: 35, days: 35, kept: true },
  publication: { announcement: ['https://bip.som.example/ogloszenia/12'], report: ['https://bip.som.example/sprawozdania/3'] },
  adoption: { number: '7/2026', title: 'Uchwała nr 7/2026 Zarządu w sprawie przyjęcia sprawozdania', body: 'Zarząd', adoptedAt: '2026-12-08T11:00:00.000Z' },
  document: { title: 'Strategia SOM', kind: 'strategy', version: { number: 1, name: 'v1.0', contentHash: 'ab'.repeat(32) } },
  meetings: [{ startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna', participants: 48, summary: 'Dyskusja o kolei. Pani […] pytała o rozkład.', comments: ['U/2026/0002'] }],
  statistics,
  mainChanges: [{ chapter: '2. Cele', accepted: 1, partlyAccepted: 0, passages: [{ comments: ['U/2026/0001'], wording: 'Kolej metropolitalna do Goleniowa.', applied: true }] }],
  annex,
  withdrawn: ['U/2026/0003'],
  ...extra,
});

/** An edition published before format 2, as sealed then. */
const contentV1 = (): ReportContentV1 => ({
  format: 1,
  edition: 1,
  publishedAt: '2026-12-10T10:00:00.000Z',
  organiser: 'Stowarzyszenie SOM',
  round,
  document: { title: 'Strategia SOM', kind: 'strategy', version: { number: 1, name: 'v1.0', contentHash: 'ab'.repeat(32) } },
  meetings: [{ startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna' }],
  statistics: { ...statistics, received: 3, withdrawn: 1 },
  mainChanges: [{ number: 'U/2026/0001', chapter: '2. Cele', part: 'Rozdział 2', disposition: 'accepted', proposedWording: 'Kolej do Goleniowa.', dispositionJustification: 'Przyjęto.', appliedWording: 'Kolej metropolitalna do Goleniowa.' }],
  annex: [
    ...annex.map((entry) => ({ ...entry, withdrawn: false })),
    {
      number: 'U/2026/0003',
      chapter: '1. Diagnoza',
      part: '1. Diagnoza',
      currentWording: '',
      proposedWording: 'Nic.',
      justification: 'Pomyłka wycofana.',
      submitter: { kind: 'person', number: 2, type: 'resident' },
      channel: 'online_form',
      withdrawn: true,
      disposition: null,
      dispositionJustification: null,
    },
  ],
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
    expect(screen.getByText('Uwagi wycofane przez zgłaszających nie są liczone w statystyce; ich numery podano osobno.')).toBeTruthy();

    const annexRegion = screen.getByRole('region', { name: 'Tabela uwag (przewijana w poziomie)' });
    const first = within(annexRegion).getByRole('rowheader', { name: 'U/2026/0001' }).closest('tr') as HTMLElement;
    expect(plain(first.textContent)).toContain('osoba fizyczna nr 1');
    const second = within(annexRegion).getByRole('rowheader', { name: 'U/2026/0002' }).closest('tr') as HTMLElement;
    expect(plain(second.textContent)).toContain('Stowarzyszenie Czyste Powietrze');
    // Each row is an anchor a submitter's e-mail links to (/consultations/<round>#uwaga-U-2026-0001).
    expect([first.id, second.id]).toEqual(['uwaga-U-2026-0001', 'uwaga-U-2026-0002']);
    // A withdrawn comment: by its number only, apart from the annex's table.
    expect(within(annexRegion).queryByRole('rowheader', { name: 'U/2026/0003' })).toBeNull();
    expect(plain(container.textContent)).not.toMatch(EMAIL);
    expect(screen.getByRole('heading', { level: 2, name: '4. Statystyka uwag' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Załącznik: zestawienie uwag wraz z rozstrzygnięciem i jego uzasadnieniem' })).toBeTruthy();
    expect(plain(container.textContent)).toContain('cd'.repeat(32));
    // The main changes by chapter: counts, and the wording that went into the draft with its comment.
    const changes = screen.getByRole('heading', { level: 2, name: '5. Najważniejsze zmiany wprowadzone w wyniku konsultacji' }).closest('section') as HTMLElement;
    expect(textOf(changes)).toBe(
      '5. Najważniejsze zmiany wprowadzone w wyniku konsultacji 2. Cele · uwzględnione: 1, częściowo uwzględnione: 0 „Kolej metropolitalna do Goleniowa.” zapis wprowadzony do projektu; uwagi: U/2026/0001',
    );
  });

  it('states the statutory period, where it was published, the approving resolution, the meetings with their oral comments, and the withdrawn comments', () => {
    const { container } = renderWithApp(<ReportView content={content()} sha256={null} level={2} />);
    const text = textOf(container);
    for (const fact of [
      'Termin zgłaszania uwag nie krótszy niż 35 dni od dnia ogłoszenia (art. 6 ust. 5 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju, Dz. U. z 2025 r. poz. 198); uwagi przyjmowano przez 35 dni od dnia ogłoszenia: termin ustawowy został dochowany',
      'Ogłoszenie o konsultacjach opublikowano https://bip.som.example/ogloszenia/12',
      'Sprawozdanie opublikowano https://bip.som.example/sprawozdania/3',
      'Sprawozdanie przyjęto Uchwała nr 7/2026 Zarządu w sprawie przyjęcia sprawozdania z dnia 8 grudnia 2026',
      'Liczba uczestników 48',
      'Przebieg Dyskusja o kolei. Pani […] pytała o rozkład.',
      'Uwagi zgłoszone ustnie na spotkaniu U/2026/0002',
      'Uwagi wycofane przez zgłaszających U/2026/0003',
    ]) {
      expect({ fact, found: text.includes(fact) }).toEqual({ fact, found: true });
    }
    expect(screen.getByRole('link', { name: 'https://bip.som.example/sprawozdania/3' }).getAttribute('href')).toBe('https://bip.som.example/sprawozdania/3');
    expect(screen.getByRole('heading', { level: 2, name: '6. Publikacja i przyjęcie sprawozdania' })).toBeTruthy();
  });

  it('says when the statutory period was not kept, or that the round is not announced yet', () => {
    const { container, unmount } = renderWithApp(<ReportView content={content({ statutoryPeriod: { countedFrom: round.announcedAt, minimumDays: 35, days: 34, kept: false } })} sha256={null} level={2} />);
    expect(textOf(container)).toContain('uwagi przyjmowano przez 34 dni od dnia ogłoszenia: termin ustawowy nie został dochowany');
    unmount();
    const draft = renderWithApp(<ReportView content={content({ round: { ...round, announcedAt: null }, statutoryPeriod: null, adoption: null })} sha256={null} level={2} />, { language: 'en' });
    expect(textOf(draft.container)).toContain('the consultation has not been announced yet');
    expect(textOf(draft.container)).toContain('no resolution has approved the report');
  });

  it('shows an edition published before format 2 in today’s shape: changes by chapter, a withdrawn comment by its number only', () => {
    const { container } = renderWithApp(<ReportView content={contentV1()} sha256={null} level={2} />);
    const text = textOf(container);
    expect(text).toContain('2. Cele · uwzględnione: 1, częściowo uwzględnione: 0');
    expect(text).toContain('Uwagi wycofane przez zgłaszających U/2026/0003');
    expect(text).not.toContain('Pomyłka wycofana.');
    expect(screen.queryByRole('rowheader', { name: 'U/2026/0003' })).toBeNull();
    // It was announced but recorded no period or approval: it says so, and claims neither.
    expect(text).toContain('od dnia ogłoszenia (art. 6 ust. 5');
    expect(text.match(/nie podano w tym wydaniu sprawozdania/g)).toHaveLength(2);
    expect(text).not.toContain('nie zostały jeszcze ogłoszone');
    expect(text).not.toContain('nie zostało przyjęte uchwałą');
  });

  it('has no accessibility violations that axe finds without a browser (contrast is checked in the browser suite)', async () => {
    const { container } = renderWithApp(<ReportView content={content()} sha256={null} level={2} />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('speaks English when the reader does, leaving the data as entered', () => {
    const { container } = renderWithApp(<ReportView content={content()} sha256={null} level={3} />, { language: 'en' });
    expect(screen.getByRole('table', { name: 'Comments by disposition' })).toBeTruthy();
    expect(screen.getAllByText('private individual no. 1').length).toBeGreaterThan(0);
    expect(screen.getByText('Dane WIOŚ.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '1. Legal basis' })).toBeTruthy();
    const text = textOf(container);
    for (const fact of [
      'at least 35 days from the day of the announcement (Article 6(5) of the Act of 6 December 2006 on the principles of development policy, Journal of Laws (Dz. U.) of 2025, item 198)',
      'the statutory period was kept',
      `The report was approved by Uchwała nr 7/2026 Zarządu w sprawie przyjęcia sprawozdania of December 8, 2026`,
      'Participants 48',
      'Comments made orally at the meeting U/2026/0002',
      '2. Cele · accepted: 1, partly accepted: 0 “Kolej metropolitalna do Goleniowa.” wording put into the draft; comments: U/2026/0001',
      'Comments withdrawn by their submitters U/2026/0003',
    ]) {
      expect({ fact, found: text.includes(fact) }).toEqual({ fact, found: true });
    }
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
    expect(await screen.findByText('Projekt sprawozdania (nieopublikowany)')).toBeTruthy();
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
    // The published edition, as its files in every format, next to the draft's.
    const editions = screen.getByRole('region', { name: 'Publikacja' });
    expect(plain(editions.textContent)).toContain(`Wydanie 1 z 10 gru 2026, 11:00 · SHA-256 ${sha256}`);
    expect(within(editions).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['PDF, wydanie 1', '/api/public/rounds/r1/report.pdf?lang=pl&edition=1'],
      ['Word (DOCX), wydanie 1', '/api/public/rounds/r1/report.docx?lang=pl&edition=1'],
      ['Załącznik jako CSV, wydanie 1', '/api/public/rounds/r1/report.csv?lang=pl&edition=1'],
      ['Arkusz kalkulacyjny (XLSX), wydanie 1', '/api/public/rounds/r1/report.xlsx?lang=pl&edition=1'],
    ]);
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
