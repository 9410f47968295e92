import type { ColumnInfo } from './schema-catalog';
import { ident } from './schema-catalog';

/**
 * How a value travels in a backup line, chosen so that every value comes back exactly:
 * - bytea (Yjs updates and snapshots, attachments): base64;
 * - boolean, smallint, integer: JSON booleans and numbers (exact in JavaScript);
 * - timestamps: ISO 8601 with offset, as to_json writes them (microseconds kept; the backup reads in UTC);
 * - everything else (bigint, numeric, uuid, text, jsonb, dates, arrays): PostgreSQL's own text form, which its input
 *   function reads back to the same value (a jsonb stays its exact text: `1.0` is not turned into `1`).
 * A restore casts each value to the column's type.
 */
type Encoding = 'base64' | 'native' | 'text';

function encodingOf(column: ColumnInfo): Encoding {
  if (column.typeName === 'bytea') return 'base64';
  if (column.typeName === 'bool' || column.typeName === 'int2' || column.typeName === 'int4') return 'native';
  return 'text';
}

/** The expression that reads a column of the row `alias` for a backup line. */
export function selectExpression(column: ColumnInfo, alias: string, expression = `${alias}.${ident(column.name)}`): string {
  if (encodingOf(column) !== 'text') return expression;
  if (column.typeName === 'timestamptz' || column.typeName === 'timestamp') return `to_json(${expression}) #>> '{}'`;
  return `${expression}::text`;
}

/** A value as pg returned it for selectExpression, as it goes into the line. */
export function encodeValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (encodingOf(column) === 'base64') return (value as Buffer).toString('base64');
  return value;
}

/** A value of a line as the parameter of an INSERT (bytea back to bytes; the rest is cast by the placeholder). */
export function decodeValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null) return null;
  if (encodingOf(column) === 'base64') {
    if (typeof value !== 'string') throw new Error(`a value of ${column.name} is not base64 text`);
    return Buffer.from(value, 'base64');
  }
  return value;
}

/** The placeholder of a parameter cast to the column's type. */
export function placeholder(column: ColumnInfo, index: number): string {
  return `$${index}::${column.type}`;
}
