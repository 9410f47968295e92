import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a consultation report states as a Polish public body publishes it: where the round's announcement and its
 * report were published (website, BIP: http(s) addresses on the round), the resolution of a body that approved the
 * report (a resolution of the same workspace, named on the round by a coordinator), and for each consultation meeting
 * the number of participants and a summary; an oral comment entered by staff may name the meeting of the same round
 * it was made at.
 */
export class ConsultationReportFacts1796529753449 implements MigrationInterface {
  name = 'ConsultationReportFacts1796529753449';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consultation_rounds
        ADD COLUMN announcement_urls text[] NOT NULL DEFAULT '{}' CHECK (cardinality(announcement_urls) <= 10),
        ADD COLUMN report_urls text[] NOT NULL DEFAULT '{}' CHECK (cardinality(report_urls) <= 10),
        ADD COLUMN approved_by_resolution_id uuid,
        ADD CONSTRAINT consultation_rounds_approving_resolution_fk
          FOREIGN KEY (workspace_id, approved_by_resolution_id) REFERENCES resolutions (workspace_id, id)`);
    await q.query(`
      ALTER TABLE consultation_meetings
        ADD COLUMN participants integer CHECK (participants IS NULL OR participants BETWEEN 0 AND 1000000),
        ADD COLUMN summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
        ADD CONSTRAINT consultation_meetings_round_id_key UNIQUE (round_id, id)`);
    await q.query(`
      ALTER TABLE consultation_comments
        ADD COLUMN meeting_id uuid,
        ADD CONSTRAINT consultation_comments_meeting_fk FOREIGN KEY (round_id, meeting_id) REFERENCES consultation_meetings (round_id, id),
        ADD CONSTRAINT consultation_comments_meeting_oral CHECK (meeting_id IS NULL OR channel = 'oral_protocol')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consultation_comments DROP CONSTRAINT IF EXISTS consultation_comments_meeting_oral, DROP CONSTRAINT IF EXISTS consultation_comments_meeting_fk, DROP COLUMN IF EXISTS meeting_id`);
    await q.query(`ALTER TABLE consultation_meetings DROP CONSTRAINT IF EXISTS consultation_meetings_round_id_key, DROP COLUMN IF EXISTS summary, DROP COLUMN IF EXISTS participants`);
    await q.query(
      `ALTER TABLE consultation_rounds DROP CONSTRAINT IF EXISTS consultation_rounds_approving_resolution_fk, DROP COLUMN IF EXISTS approved_by_resolution_id, DROP COLUMN IF EXISTS report_urls, DROP COLUMN IF EXISTS announcement_urls`,
    );
  }
}
