// What a notification says, written in the reader's language from its kind and its params (libs/domain
// NotificationParams: the same facts the API's e-mails are written from), with times in Warsaw time.
import type { TFunction } from 'i18next';
import { isNotificationKind, type NotificationKind, type NotificationParams, PROJECT_STAGES, type ProjectStage } from '@commonplan/domain';
import { formatDateTime, formatDay } from '../../i18n/format';
import type { NotificationItem } from './notifications-api';

/** The params that are instants (ISO 8601), shown as dates and times in Warsaw. */
const TIMES = new Set(['opensAt', 'closesAt', 'closedAt', 'startsAt', 'until']);

type Values = Record<string, string | number>;

const isProjectStage = (value: string): value is ProjectStage => (PROJECT_STAGES as readonly string[]).includes(value);

/**
 * A variant of a kind's sentence (i18next context: `kinds.<kind>_<context>`) when an optional fact is there: a share
 * with an end, a vote with a deadline, a meeting with a place, a cancellation with a reason.
 */
function contextOf(kind: NotificationKind, p: Record<string, unknown>): string | undefined {
  const given = (key: string) => typeof p[key] === 'string' && (p[key] as string).trim() !== '';
  switch (kind) {
    case 'document_shared':
      return given('until') ? 'until' : undefined;
    case 'vote_opened':
      return given('closesAt') ? 'deadline' : undefined;
    case 'meeting_called':
    case 'meeting_changed':
      return given('place') ? 'place' : undefined;
    case 'meeting_cancelled':
      return given('reason') ? 'reason' : undefined;
    case 'comment_assigned':
      // A bulk assignment names several comments: "U/2026/0001, U/2026/0002".
      return given('number') && (p.number as string).includes(',') ? 'many' : undefined;
    default:
      return undefined;
  }
}

/** The values of a kind's sentence: its params, with times formatted and coded words translated. */
function valuesOf(item: NotificationItem, t: TFunction, language: string): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(item.params ?? {})) {
    if (value === null || value === undefined || typeof value === 'boolean') continue;
    values[key] = TIMES.has(key) && typeof value === 'string' ? formatDateTime(value, language) : value;
  }
  // Notifications recorded before params were kept name their actor and document only through the links.
  values.actor ??= item.actor?.displayName ?? t('comments.someone');
  if (values.document === undefined && item.document) values.document = item.document.title;
  if (item.kind === 'document_shared') {
    const access = (item.params as Partial<NotificationParams['document_shared']>).access;
    values.access = t(`notifications.access.${access === 'edit' || access === 'comment' ? access : 'read'}`);
  }
  if (item.kind === 'disposition_to_approve') {
    const disposition = (item.params as Partial<NotificationParams['disposition_to_approve']>).disposition;
    if (disposition === 'accepted' || disposition === 'partly_accepted' || disposition === 'rejected' || disposition === 'explanation') {
      values.disposition = t(`triage.dispositions.${disposition}`);
    }
  }
  if (item.kind === 'project_stage_changed') {
    const { stage, takenOn } = item.params as Partial<NotificationParams['project_stage_changed']>;
    if (typeof stage === 'string' && isProjectStage(stage)) values.stage = t(`projects.stages.${stage}`);
    if (typeof takenOn === 'string') values.takenOn = formatDay(takenOn, language);
  }
  if (item.kind === 'vote_closed') {
    const result = (item.params as Partial<NotificationParams['vote_closed']>).result;
    values.result = t(`notifications.voteResults.${result === 'adopted' || result === 'tie' || result === 'no_quorum' ? result : 'rejected'}`);
  }
  return values;
}

/** The sentence of a notification in the reader's language ("Anna Nowak: wzmianka o Tobie w komentarzu do…"). */
export function notificationText(item: NotificationItem, t: TFunction, language: string): string {
  if (!isNotificationKind(item.kind)) return t('notifications.unknownKind');
  const context = contextOf(item.kind, item.params ?? {});
  return t(`notifications.kinds.${item.kind}`, { ...valuesOf(item, t, language), context });
}

/** The name of a kind, as the heading of its notifications ("Wzmianki"). */
export function kindName(kind: NotificationKind, t: TFunction): string {
  return t(`notifications.kindNames.${kind}`);
}

/** What the link of a notification opens, said on the link: a comment's thread, a document, a round… */
export function openLabel(item: NotificationItem, t: TFunction): string {
  const link = item.link ?? '';
  if (link.includes('#thread-')) return t('notifications.openTarget.comment');
  if (/\/d\/[^/]+\/v\//.test(link)) return t('notifications.openTarget.version');
  if (/\/d\/[^/]+/.test(link)) return t('notifications.openTarget.document');
  if (/\/rounds\/[^/]+\/comments/.test(link)) return t('notifications.openTarget.comments');
  if (/\/rounds\/[^/]+/.test(link)) return t('notifications.openTarget.round');
  if (/\/meetings\/[^/]+/.test(link)) return t('notifications.openTarget.meeting');
  if (/\/resolutions\/[^/]+/.test(link)) return t('notifications.openTarget.resolution');
  return t('notifications.openTarget.page');
}

/** A link of the web app (a path of this site); anything else opens the notifications' own page. */
export function safeLink(link: string | null | undefined, fallback: string): string {
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : fallback;
}
