import type { DataSource } from 'typeorm';
import { type BackupSummary, writeBackup } from './backup';
import { BackupRefusal } from './backup-refusal';
import { holdTriggers, releaseTriggers } from './held-triggers';
import { ident, SchemaCatalog } from './schema-catalog';
import { USERS_TABLE, WORKSPACE_LOOKUP, WorkspaceScope } from './workspace-scope';

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
  // The tables come from a look at the catalog before the transaction: its first read fixes its snapshot, which must
  // come after the lock.
  const tables = await workspaceTables(dataSource, options.workspace);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`LOCK TABLE ${tables.map(ident).join(', ')} IN EXCLUSIVE MODE`);
    const backup = await writeBackup(runner, { out: options.backup, workspace: options.workspace });
    if (backup.scope.kind !== 'workspace') throw new Error('a workspace backup was expected');
    const catalog = await SchemaCatalog.read(runner);
    const scope = new WorkspaceScope(catalog, backup.scope.id);
    const order = catalog.foreignKeyOrder(scope.tables()).filter((name) => name !== USERS_TABLE);
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

/** The tables that hold rows of the workspace (but people), or a refusal when there is no such workspace. */
async function workspaceTables(dataSource: DataSource, idOrSlug: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [workspace] = await runner.query(WORKSPACE_LOOKUP, [idOrSlug]);
    if (!workspace) throw new BackupRefusal(`there is no workspace "${idOrSlug}" (give a workspace's id or its slug)`);
    const catalog = await SchemaCatalog.read(runner);
    return new WorkspaceScope(catalog, workspace.id).tables().filter((name) => name !== USERS_TABLE);
  } finally {
    await runner.release();
  }
}
