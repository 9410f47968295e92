import { createHash } from 'node:crypto';
import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Node as PMNode } from '@tiptap/pm/model';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson } from '@commonplan/domain';
import { diffDocuments, type DocumentDiff, documentFromJson, documentFromState, renderHtml, replaceContentUpdate } from '@commonplan/editor';
import { AuditService } from '../audit/audit.service';
import { CollabEngine } from '../collab/collab-engine';
import { DocumentStore } from '../collab/document-store';
import { requireStoredState } from '../collab/stored-state';
import { DocumentAccessService } from '../documents/document-access.service';
import { peopleWithAccess } from '../documents/document-audience';
import { Notifier } from '../notifications/notifier';
import { problem } from '../platform/http/problem-codes';

export interface VersionSummary {
  id: string;
  documentId: string;
  number: number;
  name: string;
  /** SHA-256 of the canonical JSON of the version's content: the same text always has the same hash. */
  contentHash: string;
  createdAt: Date;
  createdBy: { id: string; displayName: string } | null;
}

export interface VersionDetails extends VersionSummary {
  /** The content as ProseMirror (Tiptap) JSON, in the schema of libs/editor. */
  content: unknown;
  html: string;
}

export type CompareSide = { kind: 'live' } | { kind: 'version'; id: string; number: number; name: string; contentHash: string };

export interface Comparison extends DocumentDiff {
  from: CompareSide;
  to: CompareSide;
}

/** The SHA-256 (hex) of a document's content: canonical JSON of its ProseMirror form. */
export function contentHash(doc: PMNode): string {
  return createHash('sha256').update(canonicalJson(doc.toJSON())).digest('hex');
}

const SUMMARY = `v.id, v.document_id, v.number, v.name, v.content_hash, v.created_at, v.created_by, u.display_name`;

@Injectable()
export class VersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DocumentAccessService,
    private readonly engine: CollabEngine,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
  ) {}

  /**
   * Freezes the document as it is stored now under a name (edit access), and tells the people who edit the document.
   * `holdEdits`: nobody edits the document from this moment (the caller makes that lasting in the database and
   * publishes an AccessEvents change either way): a resolution's text as its vote opens — announced as the vote's
   * opening (vote_opened), not as a version.
   */
  async freeze(userId: string, documentId: string, name: string, options: { holdEdits?: boolean } = {}): Promise<VersionSummary> {
    const resolved = await this.access.require(userId, documentId, 'edit');
    if (options.holdEdits) await this.engine.holdEdits(documentId);
    const state = await requireStoredState(this.engine, documentId);
    const doc = documentFromState(state);
    const hash = contentHash(doc);
    const id = await this.dataSource.transaction(async (manager) => {
      // One freeze at a time per document: numbers are consecutive, names unique.
      await manager.query(`SELECT id FROM documents WHERE id = $1 FOR UPDATE`, [documentId]);
      const [clash] = await manager.query(`SELECT number FROM document_versions WHERE document_id = $1 AND name = $2`, [documentId, name]);
      if (clash) {
        throw problem('version_name_taken', `name: version ${clash.number} is already called "${name}"`, [
          { field: 'name', message: 'already used by another version of this document', code: 'version_name_taken' },
        ]);
      }
      const [inserted] = await manager.query(
        `INSERT INTO document_versions (document_id, number, name, state, content, html, content_hash, created_by)
         SELECT $1, COALESCE(MAX(number), 0) + 1, $2, $3, $4, $5, $6, $7 FROM document_versions WHERE document_id = $1
         RETURNING id, number`,
        [documentId, name, Buffer.from(state), JSON.stringify(doc.toJSON()), renderHtml(doc), hash, userId],
      );
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId: userId,
        action: 'document.version_frozen',
        targetType: 'document',
        targetId: documentId,
        details: { versionId: inserted.id, number: inserted.number, name, contentHash: hash },
      });
      if (!options.holdEdits) {
        await this.announceFrozen(manager, resolved.workspaceId, userId, documentId, { id: inserted.id, number: Number(inserted.number), name });
      }
      return inserted.id as string;
    });
    this.engine.announce(documentId, { type: 'versions' });
    return this.summary(documentId, id);
  }

  /**
   * Lets a text held by `freeze(…, { holdEdits: true })` be edited again (a vote that did not open, one without
   * quorum), unless a resolution it is the text of is voted on or decided; in `manager`'s transaction when given.
   */
  async releaseEdits(documentId: string, manager?: EntityManager): Promise<void> {
    await this.store.releaseEdits(documentId, manager);
  }

  /**
   * version_frozen, to the people who edit the document: its creator, whoever froze one of its versions before, and
   * those given edit access by a grant of their own or of their organisation — each only while their access still
   * allows editing (edits themselves are stored without their authors, so who typed what is not known). Coordinators
   * who never took part are not told of every version of every document.
   */
  private async announceFrozen(manager: EntityManager, workspaceId: string, actorId: string, documentId: string, version: { id: string; number: number; name: string }): Promise<void> {
    const candidates: Array<{ id: string }> = await manager.query(
      `SELECT created_by AS id FROM documents WHERE id = $1 AND created_by IS NOT NULL
       UNION SELECT created_by FROM document_versions WHERE document_id = $1 AND created_by IS NOT NULL
       UNION SELECT user_id FROM document_access WHERE document_id = $1 AND access = 'edit' AND (expires_at IS NULL OR expires_at > now())
       UNION SELECT m.user_id FROM document_organisation_access oa
             JOIN documents d ON d.id = oa.document_id
             JOIN memberships m ON m.workspace_id = d.workspace_id AND m.organisation_id = oa.organisation_id AND m.active
             WHERE oa.document_id = $1 AND oa.access = 'edit' AND (oa.expires_at IS NULL OR oa.expires_at > now())`,
      [documentId],
    );
    const recipients = await peopleWithAccess(
      manager,
      documentId,
      candidates.map((c) => c.id).filter((id) => id !== actorId),
      'edit',
    );
    if (recipients.length === 0) return;
    const [names] = await manager.query(
      `SELECT (SELECT display_name FROM users WHERE id = $1) AS actor, (SELECT title FROM documents WHERE id = $2) AS document`,
      [actorId, documentId],
    );
    await this.notifier.notify(manager, {
      kind: 'version_frozen',
      workspaceId,
      key: `version_frozen:${version.id}`,
      recipients,
      actorId,
      // The version's own page (the web app's /w/:workspace/d/:document/v/:version).
      link: `/w/${workspaceId}/d/${documentId}/v/${version.id}`,
      params: { actor: names.actor ?? '', document: names.document ?? '', version: version.name, number: version.number },
      documentId,
    });
  }

  async list(userId: string, documentId: string): Promise<VersionSummary[]> {
    await this.access.require(userId, documentId, 'read');
    const rows = await this.dataSource.query(
      `SELECT ${SUMMARY} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.document_id = $1 ORDER BY v.number DESC`,
      [documentId],
    );
    return rows.map(toSummary);
  }

  async get(userId: string, documentId: string, versionId: string): Promise<VersionDetails> {
    await this.access.require(userId, documentId, 'read');
    const [row] = await this.dataSource.query(
      `SELECT ${SUMMARY}, v.content, v.html FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.document_id = $1 AND v.id = $2`,
      [documentId, versionId],
    );
    if (!row) throw new NotFoundException('version not found');
    return { ...toSummary(row), content: row.content, html: row.html };
  }

  /** Two versions, or a version and the live text, compared block by block and word by word (read access). */
  async compare(userId: string, documentId: string, from: string, to: string): Promise<Comparison> {
    await this.access.require(userId, documentId, 'read');
    const [before, after] = [await this.side(documentId, from, 'from'), await this.side(documentId, to, 'to')];
    return { from: before.side, to: after.side, ...diffDocuments(before.doc, after.doc) };
  }

  /**
   * Puts a version's content back as a new change on top of the live text (edit access): only what differs is
   * changed, the history stays, and everyone in the document sees it at once.
   */
  async restore(userId: string, documentId: string, versionId: string): Promise<{ changed: boolean }> {
    const resolved = await this.access.require(userId, documentId, 'edit');
    const [row] = await this.dataSource.query(`SELECT number, name, content FROM document_versions WHERE document_id = $1 AND id = $2`, [documentId, versionId]);
    if (!row) throw new NotFoundException('version not found');
    const target = documentFromJson(row.content);
    const ack = await this.engine.applyServerChange(documentId, (state) => replaceContentUpdate(state, target));
    if (ack && !ack.ok) throw new ServiceUnavailableException(`the version could not be restored: ${ack.error.message}`);
    await this.audit.record({
      workspaceId: resolved.workspaceId,
      actorId: userId,
      action: 'document.version_restored',
      targetType: 'document',
      targetId: documentId,
      details: { versionId, number: row.number, name: row.name, changed: ack !== null },
    });
    this.engine.announce(documentId, { type: 'versions' });
    return { changed: ack !== null };
  }

  private async side(documentId: string, which: string, field: 'from' | 'to'): Promise<{ side: CompareSide; doc: PMNode }> {
    if (which === 'live') return { side: { kind: 'live' }, doc: documentFromState(await requireStoredState(this.engine, documentId)) };
    const [row] = await this.dataSource.query(
      `SELECT id, number, name, content_hash, content FROM document_versions WHERE document_id = $1 AND id = $2`,
      [documentId, which],
    );
    if (!row) throw new NotFoundException({ message: `${field}: no such version of this document`, errors: [{ field, message: 'no such version of this document' }] });
    return { side: { kind: 'version', id: row.id, number: row.number, name: row.name, contentHash: row.content_hash }, doc: documentFromJson(row.content) };
  }

  private async summary(documentId: string, versionId: string): Promise<VersionSummary> {
    const [row] = await this.dataSource.query(
      `SELECT ${SUMMARY} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.document_id = $1 AND v.id = $2`,
      [documentId, versionId],
    );
    return toSummary(row);
  }
}

function toSummary(row: Record<string, unknown>): VersionSummary {
  return {
    id: row['id'] as string,
    documentId: row['document_id'] as string,
    number: Number(row['number']),
    name: row['name'] as string,
    contentHash: row['content_hash'] as string,
    createdAt: new Date(row['created_at'] as string),
    createdBy: row['created_by'] ? { id: row['created_by'] as string, displayName: (row['display_name'] as string) ?? '' } : null,
  };
}
