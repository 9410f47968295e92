import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { defaultInformationClause } from '../consultations/rounds.service';
import { REGISTER_POSITIONS } from '../decisions/public-register.service';
import { type PublicRegisterEntry, RegisterService } from '../decisions/register.service';

/** The association as its public site names it: who it is and how to reach its office. */
export interface PublicAssociation {
  slug: string;
  name: string;
  shortName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** Who answers requests about accessibility (the statement's contact). */
  accessibilityContact: string | null;
}

/** A document version adopted by a resolution in the register: the frozen text with its SHA-256. */
export interface PublicAdoptedDocument {
  /** The adopting resolution's place in the register (its files are under the register's entry). */
  position: number;
  resolutionNumber: string;
  bodyName: string;
  title: string;
  versionNumber: number;
  versionName: string;
  contentHash: string;
  adoptedAt: Date;
}

export interface PublicConsultation {
  id: string;
  title: string;
  documentTitle: string;
  state: 'announced' | 'open' | 'closed' | 'report_published';
  opensAt: Date;
  closesAt: Date;
  /** Editions of the report published so far (0 until the first). */
  reportEditions: number;
  reportPublishedAt: Date | null;
}

/** A joint project the association's body has approved (from `approved` on; ideas and concepts stay inside). */
export interface PublicProject {
  id: string;
  title: string;
  scope: string;
  expectedResults: string;
  stage: string;
  stageOn: string;
  leader: string | null;
  participants: string[];
  startsOn: string | null;
  endsOn: string | null;
  coFinancingRate: number | null;
}

export interface PublicSite {
  association: PublicAssociation;
  documents: PublicAdoptedDocument[];
  consultations: PublicConsultation[];
  register: { total: number; latest: PublicRegisterEntry[] };
  projects: PublicProject[];
  /** The information clause on personal data (art. 13 GDPR) and how long commenters' contact data is kept. */
  privacy: { clause: string; contactRetentionDays: number };
}

/** Project stages from which a project is public: approved by the body, and every stage after. */
export const PUBLIC_PROJECT_STAGES = ['approved', 'submitted', 'granted', 'refused', 'implementation', 'settled'];

/** How many register entries the site's front shows (the register's own page has them all). */
const LATEST_ENTRIES = 10;

/**
 * The public site of an association (`/p/:slug`, no sign-in): what it has adopted, consulted and approved. Everything
 * is read through what is published by its own rule (a register entry, a round past its draft, a project the body
 * approved), field by field, so nothing a member has not published is reachable from here.
 */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterService,
  ) {}

  /** The association by its slug: 404 when there is none. */
  async association(slug: string): Promise<PublicAssociation & { id: string; contactRetentionDays: number; createdAt: Date; updatedAt: Date | null }> {
    if (!/^[\p{L}\p{N}_.-]{1,100}$/u.test(slug)) throw new NotFoundException('no association has this address');
    const [row] = await this.dataSource.query(
      `SELECT id, slug, name, short_name, public_email, public_phone, public_address, accessibility_contact, contact_retention_days, created_at, publication_updated_at FROM workspaces WHERE slug = $1`,
      [slug],
    );
    if (!row) throw new NotFoundException('no association has this address');
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      shortName: row.short_name,
      email: row.public_email,
      phone: row.public_phone,
      address: row.public_address,
      accessibilityContact: row.accessibility_contact,
      contactRetentionDays: Number(row.contact_retention_days),
      createdAt: new Date(row.created_at),
      updatedAt: row.publication_updated_at ? new Date(row.publication_updated_at) : null,
    };
  }

  async site(slug: string): Promise<PublicSite> {
    const { id, contactRetentionDays, createdAt: _createdAt, updatedAt: _updatedAt, ...association } = await this.association(slug);
    const entries = (await this.register.publicList(slug)).entries;
    return {
      association,
      documents: await this.adoptedDocuments(id),
      consultations: await this.consultations(id),
      register: { total: entries.length, latest: [...entries].sort((a, b) => b.position - a.position).slice(0, LATEST_ENTRIES) },
      projects: await this.projects(id),
      privacy: { clause: defaultInformationClause(association.name, contactRetentionDays), contactRetentionDays },
    };
  }

  async adoptedDocuments(workspaceId: string): Promise<PublicAdoptedDocument[]> {
    const rows = await this.dataSource.query(
      `SELECT e.position, e.number, e.body_name, e.adopted_at, d.title, v.number AS version_number, v.name AS version_name, v.content_hash
       FROM (${REGISTER_POSITIONS}) e
       JOIN resolutions r ON r.id = e.resolution_id
       JOIN document_versions v ON v.id = r.adopts_version_id
       JOIN documents d ON d.id = v.document_id
       ORDER BY e.adopted_at DESC, e.id DESC`,
      [workspaceId],
    );
    return rows.map((r: Record<string, string>) => ({
      position: Number(r.position),
      resolutionNumber: r.number,
      bodyName: r.body_name,
      title: r.title,
      versionNumber: Number(r.version_number),
      versionName: r.version_name,
      contentHash: r.content_hash,
      adoptedAt: new Date(r.adopted_at),
    }));
  }

  async consultations(workspaceId: string): Promise<PublicConsultation[]> {
    const rows = await this.dataSource.query(
      `SELECT r.id, r.title, d.title AS document_title, r.state, r.opens_at, r.closes_at, r.report_published_at,
              (SELECT count(*)::int FROM consultation_reports p WHERE p.round_id = r.id) AS editions
       FROM consultation_rounds r JOIN documents d ON d.id = r.document_id
       WHERE r.workspace_id = $1 AND r.state <> 'draft'
       ORDER BY r.opens_at DESC, r.id`,
      [workspaceId],
    );
    return rows.map((r: Record<string, string | number | null>) => ({
      id: r.id as string,
      title: r.title as string,
      documentTitle: r.document_title as string,
      state: r.state as PublicConsultation['state'],
      opensAt: new Date(r.opens_at as string),
      closesAt: new Date(r.closes_at as string),
      reportEditions: Number(r.editions),
      reportPublishedAt: r.report_published_at ? new Date(r.report_published_at as string) : null,
    }));
  }

  async projects(workspaceId: string): Promise<PublicProject[]> {
    const rows = await this.dataSource.query(
      `SELECT p.id, p.title, p.scope, p.expected_results, p.stage, p.stage_on::text AS stage_on, l.name AS leader,
              p.starts_on::text AS starts_on, p.ends_on::text AS ends_on, p.co_financing_rate::float8 AS rate,
              coalesce((SELECT array_agg(o.name ORDER BY pp.position) FROM project_participants pp JOIN organisations o ON o.id = pp.organisation_id
                        WHERE pp.project_id = p.id), '{}') AS participants
       FROM projects p LEFT JOIN organisations l ON l.id = p.leader_id
       WHERE p.workspace_id = $1 AND p.stage = ANY($2::text[])
       ORDER BY p.stage_on DESC, p.title`,
      [workspaceId, PUBLIC_PROJECT_STAGES],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      title: r.title as string,
      scope: r.scope as string,
      expectedResults: r.expected_results as string,
      stage: r.stage as string,
      stageOn: r.stage_on as string,
      leader: (r.leader as string | null) ?? null,
      participants: r.participants as string[],
      startsOn: (r.starts_on as string | null) ?? null,
      endsOn: (r.ends_on as string | null) ?? null,
      coFinancingRate: r.rate === null || r.rate === undefined ? null : Number(r.rate),
    }));
  }
}
