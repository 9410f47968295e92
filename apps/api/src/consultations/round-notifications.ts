import type { EntityManager } from 'typeorm';

/** The round's page in the web app (its announcement, timetable and comments for people of its workspace). */
export function roundLink(workspaceId: string, roundId: string): string {
  return `/w/${workspaceId}/rounds/${roundId}`;
}

/** The round's comments as staff work on them (triage). */
export function triageLink(workspaceId: string, roundId: string): string {
  return `/w/${workspaceId}/rounds/${roundId}/comments`;
}

/**
 * The anchor of a comment's row in the published report's annex ("U/2026/0001" → "uwaga-U-2026-0001"): the public
 * round page (apps/web/src/features/report/ReportView.tsx) gives each row this id, so a submitter's e-mail links to
 * the disposition of their own comment.
 */
export function commentAnchor(number: string): string {
  return `uwaga-${number.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The published report's row of one comment on the public round page, as a path of the web app. */
export function publicCommentLink(roundId: string, number: string): string {
  return `/consultations/${roundId}#${commentAnchor(number)}`;
}

/**
 * Who hears of a round's announcement, opening, last days and close: the staff of its workspace (coordinators and
 * experts, who may see every round) and the audiences it asks that have accounts: the members' representatives when
 * it asks the members, the partners when it asks the partners (those whom the round lets comment signed in). Observers
 * and the public are not told. Active memberships only; the Notifier leaves out the actor.
 */
export async function roundAudience(manager: EntityManager, roundId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await manager.query(
    `SELECT DISTINCT m.user_id FROM consultation_rounds r
     JOIN memberships m ON m.workspace_id = r.workspace_id AND m.active
     WHERE r.id = $1 AND (
       m.role IN ('coordinator', 'expert')
       OR (m.role = 'representative' AND 'members' = ANY (r.audiences))
       OR (m.role = 'partner' AND 'partners' = ANY (r.audiences)))`,
    [roundId],
  );
  return rows.map((r) => r.user_id);
}
