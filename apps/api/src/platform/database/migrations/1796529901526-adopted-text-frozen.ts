import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is voted on is a frozen text: a vote names the version of the resolution's text it is taken on (and its
 * SHA-256), the register entry carries that hash, and a resolution may change (amend or repeal) an adopted one.
 */
export class AdoptedTextFrozen1796529901526 implements MigrationInterface {
  name = 'AdoptedTextFrozen1796529901526';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE votes ADD COLUMN text_version_id uuid REFERENCES document_versions (id) ON DELETE RESTRICT, ADD COLUMN text_hash text`);
    await q.query(`ALTER TABLE decision_register ADD COLUMN text_hash text`);
    await q.query(`
      ALTER TABLE resolutions
        ADD COLUMN changes_resolution_id uuid REFERENCES resolutions (id) ON DELETE RESTRICT,
        ADD COLUMN change_kind text CHECK (change_kind IN ('amends', 'repeals')),
        ADD CONSTRAINT resolutions_change_named CHECK ((changes_resolution_id IS NULL) = (change_kind IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resolutions DROP CONSTRAINT IF EXISTS resolutions_change_named, DROP COLUMN IF EXISTS change_kind, DROP COLUMN IF EXISTS changes_resolution_id`);
    await q.query(`ALTER TABLE decision_register DROP COLUMN IF EXISTS text_hash`);
    await q.query(`ALTER TABLE votes DROP COLUMN IF EXISTS text_hash, DROP COLUMN IF EXISTS text_version_id`);
  }
}
