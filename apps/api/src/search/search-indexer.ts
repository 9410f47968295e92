import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Passage } from '@commonplan/editor';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentStore } from '../collab/document-store';
import { AppConfig } from '../platform/config/app-config';
import { DrainLoop } from '../platform/jobs/drain-loop';
import { fold, lexemeText } from './polish-text';
import { type IndexedRecord, isSearchSource, LOADERS } from './search-sources';

/** How often the indexer looks for marked records. */
const POLL_MS = 1_000;
/**
 * A record is indexed once it has been marked this long: a document being typed in is marked by every group commit,
 * and is read again at most about once a second, never on the writer's path.
 */
const SETTLE_MS = 500;
/** Records taken per statement. */
const BATCH = 20;
/**
 * A section's rows are joined into one index row up to about this many characters: search answers by heading, and
 * ten times fewer rows than paragraphs keep queries fast (bench:search).
 */
const SECTION_CHARS = 6_000;
/**
 * After this many records indexed, once the queue is empty, the index's statistics are refreshed (ANALYZE), and on the
 * embedded database, which has no autovacuum, its dead rows are vacuumed too: a bulk load (a restore, the first
 * indexing) otherwise leaves the planner guessing and the table bloated.
 */
const MAINTAIN_AFTER = 1_000;
/** Tries before a record is given up (logged, its row dropped: its next change marks it again). */
const MAX_ATTEMPTS = 5;

/**
 * Keeps search_entries fresh: triggers on the indexed tables mark changed records in search_pending (in the writer's
 * transaction, one cheap upsert); this loop takes marked records (`FOR UPDATE SKIP LOCKED`, so instances share the
 * work), reads each from its tables (search-sources.ts) and replaces its rows. A change during the reading marks the
 * record again, so the index always catches up; the writer never waits for it.
 */
@Injectable()
export class SearchIndexer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndexer');
  private readonly loop = new DrainLoop(() => this.drain(), this.logger, 'the search indexer');
  private sinceMaintenance = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.loop.start(POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Resolves once every marked record is indexed (tests and benchmarks). */
  async idle(): Promise<void> {
    await this.loop.idle(async () => {
      const [{ due }] = await this.dataSource.query(`SELECT count(*)::int AS due FROM search_pending`);
      return due as number;
    });
  }

  private async maintain(): Promise<void> {
    this.sinceMaintenance = 0;
    try {
      await this.dataSource.query(this.config.databaseKind === 'embedded' ? `VACUUM (ANALYZE) search_entries` : `ANALYZE search_entries`);
    } catch (error) {
      this.logger.warn(`could not refresh the search index's statistics: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Indexes one record now (what the loop does for each marked one). */
  async reindex(source: string, sourceId: string): Promise<void> {
    if (!isSearchSource(source)) throw new Error(`unknown search source ${source}`);
    // Read first, outside the transaction (the embedded database has one connection, and a document's state is read
    // through the store's own statement); a change meanwhile has marked the record again.
    const record = await LOADERS[source](sourceId, { manager: this.dataSource.manager, loadState: (id) => this.store.load(id) });
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM search_entries WHERE source = $1 AND source_id = $2`, [source, sourceId]);
      if (record) await insertEntries(manager, source, sourceId, record);
    });
  }

  private async drain(): Promise<void> {
    while (!this.loop.isStopped) {
      const taken: { source: string; source_id: string; attempts: number }[] = await this.dataSource.query(
        `DELETE FROM search_pending WHERE (source, source_id) IN (
           SELECT source, source_id FROM search_pending
           WHERE marked_at <= now() - make_interval(secs => $1)
           ORDER BY marked_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING source, source_id, attempts`,
        [SETTLE_MS / 1000, BATCH],
      ).then((result: unknown) => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as never);
      if (taken.length === 0) {
        if (this.sinceMaintenance >= MAINTAIN_AFTER) await this.maintain();
        return;
      }
      this.sinceMaintenance += taken.length;
      for (const item of taken) {
        try {
          await this.reindex(item.source, item.source_id);
        } catch (error) {
          const attempts = item.attempts + 1;
          const message = error instanceof Error ? error.message : String(error);
          if (attempts >= MAX_ATTEMPTS) {
            // Given up: its row was taken above and is not put back, so the record's next change marks it anew (the
            // triggers never overwrite a row that is there, so a row kept here would have stopped it for good).
            this.logger.error(`gave up indexing ${item.source} ${item.source_id}: ${message}`);
            continue;
          }
          this.logger.warn(`indexing ${item.source} ${item.source_id} failed, again soon: ${message}`);
          // Again after 5 s, 25 s, 2 min, 10 min.
          await this.dataSource.query(
            `INSERT INTO search_pending (source, source_id, marked_at, attempts) VALUES ($1, $2, now() + make_interval(secs => $3), $4)
             ON CONFLICT (source, source_id) DO UPDATE SET attempts = EXCLUDED.attempts, marked_at = EXCLUDED.marked_at`,
            [item.source, item.source_id, 5 * 5 ** (attempts - 1), attempts],
          );
        }
      }
    }
  }
}

/** Consecutive passages under the same heading joined (lines apart), each at most about SECTION_CHARS long. */
export function sections(passages: Passage[]): Passage[] {
  const out: Passage[] = [];
  for (const p of passages) {
    const last = out[out.length - 1];
    if (last && last.anchor === p.anchor && last.heading === p.heading && last.text.length + p.text.length < SECTION_CHARS) {
      last.text = `${last.text}\n${p.text}`;
    } else {
      out.push({ ...p });
    }
  }
  return out;
}

/** The record's rows in one statement: the title row (position 0) when it has a title, then its passages. */
async function insertEntries(manager: EntityManager, source: string, sourceId: string, record: IndexedRecord): Promise<void> {
  const rows: { position: number; anchor: string | null; heading: string | null; body: string; words: string }[] = [];
  if (record.titled) {
    const words = `${record.title} ${record.titleExtra ?? ''}`;
    rows.push({ position: 0, anchor: null, heading: null, body: record.titleExtra ? `${record.title} · ${record.titleExtra}` : record.title, words });
  }
  sections(record.passages).forEach((p, index) => {
    rows.push({ position: index + 1, anchor: p.anchor, heading: p.heading, body: p.text, words: `${p.heading ?? ''} ${p.text}` });
  });
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO search_entries (workspace_id, source, source_id, position, document_id, round_id, author_id, staff_only,
                                 anchor, heading, title, body, title_folded, lexemes)
     SELECT $1, $2, $3, r.position, $4, $5, $6, $7, r.anchor, r.heading, $8, r.body, $9, to_tsvector('simple', r.words)
     FROM unnest($10::int[], $11::text[], $12::text[], $13::text[], $14::text[]) AS r (position, anchor, heading, body, words)`,
    [
      record.workspaceId,
      source,
      sourceId,
      record.documentId ?? null,
      record.roundId ?? null,
      record.authorId ?? null,
      record.staffOnly ?? false,
      record.title,
      fold(record.title),
      rows.map((r) => r.position),
      rows.map((r) => r.anchor),
      rows.map((r) => r.heading),
      rows.map((r) => r.body),
      rows.map((r) => lexemeText(r.words)),
    ],
  );
}
