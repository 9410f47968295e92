import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type ChainReport } from '../audit/audit.service';
import { ballotsDigest } from './ballots-digest';

export interface RegisterEntry {
  number: string;
  title: string;
  body: string;
  adoptedAt: Date;
  result: { for: number; against: number; abstain: number; quorum: boolean; reason: string };
  /** The SHA-256 of the version the resolution adopts, when it adopts one. */
  versionHash: string | null;
  ballotsDigest: string;
  resolutionId: string;
  auditSeq: number;
}

/**
 * A register entry as published (GET /api/public/registers/:slug): number, title, body, date, result, the adopted
 * version's hash and the sealed digest of the ballots. Built field by field by toPublicEntry, so the resolution's id,
 * the audit entry's number or anything added to RegisterEntry stays with the workspace's members.
 */
export interface PublicRegisterEntry {
  number: string;
  title: string;
  body: string;
  adoptedAt: Date;
  result: { for: number; against: number; abstain: number; quorum: boolean; reason: string };
  versionHash: string | null;
  ballotsDigest: string;
}

export interface PublicRegister {
  /** The workspace's (association's) name. */
  workspace: string;
  entries: PublicRegisterEntry[];
}

export interface RegisterReport {
  valid: boolean;
  checkedEntries: number;
  checkedVotes: number;
  auditChain: Pick<ChainReport, 'valid' | 'checkedEntries' | 'firstBroken'>;
  /** The first thing found not to match, in words a clerk can act on. */
  firstBroken: { kind: 'audit_chain' | 'vote' | 'register_entry'; id: string; reason: string } | null;
}

/**
 * The decision register: every adopted resolution with its number, date, body, result and the adopted version's
 * hash. Append-only (a trigger refuses changes), and each entry is sealed by its audit entry, which carries the digest
 * of the vote's ballots: verification recomputes the audit chain, every closed vote's ballot digest from the ballots
 * stored now, and compares each register entry with the audit entry that sealed it.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<RegisterEntry[]> {
    const rows = await this.dataSource.query(`SELECT * FROM decision_register WHERE workspace_id = $1 ORDER BY adopted_at, id`, [workspaceId]);
    return rows.map(toEntry);
  }

  /** The published register of a workspace, by its slug (no sign-in). */
  async publicList(slug: string): Promise<PublicRegister> {
    const [workspace] = await this.dataSource.query(`SELECT id, name FROM workspaces WHERE slug = $1`, [slug]);
    if (!workspace) throw new NotFoundException('workspace not found');
    return { workspace: workspace.name, entries: (await this.list(workspace.id)).map(toPublicEntry) };
  }

  async verify(workspaceId: string): Promise<RegisterReport> {
    const chain = await this.audit.verify(workspaceId);
    const auditChain = { valid: chain.valid, checkedEntries: chain.checkedEntries, firstBroken: chain.firstBroken };
    let firstBroken: RegisterReport['firstBroken'] = chain.valid ? null : { kind: 'audit_chain', id: String(chain.firstBroken?.seq ?? ''), reason: 'the audit trail does not verify' };

    const seals = await this.dataSource.query(
      `SELECT seq, action, details FROM audit_entries WHERE workspace_id = $1 AND action IN ('vote.closed', 'resolution.adopted') ORDER BY seq`,
      [workspaceId],
    );
    const closedSeal = new Map<string, string>(seals.filter((s: { action: string }) => s.action === 'vote.closed').map((s: { details: Record<string, string> }) => [s.details['voteId'], s.details['ballotsDigest']]));
    const votes = await this.dataSource.query(`SELECT id, ballots_digest FROM votes WHERE workspace_id = $1 AND state = 'closed' ORDER BY closed_at`, [workspaceId]);
    for (const vote of votes) {
      const ballots = await this.dataSource.query(`SELECT organisation_id, choice, by_proxy FROM vote_ballots WHERE vote_id = $1`, [vote.id]);
      const secret = await this.dataSource.query(`SELECT choice, weight FROM vote_secret_choices WHERE vote_id = $1`, [vote.id]);
      const now = ballotsDigest(ballots, secret);
      const sealed = closedSeal.get(vote.id);
      const reason = !sealed ? 'no audit entry seals this vote' : now !== sealed ? 'its ballots were changed after the vote closed' : vote.ballots_digest !== sealed ? 'its recorded digest was changed' : null;
      if (reason && !firstBroken) firstBroken = { kind: 'vote', id: vote.id, reason };
    }

    const entries = await this.dataSource.query(`SELECT * FROM decision_register WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
    for (const entry of entries) {
      const seal = seals.find((s: { seq: string; action: string }) => s.action === 'resolution.adopted' && Number(s.seq) === Number(entry.audit_seq));
      const details = seal?.details as Record<string, unknown> | undefined;
      const matches =
        details &&
        details['resolutionId'] === entry.resolution_id &&
        details['number'] === entry.number &&
        details['title'] === entry.title &&
        details['ballotsDigest'] === entry.ballots_digest &&
        (details['versionHash'] ?? null) === entry.version_hash;
      if (!matches && !firstBroken) firstBroken = { kind: 'register_entry', id: entry.number, reason: seal ? 'the entry differs from the audit entry that sealed it' : 'no audit entry seals this register entry' };
      // The attachments as adopted: their content hashed again now, against the list the seal names.
      const attachments = await this.dataSource.query(
        `SELECT position, name, encode(sha256(content), 'hex') AS sha256 FROM resolution_attachments WHERE resolution_id = $1 ORDER BY position`,
        [entry.resolution_id],
      );
      const sealedAttachments = (details?.['attachments'] as Array<{ position: number; name: string; sha256: string }> | undefined) ?? [];
      const same = attachments.length === sealedAttachments.length && attachments.every((a: { position: number; name: string; sha256: string }, i: number) => Number(a.position) === sealedAttachments[i].position && a.name === sealedAttachments[i].name && a.sha256 === sealedAttachments[i].sha256);
      if (matches && !same && !firstBroken) firstBroken = { kind: 'register_entry', id: entry.number, reason: 'its attachments were changed after the adoption' };
    }
    return { valid: firstBroken === null, checkedEntries: entries.length, checkedVotes: votes.length, auditChain, firstBroken };
  }
}

interface RegisterRow {
  number: string;
  title: string;
  body_name: string;
  adopted_at: string;
  result: RegisterEntry['result'];
  version_hash: string | null;
  ballots_digest: string;
  resolution_id: string;
  audit_seq: string;
}

function toPublicEntry(e: RegisterEntry): PublicRegisterEntry {
  return {
    number: e.number,
    title: e.title,
    body: e.body,
    adoptedAt: e.adoptedAt,
    // Stored as JSON: its fields are picked too.
    result: { for: e.result.for, against: e.result.against, abstain: e.result.abstain, quorum: e.result.quorum, reason: e.result.reason },
    versionHash: e.versionHash,
    ballotsDigest: e.ballotsDigest,
  };
}

function toEntry(r: RegisterRow): RegisterEntry {
  return {
    number: r.number,
    title: r.title,
    body: r.body_name,
    adoptedAt: new Date(r.adopted_at),
    result: r.result,
    versionHash: r.version_hash,
    ballotsDigest: r.ballots_digest,
    resolutionId: r.resolution_id,
    auditSeq: Number(r.audit_seq),
  };
}
