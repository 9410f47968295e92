import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which body's resolution approves a joint project into the pipeline, as the statute names it: a flag of each body,
 * the board's by default (SSOM: the board keeps the list of joint projects); coordinators change it with the body.
 */
export class BodyApprovesProjects1796570000700 implements MigrationInterface {
  name = 'BodyApprovesProjects1796570000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_bodies ADD COLUMN approves_projects boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE decision_bodies SET approves_projects = true WHERE kind = 'board'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_bodies DROP COLUMN approves_projects`);
  }
}
