import { type Disposition, quoted, type RoundAudience, type RoundChannel } from '@commonplan/domain';
import type { SubmitterType } from '@commonplan/domain';
import type { ReportContent, ReportStatistics, ReportSubmitter } from './report-data';

/** The report's fixed words in Polish (the default) and English; the data (comments, decisions) stays as entered. */
export const REPORT_LANGUAGES = ['pl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportLabels {
  title: string;
  edition: (n: number) => string;
  draft: string;
  publishedAt: string;
  sha256: string;
  organiser: string;
  roundTitle: string;
  document: string;
  version: (number: number, name: string) => string;
  versionHash: string;
  sections: {
    legalBasis: string;
    timetable: string;
    meetings: string;
    statistics: string;
    mainChanges: string;
    annex: string;
    personalData: string;
    publication: string;
  };
  timetable: { announcedAt: string; opensAt: string; closesAt: string; closedAt: string; reportDueAt: string; audiences: string; channels: string };
  /** The statutory period: the rule with its provision, the days counted, kept or not. */
  period: {
    label: string;
    rule: (law: ReportContent['law']) => string;
    actual: (days: number) => string;
    kept: string;
    notKept: string;
    notAnnounced: string;
    /** An edition published before the report stated its period (format 1): what it did not record is not made up. */
    notRecorded: string;
  };
  publication: { announcement: string; report: string; adoption: string; adoptionValue: (title: string, date: string) => string; none: string; noAdoption: string };
  meetingFacts: { participants: string; summary: string; comments: string };
  changes: { counts: (accepted: number, partly: number) => string; applied: string; proposed: string; comments: string; quote: (text: string) => string };
  withdrawnComments: { label: string; note: string };
  statistics: {
    considered: string;
    persons: string;
    institutions: string;
    byDisposition: string;
    bySubmitterType: string;
    byChannel: string;
    byChapter: string;
    category: string;
    count: string;
    share: string;
    withdrawnNote: string;
  };
  noMeetings: string;
  noChanges: string;
  noComments: string;
  personalDataNote: string;
  dispositions: Record<Disposition | 'undecided', string>;
  submitterTypes: Record<SubmitterType, string>;
  channels: Record<RoundChannel, string>;
  audiences: Record<RoundAudience, string>;
  person: (n: number) => string;
  columns: {
    number: string;
    chapter: string;
    part: string;
    currentWording: string;
    proposedWording: string;
    appliedWording: string;
    justification: string;
    submitter: string;
    submitterType: string;
    channel: string;
    status: string;
    disposition: string;
    dispositionJustification: string;
  };
  withdrawn: string;
  considered: string;
  sheets: { summary: string; annex: string };
  sheetSections: { facts: string; meeting: (n: number) => string; chapter: string; passage: string };
  page: (n: number, of: number) => string;
  generated: string;
  locale: string;
  fileName: { report: string; edition: string; draft: string };
}

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = {
  pl: {
    title: 'Sprawozdanie z przebiegu i wyników konsultacji',
    edition: (n) => `Wydanie ${n}`,
    draft: 'Projekt sprawozdania (nieopublikowany)',
    publishedAt: 'Data publikacji',
    sha256: 'Skrót SHA-256 treści sprawozdania',
    organiser: 'Prowadzący konsultacje',
    roundTitle: 'Konsultacje',
    document: 'Konsultowany dokument',
    version: (number, name) => `wersja ${number}: ${name}`,
    versionHash: 'Skrót SHA-256 konsultowanej wersji',
    sections: {
      legalBasis: 'Podstawa prawna',
      timetable: 'Harmonogram i formy konsultacji',
      meetings: 'Spotkania konsultacyjne',
      statistics: 'Statystyka uwag',
      mainChanges: 'Najważniejsze zmiany wprowadzone w wyniku konsultacji',
      annex: 'Załącznik: zestawienie uwag wraz z rozstrzygnięciem i jego uzasadnieniem',
      personalData: 'Ochrona danych osobowych',
      publication: 'Publikacja i przyjęcie sprawozdania',
    },
    period: {
      label: 'Termin zgłaszania uwag',
      rule: (law) => `nie krótszy niż ${law.minimumDays} dni od dnia ogłoszenia (${law.period.pl} ${law.act.pl}, ${law.journal.pl})`,
      actual: (days) => `uwagi przyjmowano przez ${days} ${days === 1 ? 'dzień' : 'dni'} od dnia ogłoszenia`,
      kept: 'termin ustawowy został dochowany',
      notKept: 'termin ustawowy nie został dochowany',
      notAnnounced: 'konsultacje nie zostały jeszcze ogłoszone',
      notRecorded: 'nie podano w tym wydaniu sprawozdania',
    },
    publication: {
      announcement: 'Ogłoszenie o konsultacjach opublikowano',
      report: 'Sprawozdanie opublikowano',
      adoption: 'Sprawozdanie przyjęto',
      adoptionValue: (title, date) => `${title} z dnia ${date}`,
      none: 'nie podano',
      noAdoption: 'sprawozdanie nie zostało przyjęte uchwałą',
    },
    meetingFacts: { participants: 'Liczba uczestników', summary: 'Przebieg', comments: 'Uwagi zgłoszone ustnie na spotkaniu' },
    changes: {
      counts: (accepted, partly) => `uwzględnione: ${accepted}, częściowo uwzględnione: ${partly}`,
      applied: 'zapis wprowadzony do projektu',
      proposed: 'zapis proponowany',
      comments: 'uwagi',
      quote: (text) => quoted(text),
    },
    withdrawnComments: {
      label: 'Uwagi wycofane przez zgłaszających',
      note: 'Uwagi wycofane nie są rozpatrywane ani liczone w statystyce; podaje się jedynie ich numery.',
    },
    timetable: {
      announcedAt: 'Ogłoszenie konsultacji',
      opensAt: 'Rozpoczęcie przyjmowania uwag',
      closesAt: 'Termin zgłaszania uwag',
      closedAt: 'Zamknięcie konsultacji',
      reportDueAt: 'Termin publikacji sprawozdania',
      audiences: 'Adresaci konsultacji',
      channels: 'Formy zgłaszania uwag',
    },
    statistics: {
      considered: 'Uwagi rozpatrzone',
      persons: 'Osoby fizyczne zgłaszające uwagi',
      institutions: 'Instytucje zgłaszające uwagi',
      byDisposition: 'Uwagi według rozstrzygnięcia',
      bySubmitterType: 'Uwagi według rodzaju zgłaszającego',
      byChannel: 'Uwagi według formy zgłoszenia',
      byChapter: 'Uwagi według rozdziału dokumentu',
      category: 'Kategoria',
      count: 'Liczba uwag',
      share: 'Udział',
      withdrawnNote: 'Uwagi wycofane przez zgłaszających nie są liczone w statystyce; ich numery podano osobno.',
    },
    noMeetings: 'W trakcie konsultacji nie odbyły się spotkania.',
    noChanges: 'Żadna uwaga nie została uwzględniona w całości ani w części.',
    noComments: 'W trakcie konsultacji nie zgłoszono uwag.',
    personalDataNote:
      'Instytucje podano z nazwy. Osoby fizyczne oznaczono jako „osoba fizyczna nr N” (w kolejności złożenia pierwszej uwagi). ' +
      'Adresy, adresy e-mail i numery telefonów nie są publikowane; wpisane w treść uwag zastąpiono znakiem […].',
    dispositions: {
      accepted: 'uwzględniona',
      partly_accepted: 'częściowo uwzględniona',
      rejected: 'nieuwzględniona',
      explanation: 'wyjaśnienie',
      undecided: 'bez rozstrzygnięcia',
    },
    submitterTypes: { resident: 'mieszkaniec', member_jst: 'członek (jednostka samorządu terytorialnego)', partner_organisation: 'organizacja partnerska', other: 'inny podmiot' },
    channels: { online_form: 'formularz elektroniczny', email: 'poczta elektroniczna', post: 'poczta tradycyjna', oral_protocol: 'ustnie do protokołu', epuap: 'ePUAP' },
    audiences: { members: 'członkowie (jednostki samorządu terytorialnego)', partners: 'partnerzy społeczni i gospodarczy', public: 'mieszkańcy i wszyscy zainteresowani' },
    person: (n) => `osoba fizyczna nr ${n}`,
    columns: {
      number: 'Nr uwagi',
      chapter: 'Rozdział',
      part: 'Część dokumentu',
      currentWording: 'Dotychczasowy zapis',
      proposedWording: 'Proponowany zapis',
      appliedWording: 'Zapis wprowadzony do projektu dokumentu',
      justification: 'Uzasadnienie uwagi',
      submitter: 'Zgłaszający',
      submitterType: 'Rodzaj zgłaszającego',
      channel: 'Forma zgłoszenia',
      status: 'Status',
      disposition: 'Rozstrzygnięcie',
      dispositionJustification: 'Uzasadnienie rozstrzygnięcia',
    },
    withdrawn: 'wycofana',
    considered: 'rozpatrzona',
    sheets: { summary: 'Podsumowanie', annex: 'Załącznik' },
    sheetSections: { facts: 'Informacje o konsultacjach', meeting: (n) => `Spotkanie ${n}`, chapter: 'Rozdział', passage: 'Zmieniony zapis' },
    page: (n, of) => `Strona ${n} z ${of}`,
    generated: 'Wygenerowano w Commonplan',
    locale: 'pl-PL',
    fileName: { report: 'sprawozdanie', edition: 'wydanie', draft: 'projekt' },
  },
  en: {
    title: 'Report on the course and results of the consultation',
    edition: (n) => `Edition ${n}`,
    draft: 'Draft report (not published)',
    publishedAt: 'Published',
    sha256: 'SHA-256 hash of the report content',
    organiser: 'Consulting body',
    roundTitle: 'Consultation',
    document: 'Document consulted',
    version: (number, name) => `version ${number}: ${name}`,
    versionHash: 'SHA-256 hash of the version consulted',
    sections: {
      legalBasis: 'Legal basis',
      timetable: 'Timetable and ways of commenting',
      meetings: 'Consultation meetings',
      statistics: 'Comments in figures',
      mainChanges: 'Main changes made as a result of the consultation',
      annex: 'Annex: every comment with its disposition and justification',
      personalData: 'Personal data',
      publication: 'Publication and approval of the report',
    },
    period: {
      label: 'Period for comments',
      rule: (law) => `at least ${law.minimumDays} days from the day of the announcement (${law.period.en} of the ${law.act.en}, ${law.journal.en})`,
      actual: (days) => `comments were taken for ${days} ${days === 1 ? 'day' : 'days'} from the day of the announcement`,
      kept: 'the statutory period was kept',
      notKept: 'the statutory period was not kept',
      notAnnounced: 'the consultation has not been announced yet',
      notRecorded: 'not stated in this edition of the report',
    },
    publication: {
      announcement: 'The consultation was announced at',
      report: 'The report is published at',
      adoption: 'The report was approved by',
      adoptionValue: (title, date) => `${title} of ${date}`,
      none: 'not given',
      noAdoption: 'no resolution has approved the report',
    },
    meetingFacts: { participants: 'Participants', summary: 'Summary', comments: 'Comments made orally at the meeting' },
    changes: {
      counts: (accepted, partly) => `accepted: ${accepted}, partly accepted: ${partly}`,
      applied: 'wording put into the draft',
      proposed: 'wording proposed',
      comments: 'comments',
      quote: (text) => quoted(text, 'en'),
    },
    withdrawnComments: {
      label: 'Comments withdrawn by their submitters',
      note: 'Withdrawn comments are neither considered nor counted; only their numbers are given.',
    },
    timetable: {
      announcedAt: 'Announced',
      opensAt: 'Comments accepted from',
      closesAt: 'Deadline for comments',
      closedAt: 'Consultation closed',
      reportDueAt: 'Report due',
      audiences: 'Consulted',
      channels: 'Ways of commenting',
    },
    statistics: {
      considered: 'Comments considered',
      persons: 'Private individuals who commented',
      institutions: 'Institutions that commented',
      byDisposition: 'Comments by disposition',
      bySubmitterType: 'Comments by type of submitter',
      byChannel: 'Comments by way of submission',
      byChapter: 'Comments by chapter of the document',
      category: 'Category',
      count: 'Comments',
      share: 'Share',
      withdrawnNote: 'Comments withdrawn by their submitters are not counted in the figures; their numbers are given apart.',
    },
    noMeetings: 'No meetings were held during the consultation.',
    noChanges: 'No comment was accepted in whole or in part.',
    noComments: 'No comments were received.',
    personalDataNote:
      'Institutions are named. Private individuals appear as “private individual no. N” (in the order of their first comment). ' +
      'Addresses, e-mail addresses and phone numbers are not published; where typed into a comment they are replaced by […].',
    dispositions: {
      accepted: 'accepted',
      partly_accepted: 'partly accepted',
      rejected: 'not accepted',
      explanation: 'explanation (no change needed)',
      undecided: 'not decided',
    },
    submitterTypes: { resident: 'resident', member_jst: 'member (local government)', partner_organisation: 'partner organisation', other: 'other' },
    channels: { online_form: 'online form', email: 'e-mail', post: 'post', oral_protocol: 'orally, into the minutes', epuap: 'ePUAP' },
    audiences: { members: 'members (local governments)', partners: 'social and economic partners', public: 'residents and anyone interested' },
    person: (n) => `private individual no. ${n}`,
    columns: {
      number: 'Comment no.',
      chapter: 'Chapter',
      part: 'Part of the document',
      currentWording: 'Current wording',
      proposedWording: 'Proposed wording',
      appliedWording: 'Wording put into the draft document',
      justification: 'Justification',
      submitter: 'Submitted by',
      submitterType: 'Type of submitter',
      channel: 'Way of submission',
      status: 'Status',
      disposition: 'Disposition',
      dispositionJustification: 'Justification of the disposition',
    },
    withdrawn: 'withdrawn',
    considered: 'considered',
    sheets: { summary: 'Summary', annex: 'Annex' },
    sheetSections: { facts: 'The consultation', meeting: (n) => `Meeting ${n}`, chapter: 'Chapter', passage: 'Changed wording' },
    page: (n, of) => `Page ${n} of ${of}`,
    generated: 'Generated by Commonplan',
    locale: 'en-GB',
    fileName: { report: 'report', edition: 'edition', draft: 'draft' },
  },
};

export function reportLabels(language: ReportLanguage): ReportLabels {
  return REPORT_LABELS[language];
}

/** "osoba fizyczna nr 3", or the institution's name. */
export function submitterName(submitter: ReportSubmitter, labels: ReportLabels): string {
  return submitter.kind === 'person' ? labels.person(submitter.number) : submitter.name;
}

/** A date and time in Warsaw's time, as the report prints them. */
export function formatDateTime(iso: string, labels: ReportLabels): string {
  return new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(iso));
}

export function formatDate(iso: string, labels: ReportLabels): string {
  return new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: 'Europe/Warsaw' }).format(new Date(iso));
}

/** A share as a percentage with one decimal (in the language's way of writing it). */
export function formatShare(count: number, total: number, labels: ReportLabels): string {
  const share = total === 0 ? 0 : (count / total) * 100;
  return `${new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(share)}%`;
}

/** The three charts and the channel table: title and rows with their labels. */
export function chartsOf(
  statistics: ReportStatistics,
  labels: ReportLabels,
): Array<{ id: 'disposition' | 'submitterType' | 'chapter' | 'channel'; title: string; rows: Array<{ label: string; count: number }> }> {
  return [
    { id: 'disposition', title: labels.statistics.byDisposition, rows: statistics.byDisposition.map((r) => ({ label: labels.dispositions[r.key], count: r.count })) },
    { id: 'submitterType', title: labels.statistics.bySubmitterType, rows: statistics.bySubmitterType.map((r) => ({ label: labels.submitterTypes[r.key], count: r.count })) },
    { id: 'chapter', title: labels.statistics.byChapter, rows: statistics.byChapter.map((r) => ({ label: r.key, count: r.count })) },
    { id: 'channel', title: labels.statistics.byChannel, rows: statistics.byChannel.map((r) => ({ label: labels.channels[r.key], count: r.count })) },
  ];
}

/** The disposition of an annex entry, in words. */
export function statusOf(entry: { disposition: Disposition | null }, labels: ReportLabels): string {
  return labels.dispositions[entry.disposition ?? 'undecided'];
}

/**
 * An edition published before the report recorded its period and approval (format 1, drawn through currentReport): it
 * was announced, yet states no period. A format-2 report states the period whenever the round was announced.
 */
export function isEarlierFormat(content: ReportContent): boolean {
  return content.round.announcedAt !== null && content.statutoryPeriod === null;
}

/** The statutory period in words: the rule, then the days counted and whether it was kept. */
export function periodText(content: ReportContent, labels: ReportLabels): string {
  const rule = labels.period.rule(content.law);
  const period = content.statutoryPeriod;
  if (!period) return `${rule}; ${isEarlierFormat(content) ? labels.period.notRecorded : labels.period.notAnnounced}`;
  return `${rule}; ${labels.period.actual(period.days)}: ${period.kept ? labels.period.kept : labels.period.notKept}`;
}

/** The resolution that approved the report, in words, or that none did (or that an earlier edition did not say). */
export function adoptionText(content: ReportContent, labels: ReportLabels): string {
  if (content.adoption) return labels.publication.adoptionValue(content.adoption.title, formatDate(content.adoption.adoptedAt, labels));
  return isEarlierFormat(content) ? labels.period.notRecorded : labels.publication.noAdoption;
}

/** A meeting's oral comments and the passages of a chapter's changes, as one line each. */
export function passageText(passage: { comments: string[]; wording: string; applied: boolean }, labels: ReportLabels): string {
  return `${labels.changes.quote(passage.wording)} (${passage.applied ? labels.changes.applied : labels.changes.proposed}; ${labels.changes.comments}: ${passage.comments.join(', ')})`;
}
