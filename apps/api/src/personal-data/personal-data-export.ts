import type { EntityManager } from 'typeorm';

/**
 * Everything held about one person (GDPR art. 15): read by the person's e-mail address and by the account with that
 * address, within the workspaces asked for. Each section is one query over the tables that hold the person's data
 * (the migrations' tables that name a user or an address); what is deliberately not in it is listed in
 * `notIncluded`, with why. Secrets held only as hashes (password, sessions, receipt links, calendar feeds,
 * invitations) are said to be held, never given.
 */

export interface ExportSubject {
  /** The address asked about (lower case), or the account's. */
  email: string;
  /** The account with that address, if there is one. */
  userId: string | null;
}

export interface PersonalDataExport {
  format: 1;
  generatedAt: string;
  subject: { email: string; hasAccount: boolean };
  account: Record<string, unknown> | null;
  notificationPreferences: Array<Record<string, unknown>>;
  mailSuppressions: Array<Record<string, unknown>>;
  /** Only in a person's own export: sessions, calendar feeds and the sign-ins and resets outside any workspace. */
  sessions?: Array<Record<string, unknown>>;
  calendarFeeds?: Array<Record<string, unknown>>;
  systemAuditEntries?: Array<Record<string, unknown>>;
  workspaces: WorkspaceSection[];
  notIncluded: Array<{ what: string; why: string }>;
}

export interface WorkspaceSection {
  workspace: { id: string; name: string };
  membership: Record<string, unknown> | null;
  invitations: Array<Record<string, unknown>>;
  consultationComments: Array<Record<string, unknown>>;
  documentComments: Array<Record<string, unknown>>;
  proposalsApplied: Array<Record<string, unknown>>;
  projectsCreated: Array<Record<string, unknown>>;
  openVotes: Array<Record<string, unknown>>;
  secretBallotsCast: Array<Record<string, unknown>>;
  notifications: Array<Record<string, unknown>>;
  mailDeliveries: Array<Record<string, unknown>>;
  auditEntries: Array<Record<string, unknown>>;
}

const NOT_INCLUDED: Array<{ what: string; why: string }> = [
  {
    what: 'how the person voted in secret ballots',
    why: 'a secret ballot is never stored with the voter: only the totals per choice are kept (vote_secret_tallies); that the person cast a ballot, and when, is in secretBallotsCast. Open (named) votes are public record and are in openVotes.',
  },
  {
    what: 'the password, session tokens, receipt links of public comments, invitation links and calendar feed addresses',
    why: 'held only as one-way hashes that cannot be read back; the export says where one is held (e.g. editSecretHeld).',
  },
  {
    what: 'published consultation reports',
    why: 'they name no private person: a comment is attributed to "osoba fizyczna nr N", and contact data is never in them. Institutions are named.',
  },
  {
    what: 'text typed while co-drafting documents',
    why: 'the shared editor stores changes without attributing them to a person; named versions, comments and replies are attributed and included.',
  },
  {
    what: 'audit entries about the person made by others',
    why: 'the audit trail holds ids and counts, no personal data; entries where the person is the actor are included (actions and times).',
  },
  {
    what: 'server logs and backups',
    why: 'no log line names a person; backups are copies of the same tables, kept by the operator.',
  },
];

/** Timestamps as ISO strings, every other value as the database gives it. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

async function rows(manager: EntityManager, sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return ((await manager.query(sql, params)) as Array<Record<string, unknown>>).map(plain);
}

/** The records of one workspace tied to the address or the account. */
async function workspaceSection(manager: EntityManager, workspace: { id: string; name: string }, subject: ExportSubject): Promise<WorkspaceSection> {
  const ws = workspace.id;
  const { email } = subject;
  // An unknown account matches nothing (no row has a NULL user id equal to anything).
  const uid = subject.userId;
  const [membership] = uid
    ? await rows(
        manager,
        `SELECT m.role, o.name AS organisation, m.active, m.created_at, m.deactivated_at
         FROM memberships m LEFT JOIN organisations o ON o.id = m.organisation_id WHERE m.workspace_id = $1 AND m.user_id = $2`,
        [ws, uid],
      )
    : [];
  const consultationComments = await rows(
    manager,
    `SELECT c.id, c.number, r.id AS round_id, r.title AS round_title, c.part, c.passage_from, c.passage_to, c.current_wording,
            c.proposed_wording, c.justification, c.submitter_kind, c.submitter_name, c.submitter_type, c.email, c.user_id,
            o.name AS organisation, c.channel, c.entered_by IS NOT NULL AS entered_by_staff, c.edit_secret_hash IS NOT NULL AS edit_secret_held,
            c.withdrawn_at, c.disposition, c.disposition_justification, c.approved_at, c.created_at, c.updated_at, c.contact_erased_at,
            COALESCE((SELECT json_agg(json_build_object('body', n.body, 'createdAt', n.created_at) ORDER BY n.created_at)
                      FROM consultation_comment_notes n WHERE n.comment_id = c.id), '[]'::json) AS staff_notes
     FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id LEFT JOIN organisations o ON o.id = c.organisation_id
     WHERE r.workspace_id = $1 AND (lower(c.email) = $2 OR c.user_id = $3)
     ORDER BY c.created_at, c.number`,
    [ws, email, uid],
  );
  const invitations = await rows(
    manager,
    `SELECT i.email, i.display_name, i.role, o.name AS organisation, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
     FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id WHERE i.workspace_id = $1 AND i.email = $2 ORDER BY i.created_at`,
    [ws, email],
  );
  const documentComments = uid
    ? await rows(
        manager,
        `SELECT c.id, c.thread_id, d.title AS document_title, t.quote, t.created_by = c.author_id AND c.created_at = (
                  SELECT min(first.created_at) FROM comments first WHERE first.thread_id = t.id) AS started_thread,
                c.body, c.created_at
         FROM comments c JOIN comment_threads t ON t.id = c.thread_id JOIN documents d ON d.id = t.document_id
         WHERE d.workspace_id = $1 AND c.author_id = $2 ORDER BY c.created_at`,
        [ws, uid],
      )
    : [];
  const proposalsApplied = uid
    ? await rows(
        manager,
        `SELECT c.number, r.title AS round_title, c.applied_text, c.applied_at
         FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id WHERE r.workspace_id = $1 AND c.applied_by = $2 ORDER BY c.applied_at`,
        [ws, uid],
      )
    : [];
  const projectsCreated = uid
    ? await rows(manager, `SELECT id, title, created_at FROM projects WHERE workspace_id = $1 AND created_by = $2 ORDER BY created_at`, [ws, uid])
    : [];
  const ballots = (ballot: 'named' | 'secret') =>
    uid
      ? rows(
          manager,
          `SELECT v.id AS vote_id, r.number AS resolution_number, r.title AS resolution_title, o.name AS organisation,
                  ${ballot === 'named' ? 'b.choice,' : ''} b.by_proxy, b.cast_at
           FROM vote_ballots b JOIN votes v ON v.id = b.vote_id JOIN resolutions r ON r.id = v.resolution_id JOIN organisations o ON o.id = b.organisation_id
           WHERE v.workspace_id = $1 AND v.ballot = $2 AND b.cast_by = $3 ORDER BY b.cast_at`,
          [ws, ballot, uid],
        )
      : Promise.resolve([]);
  const openVotes = await ballots('named');
  const secretBallotsCast = await ballots('secret');
  const notifications = uid
    ? await rows(manager, `SELECT kind, category, link, params, created_at, read_at FROM notifications WHERE workspace_id = $1 AND user_id = $2 ORDER BY created_at`, [ws, uid])
    : [];
  const mailDeliveries = await rows(
    manager,
    `SELECT address, kind, subject, body, status, attempts, created_at, sent_at
     FROM mail_outbox WHERE workspace_id = $1 AND (lower(address) = $2 OR user_id = $3) ORDER BY created_at, id`,
    [ws, email, uid],
  );
  const auditEntries = uid
    ? await rows(manager, `SELECT seq, action, target_type, created_at FROM audit_entries WHERE chain = $1 AND actor_id = $2 ORDER BY seq`, [`workspace:${ws}`, uid])
    : [];
  return {
    workspace,
    membership: membership ?? null,
    invitations,
    consultationComments,
    documentComments,
    proposalsApplied,
    projectsCreated,
    openVotes,
    secretBallotsCast,
    notifications,
    mailDeliveries,
    auditEntries,
  };
}

/**
 * The export about `subject` within `workspaceIds`. `own`: the person asks about themselves, so what belongs to the
 * account rather than a workspace (sessions, calendar feeds, sign-ins) comes too.
 */
export async function readPersonalData(manager: EntityManager, subject: ExportSubject, workspaceIds: readonly string[], own: boolean): Promise<PersonalDataExport> {
  const workspaces: Array<{ id: string; name: string }> = await manager.query(`SELECT id, name FROM workspaces WHERE id = ANY($1::uuid[]) ORDER BY name`, [workspaceIds]);
  const uid = subject.userId;
  const [account] = uid
    ? await rows(manager, `SELECT id, display_name, email, language, created_at, password_changed_at FROM users WHERE id = $1`, [uid])
    : [];
  const sections: WorkspaceSection[] = [];
  for (const workspace of workspaces) sections.push(await workspaceSection(manager, workspace, subject));
  // An account is shown to a workspace's coordinator only when it belongs to that workspace.
  const accountShown = own || sections.some((s) => s.membership !== null);
  const result: PersonalDataExport = {
    format: 1,
    generatedAt: new Date().toISOString(),
    subject: { email: subject.email, hasAccount: accountShown && !!account },
    account: accountShown ? (account ?? null) : null,
    notificationPreferences:
      accountShown && uid ? await rows(manager, `SELECT category, mode, updated_at FROM notification_preferences WHERE user_id = $1 ORDER BY category`, [uid]) : [],
    mailSuppressions: await rows(manager, `SELECT category, created_at FROM mail_suppressions WHERE lower(address) = $1 ORDER BY category`, [subject.email]),
    workspaces: sections,
    notIncluded: NOT_INCLUDED,
  };
  if (own && uid) {
    result.sessions = await rows(manager, `SELECT created_at, last_seen_at, expires_at, revoked_at, ip, user_agent FROM sessions WHERE user_id = $1 ORDER BY created_at`, [uid]);
    result.calendarFeeds = await rows(manager, `SELECT created_at, revoked_at FROM calendar_feeds WHERE user_id = $1 ORDER BY created_at`, [uid]);
    result.systemAuditEntries = await rows(manager, `SELECT seq, action, created_at FROM audit_entries WHERE chain = 'system' AND actor_id = $1 ORDER BY seq`, [uid]);
  } else {
    result.notIncluded = [
      ...NOT_INCLUDED,
      { what: 'sessions, calendar feeds and sign-ins', why: 'they belong to the account, not to this workspace: the person downloads them from their own account page.' },
    ];
  }
  return result;
}
