import { chainOf } from '../audit/audit-chain';
import { ident, literal, type SchemaCatalog, type TableInfo } from './schema-catalog';

export const WORKSPACES_TABLE = 'workspaces';
export const USERS_TABLE = 'users';
const MEMBERSHIPS_TABLE = 'memberships';
/** Keyed by chain name ('workspace:<id>'), with no foreign key to follow. */
const AUDIT_HEADS_TABLE = 'audit_chain_heads';
const WORKSPACE_COLUMN = 'workspace_id';
/** Finds a workspace by its id or its slug ($1). */
export const WORKSPACE_LOOKUP = `SELECT id, slug FROM ${WORKSPACES_TABLE} WHERE slug = $1 OR id::text = lower($1)`;
/** The columns of users that let a person sign in: kept for the workspace's members only. */
const CREDENTIAL_COLUMNS = ['password_hash', 'password_changed_at'];

/**
 * Which rows of which tables belong to one workspace, worked out from the catalog so that new tables follow:
 * - the workspace's own row;
 * - the rows of every table with a workspace_id column, filtered by it;
 * - the rows of a table without one that a foreign key ties to a row in scope (comments through their thread, ballots
 *   through their vote), recursively;
 * - the audit chain's head of the workspace's chain (audit_chain_heads has no foreign key: it is keyed by chain name);
 * - the people those rows point to: the members, and anyone else a row names (an author since gone), the latter
 *   without their password hash.
 * Tables reached only through people (sessions, password resets, calendar feeds, personal notification settings) are
 * left out: they are a person's, not the workspace's, and a restored workspace starts signed out.
 */
export class WorkspaceScope {
  private readonly inScope = new Set<string>();
  /** The workspace's id and its audit chain's name, as SQL literals (both come from the database itself). */
  private readonly workspace: string;
  private readonly chain: string;

  constructor(
    private readonly catalog: SchemaCatalog,
    workspaceId: string,
  ) {
    this.workspace = `${literal(workspaceId)}::uuid`;
    this.chain = literal(chainOf(workspaceId));
    for (const table of catalog.tables.values()) {
      if (table.name === WORKSPACES_TABLE || hasColumn(table, WORKSPACE_COLUMN) || table.name === AUDIT_HEADS_TABLE) this.inScope.add(table.name);
    }
    // Tables tied by a foreign key to a table in scope, until none is added.
    for (let added = true; added; ) {
      added = false;
      for (const table of catalog.tables.values()) {
        if (this.inScope.has(table.name) || table.name === USERS_TABLE) continue;
        if (this.links(table).length > 0) {
          this.inScope.add(table.name);
          added = true;
        }
      }
    }
    if (this.inScope.size > 0) this.inScope.add(USERS_TABLE);
  }

  /** The tables that hold rows of the workspace. */
  tables(): string[] {
    return [...this.inScope].filter((name) => this.catalog.tables.has(name));
  }

  /** The condition that keeps the rows of `table` (as `alias`) that belong to the workspace. */
  filter(table: string, alias: string): string {
    return this.filterAt(table, alias, 1, new Set());
  }

  /** The expression read for `column` of a users row: credentials only for members. */
  usersColumn(column: string, alias: string): string | null {
    if (!CREDENTIAL_COLUMNS.includes(column)) return null;
    return `CASE WHEN EXISTS (SELECT 1 FROM ${ident(MEMBERSHIPS_TABLE)} m WHERE m.${ident('user_id')} = ${alias}.${ident('id')} AND m.${ident(WORKSPACE_COLUMN)} = ${this.workspace})
            THEN ${alias}.${ident(column)} END`;
  }

  private filterAt(table: string, alias: string, depth: number, visiting: Set<string>): string {
    const info = this.catalog.table(table);
    if (table === WORKSPACES_TABLE) return `${alias}.${ident('id')} = ${this.workspace}`;
    if (hasColumn(info, WORKSPACE_COLUMN)) return `${alias}.${ident(WORKSPACE_COLUMN)} = ${this.workspace}`;
    if (table === AUDIT_HEADS_TABLE) return `${alias}.${ident('chain')} = ${this.chain}`;
    if (table === USERS_TABLE) return this.usersFilter(alias, depth);
    const next = new Set(visiting).add(table);
    const conditions = this.links(info)
      .filter((fk) => !next.has(fk.references))
      .map((fk) => {
        const parent = `s${depth}`;
        const join = fk.columns.map((c, i) => `${parent}.${ident(fk.referencedColumns[i])} = ${alias}.${ident(c)}`).join(' AND ');
        return `EXISTS (SELECT 1 FROM ${ident(fk.references)} ${parent} WHERE ${join} AND ${this.filterAt(fk.references, parent, depth + 1, next)})`;
      });
    return conditions.length ? `(${conditions.join(' OR ')})` : 'false';
  }

  /** The people that rows in scope point to: one pass over each such column (a hashed subplan), not a probe per person. */
  private usersFilter(alias: string, depth: number): string {
    const sources: string[] = [];
    for (const name of this.inScope) {
      if (name === USERS_TABLE) continue;
      const table = this.catalog.table(name);
      for (const fk of table.foreignKeys) {
        if (fk.references !== USERS_TABLE || fk.columns.length !== 1) continue;
        const source = `u${depth}`;
        sources.push(`SELECT ${source}.${ident(fk.columns[0])} FROM ${ident(name)} ${source} WHERE ${this.filterAt(name, source, depth + 1, new Set([USERS_TABLE]))}`);
      }
    }
    return sources.length ? `${alias}.${ident('id')} IN (${sources.join('\n UNION ')})` : 'false';
  }

  /** The foreign keys of a table that tie it to a table in scope (people do not: a person is in many workspaces). */
  private links(table: TableInfo) {
    return table.foreignKeys.filter((fk) => fk.references !== table.name && fk.references !== USERS_TABLE && this.inScope.has(fk.references));
  }
}

function hasColumn(table: TableInfo, column: string): boolean {
  return table.columns.some((c) => c.name === column);
}
