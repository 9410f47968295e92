import { QueryFailedError, type QueryRunner } from 'typeorm';
import type { BackupScope } from './backup-file';
import { BackupRefusal } from './backup-refusal';
import type { ColumnInfo } from './schema-catalog';
import { USERS_TABLE, WORKSPACES_TABLE } from './workspace-scope';

// A workspace's backup restored beside the other workspaces of a database (one that lost or damaged that workspace,
// or another deployment): its rows go in with the ids they had, so the workspace must not be there, and its people are
// merged with the people of the database (see PeopleMerge).

/** Refuses when the workspace is in the database: by its id (under any slug), or another one has its slug. */
export async function refuseExistingWorkspace(runner: QueryRunner, scope: Extract<BackupScope, { kind: 'workspace' }>): Promise<void> {
  const found: { id: string; slug: string }[] = await runner.query(
    `SELECT id::text AS id, slug FROM ${WORKSPACES_TABLE} WHERE id = $1::uuid OR slug = $2 ORDER BY (id = $1::uuid) DESC`,
    [scope.id, scope.slug],
  );
  const [here] = found;
  if (!here) return;
  if (here.id === scope.id) {
    throw new BackupRefusal(`the workspace ${here.slug} (${here.id}) is in this database already: delete it first, or restore into a new database`);
  }
  throw new BackupRefusal(
    `the slug ${scope.slug} belongs to another workspace of this database (${here.id}): delete that workspace first, or restore into a new database`,
  );
}

/**
 * The backup's people (users rows) merged with the database's: a person whose id is here already is kept as the
 * database has them (that row is newer than the backup's), a new person is inserted as the backup holds them (members
 * with their password hash, anyone else without). A new person whose e-mail address another person of the database
 * has (under another id) is a refusal naming both ids, never the address (no personal data in the operator's logs).
 */
export class PeopleMerge {
  /** People of the backup who were in the database already. */
  kept = 0;
  private readonly id: number;
  private readonly email: number;

  constructor(
    private readonly runner: QueryRunner,
    columns: ColumnInfo[],
    private readonly insert: (rows: unknown[][]) => Promise<void>,
  ) {
    this.id = columns.findIndex((c) => c.name === 'id');
    this.email = columns.findIndex((c) => c.name === 'email');
    if (this.id === -1 || this.email === -1) throw new Error('the users table has no id or no email column');
  }

  /** One batch of the backup's users rows (decoded, in the table's column order). */
  async add(rows: unknown[][]): Promise<void> {
    const present: { id: string }[] = await this.runner.query(`SELECT id::text AS id FROM ${USERS_TABLE} WHERE id = ANY($1::uuid[])`, [rows.map((r) => r[this.id])]);
    const here = new Set(present.map((p) => p.id));
    const fresh = rows.filter((r) => !here.has(String(r[this.id])));
    this.kept += rows.length - fresh.length;
    if (fresh.length === 0) return;
    const [clash]: { person: string; other: string }[] = await this.runner.query(
      `SELECT b.id::text AS person, u.id::text AS other FROM unnest($1::uuid[], $2::text[]) AS b (id, email)
       JOIN ${USERS_TABLE} u ON u.email = b.email AND u.id <> b.id ORDER BY b.id LIMIT 1`,
      [fresh.map((r) => r[this.id]), fresh.map((r) => r[this.email])],
    );
    if (clash) {
      throw new BackupRefusal(
        `the backup's person ${clash.person} has the e-mail address of the person ${clash.other} of this database: ` +
          'nothing was restored (change one of the two addresses, or restore into a new database)',
      );
    }
    await this.insert(fresh);
  }
}

/**
 * A row that clashes with the database, told as a refusal naming the table and the constraint, never the values (the
 * database's detail quotes them: e-mail addresses, names). Anything else is returned as it was.
 */
export function insertRefusal(error: unknown, table: string): unknown {
  const driver = (error instanceof QueryFailedError ? error.driverError : error) as { code?: unknown; constraint?: unknown } | null;
  const constraint = typeof driver?.constraint === 'string' ? driver.constraint : null;
  if (driver?.code === '23505') {
    return new BackupRefusal(
      `rows of ${table} in the backup have the keys of rows of this database (${constraint ? `unique constraint ${constraint}` : 'a unique constraint'}): ` +
        'nothing was restored',
    );
  }
  if (driver?.code === '23503') {
    return new BackupRefusal(
      `rows of ${table} in the backup refer to rows that are neither in the backup nor in this database ` +
        `(${constraint ? `foreign key ${constraint}` : 'a foreign key'}): nothing was restored`,
    );
  }
  return error;
}
