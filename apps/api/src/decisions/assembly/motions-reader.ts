import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type VoteView, VotesReader } from '../votes-reader';
import type { AgendaChangeDto, MotionKind } from './assembly.dto';
import type { MotionRow } from './motions.service';

/** A motion the meeting votes on besides resolutions, with its votes. */
export interface MotionView {
  id: string;
  meetingId: string;
  kind: MotionKind;
  /** kind minutes: the agenda item of the minutes approved. */
  agendaItemId: string | null;
  /** kind amendment: the amendment. */
  amendmentId: string | null;
  /** kind agenda_change: the change voted on. */
  change: AgendaChangeDto | null;
  createdAt: Date;
  votes: VoteView[];
}

/** A meeting's motions as everyone in its workspace sees them. */
@Injectable()
export class MotionsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: VotesReader,
  ) {}

  /** A meeting's motions, oldest first, with their votes. */
  async ofMeeting(meetingId: string): Promise<MotionView[]> {
    const rows: MotionRow[] = await this.dataSource.query(`SELECT * FROM meeting_motions WHERE meeting_id = $1 ORDER BY created_at, id`, [meetingId]);
    const votes = await this.reader.ofMotions(rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      meetingId: row.meeting_id,
      kind: row.kind,
      agendaItemId: row.agenda_item_id,
      amendmentId: row.amendment_id,
      change: row.change,
      createdAt: new Date(row.created_at),
      votes: votes.filter((v) => v.motionId === row.id),
    }));
  }
}
