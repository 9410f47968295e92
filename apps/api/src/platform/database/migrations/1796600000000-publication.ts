import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the association's public site says about the association itself (publication/): the office's contact for the
 * public and for accessibility requests, as the accessibility statement and the BIP metadata name them. Coordinators
 * keep it; `publication_updated_at` is the statement's date of last review of these details.
 */
export class Publication1796600000000 implements MigrationInterface {
  name = 'Publication1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces
        ADD COLUMN public_email text CHECK (public_email IS NULL OR length(public_email) <= 320),
        ADD COLUMN public_phone text CHECK (public_phone IS NULL OR length(public_phone) <= 40),
        ADD COLUMN public_address text CHECK (public_address IS NULL OR length(public_address) <= 500),
        ADD COLUMN accessibility_contact text CHECK (accessibility_contact IS NULL OR length(accessibility_contact) <= 200),
        ADD COLUMN publication_updated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces DROP COLUMN IF EXISTS public_email, DROP COLUMN IF EXISTS public_phone, DROP COLUMN IF EXISTS public_address,
        DROP COLUMN IF EXISTS accessibility_contact, DROP COLUMN IF EXISTS publication_updated_at`);
  }
}
