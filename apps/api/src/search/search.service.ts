import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@commonplan/domain';
import { DocumentsService } from '../documents/documents.service';
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
  position: number;
  document_id: string | null;
  round_id: string | null;
  anchor: string | null;
  heading: string | null;
  title: string;
  body: string;
  typo: boolean;
  total: number;
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
    const rows: Row[] = await this.dataSource.query(
      `WITH matched AS (
         SELECT e.source, e.source_id, e.position, e.document_id, e.round_id, e.author_id, e.staff_only, e.anchor, e.heading,
                e.title, e.body, ts_rank(e.lexemes, query) + CASE WHEN e.position = 0 THEN 1 ELSE 0 END AS rank, false AS typo
         FROM search_entries e, to_tsquery('simple', $2) query
         WHERE e.workspace_id = $1 AND e.source = ANY($3::text[]) AND e.lexemes @@ query
         UNION ALL
         SELECT e.source, e.source_id, e.position, e.document_id, e.round_id, e.author_id, e.staff_only, e.anchor, e.heading,
                e.title, e.body, word_similarity($4, e.title_folded), true
         FROM search_entries e
         WHERE length($4) >= ${TYPO_MIN_LENGTH} AND e.workspace_id = $1 AND e.position = 0 AND e.source = ANY($3::text[])
           AND word_similarity($4, e.title_folded) >= ${TYPO_SIMILARITY}
       ), visible AS (
         SELECT * FROM matched m
         WHERE (m.document_id IS NULL OR m.document_id = ANY($5::uuid[])) AND ($6 OR NOT m.staff_only OR m.author_id = $7)
       ), best AS (
         SELECT DISTINCT ON (source, source_id, coalesce(anchor, '')) * FROM visible
         ORDER BY source, source_id, coalesce(anchor, ''), typo, rank DESC, position
       ), numbered AS (
         SELECT *, row_number() OVER (PARTITION BY source ORDER BY rank DESC, title, position) AS n,
                count(*) OVER (PARTITION BY source)::int AS total
         FROM best
       )
       SELECT * FROM numbered WHERE n <= $8 ORDER BY source, n`,
      [workspaceId, tsQuery, kinds, typo, readable, staff, caller.userId, limit],
    );
    const groups = new Map<SearchSource, SearchGroupDto>();
    for (const row of rows) {
      const group = groups.get(row.source) ?? { kind: row.source, total: row.total, hits: [] };
      groups.set(row.source, group);
      group.hits.push(this.hit(workspaceId, caller.role, staff, row, terms));
    }
    return { q: query.q, groups: SEARCH_SOURCES.filter((kind) => groups.has(kind)).map((kind) => groups.get(kind)!) };
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


