import type { QueryRunner } from 'typeorm';
import { SEARCH_TABLES } from '../search/search-marks';
import { BackupRefusal } from './backup-refusal';

/** TypeORM's record of applied migrations: never backed up; the header names the migration level instead. */
export const MIGRATIONS_TABLE = 'migrations';

export interface ColumnInfo {
  name: string;
  /** format_type(): what a value is cast to on restore, e.g. `timestamp with time zone`, `numeric(12,4)`, `uuid[]`. */
  type: string;
  /** pg_type.typname of the column's type (`bytea`, `int4`, `_uuid` for arrays). */
  typeName: string;
  notNull: boolean;
  identity: boolean;
}

export interface ForeignKey {
  table: string;
  columns: string[];
  references: string;
  referencedColumns: string[];
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** The tables of the public schema as the database's own catalog describes them (pg_class, pg_attribute, pg_constraint). */
export class SchemaCatalog {
  private constructor(readonly tables: Map<string, TableInfo>) {}

  /**
   * Every ordinary or partitioned table of the public schema but the migrations table and the search index, which is
   * derived from the others and rebuilt after a restore (partitions come with their parent).
   */
  static async read(runner: QueryRunner): Promise<SchemaCatalog> {
    const tableRows: { oid: number; name: string }[] = await runner.query(
      `SELECT c.oid::int AS oid, c.relname AS name FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($1::text[])
       ORDER BY c.relname`,
      [[MIGRATIONS_TABLE, ...SEARCH_TABLES]],
    );
    const oids = tableRows.map((t) => t.oid);
    // Generated columns are computed again on insert: they are neither read nor written.
    const columnRows: { table: string; name: string; type: string; type_name: string; not_null: boolean; identity: boolean }[] = await runner.query(
      `SELECT (SELECT relname FROM pg_class WHERE oid = a.attrelid) AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
              t.typname AS type_name, a.attnotnull AS not_null, a.attidentity <> '' AS identity
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
       ORDER BY a.attrelid, a.attnum`,
      [oids],
    );
    const constraintRows: { kind: 'p' | 'f'; table: string; columns: string[]; references: string | null; referenced_columns: string[] | null }[] =
      await runner.query(
        `SELECT k.contype AS kind, (SELECT relname FROM pg_class WHERE oid = k.conrelid) AS table,
                (SELECT array_agg(a.attname ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n) AS columns,
                (SELECT relname FROM pg_class WHERE oid = k.confrelid) AS references,
                (SELECT array_agg(a.attname ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n) AS referenced_columns
         FROM pg_constraint k
         WHERE k.conrelid = ANY($1::oid[]) AND k.contype IN ('p', 'f')
         ORDER BY k.conrelid, k.conname`,
        [oids],
      );
    const tables = new Map<string, TableInfo>();
    for (const t of tableRows) tables.set(t.name, { name: t.name, columns: [], primaryKey: [], foreignKeys: [] });
    for (const c of columnRows) {
      tables.get(c.table)?.columns.push({ name: c.name, type: c.type, typeName: c.type_name, notNull: c.not_null, identity: c.identity });
    }
    for (const k of constraintRows) {
      const table = tables.get(k.table);
      if (!table) continue;
      if (k.kind === 'p') table.primaryKey = pgArray(k.columns);
      else if (k.references) {
        table.foreignKeys.push({
          table: table.name,
          columns: pgArray(k.columns),
          references: k.references,
          referencedColumns: pgArray(k.referenced_columns),
        });
      }
    }
    return new SchemaCatalog(tables);
  }

  table(name: string): TableInfo {
    const table = this.tables.get(name);
    if (!table) throw new Error(`no table ${name} in the public schema`);
    return table;
  }

  /**
   * `names` in an order in which every table comes after the tables its foreign keys point to (a table's references
   * to itself are ordered row by row instead: see selfReferences). Ties go by name, so the order is stable.
   */
  foreignKeyOrder(names: string[]): string[] {
    const included = new Set(names);
    const parents = new Map<string, Set<string>>();
    for (const name of names) {
      const own = new Set<string>();
      for (const fk of this.table(name).foreignKeys) {
        if (fk.references !== name && included.has(fk.references)) own.add(fk.references);
      }
      parents.set(name, own);
    }
    return topologicalOrder(parents);
  }

  /** The foreign keys of a table that point to the table itself (a resolution that changes another resolution). */
  selfReferences(name: string): ForeignKey[] {
    return this.table(name).foreignKeys.filter((fk) => fk.references === name);
  }
}

/** Kahn's algorithm, taking the first ready name in alphabetical order at each step; a cycle is an error naming it. */
export function topologicalOrder(parents: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...parents.keys()].sort();
  while (remaining.length > 0) {
    const index = remaining.findIndex((name) => [...(parents.get(name) ?? [])].every((p) => placed.has(p)));
    if (index === -1) {
      throw new BackupRefusal(`the foreign keys among ${remaining.join(', ')} form a cycle: the tables cannot be put in an order to restore them`);
    }
    const [name] = remaining.splice(index, 1);
    order.push(name);
    placed.add(name);
  }
  return order;
}

/** name[] arrives as a JS array from pg, or as its text form where pg does not know the array type (name[]). */
function pgArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter((s) => s.length > 0)
    .map((s) => s.replace(/^"|"$/g, ''));
}

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal (for values read from the database itself, such as a workspace's id). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
