import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@commonplan/domain';
import { DocumentsService } from '../documents/documents.service';
import { AppConfig } from '../platform/config/app-config';
import { queryTerms, snippet, tsQueryText } from './polish-text';
import type { SearchGroupDto, SearchHitDto, SearchQueryDto, SearchResponseDto } from './search.dto';
import { SEARCH_SOURCES, type SearchSource } from './search-sources';

/** How alike a query and a title must be (pg_trgm word_similarity) for a title with a typo to be found. */
const TYPO_SIMILARITY = 0.45;
/** Queries shorter than this are not matched by similarity: too few trigrams to say anything. */
const TYPO_MIN_LENGTH = 4;

interface Row {
  source: SearchSource;
  source_id: string;
  document_id: string | null;
  round_id: string | null;
  anchor: string | null;
  heading: string | null;
  title: string;
  body: string;
  typo: boolean;
  total: number;
  more: boolean;
}

/**
 * One search over everything a workspace holds that the caller may read: documents' live text and frozen versions
 * (by heading), document comments, consultation rounds and their comments, resolutions, meetings, people,
 * organisations and projects. Access is decided in the same statement: documents and what hangs on them by the
 * caller's document access (DocumentsService.list, the rule of libs/domain documentAccess); consultation comments as
 * sent for staff (coordinators, experts) and their author, and for everyone as the published report has them
 * (anonymised); the rest (rounds, drafts too, resolutions, meetings, people, organisations, projects) for every member.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  async search(workspaceId: string, caller: { userId: string; role: Role }, query: SearchQueryDto): Promise<SearchResponseDto> {
    const terms = queryTerms(query.q);
    const tsQuery = tsQueryText(terms);
    if (!tsQuery) return { q: query.q, groups: [] };
    const typo = terms.map((t) => t.folded).join(' ');
    const kinds: readonly SearchSource[] = query.kind ? [query.kind] : SEARCH_SOURCES;
    const limit = query.limit ?? (query.kind ? 20 : 5);
    const readable = (await this.documents.list(workspaceId, caller.userId)).map((d) => d.id);
    const staff = caller.role === 'coordinator' || caller.role === 'expert';
    // Words first; titles like the query only when no word matched (similarTitles). Title rows are matched in full. Text rows are matched up to SEARCH_TEXT_CANDIDATES (1,000) per index (documents and versions;
    // everything else) and only those are ranked: a word in nearly every section then costs what a rarer one does,
    // and its kinds' totals say "at least" (`more`). Matching, access and ranking carry ids and ranks only; the text
    // is read for the rows shown (at most `limit` per kind).
    const access = `(e.document_id IS NULL OR e.document_id = ANY($5::uuid[])) AND ($6 OR NOT e.staff_only OR e.author_id = $7)`;
    const texts = (sources: string) => `
         SELECT e.id, e.source, e.source_id, coalesce(e.anchor, '') AS anchor_key, e.position, ts_rank(e.lexemes, tsq.q) AS rank
         FROM search_entries e, tsq
         WHERE e.position > 0 AND e.source ${sources} AND e.workspace_id = $1 AND e.source = ANY($3::text[]) AND e.lexemes @@ tsq.q
           AND ${access}
         LIMIT $8`;
    const found: Row[] = await this.dataSource.query(
      `WITH tsq AS (SELECT to_tsquery('simple', $2) AS q),
       document_texts AS (${texts(`IN ('document', 'version')`)}),
       other_texts AS (${texts(`NOT IN ('document', 'version')`)}),
       matched AS (
         SELECT e.id, e.source, e.source_id, '' AS anchor_key, 0 AS position, ts_rank(e.lexemes, tsq.q) + 1 AS rank
         FROM search_entries e, tsq
         WHERE e.position = 0 AND e.workspace_id = $1 AND e.source = ANY($3::text[]) AND e.lexemes @@ tsq.q AND ${access}

         UNION ALL SELECT id, source, source_id, anchor_key, position, rank FROM document_texts
         UNION ALL SELECT id, source, source_id, anchor_key, position, rank FROM other_texts
       ), best AS (
         SELECT DISTINCT ON (source, source_id, anchor_key) id, source, rank FROM matched
         ORDER BY source, source_id, anchor_key, rank DESC, position
       ), numbered AS (
         SELECT id, source, row_number() OVER (PARTITION BY source ORDER BY rank DESC, id) AS n,
                count(*) OVER (PARTITION BY source)::int AS total
         FROM best
       )
       SELECT e.source, e.source_id, e.document_id, e.round_id, e.anchor, e.heading, e.title, e.body, false AS typo, n.total,
              CASE WHEN n.source IN ('document', 'version') THEN (SELECT count(*) FROM document_texts) >= $8
                   ELSE (SELECT count(*) FROM other_texts) >= $8 END AS more
       FROM numbered n JOIN search_entries e ON e.id = n.id
       WHERE n.n <= $4 ORDER BY n.source, n.n`,
      [workspaceId, tsQuery, kinds, limit, readable, staff, caller.userId, this.config.searchTextCandidates],
    );
    const rows = found.length > 0 || typo.length < TYPO_MIN_LENGTH ? found : await this.similarTitles(workspaceId, typo, kinds, limit, readable, staff, caller.userId);
    const groups = new Map<SearchSource, SearchGroupDto>();
    for (const row of rows) {
      const group = groups.get(row.source) ?? { kind: row.source, total: row.total, more: row.more, hits: [] };
      groups.set(row.source, group);
      group.hits.push(this.hit(workspaceId, caller.role, staff, row, terms));
    }
    return { q: query.q, groups: SEARCH_SOURCES.filter((kind) => groups.has(kind)).map((kind) => groups.get(kind)!) };
  }

  /**
   * Titles like the query (pg_trgm's word_similarity, through its index on the title rows), when no words matched: a
   * typo in a title or a name. The threshold is the session's setting, so it is set for this transaction only.
   */
  private similarTitles(workspaceId: string, typo: string, kinds: readonly SearchSource[], limit: number, readable: string[], staff: boolean, userId: string): Promise<Row[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(TYPO_SIMILARITY)]);
      return manager.query(
        `WITH similar_titles AS (
           SELECT e.id, e.source, word_similarity($2, e.title_folded) AS rank FROM search_entries e
           WHERE e.position = 0 AND $2 <% e.title_folded AND e.workspace_id = $1 AND e.source = ANY($3::text[])
             AND (e.document_id IS NULL OR e.document_id = ANY($5::uuid[])) AND ($6 OR NOT e.staff_only OR e.author_id = $7)
         ), numbered AS (
           SELECT id, source, row_number() OVER (PARTITION BY source ORDER BY rank DESC, id) AS n, count(*) OVER (PARTITION BY source)::int AS total
           FROM similar_titles
         )
         SELECT e.source, e.source_id, e.document_id, e.round_id, e.anchor, e.heading, e.title, e.body, true AS typo, n.total, false AS more
         FROM numbered n JOIN search_entries e ON e.id = n.id WHERE n.n <= $4 ORDER BY n.source, n.n`,
        [workspaceId, typo, kinds, limit, readable, staff, userId],
      );
    });
  }

  private hit(workspaceId: string, role: Role, staff: boolean, row: Row, terms: ReturnType<typeof queryTerms>): SearchHitDto {
    return {
      kind: row.source,
      id: row.source_id,
      title: row.title,
      heading: row.heading,
      snippet: snippet(row.body, terms),
      href: hrefOf(workspaceId, role, staff, row),
      similar: row.typo,
    };
  }
}

/** Where the web app shows a result: the record's page, at the heading or comment that matched. */
function hrefOf(workspaceId: string, role: Role, staff: boolean, row: Row): string | null {
  const w = `/w/${workspaceId}`;
  const at = row.anchor ? `#${encodeURIComponent(row.anchor)}` : '';
  switch (row.source) {
    case 'document':
      return `${w}/d/${row.document_id}${at}`;
    case 'version':
      return `${w}/d/${row.document_id}/v/${row.source_id}${at}`;
    case 'comment':
      return `${w}/d/${row.document_id}#thread-${row.source_id}`;
    case 'round':
      return `${w}/rounds/${row.source_id}`;
    case 'consultation_comment':
      return staff ? `${w}/rounds/${row.round_id}/comments` : `${w}/rounds/${row.round_id}`;
    case 'report':
      return `/consultations/${row.round_id}${at}`;
    case 'resolution':
      return `${w}/resolutions/${row.source_id}`;
    case 'meeting':
      return `${w}/meetings/${row.source_id}`;
    case 'project':
      return `${w}/projects/${row.source_id}`;
    case 'person':
      return role === 'coordinator' ? `${w}/people` : null;
    case 'organisation':
      return null;
  }
}


