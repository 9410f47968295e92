import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { type BodyRuleBook, DEFAULT_RULE_BOOK, type DocumentKind, HALF, type MemberType, type PartnerType, type Role } from '@commonplan/domain';
import type { AuditService } from '../audit/audit.service';
import type { PasswordHasher } from '../platform/security/password-hasher';
import { writeSnapshotIfCurrent } from '../collab/document-store';
import { createDefaultBodies } from '../decisions/bodies.service';
import { sampleStrategy } from './sample-content';
import { seedDemoMonitoring, seedDemoProjects } from './demo-projects';
import demo from './ssom-demo.json';

export const DEMO_PASSWORD = 'demo-ssom-2026';

/**
 * The demo bodies' rule books: the statute defaults plus what statutes commonly add (an example, not SSOM's statute):
 * the assembly decides in a second term without regard to the number present, except on statute changes, and votes
 * remotely on ordinary resolutions with at least half of its members voting; the board's chair has a casting vote.
 */
export const DEMO_RULES: { assembly: BodyRuleBook; board: BodyRuleBook } = {
  assembly: {
    general: {
      ...DEFAULT_RULE_BOOK.general,
      secondTerm: { quorum: null },
      remote: { quorum: { basis: 'members', among: 'voting', fraction: { ...HALF }, comparison: 'at_least' }, majority: null, basis: 'Statut, § 18 ust. 4 (przykład)' },
    },
    byKind: { ...DEFAULT_RULE_BOOK.byKind, election: { ...DEFAULT_RULE_BOOK.byKind.election, remote: null }, statute_change: { ...DEFAULT_RULE_BOOK.byKind.statute_change, secondTerm: null, remote: null } },
  },
  board: { general: { ...DEFAULT_RULE_BOOK.general, castingVote: true }, byKind: { ...DEFAULT_RULE_BOOK.byKind } },
};

/** Demo accounts by role; representatives are added for every member (see REPRESENTATIVE_LOGINS). */
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; organisation?: string }[] = [
  { email: 'koordynator@som.example', displayName: 'Koordynator Biura SSOM', role: 'coordinator' },
  { email: 'ekspert@som.example', displayName: 'Ekspert SSOM', role: 'expert' },
  { email: 'partner@som.example', displayName: 'Partner – Uniwersytet Szczeciński', role: 'partner', organisation: 'Uniwersytet Szczeciński' },
  { email: 'obserwator@som.example', displayName: 'Obserwator SSOM', role: 'observer' },
];

/** One representative login per member: przedstawiciel.<slug>@som.example. */
export const REPRESENTATIVE_LOGINS: Record<string, string> = {
  'Województwo Zachodniopomorskie': 'wojewodztwo',
  'Gmina Miasto Szczecin': 'szczecin',
  'Gmina Miasto Świnoujście': 'swinoujscie',
  'Powiat Policki': 'powiat-policki',
  'Gmina Police': 'police',
  'Gmina Dobra': 'dobra',
  'Gmina Kołbaskowo': 'kolbaskowo',
  'Gmina Nowe Warpno': 'nowe-warpno',
  'Gmina Gryfino': 'gryfino',
  'Gmina Stare Czarnowo': 'stare-czarnowo',
  'Gmina Miasto Stargard': 'stargard-miasto',
  'Gmina Stargard': 'stargard-gmina',
  'Gmina Kobylanka': 'kobylanka',
  'Gmina Goleniów': 'goleniow',
  'Gmina Stepnica': 'stepnica',
};

const DOCUMENT_KINDS: DocumentKind[] = ['strategy', 'sector_plan', 'sector_plan', 'concept'];

/**
 * Seeds the SSOM demo association into an empty database: its 15 members and 12 partners, one account per role and a
 * representative for every member (all with the demo password), and its strategic documents. Runs only when the
 * database holds no workspace, and never in production (the config refuses SEED_DEMO there).
 */
export async function seedDemoIfEmpty(dataSource: DataSource, hasher: PasswordHasher, audit: AuditService): Promise<boolean> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM workspaces`);
  if (count > 0) return false;
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    const [again] = await manager.query(`SELECT count(*)::int AS count FROM workspaces`);
    if (again.count > 0) return;
    await seed(manager, passwordHash, audit);
  });
  new Logger('Demo').log(`seeded the SSOM demo workspace; sign in as koordynator@som.example / ${DEMO_PASSWORD}`);
  return true;
}

async function seed(manager: EntityManager, passwordHash: string, audit: AuditService): Promise<void> {
  const [workspace] = await manager.query(
    // The public site's contacts (publication/): example addresses, as the demo's people have.
    `INSERT INTO workspaces (slug, name, short_name, public_email, public_address, accessibility_contact, publication_updated_at)
     VALUES ('ssom', $1, $2, 'biuro@som.example', 'Biuro Stowarzyszenia, 70-001 Szczecin', 'Koordynator ds. dostępności, dostepnosc@som.example', now())
     RETURNING id`,
    [demo.association.name, demo.association.short],
  );
  const orgIds = new Map<string, string>();
  for (const m of demo.members) {
    const [row] = await manager.query(
      `INSERT INTO organisations (workspace_id, kind, type, name, population, population_year, vote_weight)
       VALUES ($1, 'member', $2, $3, $4, $5, 1) RETURNING id`,
      [workspace.id, m.type as MemberType, m.name, m.populationApprox, m.populationYear],
    );
    orgIds.set(m.name, row.id);
  }
  for (const p of demo.partners) {
    const [row] = await manager.query(
      `INSERT INTO organisations (workspace_id, kind, type, name) VALUES ($1, 'partner', $2, $3) RETURNING id`,
      [workspace.id, p.type as PartnerType, p.name],
    );
    orgIds.set(p.name, row.id);
  }
  const accounts = [
    ...DEMO_ACCOUNTS,
    ...demo.members.map((m) => ({
      email: `przedstawiciel.${REPRESENTATIVE_LOGINS[m.name]}@som.example`,
      displayName: `Przedstawiciel – ${m.name}`,
      role: 'representative' as Role,
      organisation: m.name,
    })),
  ];
  let coordinatorId = '';
  for (const account of accounts) {
    const [user] = await manager.query(
      `INSERT INTO users (email, display_name, password_hash, password_changed_at) VALUES ($1, $2, $3, now()) RETURNING id`,
      [account.email, account.displayName, passwordHash],
    );
    if (account.role === 'coordinator') coordinatorId = user.id;
    await manager.query(`INSERT INTO memberships (workspace_id, user_id, role, organisation_id) VALUES ($1, $2, $3, $4)`, [
      workspace.id,
      user.id,
      account.role,
      account.organisation ? orgIds.get(account.organisation) : null,
    ]);
  }
  for (const [i, title] of demo.documents.entries()) {
    const [document] = await manager.query(
      `INSERT INTO documents (workspace_id, title, kind, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [workspace.id, title, DOCUMENT_KINDS[i] ?? 'other', coordinatorId],
    );
    if (i === 0) {
      // The strategy opens with a draft outline (its Yjs state as the document's first snapshot).
      const outline = sampleStrategy();
      await writeSnapshotIfCurrent(manager, document.id, null, 0, outline);
      outline.destroy();
    }
  }
  await seedDemoProjects(manager, workspace.id, orgIds, coordinatorId);
  await seedDemoMonitoring(manager, workspace.id, coordinatorId);
  // The general assembly of all 15 members, and a board of six (SSOM's has six members), with the statute provisions
  // associations commonly add (DEMO_RULES); the board's chair is its first member.
  const board = demo.members.slice(0, 6).map((m) => orgIds.get(m.name) as string);
  await createDefaultBodies(manager, workspace.id, board, { ...DEMO_RULES, boardChairId: board[0] ?? null });
  await audit.append(manager, {
    workspaceId: workspace.id,
    actorId: null,
    action: 'workspace.demo_seeded',
    targetType: 'workspace',
    targetId: workspace.id,
    details: { members: demo.members.length, partners: demo.partners.length, accounts: accounts.length },
  });
}
