import type { EntityManager, QueryRunner } from 'typeorm';

/** The search index's own tables: derived from the others, so never backed up; a restore marks everything instead. */
export const SEARCH_TABLES = ['search_entries', 'search_pending'] as const;

/**
 * Marks every record of every indexed table for the indexer (after a restore, whose inserts ran with the marking
 * triggers held). Which tables and columns comes from the triggers themselves (search_mark's arguments), so a table
 * indexed later follows without a list to keep.
 */
export async function markEverythingForSearch(runner: QueryRunner | EntityManager): Promise<void> {
  const marks: { table: string; args: string }[] = await runner.query(
    `SELECT c.relname AS table, encode(t.tgargs, 'escape') AS args
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgfoid = to_regproc('search_mark') AND c.relnamespace = 'public'::regnamespace`,
  );
  for (const mark of marks) {
    const [source, column] = mark.args.split('\\000');
    await runner.query(
      `INSERT INTO search_pending (source, source_id) SELECT DISTINCT $1::text, ${quoteIdent(column)} FROM ${quoteIdent(mark.table)}
       WHERE ${quoteIdent(column)} IS NOT NULL ON CONFLICT DO NOTHING`,
      [source],
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
