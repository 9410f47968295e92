// Audit entries in words: the action, what it concerns, and the chain verifier's reasons. The API words the reasons in
// English without a code, so they are recognised by their wording (the patterns follow apps/api/src/audit/audit-chain.ts).
import type { TFunction } from 'i18next';
import type { AuditEntry, Organisation, Person } from '../../api/types';

export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.session_ended',
  'auth.password_reset',
  'auth.password_reset_requested',
  'workspace.created',
  'workspace.demo_seeded',
  'organisation.created',
  'organisation.updated',
  'membership.role_changed',
  'membership.deactivated',
  'membership.reactivated',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'document.created',
  'document.updated',
  'document.status_changed',
  'document.access_granted',
  'document.access_revoked',
  'document.organisation_access_granted',
  'document.organisation_access_revoked',
  'document.version_frozen',
  'document.version_restored',
  'document.version_approved',
  'document.imported',
  'document.proposal_applied',
  'comment.created',
  'comment.replied',
  'comment.resolved',
  'comment.reopened',
  'consultation.created',
  'consultation.announced',
  'consultation.opened',
  'consultation.closed',
  'consultation.changed',
  'consultation.deleted',
  'consultation.meeting_added',
  'consultation.comment_submitted',
  'consultation.comment_edited',
  'consultation.comment_withdrawn',
  'consultation.comment_assigned',
  'consultation.comment_decided',
  'consultation.comment_approved',
  'body.created',
  'body.updated',
  'resolution.created',
  'resolution.attachment_added',
  'resolution.attachment_removed',
  'resolution.adopted',
  'meeting.created',
  'meeting.opened',
  'meeting.closed',
  'meeting.checked_in',
  'amendment.proposed',
  'amendment.withdrawn',
  'amendment.arranged',
  'amendment.dropped',
  'document.amendment_applied',
  'document.amendment_not_applied',
  'meeting.agenda_item_added',
  'meeting.agenda_item_moved',
  'meeting.agenda_item_removed',
  'meeting.proxy_granted',
  'meeting.changed',
  'meeting.cancelled',
  'meeting.current_item_changed',
  'meeting.speaking_time_changed',
  'meeting.speaker_requested',
  'meeting.speaker_added',
  'meeting.speaker_withdrawn',
  'meeting.speaker_given_floor',
  'meeting.speaker_done',
  'vote.opened',
  'vote.ballot_cast',
  'vote.closed',
  'election.created',
  'election.candidate_nominated',
  'election.candidate_consented',
  'election.candidate_withdrawn',
  'election.round_opened',
  'election.ballot_cast',
  'election.round_closed',
  'election.lot_drawn',
  'election.concluded',
  'election.composition_applied',
  'consultation.report_published',
  'consultation.meeting_changed',
  'consultation.publication_changed',
  'personal_data.settings_changed',
  'personal_data.contact_erased',
  'personal_data.exported',
  'publication.settings_changed',
  'project.created',
  'project.updated',
  'project.stage_changed',
  'project.procurement_set',
  'funding_call.created',
  'funding_call.updated',
  'funding_call.deleted',
  'membership_fees.set',
  'indicator.created',
  'indicator.updated',
  'indicator.value_recorded',
  'monitoring_report.adopted',
] as const;

const KNOWN_TARGETS = ['membership', 'invitation', 'organisation', 'workspace', 'user', 'session', 'document', 'consultation_round', 'decision_body', 'resolution', 'decision_meeting', 'project', 'funding_call', 'indicator', 'monitoring_report'] as const;

export function actionText(action: string, t: TFunction): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(action)
    ? t(`audit.actions.${action}`)
    : t('audit.actions.other', { action });
}

export interface AuditLookups {
  people: Person[];
  organisations: Organisation[];
  workspaceName: string;
}

/** What the entry concerns, by name where the page knows it: "Person: Jan Kowalski", "Invitation: a@b.pl". */
export function targetText(entry: AuditEntry, lookups: AuditLookups, t: TFunction): string {
  if (!entry.targetType) return t('common.none');
  const type = (KNOWN_TARGETS as readonly string[]).includes(entry.targetType)
    ? t(`audit.targets.${entry.targetType}`)
    : entry.targetType;
  const name = targetName(entry, lookups);
  const label = name ?? (entry.targetId ? shortId(entry.targetId) : null);
  return label ? t('audit.targetWithName', { type, name: label }) : type;
}

function targetName(entry: AuditEntry, { people, organisations, workspaceName }: AuditLookups): string | null {
  const details = entry.details ?? {};
  switch (entry.targetType) {
    case 'membership':
      return people.find((p) => p.membershipId === entry.targetId)?.displayName ?? null;
    case 'invitation':
      return typeof details.email === 'string' ? details.email : null;
    case 'organisation':
      return organisations.find((o) => o.id === entry.targetId)?.name ?? (typeof details.name === 'string' ? details.name : null);
    case 'workspace':
      return workspaceName;
    default:
      return null;
  }
}

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** A role change as "Expert → Representative of a member"; other entries have no summary. */
export function detailsText(entry: AuditEntry, t: TFunction): string | null {
  const details = entry.details ?? {};
  const role = (value: unknown) => (typeof value === 'string' ? t(`roles.${value}`, { defaultValue: value }) : null);
  if (entry.action === 'membership.role_changed') {
    const from = role((details.from as { role?: unknown } | undefined)?.role);
    const to = role((details.to as { role?: unknown } | undefined)?.role);
    if (from && to) return t('audit.details.roleChange', { from, to });
  }
  if (entry.action === 'consultation.report_published' && typeof details.edition === 'number' && typeof details.sha256 === 'string') {
    return t('audit.details.reportEdition', { edition: details.edition, sha256: details.sha256 });
  }
  if (entry.action === 'invitation.created' || entry.action === 'invitation.accepted') {
    const invited = role(details.role);
    if (invited) return t('audit.details.role', { role: invited });
  }
  return null;
}

const REASONS: [RegExp, string][] = [
  [/^entry (\d+) is missing \(found (\d+) next\)$/, 'audit.reasons.missing'],
  [/^its link to the previous entry does not match$/, 'audit.reasons.link'],
  [/^its content does not match its hash/, 'audit.reasons.changed'],
  [/^the chain head is missing$/, 'audit.reasons.headMissing'],
  [/^entries (\d+) to (\d+) are missing \(deleted\)$/, 'audit.reasons.deleted'],
  [/^the chain head does not match the last entry$/, 'audit.reasons.headMismatch'],
];

/** Why the verifier stopped, in the reader's language (the API's own words when it says something new). */
export function brokenReasonText(reason: string, t: TFunction): string {
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return t(key, { a: match[1], b: match[2] });
  }
  return reason;
}
