import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type BodyRules, type Outcome, type ProxyAuthorisation, quorumAtTerm, rulesFor } from '@commonplan/domain';
import { slugify } from '@commonplan/editor';
import { BodiesService } from '../bodies.service';
import { DecisionsAccess } from '../decisions-access';
import { MeetingsService } from '../meetings.service';
import { ResolutionsService } from '../resolutions.service';
import { problem } from '../../platform/http/problem-codes';
import { VoteVerifier } from '../vote-verifier';
import { ElectionsService } from '../elections/elections.service';
import { buildMinutes, type MinutesContent, type MinutesInput } from './minutes-data';
import { type MinutesLanguage, minutesLabels } from './minutes-labels';
import { renderMinutesDocx } from './render-minutes-docx';
import { renderMinutesPdf } from './render-minutes-pdf';
import { procedureInput } from './procedure-input';
import type { DownloadFile } from '../../platform/http/file-download';

export const MINUTES_FORMATS = ['pdf', 'docx'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export const MINUTES_MEDIA_TYPES: Record<MinutesFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export type MinutesFile = DownloadFile;

interface VoteRow {
  id: string;
  resolution_id: string | null;
  motion_id: string | null;
  ballot: 'named' | 'secret';
  rules: BodyRules;
  state: 'open' | 'closed';
  opens_at: string;
  closed_at: string | null;
  outcome: Outcome | null;
  present: { present: string[]; proxies: ProxyAuthorisation[] } | null;
  ballots_digest: string | null;
  text_hash: string | null;
}

/** The minutes (protokół) of a meeting, for any member of its workspace: as data, PDF or Word. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DecisionsAccess,
    private readonly meetings: MeetingsService,
    private readonly bodies: BodiesService,
    private readonly resolutions: ResolutionsService,
    private readonly verifier: VoteVerifier,
    private readonly elections: ElectionsService,
  ) {}

  /** 404 for an unknown meeting, 403 for someone who is not an active member of its workspace. */
  async content(userId: string, meetingId: string, language: MinutesLanguage): Promise<MinutesContent> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.member(meeting.workspace_id, userId);
    return buildMinutes(await this.input(meetingId), language);
  }

  /** The minutes as a file named after the meeting: `protokol-<title>.pdf` (`minutes-<title>.docx` in English). */
  async file(userId: string, meetingId: string, format: MinutesFormat, language: MinutesLanguage): Promise<MinutesFile> {
    return this.render(await this.content(userId, meetingId, language), format, language);
  }

  /**
   * The minutes of a meeting that adopted a published resolution, for anyone (the public register links them): the
   * caller has checked that the meeting adopted an entry of the register. Guests who spoke are not named in them.
   */
  async publicFile(meetingId: string, format: MinutesFormat, language: MinutesLanguage): Promise<MinutesFile> {
    return this.render(buildMinutes({ ...(await this.input(meetingId)), published: true }, language), format, language);
  }

  private async render(content: MinutesContent, format: MinutesFormat, language: MinutesLanguage): Promise<MinutesFile> {
    const body = format === 'pdf' ? await renderMinutesPdf(content) : await renderMinutesDocx(content);
    const name = slugify(content.title, 60) || 'posiedzenie';
    return { body, mediaType: MINUTES_MEDIA_TYPES[format], fileName: `${minutesLabels(language).fileName}-${name}.${format}` };
  }

  /** Everything the minutes are made from, as stored. */
  async input(meetingId: string): Promise<MinutesInput> {
    const meeting = await this.meetings.row(meetingId);
    // A cancelled meeting never sat: it has no minutes.
    if (meeting.state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled: it has no minutes');
    const body = await this.bodies.one(meeting.body_id);
    const names = await this.dataSource.query(`SELECT id, name FROM organisations WHERE workspace_id = $1`, [meeting.workspace_id]);
    const checkIns = await this.dataSource.query(`SELECT organisation_id, checked_in_at FROM meeting_attendance WHERE meeting_id = $1 ORDER BY checked_in_at`, [meetingId]);
    const proxies = await this.dataSource.query(`SELECT from_organisation_id, to_organisation_id, authorisation FROM meeting_proxies WHERE meeting_id = $1 ORDER BY created_at`, [meetingId]);
    const agenda = await this.dataSource.query(`SELECT id, resolution_id, position FROM meeting_agenda WHERE meeting_id = $1 AND resolution_id IS NOT NULL ORDER BY position`, [meetingId]);
    // Who was given the floor, per agenda item: the member's name, or the name the chair entered.
    const spoke: Array<{ agenda_item_id: string; name: string; kind: 'speech' | 'point_of_order'; started_at: string; guest: boolean }> = await this.dataSource.query(
      `SELECT s.agenda_item_id, COALESCE(s.name, o.name) AS name, s.kind, s.started_at, s.organisation_id IS NULL AS guest FROM meeting_speakers s LEFT JOIN organisations o ON o.id = s.organisation_id
        WHERE s.meeting_id = $1 AND s.started_at IS NOT NULL ORDER BY s.started_at, s.id`,
      [meetingId],
    );
    const speakers: Record<string, Array<{ name: string; kind: 'speech' | 'point_of_order'; startedAt: Date; guest: boolean }>> = {};
    for (const row of spoke) (speakers[row.agenda_item_id] ??= []).push({ name: row.name, kind: row.kind, startedAt: new Date(row.started_at), guest: row.guest });
    const votes: VoteRow[] = await this.dataSource.query(
      `SELECT id, resolution_id, motion_id, ballot, rules, state, opens_at, closed_at, outcome, present, ballots_digest, text_hash FROM votes WHERE meeting_id = $1 ORDER BY created_at, id`,
      [meetingId],
    );
    const verified = await this.verifier.verify(votes.map((v) => v.id));
    /** A vote as the minutes read it: its figures as stored at its close, and whether its record verifies. */
    const stored = (v: VoteRow) => ({
      id: v.id,
      ballot: v.ballot,
      rules: v.rules,
      state: v.state,
      openedAt: new Date(v.opens_at),
      closedAt: v.closed_at ? new Date(v.closed_at) : null,
      outcome: v.outcome,
      present: v.present,
      ballotsDigest: v.ballots_digest,
      textHash: v.text_hash,
      verification: verified.get(v.id) ?? null,
    });
    const electionItems = await this.dataSource.query(`SELECT election_id, position FROM meeting_agenda WHERE meeting_id = $1 AND election_id IS NOT NULL`, [meetingId]);
    const elections = (await this.elections.ofMeeting(meetingId)).map((e) => ({
      ...e,
      position: Number(electionItems.find((i: { election_id: string }) => i.election_id === e.id)?.position ?? 0) || null,
      title: e.resolution.title,
    }));
    const items: MinutesInput['agenda'][number][] = [];
    for (const row of agenda as Array<{ id: string; resolution_id: string; position: number }>) {
      const resolution = await this.resolutions.one(row.resolution_id);
      items.push({
        id: row.id,
        position: Number(row.position),
        resolution: {
          id: resolution.id,
          title: resolution.title,
          kind: resolution.kind,
          number: resolution.number,
          fullTitle: resolution.fullTitle,
          adopts: resolution.adopts ? { documentTitle: resolution.adopts.documentTitle, number: resolution.adopts.number, name: resolution.adopts.name, contentHash: resolution.adopts.contentHash } : null,
        },
        votes: votes.filter((v) => v.resolution_id === resolution.id).map(stored),
      });
    }
    const procedure = await procedureInput(this.dataSource.manager, meeting, (motionId) => votes.filter((v) => v.motion_id === motionId).map(stored));
    return {
      meeting: {
        id: meeting.id,
        title: meeting.title,
        body: { name: meeting.body_name, nameGenitive: meeting.name_genitive },
        startsAt: new Date(meeting.starts_at),
        place: meeting.place,
        state: meeting.state,
        openedAt: meeting.opened_at ? new Date(meeting.opened_at) : null,
        closedAt: meeting.closed_at ? new Date(meeting.closed_at) : null,
        secondTermAt: meeting.term === 'second' ? new Date(meeting.second_term_at as string) : null,
      },
      members: body.members,
      names: Object.fromEntries(names.map((o: { id: string; name: string }) => [o.id, o.name])),
      rules: atTerm(rulesFor(body.rules, 'ordinary'), meeting.term ?? 'first'),
      elections,
      checkIns: checkIns.map((c: { organisation_id: string; checked_in_at: string }) => ({ memberId: c.organisation_id, at: new Date(c.checked_in_at) })),
      proxies: proxies.map((p: { from_organisation_id: string; to_organisation_id: string; authorisation: string }) => ({ from: p.from_organisation_id, to: p.to_organisation_id, authorisation: p.authorisation })),
      agenda: items,
      generatedAt: new Date(),
      speakers,
      ...(procedure ? { procedure } : {}),
    };
  }
}

/** The rules with the quorum of the term the meeting was opened in (the attendance's quorum is stated from it). */
function atTerm(rules: BodyRules, term: 'first' | 'second'): BodyRules {
  return { ...rules, quorum: quorumAtTerm(rules, term) };
}
