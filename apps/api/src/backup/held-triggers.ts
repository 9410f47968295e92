import type { QueryRunner } from 'typeorm';
import { ident } from './schema-catalog';

export interface HeldTrigger {
  table: string;
  name: string;
  /** pg_trigger.tgenabled: O (origin), A (always) or R (replica), restored as it was. */
  mode: string;
}

/** pg_trigger.tgtype bits of the events a trigger fires on. */
const EVENT_BITS = { insert: 4, delete: 8, update: 16 } as const;

/**
 * Some tables guard their rows with triggers: a closed vote takes no more ballots, a voted resolution no more
 * attachments, vote_secret_choices takes no rows at all, the audit trail is never changed or deleted. A restore puts
 * back rows that were legitimately there, and deleting a workspace removes its rows as a whole, so each holds back
 * exactly the user triggers of those tables that fire on the events it causes, for its transaction, and re-enables them
 * before the commit: ALTER TABLE is transactional, so no other session ever sees them disabled, and a failure rolls the
 * change back with everything else. Foreign keys are checked as usual.
 */
export async function holdTriggers(runner: QueryRunner, tables: string[], ...events: (keyof typeof EVENT_BITS)[]): Promise<HeldTrigger[]> {
  const mask = events.reduce((bits, event) => bits | EVENT_BITS[event], 0);
  const triggers: HeldTrigger[] = await runner.query(
    `SELECT c.relname AS table, g.tgname AS name, g.tgenabled AS mode
     FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
     WHERE NOT g.tgisinternal AND g.tgenabled <> 'D' AND (g.tgtype & $2::int) <> 0
       AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])
     ORDER BY c.relname, g.tgname`,
    [tables, mask],
  );
  for (const t of triggers) await runner.query(`ALTER TABLE ${ident(t.table)} DISABLE TRIGGER ${ident(t.name)}`);
  return triggers;
}

/** Enables again, each in its mode, the triggers holdTriggers held back. */
export async function releaseTriggers(runner: QueryRunner, triggers: HeldTrigger[]): Promise<void> {
  for (const t of triggers) {
    const mode = t.mode === 'A' ? 'ALWAYS ' : t.mode === 'R' ? 'REPLICA ' : '';
    await runner.query(`ALTER TABLE ${ident(t.table)} ENABLE ${mode}TRIGGER ${ident(t.name)}`);
  }
}
