import type { Disposition, DocumentKind, RoundAudience, RoundChannel, SubmitterType } from '@commonplan/domain';
import { DISPOSITIONS, reportDueAt, SUBMITTER_TYPES } from '@commonplan/domain';

/**
 * The consultation report (sprawozdanie z przebiegu i wyników konsultacji) as data: built from the round's rows by a
 * pure function, frozen as JSON when published, and rendered from that JSON into the web page, PDF, DOCX, CSV and
 * XLSX. The data is the same in every language (codes, not words; the comments as entered); the renderers add the
 * fixed labels of `report-labels.ts`.
 *
 * Personal data: institutions are named; a private person is only "osoba fizyczna nr N" (numbered in the order of
 * their first comment in the round). The stored e-mail column is read only to tell one person from another and never
 * leaves this function. In the free text (every wording, justification, part, meeting place) e-mail addresses are
 * replaced by `[…]` wherever they appear; in the text of private persons also phone numbers, PESEL-like numbers and
 * street addresses / postal codes (best effort: patterns, not understanding), and every private person's name is
 * replaced wherever it appears in the report.
 */

/** Bumped when the shape changes, so a renderer can tell old published editions apart. */
export const REPORT_FORMAT = 1;


/** What replaces personal data found in free text. */
export const REDACTED = '[…]';

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
  };
  document: { title: string; kind: DocumentKind };
  version: { number: number; name: string; contentHash: string };
  chapters: ReportChapter[];
  /** Staff's notes on a meeting are internal (the public round page does not show them either): not in the report. */
  meetings: Array<{ startsAt: string; place: string }>;
  comments: ReportCommentRow[];
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
  withdrawn: boolean;
  /** null for a withdrawn comment, and in a preview for one not decided yet. */
  disposition: Disposition | null;
  dispositionJustification: string | null;
}

export interface ReportCount<K extends string = string> {
  key: K;
  count: number;
}

export interface ReportStatistics {
  /** Every comment received, withdrawn ones included. */
  received: number;
  withdrawn: number;
  /** Received less withdrawn: what the counts below add up to. */
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

export interface ReportMainChange {
  number: string;
  chapter: string;
  part: string;
  disposition: 'accepted' | 'partly_accepted';
  proposedWording: string;
  dispositionJustification: string;
  /** The wording put into the draft from this comment, when it was applied there (null: changed otherwise or not yet). */
  appliedWording: string | null;
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
  document: { title: string; kind: DocumentKind; version: { number: number; name: string; contentHash: string } };
  meetings: Array<{ startsAt: string; place: string }>;
  statistics: ReportStatistics;
  mainChanges: ReportMainChange[];
  annex: ReportAnnexEntry[];
}

// ---- personal data in free text ----------------------------------------------------------------------------------

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/gu;
const PHONES = [
  // after a word that says it is a phone number
  /\b(?:tel(?:efon)?|kom(?:órka|órkowy)?|nr tel|phone|mobile)\.?\s*:?\s*(?:\+|00)?[\d(][\d\s()/-]{6,}\d/giu,
  // international Polish numbers
  /(?:\+|\b00)\s?48[\s-]?\(?\d{2,3}\)?(?:[\s-]?\d{2,3}){2,3}\b/gu,
  // 123-456-789, 123456789, (91) 424 12 34 / 91 424-12-34
  /\b\d{3}-\d{3}-\d{3}\b/gu,
  /\b\d{9}\b/gu,
  /(?:\(\d{2}\)|\b\d{2})[\s-]\d{3}[\s-]\d{2}[\s-]\d{2}\b/gu,
  // PESEL
  /\b\d{11}\b/gu,
];
const ADDRESSES = [
  /\b(?:ul|al|os|pl)\.\s*\p{Lu}[\p{L}.\s-]{0,40}?\s\d+\p{L}?(?:\s?\/\s?\d+\p{L}?)?/gu,
  /\b\d{2}-\d{3}(?:\s+\p{Lu}[\p{L}-]+)?/gu,
];

/** E-mail addresses out of any text that goes into a report. */
export function withoutEmails(text: string): string {
  return text.replace(EMAIL, REDACTED);
}

/** A private person's text: e-mail addresses, phone numbers, PESEL-like numbers and street addresses out. */
export function withoutContacts(text: string): string {
  let out = withoutEmails(text);
  for (const pattern of [...PHONES, ...ADDRESSES]) out = out.replace(pattern, REDACTED);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/** Who is the same private person: the same account, else the same e-mail, else the same name. */
function personKey(c: ReportCommentRow): string {
  if (c.userId) return `user:${c.userId}`;
  if (c.email?.trim()) return `email:${c.email.trim().toLowerCase()}`;
  return `name:${c.submitterName.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** The comments that hold up publication: not withdrawn and without a disposition, or with one not approved. */
export function publicationBlockers(comments: readonly ReportCommentRow[]): { undecided: string[]; unapproved: string[] } {
  const live = [...comments].filter((c) => !c.withdrawn).sort((a, b) => compareNumbers(a.number, b.number));
  return {
    undecided: live.filter((c) => !c.disposition).map((c) => c.number),
    unapproved: live.filter((c) => c.disposition && !c.approved).map((c) => c.number),
  };
}

/** The report from the round's rows: statistics, main changes and the anonymised annex. Pure and deterministic. */
export function buildReport(input: ReportInput): ReportContent {
  const chapters = [...input.chapters].sort((a, b) => a.pos - b.pos);

  // Private persons numbered in the order of their first comment in the round.
  const byTime = [...input.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || compareNumbers(a.number, b.number));
  const personNumbers = new Map<string, number>();
  const personNames = new Set<string>();
  for (const c of byTime) {
    if (c.submitterKind !== 'person') continue;
    const key = personKey(c);
    if (!personNumbers.has(key)) personNumbers.set(key, personNumbers.size + 1);
    if (c.submitterName.trim().length >= 3) personNames.add(c.submitterName.trim());
  }
  // Longest first, so "Anna Maria Nowak" goes before "Anna Maria".
  const namePatterns = [...personNames].sort((a, b) => b.length - a.length).map((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'));
  const clean = (text: string, person: boolean) => {
    let out = person ? withoutContacts(text) : withoutEmails(text);
    for (const pattern of namePatterns) out = out.replace(pattern, REDACTED);
    return out;
  };

  const annex: ReportAnnexEntry[] = [...input.comments]
    .sort((a, b) => compareNumbers(a.number, b.number))
    .map((c) => {
      const person = c.submitterKind === 'person';
      // A heading is the consulted version's own text (already public); a part is the submitter's.
      const chapter = (c.passageFrom !== null ? chapterAt(chapters, c.passageFrom) : null) ?? clean(c.part.trim(), person);
      const submitter: ReportSubmitter = person
        ? { kind: 'person', number: personNumbers.get(personKey(c)) as number, type: c.submitterType }
        : { kind: 'institution', name: withoutEmails(c.submitterName), type: c.submitterType };
      return {
        number: c.number,
        chapter,
        part: clean(c.part, person),
        currentWording: clean(c.currentWording, person),
        proposedWording: clean(c.proposedWording, person),
        justification: clean(c.justification, person),
        submitter,
        channel: c.channel,
        withdrawn: c.withdrawn,
        disposition: c.withdrawn ? null : c.disposition,
        dispositionJustification: c.withdrawn || !c.disposition ? null : clean(c.dispositionJustification ?? '', false),
      };
    });

  const considered = annex.filter((entry) => !entry.withdrawn);
  const count = <K extends string>(keys: readonly K[], keyOf: (entry: ReportAnnexEntry) => K): Array<ReportCount<K>> =>
    keys.map((key) => ({ key, count: considered.filter((entry) => keyOf(entry) === key).length }));

  const undecided = considered.filter((entry) => !entry.disposition).length;
  const byDisposition: Array<ReportCount<Disposition | 'undecided'>> = count(DISPOSITIONS, (entry) => entry.disposition as Disposition);
  if (undecided > 0) byDisposition.push({ key: 'undecided', count: undecided });

  const channels = [...input.round.channels];
  for (const entry of considered) if (!channels.includes(entry.channel)) channels.push(entry.channel);

  const chapterOrder: string[] = chapters.map((chapter) => chapter.title);
  for (const entry of considered) if (!chapterOrder.includes(entry.chapter)) chapterOrder.push(entry.chapter);
  const byChapter = [...new Set(chapterOrder)]
    .map((key) => ({ key, count: considered.filter((entry) => entry.chapter === key).length }))
    .filter((row) => row.count > 0);

  const persons = new Set(considered.filter((e) => e.submitter.kind === 'person').map((e) => (e.submitter as { number: number }).number));
  const institutions = new Set(considered.filter((e) => e.submitter.kind === 'institution').map((e) => (e.submitter as { name: string }).name.toLowerCase()));

  const applied = new Map(input.comments.map((c) => [c.number, c.appliedText ?? null]));
  const mainChanges: ReportMainChange[] = considered
    .filter((entry) => entry.disposition === 'accepted' || entry.disposition === 'partly_accepted')
    .map((entry) => ({
      number: entry.number,
      chapter: entry.chapter,
      part: entry.part,
      disposition: entry.disposition as 'accepted' | 'partly_accepted',
      proposedWording: entry.proposedWording,
      dispositionJustification: entry.dispositionJustification ?? '',
      appliedWording: withoutEmails(applied.get(entry.number) ?? '') || null,
    }));

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
      announcedAt: input.round.announcedAt,
      opensAt: input.round.opensAt,
      closesAt: input.round.closesAt,
      closedAt: input.round.closedAt,
      reportDueAt: reportDueAt(new Date(input.round.closesAt)).toISOString(),
    },
    document: { title: input.document.title, kind: input.document.kind, version: { ...input.version } },
    meetings: input.meetings
      .slice()
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((m) => ({ startsAt: m.startsAt, place: clean(m.place, false) })),
    statistics: {
      received: annex.length,
      withdrawn: annex.length - considered.length,
      considered: considered.length,
      submitters: { persons: persons.size, institutions: institutions.size },
      byDisposition,
      bySubmitterType: count(SUBMITTER_TYPES, (entry) => entry.submitter.type),
      byChannel: count(channels, (entry) => entry.channel),
      byChapter,
    },
    mainChanges,
    annex,
  };
}

/**
 * A published edition's content as the public is served it, picked field by field from the frozen JSON: the report is
 * public by design, and this keeps it so if an internal field ever finds its way into the stored content (it would
 * then no longer hash to the edition's SHA-256, which the public-surfaces test checks).
 */
export function toPublicReportContent(c: ReportContent): ReportContent {
  const counts = <K extends string>(rows: Array<ReportCount<K>>): Array<ReportCount<K>> => rows.map((r) => ({ key: r.key, count: r.count }));
  return {
    format: c.format,
    edition: c.edition,
    publishedAt: c.publishedAt,
    organiser: c.organiser,
    round: {
      id: c.round.id,
      title: c.round.title,
      legalBasis: c.round.legalBasis,
      audiences: [...c.round.audiences],
      channels: [...c.round.channels],
      announcedAt: c.round.announcedAt,
      opensAt: c.round.opensAt,
      closesAt: c.round.closesAt,
      closedAt: c.round.closedAt,
      reportDueAt: c.round.reportDueAt,
    },
    document: {
      title: c.document.title,
      kind: c.document.kind,
      version: { number: c.document.version.number, name: c.document.version.name, contentHash: c.document.version.contentHash },
    },
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
    annex: c.annex.map((e) => ({
      number: e.number,
      chapter: e.chapter,
      part: e.part,
      currentWording: e.currentWording,
      proposedWording: e.proposedWording,
      justification: e.justification,
      submitter:
        e.submitter.kind === 'person'
          ? { kind: 'person', number: e.submitter.number, type: e.submitter.type }
          : { kind: 'institution', name: e.submitter.name, type: e.submitter.type },
      channel: e.channel,
      withdrawn: e.withdrawn,
      disposition: e.disposition,
      dispositionJustification: e.dispositionJustification,
    })),
  };
}

/** The content without what changes from edition to edition by itself: to tell whether anything else changed. */
export function substanceOf(content: ReportContent): Omit<ReportContent, 'edition' | 'publishedAt'> {
  const { edition: _edition, publishedAt: _publishedAt, ...rest } = content;
  return rest;
}
