import type { Role } from './roles';

/**
 * What Commonplan tells people, grouped in the categories a person chooses how to receive: at once by e-mail, in a
 * daily or a weekly digest, or not by e-mail at all. The inbox (the notifications page) always lists everything.
 */
export const NOTIFICATION_CATEGORIES = ['mentions', 'documents', 'rounds', 'triage', 'meetings', 'votes', 'signoffs', 'projects'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Every kind of notification and the category it belongs to. */
export const NOTIFICATION_KINDS = {
  // co-drafting
  mention: 'mentions',
  reply: 'mentions',
  document_shared: 'documents',
  version_frozen: 'documents',
  passage_deleted: 'documents',
  // consultations
  round_announced: 'rounds',
  round_opened: 'rounds',
  round_closing: 'rounds',
  round_closed: 'rounds',
  comment_assigned: 'triage',
  disposition_to_approve: 'triage',
  // decisions
  meeting_called: 'meetings',
  meeting_changed: 'meetings',
  meeting_cancelled: 'meetings',
  vote_opened: 'votes',
  vote_closing: 'votes',
  vote_closed: 'votes',
  approval_requested: 'signoffs',
  proxy_given: 'signoffs',
  // joint projects
  project_stage_changed: 'projects',
  monitoring_report_adopted: 'projects',
} as const satisfies Record<string, NotificationCategory>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/**
 * Messages to people who are not users (a consultation's submitters who left an e-mail address): not part of any
 * person's preferences, but each address can still unsubscribe from it.
 */
export const ADDRESS_CATEGORIES = ['reports'] as const;
export type AddressCategory = (typeof ADDRESS_CATEGORIES)[number];

export const DELIVERY_MODES = ['instant', 'daily', 'weekly', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, value);
}

export function isNotificationCategory(value: unknown): value is NotificationCategory {
  return typeof value === 'string' && (NOTIFICATION_CATEGORIES as readonly string[]).includes(value);
}

export function isDeliveryMode(value: unknown): value is DeliveryMode {
  return typeof value === 'string' && (DELIVERY_MODES as readonly string[]).includes(value);
}

export function categoryOf(kind: NotificationKind): NotificationCategory {
  return NOTIFICATION_KINDS[kind];
}

/**
 * How a person receives a category unless they chose otherwise, by their role in the workspace the notification
 * comes from. What asks for action (being mentioned, a comment to decide, a meeting, a vote, a sign-off) comes at
 * once; what only informs comes in the daily digest. Staff follow rounds day by day; the members' representatives and
 * partners, whose rounds they are asked to take part in, hear of them at once.
 */
export function defaultDeliveryMode(role: Role, category: NotificationCategory): DeliveryMode {
  switch (category) {
    case 'mentions':
    case 'triage':
    case 'signoffs':
      return 'instant';
    case 'documents':
      return 'daily';
    case 'rounds':
      return role === 'coordinator' || role === 'expert' ? 'daily' : 'instant';
    case 'meetings':
    case 'votes':
      return role === 'observer' ? 'daily' : 'instant';
    case 'projects':
      // The members and partners taking part hear of their project's steps at once; the office and readers daily.
      return role === 'representative' || role === 'partner' ? 'instant' : 'daily';
  }
}

/**
 * A person's default for a category: the most immediate of their roles' defaults (a representative in one association
 * and an expert in another hears of rounds at once), so that one setting per person and category holds everywhere.
 */
export function defaultDeliveryModeFor(roles: readonly Role[], category: NotificationCategory): DeliveryMode {
  const modes = roles.map((role) => defaultDeliveryMode(role, category));
  return DELIVERY_MODES.find((mode) => modes.includes(mode)) ?? defaultDeliveryMode('observer', category);
}

/** How a person receives a category: as they chose, else the default of their roles. */
export function effectiveDeliveryMode(chosen: DeliveryMode | null | undefined, roles: readonly Role[], category: NotificationCategory): DeliveryMode {
  return chosen ?? defaultDeliveryModeFor(roles, category);
}

/** The hour (Warsaw time) at which digests are sent: daily every day, weekly on Mondays. */
export const DIGEST_HOUR = 7;

const warsawParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

/** The Warsaw calendar date and hour of an instant. */
function inWarsaw(at: Date): { date: string; hour: number; weekday: number } {
  const parts = Object.fromEntries(warsawParts.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday };
}

function minusDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The digest period that is due at `now`, named by its Warsaw date (a daily digest: the day; a weekly one: the
 * Monday of the week), or null before the first digest hour of the period. A digest is sent once per person and
 * period; what arrives after it waits for the next one.
 */
export function dueDigestPeriod(mode: 'daily' | 'weekly', now: Date, hour = DIGEST_HOUR): string | null {
  const local = inWarsaw(now);
  if (mode === 'daily') return local.hour >= hour ? local.date : null;
  if (local.weekday === 0 && local.hour < hour) return null;
  return minusDays(local.date, local.weekday);
}

/**
 * What each kind's message says, as stored with the notification (`params`): the API's e-mails and the web app's
 * inbox both write it from these, each in the reader's language. Times are ISO 8601 instants (shown in Warsaw time);
 * names and titles are as they were when it happened.
 */
export interface NotificationParams {
  mention: { actor: string; document: string; excerpt: string };
  reply: { actor: string; document: string; excerpt: string };
  document_shared: { actor: string; document: string; access: 'edit' | 'comment' | 'read'; until: string | null };
  version_frozen: { actor: string; document: string; version: string; number: number };
  passage_deleted: { document: string; quote: string };
  round_announced: { round: string; opensAt: string; closesAt: string };
  round_opened: { round: string; closesAt: string };
  round_closing: { round: string; closesAt: string };
  round_closed: { round: string; closedAt: string };
  comment_assigned: { actor: string; round: string; number: string };
  disposition_to_approve: { actor: string; round: string; number: string; disposition: string };
  meeting_called: { body: string; meeting: string; startsAt: string; place: string };
  meeting_changed: { body: string; meeting: string; startsAt: string; place: string };
  meeting_cancelled: { body: string; meeting: string; startsAt: string; reason: string };
  vote_opened: { resolution: string; closesAt: string | null };
  vote_closing: { resolution: string; closesAt: string };
  vote_closed: { resolution: string; result: 'adopted' | 'rejected' | 'tie' | 'no_quorum'; for: number; against: number; abstain: number };
  approval_requested: { document: string; version: string; organisation: string };
  proxy_given: { actor: string; meeting: string; organisation: string; startsAt: string };
  /** `stage` a ProjectStage; `takenOn` the step's day (YYYY-MM-DD). */
  project_stage_changed: { actor: string; project: string; stage: string; takenOn: string };
  monitoring_report_adopted: { year: number; edition: number; resolution: string };
}
