import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type ChainReport } from '../audit/audit.service';
import type { Outcome } from '@commonplan/domain';
import { VOTE_PROBLEMS, type VoteVerification, VoteVerifier } from './vote-verifier';
import { ElectionVerifier } from './elections/election-verifier';

export interface RegisterEntry {
  /** The entry's place in the workspace's register, 1, 2, … (the public register addresses its page and files by it). */
  position: number;
  number: string;
  title: string;
  body: string;
  adoptedAt: Date;
  result: { for: number; against: number; abstain: number; quorum: boolean; reason: string; elected?: string[] };
  /** The SHA-256 of the version the resolution adopts, when it adopts one. */
  versionHash: string | null;
  /** The SHA-256 of the resolution's own text as voted (entries from before texts were frozen: null). */
  textHash: string | null;
  ballotsDigest: string;
  resolutionId: string;
  auditSeq: number;
  /** Whether the entry and its vote verify (see verify): a view shows an entry that does not as such. */
  verified: boolean;
}

/**
 * A register entry as published (GET /api/public/registers/:slug): number, title, body, date, result, the adopted
 * version's hash and the sealed digest of the ballots. Built field by field by toPublicEntry, so the resolution's id,
 * the audit entry's number or anything added to RegisterEntry stays with the workspace's members.
 */
export interface PublicRegisterEntry {
  position: number;
  number: string;
  title: string;
  body: string;
  adoptedAt: Date;
  result: { for: number; against: number; abstain: number; quorum: boolean; reason: string; elected?: string[] };
  versionHash: string | null;
  textHash: string | null;
  ballotsDigest: string;
  /** False when the entry or its vote does not verify against its seals and ballots: the public sees it marked. */
  verified: boolean;
}

export interface PublicRegister {
  /** The workspace's (association's) name. */
  workspace: string;
  entries: PublicRegisterEntry[];
}

/** What does not hold in the register: a vote's problem (VoteProblem), the audit chain, or an entry's. */
export const REGISTER_PROBLEM_CODES = [...VOTE_PROBLEMS, 'audit_chain', 'entry_unsealed', 'entry_differs', 'entry_result_differs', 'entry_vote_differs', 'attachments_changed'] as const;
export type RegisterProblemCode = (typeof REGISTER_PROBLEM_CODES)[number];

export interface RegisterProblem {
  kind: 'audit_chain' | 'vote' | 'register_entry' | 'election';
  /** The audit entry's number, the vote's id, the register entry's number or an election round's id. */
  id: string;
  /** What does not hold, for views to say in their language (a vote's: VoteProblem). */
  code: RegisterProblemCode;
  reason: string;
}

export interface RegisterReport {
  valid: boolean;
  checkedEntries: number;
  checkedVotes: number;
  auditChain: Pick<ChainReport, 'valid' | 'checkedEntries' | 'firstBroken'>;
  /** The first thing found not to match, in words a clerk can act on. */
  firstBroken: RegisterProblem | null;
  /** Everything found not to match. */
  problems: RegisterProblem[];
}

/**
 * The decision register: every adopted resolution with its number, date, body, result and the adopted version's
 * hash. Append-only (a trigger refuses changes), and each entry is sealed by its audit entry. Verification recomputes
 * the audit chain, checks every closed vote against its seals and its ballots (VoteVerifier: the ballots' digest, the
 * rules, members and attendance, the outcome recomputed), and compares each register entry, figures included, with
 * its seal and its vote.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly verifier: VoteVerifier,
    private readonly elections: ElectionVerifier,
  ) {}

  async list(workspaceId: string): Promise<RegisterEntry[]> {
    const rows = await this.dataSource.query(`SELECT *, row_number() OVER (ORDER BY id) AS position FROM decision_register WHERE workspace_id = $1 ORDER BY adopted_at, id`, [workspaceId]);
    const verified = rows.length ? await this.entriesVerified(workspaceId) : new Map<string, boolean>();
    return rows.map((row: RegisterRow) => toEntry(row, verified.get(row.resolution_id) ?? false));
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
    const problems: RegisterProblem[] = chain.valid ? [] : [{ kind: 'audit_chain', id: String(chain.firstBroken?.seq ?? ''), code: 'audit_chain', reason: 'the audit trail does not verify' }];

    const votes = await this.dataSource.query(`SELECT id FROM votes WHERE workspace_id = $1 AND state = 'closed' ORDER BY closed_at`, [workspaceId]);
    const verified = await this.verifier.verify(votes.map((v: { id: string }) => v.id));
    for (const vote of votes) {
      const verification = verified.get(vote.id);
      if (verification && !verification.verified) problems.push({ kind: 'vote', id: vote.id, code: verification.code, reason: verification.reason });
    }

    // Elections' rounds, checked as votes are (an election's register entry has no vote).
    const elections = await this.elections.verify(workspaceId);
    for (const round of elections.problems) problems.push({ kind: 'election', id: round.roundId, code: round.code, reason: round.reason });

    const entries = await this.dataSource.query(`SELECT * FROM decision_register WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
    const problemsOfEntries = await this.entryProblems(workspaceId, entries, verified);
    problems.push(...problemsOfEntries);
    return { valid: problems.length === 0, checkedEntries: entries.length, checkedVotes: votes.length, auditChain, firstBroken: problems[0] ?? null, problems };
  }

  /** Each register entry against the audit entry that sealed it, its vote, and its attachments' content now. */
  private async entryProblems(workspaceId: string, entries: Array<RegisterRow & { vote_id: string | null }>, votes: Map<string, VoteVerification>): Promise<RegisterProblem[]> {
    const problems: RegisterProblem[] = [];
    if (entries.length === 0) return problems;
    const seals = await this.dataSource.query(
      `SELECT seq, details FROM audit_entries WHERE workspace_id = $1 AND action = 'resolution.adopted' AND seq = ANY($2::bigint[])`,
      [workspaceId, entries.map((e) => e.audit_seq)],
    );
    const outcomes = await this.dataSource.query(`SELECT id, outcome FROM votes WHERE id = ANY($1::uuid[])`, [entries.map((e) => e.vote_id)]);
    for (const entry of entries) {
      const problem = (code: RegisterProblem['code'], reason: string) => problems.push({ kind: 'register_entry', id: entry.number, code, reason });
      const seal = seals.find((s: { seq: string }) => Number(s.seq) === Number(entry.audit_seq));
      const details = seal?.details as Record<string, unknown> | undefined;
      if (!details) {
        problem('entry_unsealed', 'no audit entry seals this register entry');
        continue;
      }
      const sealedResult = (details['result'] ?? {}) as Record<string, unknown>;
      const same =
        details['resolutionId'] === entry.resolution_id &&
        details['number'] === entry.number &&
        details['title'] === entry.title &&
        details['body'] === entry.body_name &&
        details['adoptedAt'] === new Date(entry.adopted_at).toISOString() &&
        details['ballotsDigest'] === entry.ballots_digest &&
        (details['versionHash'] ?? null) === entry.version_hash &&
        (details['textHash'] ?? null) === (entry.text_hash ?? null);
      if (!same) {
        problem('entry_differs', 'the entry differs from the audit entry that sealed it');
        continue;
      }
      const differing = (['for', 'against', 'abstain', 'quorum', 'reason'] as const).filter((key) => sealedResult[key] !== entry.result[key]);
      if (JSON.stringify(sealedResult['elected'] ?? null) !== JSON.stringify(entry.result.elected ?? null)) differing.push('reason');
      if (differing.length > 0) {
        problem('entry_result_differs', `its result (${differing.map((key) => `${key} ${entry.result[key]}`).join(', ')}) differs from the sealed one (${differing.map((key) => `${key} ${sealedResult[key]}`).join(', ')})`);
        continue;
      }
      // The entry's figures against its vote's outcome (which verifies against its ballots, or is reported above).
      const outcome = outcomes.find((o: { id: string }) => o.id === entry.vote_id)?.outcome as Outcome | undefined;
      if (outcome && entry.vote_id && votes.get(entry.vote_id)?.verified && (outcome.tally.for.count !== entry.result.for || outcome.tally.against.count !== entry.result.against || outcome.tally.abstain.count !== entry.result.abstain)) {
        problem('entry_vote_differs', 'its result differs from its vote’s outcome');
        continue;
      }
      // The attachments as adopted: their content hashed again now, against the list the seal names.
      const attachments = await this.dataSource.query(
        `SELECT position, name, encode(sha256(content), 'hex') AS sha256 FROM resolution_attachments WHERE resolution_id = $1 ORDER BY position`,
        [entry.resolution_id],
      );
      const sealedAttachments = (details['attachments'] as Array<{ position: number; name: string; sha256: string }> | undefined) ?? [];
      const sameAttachments =
        attachments.length === sealedAttachments.length &&
        attachments.every((a: { position: number; name: string; sha256: string }, i: number) => Number(a.position) === sealedAttachments[i].position && a.name === sealedAttachments[i].name && a.sha256 === sealedAttachments[i].sha256);
      if (!sameAttachments) problem('attachments_changed', 'its attachments were changed after the adoption');
    }
    return problems;
  }

  /** Which register entries (by resolution) verify: for views that must show only what verifies, or mark it. */
  async entriesVerified(workspaceId: string): Promise<Map<string, boolean>> {
    const report = await this.verify(workspaceId);
    const broken = new Set(report.problems.filter((p) => p.kind === 'register_entry').map((p) => p.id));
    const brokenVotes = new Set(report.problems.filter((p) => p.kind === 'vote').map((p) => p.id));
    const brokenRounds = report.problems.filter((p) => p.kind === 'election').map((p) => p.id);
    const brokenElections = new Set<string>(
      brokenRounds.length ? (await this.dataSource.query(`SELECT election_id FROM election_rounds WHERE id = ANY($1::uuid[])`, [brokenRounds])).map((r: { election_id: string }) => r.election_id) : [],
    );
    const entries = await this.dataSource.query(`SELECT number, resolution_id, vote_id, election_id FROM decision_register WHERE workspace_id = $1`, [workspaceId]);
    return new Map(
      entries.map((e: { number: string; resolution_id: string; vote_id: string | null; election_id: string | null }) => [
        e.resolution_id,
        report.auditChain.valid && !broken.has(e.number) && !(e.vote_id && brokenVotes.has(e.vote_id)) && !(e.election_id && brokenElections.has(e.election_id)),
      ]),
    );
  }
}

interface RegisterRow {
  position: string;
  number: string;
  title: string;
  body_name: string;
  adopted_at: string;
  result: RegisterEntry['result'];
  version_hash: string | null;
  ballots_digest: string;
  resolution_id: string;
  audit_seq: string;
  text_hash: string | null;
}

function toPublicEntry(e: RegisterEntry): PublicRegisterEntry {
  return {
    position: e.position,
    number: e.number,
    title: e.title,
    body: e.body,
    adoptedAt: e.adoptedAt,
    // Stored as JSON: its fields are picked too.
    result: { for: e.result.for, against: e.result.against, abstain: e.result.abstain, quorum: e.result.quorum, reason: e.result.reason, ...(e.result.elected ? { elected: [...e.result.elected] } : {}) },
    versionHash: e.versionHash,
    textHash: e.textHash,
    ballotsDigest: e.ballotsDigest,
    verified: e.verified,
  };
}

function toEntry(r: RegisterRow, verified: boolean): RegisterEntry {
  return {
    position: Number(r.position),
    number: r.number,
    title: r.title,
    body: r.body_name,
    adoptedAt: new Date(r.adopted_at),
    result: r.result,
    versionHash: r.version_hash,
    textHash: r.text_hash,
    ballotsDigest: r.ballots_digest,
    resolutionId: r.resolution_id,
    auditSeq: Number(r.audit_seq),
    verified,
  };
}
