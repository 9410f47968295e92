import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each member's membership fee (składka członkowska) for a year, in numeric złoty: part of its statement. */
export class MembershipFees1796570000200 implements MigrationInterface {
  name = 'MembershipFees1796570000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership_fees (
        workspace_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (organisation_id, year),
        FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations (workspace_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membership_fees`);
  }
}
