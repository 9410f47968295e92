import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project's concept, co-drafted as a document of its workspace (the practice's "wspólne wypracowywanie koncepcji
 * projektów"): the project names it, and its page shows the document and the consultation rounds held on it.
 */
export class ProjectConcept1796570000600 implements MigrationInterface {
  name = 'ProjectConcept1796570000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects ADD COLUMN concept_document_id uuid REFERENCES documents (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX projects_concept_idx ON projects (concept_document_id) WHERE concept_document_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects DROP COLUMN concept_document_id`);
  }
}
