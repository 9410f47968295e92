import type { Disposition, DocumentKind, RoundAudience, RoundChannel, SubmitterType } from '@commonplan/domain';
import { CONSULTATION_LAW, DISPOSITIONS, reportDueAt, statutoryPeriod, SUBMITTER_TYPES } from '@commonplan/domain';
import { personalDataMasker, REDACTED, withoutContacts, withoutEmails } from './personal-data';

export { REDACTED, withoutContacts, withoutEmails };

/**
 * The consultation report (sprawozdanie z przebiegu i wyników konsultacji) as data: built from the round's rows by a
 * pure function, frozen as JSON when published, and rendered from that JSON into the web page, PDF, DOCX, CSV and
 * XLSX. The data is the same in every language (codes, not words; the comments as entered); the renderers add the
 * fixed labels of `report-labels.ts`.
 *
 * Personal data: institutions are named; a private person is only "osoba fizyczna nr N" (numbered in the order of
 * their first comment in the round that was not withdrawn). The stored e-mail column is read only to tell one person
 * from another and never leaves this function. Every free text (wordings, justifications, parts, meeting summaries)
 * goes through personal-data.ts: e-mail addresses, phone numbers, PESEL, NIP, account numbers, street addresses, every
 * private submitter's name (also the surname alone, inflected) and any name after "Pan"/"Pani" become `[…]`, in
 * private persons' and institutions' text alike. A withdrawn comment is listed by its number only: none of its text,
 * no count, no person number.
 *
 * Format 2 (this one) added the statutory period, the law it is counted under, the publication addresses, the
 * resolution that approved the report, the meetings' participants, summaries and oral comments, the main changes by
 * chapter, and the withdrawn comments apart; editions published as format 1 are read through `currentReport`.
 */

/** Bumped when the shape changes, so a renderer can tell old published editions apart. */
export const REPORT_FORMAT = 2;

/** The longest changed passage quoted in the main changes (the annex has every comment in full). */
export const PASSAGE_LIMIT = 400;

// ---- input: the rows -------------------------------------------------------------------------------------------

export interface ReportCommentRow {
  number: string;
  part: string;
  passageFrom: number | null;
  passageTo: number | null;
  currentWording: string;
  proposedWording: string;
  justification: string;
  submitterKind: 'person' | 'institution';
  submitterName: string;
  submitterType: SubmitterType;
  /** Only to tell one private person from another; never output. */
  email: string | null;
  userId: string | null;
  channel: RoundChannel;
  withdrawn: boolean;
  createdAt: string;
  disposition: Disposition | null;
  dispositionJustification: string | null;
  approved: boolean;
  /** The wording as staff put it into the live draft (proposed wording → draft), when they did. */
  appliedText?: string | null;
  /** The consultation meeting an oral comment was made at. */
  meetingId?: string | null;
}

/** A top-level heading of the consulted version and its ProseMirror position. */
export interface ReportChapter {
  pos: number;
  title: string;
}

export interface ReportInput {
  workspaceName: string;
  round: {
    id: string;
    title: string;
    legalBasis: string;
    audiences: RoundAudience[];
    channels: RoundChannel[];
    opensAt: string;
    closesAt: string;
    announcedAt: string | null;
    openedAt: string | null;
    closedAt: string | null;
    /** Where the announcement was published (the body's website, BIP). */
    announcementUrls: string[];
    /** Where the report is published. */
    reportUrls: string[];
  };
  document: { title: string; kind: DocumentKind };
  version: { number: number; name: string; contentHash: string };
  chapters: ReportChapter[];
  /** Staff's notes on a meeting are internal (the public round page does not show them either): not in the report. */
  meetings: Array<{ id: string; startsAt: string; place: string; participants: number | null; summary: string }>;
  comments: ReportCommentRow[];
  /** The resolution that approved the report, when one is named on the round and adopted. */
  adoption: ReportAdoption | null;
  /** The edition this would be (the next one for a preview). */
  edition: number;
  /** ISO time of publication, or null for a preview. */
  publishedAt: string | null;
}

// ---- output: the report --------------------------------------------------------------------------------------------

export type ReportSubmitter = { kind: 'person'; number: number; type: SubmitterType } | { kind: 'institution'; name: string; type: SubmitterType };

export interface ReportAnnexEntry {
  number: string;
  /** The top-level heading containing the passage, or the comment's own "part" when it has no passage. */
  chapter: string;
  part: string;
  currentWording: string;
  proposedWording: string;
  justification: string;
  submitter: ReportSubmitter;
  channel: RoundChannel;
  /** null in a preview for a comment not decided yet. */
  disposition: Disposition | null;
  dispositionJustification: string | null;
}

export interface ReportCount<K extends string = string> {
  key: K;
  count: number;
}

export interface ReportStatistics {
  /** The comments considered: every one received and not withdrawn. What the counts below add up to. */
  considered: number;
  /** Distinct submitters of the considered comments. */
  submitters: { persons: number; institutions: number };
  /** Every disposition, zeros included; 'undecided' only in a preview with comments still undecided. */
  byDisposition: Array<ReportCount<Disposition | 'undecided'>>;
  bySubmitterType: Array<ReportCount<SubmitterType>>;
  byChannel: Array<ReportCount<RoundChannel>>;
  /** Chapters in the document's order, then parts named by comments without a passage in order of appearance. */
  byChapter: Array<ReportCount>;
}

/** The changes of one chapter: how many comments were accepted in whole or in part, and the passages changed. */
export interface ReportChapterChanges {
  chapter: string;
  accepted: number;
  partlyAccepted: number;
  /**
   * Each changed passage once, with the comments behind it: the wording applied to the draft where it was, else the
   * wording proposed (at most PASSAGE_LIMIT characters; the annex has it in full). Comments without a wording are
   * counted, not quoted.
   */
  passages: Array<{ comments: string[]; wording: string; applied: boolean }>;
}

/** The resolution that approved the report: its number, full title, body and date of adoption. */
export interface ReportAdoption {
  number: string;
  title: string;
  body: string;
  adoptedAt: string;
}

/** The statute, as it stood when the report was made (consultation-law.json): both languages, for every rendering. */
export interface ReportLaw {
  /** The act as cited after a provision ("art. 6 ust. 5 ustawy z dnia …"). */
  act: { pl: string; en: string };
  journal: { pl: string; en: string };
  period: { pl: string; en: string };
  report: { pl: string; en: string };
  minimumDays: number;
  reportDueDays: number;
}

export interface ReportMeeting {
  startsAt: string;
  place: string;
  participants: number | null;
  summary: string;
  /** The numbers of the oral comments made at the meeting (not withdrawn). */
  comments: string[];
}

export interface ReportContent {
  format: typeof REPORT_FORMAT;
  edition: number;
  publishedAt: string | null;
  organiser: string;
  round: {
    id: string;
    title: string;
    legalBasis: string;
    audiences: RoundAudience[];
    channels: RoundChannel[];
    announcedAt: string | null;
    opensAt: string;
    closesAt: string;
    closedAt: string | null;
    reportDueAt: string;
  };
  law: ReportLaw;
  /** Days from the day of the announcement to the last whole day of comments, and whether the minimum was kept; null before the announcement. */
  statutoryPeriod: { countedFrom: string; minimumDays: number; days: number; kept: boolean } | null;
  /** Where the announcement and the report were published. */
  publication: { announcement: string[]; report: string[] };
  adoption: ReportAdoption | null;
  document: { title: string; kind: DocumentKind; version: { number: number; name: string; contentHash: string } };
  meetings: ReportMeeting[];
  statistics: ReportStatistics;
  mainChanges: ReportChapterChanges[];
  /** Every comment considered (not withdrawn), anonymised. */
  annex: ReportAnnexEntry[];
  /** The numbers of the comments their submitters withdrew: listed apart, nothing else of them published. */
  withdrawn: string[];
}

// ---- the builder -----------------------------------------------------------------------------------------------

const compareNumbers = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The chapter of a position: the last top-level heading at or before it. */
export function chapterAt(chapters: readonly ReportChapter[], pos: number): string | null {
  let found: string | null = null;
  for (const chapter of chapters) {
    if (chapter.pos <= pos) found = chapter.title;
    else break;
  }
  return found;
}

/** What tells one private person from another: the fields of a comment row that `personKey` reads. */
export type PersonKeyFields = Pick<ReportCommentRow, 'userId' | 'email' | 'submitterName'>;

/** Who is the same private person: the same account, else the same e-mail, else the same name. */
export function personKey(c: PersonKeyFields): string {
  if (c.userId) return `user:${c.userId}`;
  if (c.email?.trim()) return `email:${c.email.trim().toLowerCase()}`;
  return `name:${c.submitterName.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/**
 * The number N of "osoba fizyczna nr N" of each private person of a round (by `personKey`): in the order of their
 * first comment that was not withdrawn. The report and the erasure of contact data after the retention period
 * (personal-data/retention.service.ts, which writes the same pseudonym in place of the name) both number by this.
 */
export function privatePersonNumbers(
  comments: ReadonlyArray<PersonKeyFields & Pick<ReportCommentRow, 'number' | 'createdAt' | 'submitterKind' | 'withdrawn'>>,
): Map<string, number> {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || compareNumbers(a.number, b.number));
  const numbers = new Map<string, number>();
  for (const c of byTime) {
    if (c.submitterKind !== 'person') continue;
    const key = personKey(c);
    if (!c.withdrawn && !numbers.has(key)) numbers.set(key, numbers.size + 1);
  }
  return numbers;
}

/** The comments that hold up publication: not withdrawn and without a disposition, or with one not approved. */
export function publicationBlockers(comments: readonly ReportCommentRow[]): { undecided: string[]; unapproved: string[] } {
  const live = [...comments].filter((c) => !c.withdrawn).sort((a, b) => compareNumbers(a.number, b.number));
  return {
    undecided: live.filter((c) => !c.disposition).map((c) => c.number),
    unapproved: live.filter((c) => c.disposition && !c.approved).map((c) => c.number),
  };
}

/** The statute as the report records it (consultation-law.json). */
export function reportLaw(): ReportLaw {
  const law = CONSULTATION_LAW;
  return {
    act: { pl: law.act.plGenitive, en: law.act.en },
    journal: { pl: law.journal.pl, en: law.journal.en },
    period: { pl: law.period.pl, en: law.period.en },
    report: { pl: law.report.pl, en: law.report.en },
    minimumDays: law.period.minimumDays,
    reportDueDays: law.report.dueDays,
  };
}

const shorten = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`);

/** The report from the round's rows: statistics, main changes and the anonymised annex. Pure and deterministic. */
export function buildReport(input: ReportInput): ReportContent {
  const chapters = [...input.chapters].sort((a, b) => a.pos - b.pos);

  // Private persons numbered in the order of their first comment in the round that was not withdrawn; the names of
  // all of them (withdrawn ones too) are masked wherever they are mentioned.
  const personNumbers = privatePersonNumbers(input.comments);
  const byTime = [...input.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || compareNumbers(a.number, b.number));
  const personNames = new Set<string>(byTime.filter((c) => c.submitterKind === 'person').map((c) => c.submitterName.trim()));
  const mask = personalDataMasker([...personNames]);

  const sorted = [...input.comments].sort((a, b) => compareNumbers(a.number, b.number));
  const live = sorted.filter((c) => !c.withdrawn);
  const annex: ReportAnnexEntry[] = live.map((c) => {
    // A heading is the consulted version's own text (already public); a part is the submitter's.
    const chapter = (c.passageFrom !== null ? chapterAt(chapters, c.passageFrom) : null) ?? mask(c.part.trim());
    const submitter: ReportSubmitter =
      c.submitterKind === 'person'
        ? { kind: 'person', number: personNumbers.get(personKey(c)) as number, type: c.submitterType }
        : { kind: 'institution', name: withoutEmails(c.submitterName), type: c.submitterType };
    return {
      number: c.number,
      chapter,
      part: mask(c.part),
      currentWording: mask(c.currentWording),
      proposedWording: mask(c.proposedWording),
      justification: mask(c.justification),
      submitter,
      channel: c.channel,
      disposition: c.disposition,
      dispositionJustification: c.disposition ? mask(c.dispositionJustification ?? '') : null,
    };
  });

  const count = <K extends string>(keys: readonly K[], keyOf: (entry: ReportAnnexEntry) => K): Array<ReportCount<K>> =>
    keys.map((key) => ({ key, count: annex.filter((entry) => keyOf(entry) === key).length }));

  const undecided = annex.filter((entry) => !entry.disposition).length;
  const byDisposition: Array<ReportCount<Disposition | 'undecided'>> = count(DISPOSITIONS, (entry) => entry.disposition as Disposition);
  if (undecided > 0) byDisposition.push({ key: 'undecided', count: undecided });

  const channels = [...input.round.channels];
  for (const entry of annex) if (!channels.includes(entry.channel)) channels.push(entry.channel);

  const chapterOrder = [...new Set([...chapters.map((chapter) => chapter.title), ...annex.map((entry) => entry.chapter)])];
  const byChapter = chapterOrder.map((key) => ({ key, count: annex.filter((entry) => entry.chapter === key).length })).filter((row) => row.count > 0);

  const persons = new Set(annex.flatMap((e) => (e.submitter.kind === 'person' ? [e.submitter.number] : [])));
  const institutions = new Set(annex.flatMap((e) => (e.submitter.kind === 'institution' ? [e.submitter.name.toLowerCase()] : [])));

  // Main changes by chapter: counts, and each changed passage once with the comments behind it.
  const applied = new Map(input.comments.map((c) => [c.number, c.appliedText ?? null]));
  const mainChanges: ReportChapterChanges[] = [];
  for (const chapter of chapterOrder) {
    const changed = annex.filter((entry) => entry.chapter === chapter && (entry.disposition === 'accepted' || entry.disposition === 'partly_accepted'));
    if (changed.length === 0) continue;
    const passages: ReportChapterChanges['passages'] = [];
    for (const entry of changed) {
      const appliedText = applied.get(entry.number);
      const wording = shorten((appliedText ? mask(appliedText) : entry.proposedWording).trim().replace(/\s+/g, ' '), PASSAGE_LIMIT);
      if (!wording) continue;
      const same = passages.find((p) => p.wording === wording && p.applied === Boolean(appliedText));
      if (same) same.comments.push(entry.number);
      else passages.push({ comments: [entry.number], wording, applied: Boolean(appliedText) });
    }
    mainChanges.push({
      chapter,
      accepted: changed.filter((entry) => entry.disposition === 'accepted').length,
      partlyAccepted: changed.filter((entry) => entry.disposition === 'partly_accepted').length,
      passages,
    });
  }

  const announcedAt = input.round.announcedAt;
  const period = announcedAt ? statutoryPeriod(new Date(announcedAt), new Date(input.round.closesAt)) : null;

  return {
    format: REPORT_FORMAT,
    edition: input.edition,
    publishedAt: input.publishedAt,
    organiser: input.workspaceName,
    round: {
      id: input.round.id,
      title: input.round.title,
      legalBasis: input.round.legalBasis,
      audiences: [...input.round.audiences],
      channels: [...input.round.channels],
      announcedAt,
      opensAt: input.round.opensAt,
      closesAt: input.round.closesAt,
      closedAt: input.round.closedAt,
      reportDueAt: reportDueAt(new Date(input.round.closesAt)).toISOString(),
    },
    law: reportLaw(),
    statutoryPeriod: announcedAt && period ? { countedFrom: announcedAt, minimumDays: period.minimumDays, days: period.days, kept: period.kept } : null,
    publication: { announcement: [...input.round.announcementUrls], report: [...input.round.reportUrls] },
    adoption: input.adoption ? { ...input.adoption } : null,
    document: { title: input.document.title, kind: input.document.kind, version: { ...input.version } },
    meetings: input.meetings
      .slice()
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))
      .map((m) => ({
        startsAt: m.startsAt,
        place: mask(m.place, { contacts: false }),
        participants: m.participants,
        summary: mask(m.summary),
        comments: live.filter((c) => c.meetingId === m.id).map((c) => c.number),
      })),
    statistics: {
      considered: annex.length,
      submitters: { persons: persons.size, institutions: institutions.size },
      byDisposition,
      bySubmitterType: count(SUBMITTER_TYPES, (entry) => entry.submitter.type),
      byChannel: count(channels, (entry) => entry.channel),
      byChapter,
    },
    mainChanges,
    annex,
    withdrawn: sorted.filter((c) => c.withdrawn).map((c) => c.number),
  };
}

// ---- editions of format 1 ---------------------------------------------------------------------------------------

/** An edition published before format 2: one main change per comment, withdrawn comments in the annex, fewer facts. */
export interface ReportContentV1 {
  format: 1;
  edition: number;
  publishedAt: string | null;
  organiser: string;
  round: ReportContent['round'];
  document: ReportContent['document'];
  meetings: Array<{ startsAt: string; place: string }>;
  statistics: Omit<ReportStatistics, 'considered'> & { received: number; withdrawn: number; considered: number };
  mainChanges: Array<{
    number: string;
    chapter: string;
    part: string;
    disposition: 'accepted' | 'partly_accepted';
    proposedWording: string;
    dispositionJustification: string;
    appliedWording: string | null;
  }>;
  annex: Array<ReportAnnexEntry & { withdrawn: boolean }>;
}

/** What an edition's frozen JSON may be: the current format or an earlier one. */
export type StoredReportContent = ReportContent | ReportContentV1;

/**
 * Any stored edition in the current shape, for the renderers: a format-1 edition is drawn with today's layout (its
 * main changes grouped by chapter, its withdrawn comments by number only) from the facts it holds, and says nothing
 * of what it did not record (the statutory period, publication, adoption, meetings' summaries).
 */
export function currentReport(content: StoredReportContent): ReportContent {
  if (content.format !== 1) return content;
  const mainChanges: ReportChapterChanges[] = [];
  for (const change of content.mainChanges) {
    let chapter = mainChanges.find((c) => c.chapter === change.chapter);
    if (!chapter) mainChanges.push((chapter = { chapter: change.chapter, accepted: 0, partlyAccepted: 0, passages: [] }));
    if (change.disposition === 'accepted') chapter.accepted++;
    else chapter.partlyAccepted++;
    const wording = shorten((change.appliedWording ?? change.proposedWording).trim().replace(/\s+/g, ' '), PASSAGE_LIMIT);
    if (!wording) continue;
    const same = chapter.passages.find((p) => p.wording === wording && p.applied === Boolean(change.appliedWording));
    if (same) same.comments.push(change.number);
    else chapter.passages.push({ comments: [change.number], wording, applied: Boolean(change.appliedWording) });
  }
  const { received: _received, withdrawn: _withdrawn, ...statistics } = content.statistics;
  return {
    format: REPORT_FORMAT,
    edition: content.edition,
    publishedAt: content.publishedAt,
    organiser: content.organiser,
    round: content.round,
    law: reportLaw(),
    statutoryPeriod: null,
    publication: { announcement: [], report: [] },
    adoption: null,
    document: content.document,
    meetings: content.meetings.map((m) => ({ startsAt: m.startsAt, place: m.place, participants: null, summary: '', comments: [] })),
    statistics,
    mainChanges,
    annex: content.annex.filter((e) => !e.withdrawn).map(({ withdrawn: _w, ...entry }) => entry),
    withdrawn: content.annex.filter((e) => e.withdrawn).map((e) => e.number),
  };
}

/**
 * A published edition's content as the public is served it, picked field by field from the frozen JSON: the report is
 * public by design, and this keeps it so if an internal field ever finds its way into the stored content (it would
 * then no longer hash to the edition's SHA-256, which the public-surfaces test checks). An edition of format 1 keeps
 * its own shape (it is what was sealed).
 */
export function toPublicReportContent<C extends StoredReportContent>(c: C): C {
  return (c.format === 1 ? publicV1(c) : publicV2(c as ReportContent)) as C;
}

const counts = <K extends string>(rows: Array<ReportCount<K>>): Array<ReportCount<K>> => rows.map((r) => ({ key: r.key, count: r.count }));
const pickRound = (round: ReportContent['round']): ReportContent['round'] => ({
  id: round.id,
  title: round.title,
  legalBasis: round.legalBasis,
  audiences: [...round.audiences],
  channels: [...round.channels],
  announcedAt: round.announcedAt,
  opensAt: round.opensAt,
  closesAt: round.closesAt,
  closedAt: round.closedAt,
  reportDueAt: round.reportDueAt,
});
const pickDocument = (d: ReportContent['document']): ReportContent['document'] => ({
  title: d.title,
  kind: d.kind,
  version: { number: d.version.number, name: d.version.name, contentHash: d.version.contentHash },
});
const pickSubmitter = (s: ReportSubmitter): ReportSubmitter =>
  s.kind === 'person' ? { kind: 'person', number: s.number, type: s.type } : { kind: 'institution', name: s.name, type: s.type };
const pickEntry = (e: ReportAnnexEntry): ReportAnnexEntry => ({
  number: e.number,
  chapter: e.chapter,
  part: e.part,
  currentWording: e.currentWording,
  proposedWording: e.proposedWording,
  justification: e.justification,
  submitter: pickSubmitter(e.submitter),
  channel: e.channel,
  disposition: e.disposition,
  dispositionJustification: e.dispositionJustification,
});
const both = (text: { pl: string; en: string }) => ({ pl: text.pl, en: text.en });

function publicV2(c: ReportContent): ReportContent {
  return {
    format: c.format,
    edition: c.edition,
    publishedAt: c.publishedAt,
    organiser: c.organiser,
    round: pickRound(c.round),
    law: { act: both(c.law.act), journal: both(c.law.journal), period: both(c.law.period), report: both(c.law.report), minimumDays: c.law.minimumDays, reportDueDays: c.law.reportDueDays },
    statutoryPeriod: c.statutoryPeriod
      ? { countedFrom: c.statutoryPeriod.countedFrom, minimumDays: c.statutoryPeriod.minimumDays, days: c.statutoryPeriod.days, kept: c.statutoryPeriod.kept }
      : null,
    publication: { announcement: [...c.publication.announcement], report: [...c.publication.report] },
    adoption: c.adoption ? { number: c.adoption.number, title: c.adoption.title, body: c.adoption.body, adoptedAt: c.adoption.adoptedAt } : null,
    document: pickDocument(c.document),
    meetings: c.meetings.map((m) => ({ startsAt: m.startsAt, place: m.place, participants: m.participants, summary: m.summary, comments: [...m.comments] })),
    statistics: {
      considered: c.statistics.considered,
      submitters: { persons: c.statistics.submitters.persons, institutions: c.statistics.submitters.institutions },
      byDisposition: counts(c.statistics.byDisposition),
      bySubmitterType: counts(c.statistics.bySubmitterType),
      byChannel: counts(c.statistics.byChannel),
      byChapter: counts(c.statistics.byChapter),
    },
    mainChanges: c.mainChanges.map((m) => ({
      chapter: m.chapter,
      accepted: m.accepted,
      partlyAccepted: m.partlyAccepted,
      passages: m.passages.map((p) => ({ comments: [...p.comments], wording: p.wording, applied: p.applied })),
    })),
    annex: c.annex.map(pickEntry),
    withdrawn: [...c.withdrawn],
  };
}

function publicV1(c: ReportContentV1): ReportContentV1 {
  return {
    format: 1,
    edition: c.edition,
    publishedAt: c.publishedAt,
    organiser: c.organiser,
    round: pickRound(c.round),
    document: pickDocument(c.document),
    meetings: c.meetings.map((m) => ({ startsAt: m.startsAt, place: m.place })),
    statistics: {
      received: c.statistics.received,
      withdrawn: c.statistics.withdrawn,
      considered: c.statistics.considered,
      submitters: { persons: c.statistics.submitters.persons, institutions: c.statistics.submitters.institutions },
      byDisposition: counts(c.statistics.byDisposition),
      bySubmitterType: counts(c.statistics.bySubmitterType),
      byChannel: counts(c.statistics.byChannel),
      byChapter: counts(c.statistics.byChapter),
    },
    mainChanges: c.mainChanges.map((m) => ({
      number: m.number,
      chapter: m.chapter,
      part: m.part,
      disposition: m.disposition,
      proposedWording: m.proposedWording,
      dispositionJustification: m.dispositionJustification,
      appliedWording: m.appliedWording,
    })),
    annex: c.annex.map((e) => ({ ...pickEntry(e), withdrawn: e.withdrawn })),
  };
}

/** The content without what changes from edition to edition by itself: to tell whether anything else changed. */
export function substanceOf(content: StoredReportContent): Omit<StoredReportContent, 'edition' | 'publishedAt'> {
  const { edition: _edition, publishedAt: _publishedAt, ...rest } = content;
  return rest;
}
