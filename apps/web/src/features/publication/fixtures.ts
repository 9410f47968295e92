import type { AccessibilityStatement, PublicRecord, PublicSite } from './publication-api';

const HASH = 'ab'.repeat(32);

export const site: PublicSite = {
  association: {
    slug: 'ssom',
    name: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
    shortName: 'SSOM',
    email: 'biuro@som.example',
    phone: '+48 91 111 11 11',
    address: 'Biuro Stowarzyszenia, 70-001 Szczecin',
    accessibilityContact: 'Koordynator ds. dostępności, dostepnosc@som.example',
  },
  documents: [
    {
      position: 3,
      resolutionNumber: '3/2026',
      bodyName: 'Walne Zebranie Członków',
      title: 'Strategia Rozwoju SOM 2030',
      versionNumber: 2,
      versionName: 'Wersja przyjęta',
      contentHash: HASH,
      adoptedAt: '2026-06-15T10:00:00.000Z',
    },
  ],
  consultations: [
    { id: 'r-open', title: 'Konsultacje planu mobilności', documentTitle: 'Plan mobilności', state: 'open', opensAt: '2026-11-01T08:00:00.000Z', closesAt: '2026-12-20T22:59:00.000Z', reportEditions: 0, reportPublishedAt: null },
    { id: 'r-soon', title: 'Konsultacje programu kultury', documentTitle: 'Program kultury', state: 'announced', opensAt: '2027-01-10T08:00:00.000Z', closesAt: '2027-02-20T22:59:00.000Z', reportEditions: 0, reportPublishedAt: null },
    { id: 'r-past', title: 'Konsultacje Strategii SOM 2030', documentTitle: 'Strategia Rozwoju SOM 2030', state: 'report_published', opensAt: '2026-03-01T08:00:00.000Z', closesAt: '2026-04-10T21:59:00.000Z', reportEditions: 2, reportPublishedAt: '2026-05-01T10:00:00.000Z' },
    { id: 'r-closed', title: 'Konsultacje planu wodnego', documentTitle: 'Plan wodny', state: 'closed', opensAt: '2026-09-01T08:00:00.000Z', closesAt: '2026-10-10T21:59:00.000Z', reportEditions: 0, reportPublishedAt: null },
  ],
  register: {
    total: 3,
    latest: [
      {
        position: 3,
        number: '3/2026',
        title: 'Uchwała nr 3/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030',
        body: 'Walne Zebranie Członków',
        adoptedAt: '2026-06-15T10:00:00.000Z',
        result: { for: 12, against: 1, abstain: 2, quorum: true, reason: 'simple majority' },
        versionHash: HASH,
        textHash: 'cd'.repeat(32),
        ballotsDigest: 'ef'.repeat(32),
        verified: true,
      },
    ],
  },
  projects: [
    {
      id: 'p1',
      title: 'Wspólny zakup autobusów',
      scope: 'Zakup 40 autobusów elektrycznych.',
      expectedResults: '',
      stage: 'granted',
      stageOn: '2026-09-30',
      leader: 'Gmina Miasto Szczecin',
      participants: ['Gmina Miasto Szczecin', 'Gmina Police'],
      startsOn: '2027-01-01',
      endsOn: '2028-12-31',
      coFinancingRate: 85,
    },
  ],
  privacy: { clause: 'Administratorem danych osobowych zgłaszających uwagi jest Stowarzyszenie. Dane kontaktowe są usuwane 90 dni po opublikowaniu sprawozdania.', contactRetentionDays: 90 },
};

export const record: PublicRecord = {
  kind: 'report',
  key: 'r-past',
  title: 'Sprawozdanie z konsultacji: Konsultacje Strategii SOM 2030',
  association: site.association.name,
  producer: site.association.name,
  producedAt: '2026-05-01T10:00:00.000Z',
  responsible: 'Anna Koordynator',
  enteredBy: 'Anna Koordynator',
  publishedAt: '2026-05-01T10:00:00.000Z',
  page: '/consultations/r-past',
  history: [
    { at: '2026-05-01T10:00:00.000Z', change: 'edition', by: 'Anna Koordynator', detail: `1 · SHA-256 ${HASH}` },
    { at: '2026-05-20T09:30:00.000Z', change: 'edition', by: 'Jan Biuro', detail: `2 · SHA-256 ${'cd'.repeat(32)}` },
  ],
  files: [
    { name: 'sprawozdanie-wydanie-1.pdf', href: '/api/public/rounds/r-past/report.pdf?edition=1', mediaType: 'application/pdf' },
    { name: 'sprawozdanie-wydanie-2.pdf', href: '/api/public/rounds/r-past/report.pdf?edition=2', mediaType: 'application/pdf' },
  ],
};

export const statement: AccessibilityStatement = {
  association: site.association,
  siteUrl: 'https://commonplan.example/p/ssom',
  publishedOn: '2026-01-11',
  preparedOn: '2026-12-07',
  status: 'compliant',
  audit: {
    checkedAt: '2026-12-07T12:00:00.000Z',
    standard: 'WCAG 2.1 AA',
    tool: 'axe-core 4.11.0',
    checks: 5,
    pages: [
      { path: '/p/ssom', checks: 3, violations: [] },
      { path: '/p/ssom/accessibility', checks: 2, violations: [] },
    ],
  },
};
