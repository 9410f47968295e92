import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { statementLabels } from '../projects/statements/statement-labels';
import { atomFeed, type FeedEntry } from './atom-feed';
import { REGISTER_POSITIONS } from '../decisions/public-register.service';
import { PUBLIC_PROJECT_STAGES, PublicSiteService } from './public-site.service';

/** The projects' stages in words, as the members' statements name them (the feed is in Polish). */
const STAGES = statementLabels('pl').stages;

/** Entries the feed carries at most (the newest). */
const FEED_LIMIT = 100;

/**
 * The public site's Atom feed of new publications: resolutions entered in the register (with the documents they
 * adopt), consultations announced, each edition of a report, projects approved. Only what the site itself shows.
 */
@Injectable()
export class PublicFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly site: PublicSiteService,
    private readonly config: AppConfig,
  ) {}

  async feed(slug: string): Promise<string> {
    const association = await this.site.association(slug);
    const origin = this.config.publicUrl;
    const site = `${origin}/p/${encodeURIComponent(association.slug)}`;
    const id = (kind: string, key: string) => `${site}#${kind}-${key}`;
    const entries: FeedEntry[] = [];

    const resolutions = await this.dataSource.query(
      `SELECT e.position, e.number, e.title, e.body_name, e.adopted_at, d.title AS document_title
       FROM (${REGISTER_POSITIONS}) e
       JOIN resolutions r ON r.id = e.resolution_id
       LEFT JOIN document_versions v ON v.id = r.adopts_version_id LEFT JOIN documents d ON d.id = v.document_id
       ORDER BY e.id DESC LIMIT $2`,
      [association.id, FEED_LIMIT],
    );
    for (const r of resolutions) {
      entries.push({
        id: id('uchwala', String(r.position)),
        title: r.title,
        link: `${origin}/registers/${encodeURIComponent(association.slug)}/${r.position}`,
        updated: new Date(r.adopted_at),
        summary: r.document_title ? `${r.body_name}: przyjęcie dokumentu „${r.document_title}”.` : `${r.body_name}: uchwała wpisana do rejestru.`,
        category: r.document_title ? 'document' : 'resolution',
      });
    }
    const rounds = await this.dataSource.query(
      `SELECT r.id, r.title, r.opens_at, r.closes_at, coalesce(r.announced_at, r.created_at) AS announced_at FROM consultation_rounds r
       WHERE r.workspace_id = $1 AND r.state <> 'draft' ORDER BY announced_at DESC LIMIT $2`,
      [association.id, FEED_LIMIT],
    );
    const warsaw = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'Europe/Warsaw' });
    for (const r of rounds) {
      entries.push({
        id: id('konsultacje', r.id),
        title: `Konsultacje: ${r.title}`,
        link: `${origin}/consultations/${r.id}`,
        updated: new Date(r.announced_at),
        summary: `Uwagi można zgłaszać od ${warsaw.format(new Date(r.opens_at))} do ${warsaw.format(new Date(r.closes_at))}.`,
        category: 'consultation',
      });
    }
    const editions = await this.dataSource.query(
      `SELECT p.round_id, p.edition, p.sha256, p.published_at, r.title FROM consultation_reports p JOIN consultation_rounds r ON r.id = p.round_id
       WHERE r.workspace_id = $1 ORDER BY p.published_at DESC LIMIT $2`,
      [association.id, FEED_LIMIT],
    );
    for (const e of editions) {
      entries.push({
        id: id('sprawozdanie', `${e.round_id}-${e.edition}`),
        title: `Sprawozdanie z konsultacji: ${e.title}${e.edition > 1 ? ` (wydanie ${e.edition})` : ''}`,
        link: `${origin}/consultations/${e.round_id}`,
        updated: new Date(e.published_at),
        summary: `Wydanie ${e.edition}, SHA-256 ${e.sha256}.`,
        category: 'report',
      });
    }
    const projects = await this.dataSource.query(
      `SELECT p.id, p.title, p.stage, p.stage_on::text AS stage_on, p.updated_at FROM projects p
       WHERE p.workspace_id = $1 AND p.stage = ANY($2::text[]) ORDER BY p.updated_at DESC LIMIT $3`,
      [association.id, PUBLIC_PROJECT_STAGES, FEED_LIMIT],
    );
    for (const p of projects) {
      entries.push({
        id: id('projekt', p.id),
        title: `Projekt: ${p.title}`,
        link: `${site}#projekt-${p.id}`,
        updated: new Date(p.updated_at),
        summary: `Etap: ${STAGES[p.stage as keyof typeof STAGES] ?? p.stage} (od ${p.stage_on}).`,
        category: 'project',
      });
    }
    const newest = entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_LIMIT);
    return atomFeed(
      { id: site, title: `${association.name}: publikacje`, site, self: `${origin}/api/public/sites/${encodeURIComponent(association.slug)}/feed.atom`, author: association.name, entries: newest },
      association.updatedAt ?? new Date(0),
    );
  }
}
