import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each indexed table marks, and by which column: `source` and the column holding the record's id. */
const ROW_MARKS: { table: string; source: string; column: string }[] = [
  { table: 'documents', source: 'document', column: 'id' },
  { table: 'document_versions', source: 'version', column: 'id' },
  { table: 'comment_threads', source: 'comment', column: 'id' },
  { table: 'comments', source: 'comment', column: 'thread_id' },
  { table: 'consultation_rounds', source: 'round', column: 'id' },
  { table: 'consultation_comments', source: 'consultation_comment', column: 'id' },
  { table: 'consultation_reports', source: 'report', column: 'round_id' },
  { table: 'resolutions', source: 'resolution', column: 'id' },
  { table: 'decision_meetings', source: 'meeting', column: 'id' },
  { table: 'meeting_agenda', source: 'meeting', column: 'meeting_id' },
  { table: 'memberships', source: 'person', column: 'id' },
  { table: 'organisations', source: 'organisation', column: 'id' },
  { table: 'projects', source: 'project', column: 'id' },
];

/**
 * Search (search/): `search_entries` holds what can be found, one row per section (the blocks of a document or
 * version under one heading, a comment thread, a consultation comment) plus one title row (position 0) per record; `lexemes` is a
 * `simple` tsvector of the words folded to ASCII, computed by the application (search/polish-text.ts); a query's words
 * are stemmed there and matched as prefixes, since PostgreSQL has no Polish stemmer before version 19. Triggers on the indexed tables
 * mark what changed in `search_pending`; the SearchIndexer rebuilds those records' rows soon after, so writers never
 * wait for the index. pg_trgm matches titles and names with typos.
 */
export class Search1796590000000 implements MigrationInterface {
  name = 'Search1796590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE search_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        source text NOT NULL,
        source_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        document_id uuid REFERENCES documents (id) ON DELETE CASCADE,
        round_id uuid REFERENCES consultation_rounds (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        staff_only boolean NOT NULL DEFAULT false,
        anchor text,
        heading text,
        title text NOT NULL,
        body text NOT NULL,
        title_folded text NOT NULL,
        lexemes tsvector NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX search_entries_source_idx ON search_entries (source, source_id)`);
    // Three word indexes, so that a common word's matches can be cut short in each without starving the others: the
    // title rows, the text of documents and versions (the bulk), and the text of everything else.
    await q.query(`CREATE INDEX search_entries_title_words_idx ON search_entries USING gin (lexemes) WHERE position = 0`);
    await q.query(
      `CREATE INDEX search_entries_document_words_idx ON search_entries USING gin (lexemes) WHERE position > 0 AND source IN ('document', 'version')`,
    );
    await q.query(
      `CREATE INDEX search_entries_other_words_idx ON search_entries USING gin (lexemes) WHERE position > 0 AND source NOT IN ('document', 'version')`,
    );
    // Titles with a typo: pg_trgm's word similarity (the <% operator) on the title rows.
    await q.query(`CREATE INDEX search_entries_title_trigrams_idx ON search_entries USING gin (title_folded gin_trgm_ops) WHERE position = 0`);
    await q.query(`
      CREATE TABLE search_pending (
        source text NOT NULL,
        source_id uuid NOT NULL,
        marked_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        PRIMARY KEY (source, source_id)
      )`);
    await q.query(`
      CREATE FUNCTION search_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_json jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
      BEGIN
        INSERT INTO search_pending (source, source_id) VALUES (TG_ARGV[0], (row_json ->> TG_ARGV[1])::uuid)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    for (const mark of ROW_MARKS) {
      await q.query(
        `CREATE TRIGGER ${mark.table}_search AFTER INSERT OR UPDATE OR DELETE ON ${mark.table}
         FOR EACH ROW EXECUTE FUNCTION search_mark('${mark.source}', '${mark.column}')`,
      );
    }
    // Edits arrive in group commits of many rows: one mark per document and statement.
    await q.query(`
      CREATE FUNCTION search_mark_edits() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_pending (source, source_id) SELECT DISTINCT 'document', document_id FROM inserted
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER document_updates_search AFTER INSERT ON document_updates
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION search_mark_edits()`);
    // A person's name lives in users: a new name marks each of their memberships.
    await q.query(`
      CREATE FUNCTION search_mark_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
          INSERT INTO search_pending (source, source_id) SELECT 'person', m.id FROM memberships m WHERE m.user_id = NEW.id
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER users_search AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION search_mark_person()`);
    // Everything there is now, indexed by the first runs of the indexer.
    for (const mark of ROW_MARKS) {
      await q.query(`INSERT INTO search_pending (source, source_id) SELECT DISTINCT '${mark.source}', ${mark.column} FROM ${mark.table} ON CONFLICT DO NOTHING`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const mark of ROW_MARKS) await q.query(`DROP TRIGGER IF EXISTS ${mark.table}_search ON ${mark.table}`);
    await q.query(`DROP TRIGGER IF EXISTS document_updates_search ON document_updates`);
    await q.query(`DROP TRIGGER IF EXISTS users_search ON users`);
    await q.query(`DROP FUNCTION IF EXISTS search_mark_edits()`);
    await q.query(`DROP FUNCTION IF EXISTS search_mark_person()`);
    await q.query(`DROP FUNCTION IF EXISTS search_mark()`);
    await q.query(`DROP TABLE IF EXISTS search_pending`);
    await q.query(`DROP TABLE IF EXISTS search_entries`);
  }
}
