import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document's edits held in the database (collab/document-store.ts): from the moment a resolution's text is frozen
 * for its vote, every instance's group commit leaves that document's updates out, so no edit lands after the text the
 * vote names, whichever instance took it. Resolutions already voted on or decided hold theirs from now on.
 */
export class DocumentEditHold1796580000000 implements MigrationInterface {
  name = 'DocumentEditHold1796580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN edits_held_at timestamptz`);
    await q.query(`
      UPDATE documents d SET edits_held_at = now()
      WHERE EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = d.id AND r.state NOT IN ('draft', 'no_quorum'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP COLUMN IF EXISTS edits_held_at`);
  }
}
