// A fresh, empty database for one test file or suite, so that leftovers of earlier runs never matter.
// With DATABASE_URL (a PostgreSQL server): a new database named cp_test_<random> on that server, dropped afterwards.
// Without it: null, and the caller uses the embedded PostgreSQL (PGlite) in memory or in a temporary DATA_DIR.
const { randomBytes } = require('node:crypto');
const pg = require('pg');

/** @returns {Promise<{ url: string, drop: () => Promise<void> } | null>} */
async function createFreshDatabase(serverUrl = process.env.DATABASE_URL) {
  if (!serverUrl) return null;
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

module.exports = { createFreshDatabase };
