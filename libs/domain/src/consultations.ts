import CONSULTATION_LAW_DATA from './consultation-law.json';
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

/**
 * The statute behind consultation rounds, as data (consultation-law.json): the act, the journal reference of its
 * current consolidated text, and the provisions on the announcement (art. 6 ust. 4), the period (ust. 5: at least 35
 * days from the day of the announcement) and the report (ust. 6: within 30 days of the close).
 */
export const CONSULTATION_LAW = CONSULTATION_LAW_DATA;

/** The statutory minimum from the announcement to the close, in days (art. 6 ust. 5). */
export const MIN_CONSULTATION_DAYS: number = CONSULTATION_LAW.period.minimumDays;
/** The report is due this many days after the close (art. 6 ust. 6). */
export const REPORT_DUE_DAYS: number = CONSULTATION_LAW.report.dueDays;

/** "art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju (Dz. U. z 2025 r. poz. 198)" */
export const DEFAULT_LEGAL_BASIS = `${CONSULTATION_LAW.basis.pl} ${CONSULTATION_LAW.act.plGenitive} (${CONSULTATION_LAW.journal.pl})`;

/** Terms run in the calendar of the body that consults: Polish time. */
export const CONSULTATION_TIME_ZONE = 'Europe/Warsaw';

const DAY_MS = 24 * 60 * 60 * 1000;

const NEXT: Record<RoundAction, { from: RoundState; to: RoundState }> = {
  announce: { from: 'draft', to: 'announced' },
  open: { from: 'announced', to: 'open' },
  close: { from: 'open', to: 'closed' },
  publish_report: { from: 'closed', to: 'report_published' },
};

/** Why a step is refused: the round is in another state, or its opening or closing time has not come yet. */
export type RoundTransitionRefusal = 'wrong_state' | 'before_opening_time' | 'before_closing_time';

export type RoundTransition = { ok: true; state: RoundState } | { ok: false; refusal: RoundTransitionRefusal; reason: string };

/**
 * The state after an action, or why it is not allowed now: the states go one way, a round opens no earlier than its
 * opening time and closes no earlier than its closing time (nobody can cut a consultation short), and a report is
 * published only after the close.
 */
export function roundTransition(state: RoundState, action: RoundAction, times: { now: Date; opensAt: Date; closesAt: Date }): RoundTransition {
  const step = NEXT[action];
  if (step.from !== state) return { ok: false, refusal: 'wrong_state', reason: `a round that is ${state} cannot be ${pastTense(action)}` };
  if (action === 'open' && times.now.getTime() < times.opensAt.getTime()) return { ok: false, refusal: 'before_opening_time', reason: 'the round opens at its opening time, not before' };
  if (action === 'close' && times.now.getTime() < times.closesAt.getTime()) return { ok: false, refusal: 'before_closing_time', reason: 'the round cannot close before its closing time' };
  return { ok: true, state: step.to };
}

/** What a coordinator may do to a round itself: change its announcement (terms, audiences, channels, clause) or delete it. */
export type RoundChange = 'edit' | 'delete';

/**
 * Why a round cannot take a change now, or null when it can: its announcement changes until the round opens (once
 * comments are taken, they are taken on the announced terms), and only a draft, never announced publicly, is deleted.
 */
export function roundChangeRefusal(state: RoundState, change: RoundChange): string | null {
  if (change === 'edit') return state === 'draft' || state === 'announced' ? null : `a round that is ${state} cannot be changed: only a draft or announced round can`;
  return state === 'draft' ? null : `a round that is ${state} cannot be deleted: only a draft round can`;
}

function pastTense(action: RoundAction): string {
  return { announce: 'announced', open: 'opened', close: 'closed', publish_report: 'given a published report' }[action];
}

const warsawParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: CONSULTATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Warsaw of a moment, as if it were UTC (to take the offset from). */
export function warsawWallClock(at: Date): number {
  const parts = Object.fromEntries(warsawParts.formatToParts(at).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** The day in Warsaw of a moment: "2026-12-01". */
export function warsawDay(at: Date): string {
  return new Date(warsawWallClock(at)).toISOString().slice(0, 10);
}

/** A time of day in Warsaw on a day ("2027-01-05", 23, 59) as a moment, summer time included. */
export function warsawTime(day: string, hour: number, minute: number): Date {
  const wall = Date.parse(`${day}T00:00:00.000Z`) + (hour * 60 + minute) * 60_000;
  let at = wall;
  // Twice: the offset at the first guess may differ from the offset at the answer near a change of time.
  for (let i = 0; i < 2; i++) at = wall - (warsawWallClock(new Date(at)) - at);
  return new Date(at);
}

/** A day moved by whole days ("2026-12-01", 35 → "2027-01-05"). */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one day to another ("2026-12-01" → "2027-01-05": 35). */
function daysFromDayToDay(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** The last minute of a day, where a term counted in days ends (the form's precision is the minute). */
const endOfDay = (day: string) => warsawTime(day, 23, 59);

/**
 * Where the statutory period of a round starts (art. 6 ust. 5: "od dnia ogłoszenia"): its announcement; before it is
 * announced, the earliest the announcement can still be when the round opens as planned, the later of now and the
 * opening. The round form, the API's default close and its warnings all count from here.
 */
export function periodStart(round: { announcedAt: Date | null; opensAt: Date }, now: Date): Date {
  return round.announcedAt ?? new Date(Math.max(now.getTime(), round.opensAt.getTime()));
}

/**
 * The statutory period of a round in whole days, as the Civil Code counts a term in days (art. 111): the day of the
 * announcement is not counted, and a day counts when comments are taken until its end (23:59 in Warsaw), so a round
 * announced on 1 December and closing at the end of 5 January has 35 days, and one closing at 9:00 on 5 January 34.
 */
export function statutoryPeriod(start: Date, closesAt: Date): { minimumDays: number; days: number; kept: boolean } {
  const closeDay = warsawDay(closesAt);
  const lastWholeDay = closesAt.getTime() >= endOfDay(closeDay).getTime() ? closeDay : shiftDay(closeDay, -1);
  const days = Math.max(0, daysFromDayToDay(warsawDay(start), lastWholeDay));
  return { minimumDays: MIN_CONSULTATION_DAYS, days, kept: days >= MIN_CONSULTATION_DAYS };
}

/**
 * Warnings about a round's timetable (warnings, not refusals: the coordinator decides): closing before opening is an
 * error elsewhere; a strategy consulted for less than the statutory period from its announcement (periodStart) is
 * below the statutory minimum.
 */
export function timetableWarnings(kind: DocumentKind, start: Date, closesAt: Date): Array<'shorter_than_statutory_minimum'> {
  return kind === 'strategy' && !statutoryPeriod(start, closesAt).kept ? ['shorter_than_statutory_minimum'] : [];
}

/** The default closing time: the end of the 35th day after the day the period starts (periodStart), in Warsaw. */
export function defaultClosesAt(start: Date): Date {
  return endOfDay(shiftDay(warsawDay(start), MIN_CONSULTATION_DAYS));
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
