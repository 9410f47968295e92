import type { EntityManager } from 'typeorm';
import type { AmendmentMinutesState, ProcedureInput } from './procedure-minutes';

interface MotionRow {
  id: string;
  kind: 'agenda' | 'agenda_change' | 'minutes' | 'amendment';
  agenda_item_id: string | null;
  amendment_id: string | null;
  change: { action: 'add' | 'move'; item?: { kind: string; title?: string; resolutionId?: string; minutesOf?: string }; itemId?: string; position?: number } | null;
}

/**
 * What the minutes say of how the meeting ran besides its resolutions, read from its rows: the agenda (every item, in
 * order) and when it was adopted, the votes on motions (`votesOf` gives a motion's votes as the minutes read them), and
 * the amendments to the resolutions on the agenda. Null for a meeting with none of these (the minutes stay as they were).
 */
export async function procedureInput<V>(
  manager: EntityManager,
  meeting: { id: string; workspace_id: string; agenda_adopted_at: string | null },
  votesOf: (motionId: string) => V[],
): Promise<ProcedureInput<V> | null> {
  const items: Array<{ id: string; position: number; kind: string; title: string; resolution_id: string | null; resolution_title: string | null; minutes_title: string | null; minutes_starts_at: string | null }> =
    await manager.query(
      `SELECT a.id, a.position, a.kind, a.title, a.resolution_id, r.title AS resolution_title, p.title AS minutes_title, p.starts_at AS minutes_starts_at
         FROM meeting_agenda a LEFT JOIN resolutions r ON r.id = a.resolution_id LEFT JOIN decision_meetings p ON p.id = a.minutes_of
        WHERE a.meeting_id = $1 ORDER BY a.position`,
      [meeting.id],
    );
  const motions: MotionRow[] = await manager.query(`SELECT id, kind, agenda_item_id, amendment_id, change FROM meeting_motions WHERE meeting_id = $1 ORDER BY created_at, id`, [meeting.id]);
  const resolutionIds = items.flatMap((i) => (i.resolution_id ? [i.resolution_id] : []));
  const amendments: Array<{
    id: string;
    resolution_id: string;
    number: number;
    proposer_name: string;
    current_text: string;
    proposed_text: string;
    justification: string;
    state: AmendmentMinutesState;
    applied_at: string | null;
    dropped_number: number | null;
  }> = resolutionIds.length
    ? await manager.query(
        `SELECT x.id, x.resolution_id, x.number, x.proposer_name, x.current_text, x.proposed_text, x.justification, x.state, x.applied_at, d.number AS dropped_number
           FROM resolution_amendments x LEFT JOIN resolution_amendments d ON d.id = x.dropped_by
          WHERE x.resolution_id = ANY($1::uuid[]) ORDER BY x.resolution_id, x.number`,
        [resolutionIds],
      )
    : [];
  // The chair's changes of the adopted agenda where the rule book gives them to the chair (AgendaService), as sealed.
  const chairChanges: Array<{ action: string; at: string; details: { itemId: string; title?: string | null; position?: number; to?: number } }> = meeting.agenda_adopted_at
    ? await manager.query(
        `SELECT CASE action WHEN 'meeting.agenda_item_added' THEN 'add' ELSE 'move' END AS action, created_at AS at, details FROM audit_entries
          WHERE workspace_id = $2 AND target_type = 'decision_meeting' AND target_id = $1 AND action IN ('meeting.agenda_item_added', 'meeting.agenda_item_moved') AND details->>'afterAdoption' = 'true'
          ORDER BY seq`,
        [meeting.id, meeting.workspace_id],
      )
    : [];
  if (!meeting.agenda_adopted_at && motions.length === 0 && amendments.length === 0 && items.every((i) => i.kind === 'resolution')) return null;

  const titleOf = (item: (typeof items)[number] | undefined) => (item ? (item.resolution_title ?? item.title) : '');
  const minutesOf = (item: (typeof items)[number] | undefined) => (item?.minutes_title ? { title: item.minutes_title, startsAt: item.minutes_starts_at as string } : null);
  const resolutionTitles = new Map(items.map((i) => [i.resolution_id, i.resolution_title]));
  return {
    agendaAdoptedAt: meeting.agenda_adopted_at,
    items: items.map((item) => ({ position: Number(item.position), kind: item.kind, title: titleOf(item), minutesOf: minutesOf(item) })),
    motions: motions.flatMap((motion) => {
      if (motion.kind === 'amendment') return [];
      const item = items.find((i) => i.id === (motion.kind === 'minutes' ? motion.agenda_item_id : motion.change?.itemId));
      const added = motion.change?.item;
      const change = motion.change
        ? {
            action: motion.change.action,
            title: motion.change.action === 'move' ? titleOf(item) : added?.kind === 'resolution' ? (resolutionTitles.get(added.resolutionId ?? null) ?? added.title ?? '') : (added?.title ?? ''),
            position: motion.change.position ?? null,
          }
        : null;
      return [{ kind: motion.kind, change, minutesOf: motion.kind === 'minutes' ? minutesOf(item) : null, votes: votesOf(motion.id) }];
    }),
    chairChanges: chairChanges.map((c) => ({
      action: c.action as 'add' | 'move',
      at: c.at,
      title: titleOf(items.find((i) => i.id === c.details.itemId)) || (c.details.title ?? ''),
      position: Number(c.action === 'add' ? c.details.position : c.details.to),
    })),
    amendments: Object.fromEntries(
      resolutionIds.map((resolutionId) => [
        resolutionId,
        amendments
          .filter((a) => a.resolution_id === resolutionId)
          .map((a) => ({
            number: Number(a.number),
            proposer: a.proposer_name,
            currentText: a.current_text,
            proposedText: a.proposed_text,
            justification: a.justification,
            state: a.state,
            applied: a.applied_at !== null,
            droppedBy: a.dropped_number === null ? null : Number(a.dropped_number),
            votes: motions.filter((m) => m.amendment_id === a.id).flatMap((m) => votesOf(m.id)),
          })),
      ]),
    ),
  };
}
