import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access to a document given to a whole organisation of its workspace: every active member who represents it gets
 * that level (the strongest of this, their own grant and their role's default counts), optionally until a date.
 */
export class DocumentOrganisationAccess1796543098836 implements MigrationInterface {
  name = 'DocumentOrganisationAccess1796543098836';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_organisation_access (
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        access text NOT NULL CHECK (access IN ('edit', 'comment', 'read')),
        expires_at timestamptz,
        granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX document_organisation_access_organisation_idx ON document_organisation_access (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS document_organisation_access`);
  }
}
