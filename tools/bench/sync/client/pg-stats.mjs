// PostgreSQL's own counters for the server's database (Commonplan only): how many transactions and rows the
// server's persistence cost. pg_stat_database is flushed about once a second, so reads wait a little.
import pg from 'pg';

export async function pgCounters(dbUrl) {
  if (!dbUrl) return null;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await new Promise((r) => setTimeout(r, 1100));
    const { rows } = await client.query(
      `SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted, tup_deleted::bigint AS deleted, tup_returned::bigint AS returned
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  } finally {
    await client.end();
  }
}

export function pgDelta(a, b) {
  if (!a || !b) return null;
  return Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));
}
