import { documentFromFragment, documentFromJson, documentPassages, type Passage } from '@commonplan/editor';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { applyAll } from '../collab/merge-updates';
import type { StoredState } from '../collab/document-store';

/** The kinds of record search finds (search_entries.source). */
export const SEARCH_SOURCES = [
  'document',
  'version',
  'comment',
  'round',
  'consultation_comment',
  'report',
  'resolution',
  'meeting',
  'person',
  'organisation',
  'project',
] as const;
export type SearchSource = (typeof SEARCH_SOURCES)[number];

/** One record as the index holds it: its title row (position 0, when it has a title of its own) and its passages. */
export interface IndexedRecord {
  workspaceId: string;
  /** Whose document it belongs to: search shows it to those who may read that document. */
  documentId?: string | null;
  roundId?: string | null;
  authorId?: string | null;
  /** Only the workspace's staff (coordinators, experts) and its author find it. */
  staffOnly?: boolean;
  title: string;
  /** False for records titled by what they belong to (a comment by its document): no title row, no typo match. */
  titled: boolean;
  /** More words the title row is found by (a person's organisation). */
  titleExtra?: string;
  passages: Passage[];
}

export interface SourceContext {
  manager: EntityManager;
  loadState(documentId: string): Promise<StoredState>;
}

type Loader = (id: string, context: SourceContext) => Promise<IndexedRecord | null>;

const passage = (text: string | null | undefined, heading: string | null = null): Passage[] =>
  text && text.trim() ? [{ anchor: null, heading, text: text.trim() }] : [];

/** Reads each kind of record from its tables; null when it is gone (its rows then leave the index). */
export const LOADERS: Record<SearchSource, Loader> = {
  async document(id, { manager, loadState }) {
    const [row] = await manager.query(`SELECT workspace_id, title FROM documents WHERE id = $1`, [id]);
    if (!row) return null;
    const state = await loadState(id);
    const doc = new Y.Doc({ gc: true });
    applyAll(doc, [...(state.snapshot ? [state.snapshot.data] : []), ...state.tail]);
    const passages = documentPassages(documentFromFragment(doc.getXmlFragment('default')));
    doc.destroy();
    return { workspaceId: row.workspace_id, documentId: id, title: row.title, titled: true, passages };
  },

  async version(id, { manager }) {
    const [row] = await manager.query(
      `SELECT v.document_id, v.name, v.content, d.workspace_id, d.title
       FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      workspaceId: row.workspace_id,
      documentId: row.document_id,
      title: `${row.title} — ${row.name}`,
      titled: true,
      passages: documentPassages(documentFromJson(row.content)),
    };
  },

  async comment(id, { manager }) {
    const [thread] = await manager.query(
      `SELECT t.document_id, t.quote, d.workspace_id, d.title FROM comment_threads t JOIN documents d ON d.id = t.document_id WHERE t.id = $1`,
      [id],
    );
    if (!thread) return null;
    const comments: { body: string }[] = await manager.query(`SELECT body FROM comments WHERE thread_id = $1 ORDER BY created_at, id`, [id]);
    return {
      workspaceId: thread.workspace_id,
      documentId: thread.document_id,
      title: thread.title,
      titled: false,
      passages: comments.flatMap((c) => passage(c.body, thread.quote)),
    };
  },

  async round(id, { manager }) {
    // Every member sees the workspace's rounds, drafts too (RoundsService.list).
    const [row] = await manager.query(`SELECT workspace_id, title, legal_basis FROM consultation_rounds WHERE id = $1`, [id]);
    if (!row) return null;
    return { workspaceId: row.workspace_id, roundId: id, title: row.title, titled: true, passages: passage(row.legal_basis) };
  },

  async consultation_comment(id, { manager }) {
    const [row] = await manager.query(
      `SELECT c.round_id, c.number, c.part, c.current_wording, c.proposed_wording, c.justification, c.user_id, c.withdrawn_at,
              r.workspace_id, r.title
       FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id WHERE c.id = $1`,
      [id],
    );
    if (!row) return null;
    const text = [row.proposed_wording, row.justification].filter((t: string) => t && t.trim()).join('\n');
    return {
      workspaceId: row.workspace_id,
      roundId: row.round_id,
      authorId: row.user_id,
      // As sent, with whatever personal data it holds: staff and its author only. Everyone else finds the published
      // report's anonymised text (source 'report').
      staffOnly: true,
      title: `${row.number} · ${row.title}`,
      titled: false,
      passages: passage(text, row.part),
    };
  },

  /** A round's published report (its latest edition): each comment of its annex, anonymised as published. */
  async report(roundId, { manager }) {
    const [row] = await manager.query(
      `SELECT r.workspace_id, r.title, p.content -> 'annex' AS annex
       FROM consultation_rounds r JOIN consultation_reports p ON p.round_id = r.id
       WHERE r.id = $1 ORDER BY p.edition DESC LIMIT 1`,
      [roundId],
    );
    if (!row) return null;
    const annex = (row.annex ?? []) as Array<{ number: string; part: string; proposedWording: string; justification: string; dispositionJustification: string | null }>;
    return {
      workspaceId: row.workspace_id,
      roundId,
      title: row.title,
      titled: false,
      passages: annex.flatMap((entry) =>
        passage([entry.proposedWording, entry.justification, entry.dispositionJustification ?? ''].filter((t) => t && t.trim()).join('\n'), `${entry.number} · ${entry.part}`).map(
          (p) => ({ ...p, anchor: reportAnchor(entry.number) }),
        ),
      ),
    };
  },

  async resolution(id, { manager }) {
    const [row] = await manager.query(`SELECT workspace_id, title, number, justification FROM resolutions WHERE id = $1`, [id]);
    if (!row) return null;
    return {
      workspaceId: row.workspace_id,
      title: row.number ? `${row.number} ${row.title}` : row.title,
      titled: true,
      passages: passage(row.justification),
    };
  },

  async meeting(id, { manager }) {
    const [row] = await manager.query(`SELECT workspace_id, title, place FROM decision_meetings WHERE id = $1`, [id]);
    if (!row) return null;
    const agenda: { title: string }[] = await manager.query(
      `SELECT COALESCE(r.title, a.title) AS title FROM meeting_agenda a LEFT JOIN resolutions r ON r.id = a.resolution_id WHERE a.meeting_id = $1 ORDER BY a.position`,
      [id],
    );
    return {
      workspaceId: row.workspace_id,
      title: row.title,
      titled: true,
      passages: [...passage(row.place), ...agenda.flatMap((a) => passage(a.title))],
    };
  },

  async person(id, { manager }) {
    const [row] = await manager.query(
      `SELECT m.workspace_id, u.display_name, o.name AS organisation
       FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN organisations o ON o.id = m.organisation_id
       WHERE m.id = $1 AND m.active`,
      [id],
    );
    if (!row) return null;
    return { workspaceId: row.workspace_id, title: row.display_name, titled: true, titleExtra: row.organisation ?? '', passages: [] };
  },

  async organisation(id, { manager }) {
    const [row] = await manager.query(`SELECT workspace_id, name FROM organisations WHERE id = $1`, [id]);
    if (!row) return null;
    return { workspaceId: row.workspace_id, title: row.name, titled: true, passages: [] };
  },

  async project(id, { manager }) {
    const [row] = await manager.query(`SELECT workspace_id, title, scope, expected_results FROM projects WHERE id = $1`, [id]);
    if (!row) return null;
    return { workspaceId: row.workspace_id, title: row.title, titled: true, passages: [...passage(row.scope), ...passage(row.expected_results)] };
  },
};

/** The id of a comment's row in the published report (the web app's commentAnchor). */
export function reportAnchor(number: string): string {
  return `uwaga-${number.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function isSearchSource(value: string): value is SearchSource {
  return (SEARCH_SOURCES as readonly string[]).includes(value);
}
