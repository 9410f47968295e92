import { documentFromJson } from '@commonplan/editor';
import { renderCsv } from './render-csv';
import { buildReport, chapterAt, publicationBlockers, type ReportCommentRow, type ReportContent, type ReportInput, toPublicReportContent, withoutContacts, withoutEmails } from './report-data';
import { chaptersOf } from './report.service';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

let sequence = 0;
function comment(overrides: Partial<ReportCommentRow>): ReportCommentRow {
  sequence++;
  return {
    number: `U/2026/${String(sequence).padStart(4, '0')}`,
    part: 'Rozdział 1',
    passageFrom: null,
    passageTo: null,
    currentWording: '',
    proposedWording: 'Nowy zapis.',
    justification: 'Bo tak.',
    submitterKind: 'institution',
    submitterName: 'Gmina Police',
    submitterType: 'member_jst',
    email: null,
    userId: null,
    channel: 'online_form',
    withdrawn: false,
    createdAt: new Date(Date.UTC(2026, 10, 1, 10, sequence)).toISOString(),
    disposition: 'accepted',
    dispositionJustification: 'Przyjęto.',
    approved: true,
    ...overrides,
  };
}

function input(comments: ReportCommentRow[], chapters = [
  { pos: 0, title: 'Diagnoza' },
  { pos: 40, title: 'Cele strategiczne' },
  { pos: 90, title: 'Wdrażanie' },
]): ReportInput {
  return {
    workspaceName: 'Stowarzyszenie SOM',
    round: {
      id: 'round-1',
      title: 'Konsultacje Strategii 2030',
      legalBasis: 'art. 6 ustawy o zasadach prowadzenia polityki rozwoju',
      audiences: ['partners', 'public'],
      channels: ['online_form', 'post'],
      opensAt: '2026-10-01T08:00:00.000Z',
      closesAt: '2026-11-05T08:00:00.000Z',
      announcedAt: '2026-09-30T08:00:00.000Z',
      openedAt: '2026-10-01T08:00:00.000Z',
      closedAt: '2026-11-05T09:00:00.000Z',
      announcementUrls: ['https://som.example/konsultacje/strategia-2030', 'https://bip.som.example/ogloszenia/12'],
      reportUrls: ['https://bip.som.example/sprawozdania/3'],
    },
    document: { title: 'Strategia', kind: 'strategy' },
    version: { number: 1, name: 'v1.0', contentHash: 'ab'.repeat(32) },
    chapters,
    meetings: [{ id: 'm1', startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna (zapisy: biuro@som.example)', participants: null, summary: '' }],
    comments,
    adoption: null,
    edition: 1,
    publishedAt: null,
  };
}

describe('the consultation report built from the data', () => {
  beforeEach(() => {
    sequence = 0;
  });

  it('counts comments by disposition, submitter type and chapter, leaving withdrawn ones out of every count', () => {
    const comments = [
      comment({ disposition: 'accepted', passageFrom: 45, passageTo: 50, appliedText: 'Zapis w projekcie (pytania: biuro@som.example).' }), // Cele
      comment({ disposition: 'accepted', passageFrom: 10, passageTo: 20, submitterType: 'partner_organisation', submitterName: 'Izba Gospodarcza' }), // Diagnoza
      comment({ disposition: 'partly_accepted', passageFrom: 95, passageTo: 99, submitterKind: 'person', submitterName: 'Anna Nowak', submitterType: 'resident' }), // Wdrażanie
      comment({ disposition: 'rejected', passageFrom: 40, passageTo: 41 }), // exactly at the heading: Cele
      comment({ disposition: 'explanation', part: 'Załącznik 2', submitterType: 'other', submitterName: 'Fundacja' }), // no passage: its part
      comment({ withdrawn: true, disposition: 'rejected', passageFrom: 45, passageTo: 46, submitterKind: 'person', submitterName: 'Jan Kowalski', submitterType: 'resident' }),
    ];
    const report = buildReport(input(comments));
    const stats = report.statistics;
    expect(stats.considered).toBe(5);
    expect(Object.fromEntries(stats.byDisposition.map((r) => [r.key, r.count]))).toEqual({ accepted: 2, partly_accepted: 1, rejected: 1, explanation: 1 });
    expect(Object.fromEntries(stats.bySubmitterType.map((r) => [r.key, r.count]))).toEqual({ resident: 1, member_jst: 2, partner_organisation: 1, other: 1 });
    expect(stats.byChapter).toEqual([
      { key: 'Diagnoza', count: 1 },
      { key: 'Cele strategiczne', count: 2 },
      { key: 'Wdrażanie', count: 1 },
      { key: 'Załącznik 2', count: 1 },
    ]);
    expect(stats.byChannel).toEqual([
      { key: 'online_form', count: 5 },
      { key: 'post', count: 0 },
    ]);
    expect(stats.submitters).toEqual({ persons: 1, institutions: 3 });
    // The withdrawn comment is listed apart by its number only, and not in the annex.
    expect(report.annex.map((e) => e.number)).toEqual(['U/2026/0001', 'U/2026/0002', 'U/2026/0003', 'U/2026/0004', 'U/2026/0005']);
    expect(report.withdrawn).toEqual(['U/2026/0006']);
    // Main changes by chapter: the counts, and the changed passages with their comments.
    expect(report.mainChanges).toEqual([
      { chapter: 'Diagnoza', accepted: 1, partlyAccepted: 0, passages: [{ comments: ['U/2026/0002'], wording: 'Nowy zapis.', applied: false }] },
      { chapter: 'Cele strategiczne', accepted: 1, partlyAccepted: 0, passages: [{ comments: ['U/2026/0001'], wording: 'Zapis w projekcie (pytania: […]).', applied: true }] },
      { chapter: 'Wdrażanie', accepted: 0, partlyAccepted: 1, passages: [{ comments: ['U/2026/0003'], wording: 'Nowy zapis.', applied: false }] },
    ]);
  });

  it('leaves a withdrawn comment out of the numbering of persons, and publishes none of its text', () => {
    const comments = [
      comment({ withdrawn: true, submitterKind: 'person', submitterName: 'Piotr Wiśniewski', submitterType: 'resident', proposedWording: 'Tajny zapis wycofany.', justification: 'Uzasadnienie wycofane.', part: 'Część wycofana' }),
      comment({ submitterKind: 'person', submitterName: 'Ewa Zielińska', submitterType: 'resident', justification: 'Jak pisał Piotr Wiśniewski.' }),
      comment({ withdrawn: true, submitterKind: 'person', submitterName: 'Ewa Zielińska', submitterType: 'resident', justification: 'Druga, wycofana.' }),
    ];
    const report = buildReport(input(comments));
    expect(report.annex.map((e) => [e.number, e.submitter])).toEqual([['U/2026/0002', { kind: 'person', number: 1, type: 'resident' }]]);
    expect(report.withdrawn).toEqual(['U/2026/0001', 'U/2026/0003']);
    expect(report.statistics).toMatchObject({ considered: 1, submitters: { persons: 1, institutions: 0 } });
    const json = JSON.stringify(report);
    for (const text of ['Tajny zapis wycofany', 'Uzasadnienie wycofane', 'Część wycofana', 'Druga, wycofana', 'Wiśniewski']) expect({ text, found: json.includes(text) }).toEqual({ text, found: false });
  });

  it('groups the main changes by chapter: one entry per chapter however many comments, identical wording once', () => {
    const chapters = Array.from({ length: 6 }, (_, i) => ({ pos: i * 100, title: `${i + 1}. Rozdział` }));
    const comments = Array.from({ length: 132 }, (_, i) =>
      comment({
        disposition: i % 11 === 0 ? 'partly_accepted' : 'accepted',
        passageFrom: (i % 6) * 100 + 5,
        passageTo: (i % 6) * 100 + 9,
        proposedWording: i % 2 === 0 ? 'Dodać ścieżki rowerowe.' : `Zapis ${i}.`,
      }),
    );
    const report = buildReport(input(comments, chapters));
    expect(report.mainChanges).toHaveLength(6);
    expect(report.mainChanges.reduce((total, c) => total + c.accepted + c.partlyAccepted, 0)).toBe(132);
    const first = report.mainChanges[0];
    expect(first).toMatchObject({ chapter: '1. Rozdział', accepted: 20, partlyAccepted: 2 });
    // The 11 comments of the chapter that propose the same wording are one passage.
    expect(first.passages[0]).toEqual({ comments: comments.filter((_, i) => i % 6 === 0 && i % 2 === 0).map((c) => c.number), wording: 'Dodać ścieżki rowerowe.', applied: false });
    expect(first.passages).toHaveLength(1);
  });

  it('states the statutory period counted from the announcement, where it was published, and the resolution that approved the report', () => {
    const report = buildReport({
      ...input([comment({})]),
      adoption: { number: '7/2026', title: 'Uchwała nr 7/2026 Zarządu w sprawie przyjęcia sprawozdania z konsultacji', body: 'Zarząd', adoptedAt: '2026-11-20T10:00:00.000Z' },
    });
    // Announced on 30 September, comments until 9:00 on 5 November: 35 whole days (1 October to 4 November).
    expect(report.statutoryPeriod).toEqual({ countedFrom: '2026-09-30T08:00:00.000Z', minimumDays: 35, days: 35, kept: true });
    expect(report.law).toMatchObject({ journal: { pl: 'Dz. U. z 2025 r. poz. 198' }, period: { pl: 'art. 6 ust. 5' }, minimumDays: 35, reportDueDays: 30 });
    expect(report.publication).toEqual({ announcement: ['https://som.example/konsultacje/strategia-2030', 'https://bip.som.example/ogloszenia/12'], report: ['https://bip.som.example/sprawozdania/3'] });
    expect(report.adoption).toEqual({ number: '7/2026', title: 'Uchwała nr 7/2026 Zarządu w sprawie przyjęcia sprawozdania z konsultacji', body: 'Zarząd', adoptedAt: '2026-11-20T10:00:00.000Z' });
    // Announced a day later, the same close is short of the statutory period.
    const late = buildReport({ ...input([]), round: { ...input([]).round, announcedAt: '2026-10-01T08:00:00.000Z' } });
    expect(late.statutoryPeriod).toMatchObject({ days: 34, kept: false });
    // Not announced (a preview): nothing to count from yet.
    expect(buildReport({ ...input([]), round: { ...input([]).round, announcedAt: null } }).statutoryPeriod).toBeNull();
  });

  it('gives each meeting its participants, a summary without personal data, and the numbers of the oral comments made there', () => {
    const comments = [
      comment({ channel: 'oral_protocol', meetingId: 'm1', submitterKind: 'person', submitterName: 'Anna Nowak', submitterType: 'resident' }),
      comment({ channel: 'oral_protocol', meetingId: 'm1' }),
      comment({ channel: 'oral_protocol', meetingId: 'm1', withdrawn: true }),
      comment({ channel: 'oral_protocol', meetingId: null }),
    ];
    const report = buildReport({
      ...input(comments),
      meetings: [
        { id: 'm2', startsAt: '2026-10-20T15:00:00.000Z', place: 'Police, ratusz', participants: 12, summary: '' },
        { id: 'm1', startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna', participants: 48, summary: 'Dyskusja o kolei. Pani Anna Nowak (tel. 604 567 890) pytała o Goleniów.' },
      ],
    });
    expect(report.meetings).toEqual([
      { startsAt: '2026-10-10T15:00:00.000Z', place: 'Szczecin, sala sesyjna', participants: 48, summary: 'Dyskusja o kolei. Pani […] (tel. […]) pytała o Goleniów.', comments: ['U/2026/0001', 'U/2026/0002'] },
      { startsAt: '2026-10-20T15:00:00.000Z', place: 'Police, ratusz', participants: 12, summary: '', comments: [] },
    ]);
  });

  it('names institutions, numbers private persons in the order of their first comment, and never outputs their e-mail or name', () => {
    const comments = [
      comment({ submitterKind: 'person', submitterName: 'Ewa Zielińska', email: 'ewa@example.pl', submitterType: 'resident', createdAt: '2026-11-01T10:05:00.000Z' }),
      comment({ submitterKind: 'person', submitterName: 'Anna Nowak', email: 'anna.nowak@example.pl', submitterType: 'resident', createdAt: '2026-11-01T10:01:00.000Z', justification: 'Proszę o kontakt: anna.nowak@example.pl, tel. 601 234 567. Anna Nowak, ul. Długa 5/3, 70-123 Szczecin' }),
      comment({ submitterKind: 'person', submitterName: 'Anna Nowak', email: 'ANNA.NOWAK@example.pl', submitterType: 'resident', createdAt: '2026-11-01T10:09:00.000Z' }),
      comment({ submitterKind: 'institution', submitterName: 'Stowarzyszenie Czyste Powietrze', submitterType: 'other', dispositionJustification: 'Jak pisze Ewa Zielińska w uwadze, tak.', justification: 'Kontakt: p. Zielińska, 604 567 890 lub +48604567890 lub 0048 604 567 890.' }),
    ];
    const report = buildReport(input(comments));
    const bySubmitter = Object.fromEntries(report.annex.map((e) => [e.number, e.submitter]));
    expect(bySubmitter['U/2026/0002']).toEqual({ kind: 'person', number: 1, type: 'resident' });
    expect(bySubmitter['U/2026/0003']).toEqual({ kind: 'person', number: 1, type: 'resident' }); // the same e-mail, in other letters
    expect(bySubmitter['U/2026/0001']).toEqual({ kind: 'person', number: 2, type: 'resident' });
    expect(bySubmitter['U/2026/0004']).toEqual({ kind: 'institution', name: 'Stowarzyszenie Czyste Powietrze', type: 'other' });
    expect(report.statistics.submitters).toEqual({ persons: 2, institutions: 1 });
    const json = JSON.stringify(report);
    expect(json).not.toMatch(EMAIL);
    for (const secret of ['Anna Nowak', 'Ewa Zielińska', 'Zielińska', '601 234 567', 'Długa 5', '70-123', '604 567 890', '604567890']) expect(json).not.toContain(secret);
    expect(report.annex.find((e) => e.number === 'U/2026/0004')?.justification).toBe('Kontakt: p. […], […] lub […] lub […].');
    expect(report.annex.find((e) => e.number === 'U/2026/0002')?.justification).toBe('Proszę o kontakt: […], tel. […]. […], […], […]');
    expect(report.meetings[0].place).toBe('Szczecin, sala sesyjna (zapisy: […])');
    const csv = renderCsv(report, 'pl').toString('utf8');
    expect(csv).toContain('osoba fizyczna nr 1');
    expect(csv).not.toMatch(EMAIL);
  });

  it('names what holds up publication: undecided and unapproved comments, withdrawn ones never', () => {
    const comments = [
      comment({}),
      comment({ disposition: null, dispositionJustification: null, approved: false }),
      comment({ disposition: 'rejected', approved: false }),
      comment({ withdrawn: true, disposition: null, approved: false }),
    ];
    expect(publicationBlockers(comments)).toEqual({ undecided: ['U/2026/0002'], unapproved: ['U/2026/0003'] });
    const report = buildReport(input(comments));
    expect(report.statistics.byDisposition.find((r) => r.key === 'undecided')).toEqual({ key: 'undecided', count: 1 });
  });

  it('finds the chapter of a passage among the top-level headings of the consulted version', () => {
    const doc = documentFromJson({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Wstęp' }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '1. Diagnoza' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1.1. Ludność' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Liczba mieszkańców spada.' }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '2. Cele' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Cel 1: transport.' }] },
      ],
    });
    const chapters = chaptersOf(doc);
    expect(chapters.map((c) => c.title)).toEqual(['1. Diagnoza', '2. Cele']);
    let population = 0;
    let transport = 0;
    doc.descendants((node, pos) => {
      if (node.isText && node.text?.startsWith('Liczba')) population = pos;
      if (node.isText && node.text?.startsWith('Cel 1')) transport = pos;
    });
    expect(chapterAt(chapters, population)).toBe('1. Diagnoza');
    expect(chapterAt(chapters, transport)).toBe('2. Cele');
    expect(chapterAt(chapters, 1)).toBeNull(); // before the first heading
    // Before any heading, the comment's own part names the chapter.
    sequence = 0;
    const report = buildReport(input([comment({ passageFrom: 1, passageTo: 3, part: 'Wstęp' })], chapters));
    expect(report.annex[0].chapter).toBe('Wstęp');
    // A document whose only level-1 heading is its title has its chapters one level down.
    const titled = documentFromJson({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Strategia' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1. Diagnoza' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '2. Cele' }] },
      ],
    });
    expect(chaptersOf(titled).map((c) => c.title)).toEqual(['1. Diagnoza', '2. Cele']);
  });

  it('takes e-mail addresses, phone numbers and addresses out of any text, and keeps amounts and years', () => {
    expect(withoutEmails('pisz: jan.kowalski+uwagi@poczta.gmina.pl lub biuro@som.example')).toBe('pisz: […] lub […]');
    expect(withoutContacts('tel. +48 601 234 567 albo 601-234-567 albo (91) 424 12 34, PESEL 85010112345')).toBe('tel. […] albo […] albo […], PESEL […]');
    expect(withoutContacts('100 000 000 zł w latach 2021-2027')).toBe('100 000 000 zł w latach 2021-2027');
  });

  it('serves a report to the public exactly as built, and drops what the public shape does not name', () => {
    const report = buildReport({
      ...input([comment({ submitterKind: 'person', submitterName: 'Anna Nowak', appliedText: 'Nowy zapis.', channel: 'oral_protocol', meetingId: 'm1' }), comment({ withdrawn: true })]),
      adoption: { number: '7/2026', title: 'Uchwała nr 7/2026 Zarządu', body: 'Zarząd', adoptedAt: '2026-11-20T10:00:00.000Z' },
    });
    const stored = JSON.parse(JSON.stringify(report)) as ReportContent;
    expect(toPublicReportContent(stored)).toEqual(stored);
    // Something internal that found its way into the stored content stays out of the public answer.
    const leaky = JSON.parse(JSON.stringify(report));
    leaky.meetings[0].notes = 'notatka';
    leaky.meetings[0].id = 'm1';
    leaky.adoption.resolutionId = 'r1';
    leaky.mainChanges[0].passages[0].appliedBy = 'u1';
    leaky.annex[0].email = 'anna@example.pl';
    leaky.annex[0].submitter.userId = 'u1';
    leaky.createdBy = 'u1';
    expect(JSON.stringify(toPublicReportContent(leaky))).toBe(JSON.stringify(stored));
  });

  it('is deterministic: the same rows give the same report', () => {
    const rows = [comment({ submitterKind: 'person', submitterName: 'A B C' }), comment({})];
    expect(JSON.stringify(buildReport(input(rows)))).toBe(JSON.stringify(buildReport(input([...rows].reverse()))));
  });
});
