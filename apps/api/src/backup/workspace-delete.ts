import type { DataSource } from 'typeorm';
import { type BackupSummary, findWorkspace, writeBackup } from './backup';
import { BackupRefusal } from './backup-refusal';
import { holdTriggers, releaseTriggers } from './held-triggers';
import { ident, SchemaCatalog } from './schema-catalog';
import { USERS_TABLE, WorkspaceScope } from './workspace-scope';

export interface DeleteSummary {
  /** The backup of everything deleted, written first. */
  backup: BackupSummary;
  /** Rows deleted, by table. */
  rows: Record<string, number>;
}

/**
 * Deletes one workspace: its own row and every row WorkspaceScope finds for it (everything tied to it, its audit
 * chain's head), after writing exactly those rows to a new backup file, so that a damaged workspace can be replaced by
 * an earlier backup (`restore`) or the workspace of an association that left can be removed. People stay, with their
 * sessions: a person may belong to other workspaces.
 *
 * One REPEATABLE READ transaction: it locks the workspace's tables against writers before its first read, so the
 * backup holds every row the delete removes, and nothing written while it runs is lost. The tables' own triggers (which
 * refuse changes to the audit trail, ballots and adopted texts) are held back within that transaction only, and a
 * failure deletes nothing.
 */
export async function deleteWorkspace(dataSource: DataSource, options: { workspace: string; backup: string }): Promise<DeleteSummary> {
  // The workspace and its tables are looked up before the transaction: its first read fixes its snapshot, which must
  // come after the lock. (The schema does not change meanwhile: migrations run at start-up.)
  const { id, catalog } = await lookUp(dataSource, options.workspace);
  const scope = new WorkspaceScope(catalog, id);
  const order = catalog.foreignKeyOrder(scope.tables()).filter((name) => name !== USERS_TABLE);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`LOCK TABLE ${order.map(ident).join(', ')} IN EXCLUSIVE MODE`);
    const backup = await writeBackup(runner, { out: options.backup, workspace: id });
    // Deleting a row fires its table's DELETE triggers, and a foreign key's action (SET NULL) UPDATE ones.
    const held = await holdTriggers(runner, order, 'delete', 'update');
    const rows: Record<string, number> = {};
    for (const name of [...order].reverse()) {
      const [{ n }] = await runner.query(`WITH gone AS (DELETE FROM ${ident(name)} t WHERE ${scope.filter(name, 't')} RETURNING 1) SELECT count(*)::int AS n FROM gone`);
      rows[name] = Number(n);
    }
    await releaseTriggers(runner, held);
    // The lock kept writers out since before the backup's first read: what it holds is what was deleted.
    for (const name of order) {
      if (rows[name] !== backup.rows[name]) throw new BackupRefusal(`${name}: ${rows[name]} rows deleted but ${backup.rows[name] ?? 0} backed up; nothing was deleted`);
    }
    await runner.commitTransaction();
    return { backup, rows };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** The workspace's id and the schema's catalog, or a refusal when there is no such workspace. */
async function lookUp(dataSource: DataSource, idOrSlug: string): Promise<{ id: string; catalog: SchemaCatalog }> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const { id } = await findWorkspace(runner, idOrSlug);
    return { id, catalog: await SchemaCatalog.read(runner) };
  } finally {
    await runner.release();
  }
}
