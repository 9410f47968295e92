import type { DocumentKind } from './documents';

/**
 * Consultation rounds (ustawa o zasadach prowadzenia polityki rozwoju, art. 6): a draft is announced, open for
 * comments at least 35 days from the announcement, closed, and a report on every comment is published within 30 days
 * of the close.
 */
export const ROUND_STATES = ['draft', 'announced', 'open', 'closed', 'report_published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_ACTIONS = ['announce', 'open', 'close', 'publish_report'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

/** Who a round asks: members (their representatives), partner organisations, the public (anyone with the link). */
export const ROUND_AUDIENCES = ['members', 'partners', 'public'] as const;
export type RoundAudience = (typeof ROUND_AUDIENCES)[number];

/** How comments may arrive: the online form, or entered by staff on the submitter's behalf. */
export const ROUND_CHANNELS = ['online_form', 'email', 'post', 'oral_protocol', 'epuap'] as const;
export type RoundChannel = (typeof ROUND_CHANNELS)[number];

/**
 * What is decided on a comment (practice of Polish consultation reports): uwzględniona, częściowo uwzględniona,
 * nieuwzględniona, wyjaśnienie (no change needed). Each carries a justification.
 */
export const DISPOSITIONS = ['accepted', 'partly_accepted', 'rejected', 'explanation'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Who sends a comment: a private person (anonymised in the report) or an institution (named). */
export const SUBMITTER_KINDS = ['person', 'institution'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];

/** What kind of submitter, for the report's statistics. */
export const SUBMITTER_TYPES = ['resident', 'member_jst', 'partner_organisation', 'other'] as const;
export type SubmitterType = (typeof SUBMITTER_TYPES)[number];

/** The statutory minimum from announcement to close, in days (art. 6 ust. 3). */
export const MIN_CONSULTATION_DAYS = 35;
/** The report is due this many days after the close (art. 6 ust. 4). */
export const REPORT_DUE_DAYS = 30;

export const DEFAULT_LEGAL_BASIS =
  'art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju (Dz. U. z 2025 r. poz. 198)';

const DAY_MS = 24 * 60 * 60 * 1000;

const NEXT: Record<RoundAction, { from: RoundState; to: RoundState }> = {
  announce: { from: 'draft', to: 'announced' },
  open: { from: 'announced', to: 'open' },
  close: { from: 'open', to: 'closed' },
  publish_report: { from: 'closed', to: 'report_published' },
};

export type RoundTransition = { ok: true; state: RoundState } | { ok: false; reason: string };

/**
 * The state after an action, or why it is not allowed now: the states go one way, a round opens no earlier than its
 * opening time and closes no earlier than its closing time (nobody can cut a consultation short), and a report is
 * published only after the close.
 */
export function roundTransition(state: RoundState, action: RoundAction, times: { now: Date; opensAt: Date; closesAt: Date }): RoundTransition {
  const step = NEXT[action];
  if (step.from !== state) return { ok: false, reason: `a round that is ${state} cannot be ${pastTense(action)}` };
  if (action === 'open' && times.now.getTime() < times.opensAt.getTime()) return { ok: false, reason: 'the round opens at its opening time, not before' };
  if (action === 'close' && times.now.getTime() < times.closesAt.getTime()) return { ok: false, reason: 'the round cannot close before its closing time' };
  return { ok: true, state: step.to };
}

function pastTense(action: RoundAction): string {
  return { announce: 'announced', open: 'opened', close: 'closed', publish_report: 'given a published report' }[action];
}

/** Whole days from one moment to another (rounded down). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/**
 * Warnings about a round's timetable (warnings, not refusals: the coordinator decides): closing before opening is an
 * error elsewhere; a strategy consulted for less than 35 days from its announcement is below the statutory minimum.
 */
export function timetableWarnings(kind: DocumentKind, announcedAt: Date, closesAt: Date): Array<'shorter_than_statutory_minimum'> {
  return kind === 'strategy' && daysBetween(announcedAt, closesAt) < MIN_CONSULTATION_DAYS ? ['shorter_than_statutory_minimum'] : [];
}

/** The default closing time: 35 days after the opening. */
export function defaultClosesAt(opensAt: Date): Date {
  return new Date(opensAt.getTime() + MIN_CONSULTATION_DAYS * DAY_MS);
}

/** When the report must be published: 30 days after the close. */
export function reportDueAt(closesAt: Date): Date {
  return new Date(closesAt.getTime() + REPORT_DUE_DAYS * DAY_MS);
}

/** Comments are accepted while the round is open and its closing time has not come. */
export function acceptsComments(state: RoundState, now: Date, closesAt: Date): boolean {
  return state === 'open' && now.getTime() < closesAt.getTime();
}

/** Days left until the close (0 once it has passed), counted in whole days started. */
export function daysLeft(now: Date, closesAt: Date): number {
  return Math.max(0, Math.ceil((closesAt.getTime() - now.getTime()) / DAY_MS));
}

/** A comment's identification number within its round's year: "U/2026/0042". */
export function commentNumber(year: number, sequence: number): string {
  return `U/${year}/${String(sequence).padStart(4, '0')}`;
}
