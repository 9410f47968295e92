import type { OrganisationKind, OrganisationType } from '@commonplan/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '../platform/database/transformers';

/** A member (a local government, votes) or a partner organisation (no vote) of a workspace. */
@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') kind!: OrganisationKind;
  @Column('text') type!: OrganisationType;
  @Column('text') name!: string;
  @Column('integer', { nullable: true }) population!: number | null;
  @Column('integer', { name: 'population_year', nullable: true }) populationYear!: number | null;
  @Column('numeric', { name: 'vote_weight', nullable: true, transformer: numericTransformer }) voteWeight!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
