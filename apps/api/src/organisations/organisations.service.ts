import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_VOTE_WEIGHT, type OrganisationKind, type OrganisationType, organisationProblem } from '@commonplan/domain';
import { AuditService } from '../audit/audit.service';
import { problem } from '../platform/http/problem-codes';
import type { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationEntity } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(workspaceId: string, kind?: OrganisationKind): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({
      where: kind ? { workspaceId, kind } : { workspaceId },
      order: { kind: 'ASC', population: { direction: 'DESC', nulls: 'LAST' }, name: 'ASC' },
    });
  }

  async get(workspaceId: string, id: string): Promise<OrganisationEntity> {
    const org = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ workspaceId, id });
    if (!org) throw problem('organisation_not_found', 'organisation not found in this workspace');
    return org;
  }

  create(workspaceId: string, actorId: string, dto: CreateOrganisationDto): Promise<OrganisationEntity> {
    const voteWeight = dto.kind === 'member' ? (dto.voteWeight ?? DEFAULT_VOTE_WEIGHT) : (dto.voteWeight ?? null);
    check({ kind: dto.kind, type: dto.type, voteWeight, population: dto.population ?? null });
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.getRepository(OrganisationEntity).save({
        workspaceId,
        kind: dto.kind,
        type: dto.type as OrganisationType,
        name: dto.name,
        population: dto.population ?? null,
        populationYear: dto.populationYear ?? null,
        voteWeight,
      });
      await this.audit.append(manager, {
        workspaceId,
        actorId,
        action: 'organisation.created',
        targetType: 'organisation',
        targetId: org.id,
        details: { name: org.name, kind: org.kind, type: org.type, voteWeight: org.voteWeight },
      });
      return org;
    });
  }

  update(workspaceId: string, actorId: string, id: string, dto: UpdateOrganisationDto): Promise<OrganisationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(OrganisationEntity);
      const org = await repo.findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw problem('organisation_not_found', 'organisation not found in this workspace');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['type', 'name', 'population', 'populationYear', 'voteWeight'] as const) {
        if (dto[key] !== undefined && dto[key] !== org[key]) {
          changes[key] = { from: org[key], to: dto[key] };
          (org as unknown as Record<string, unknown>)[key] = dto[key];
        }
      }
      check(org);
      if (Object.keys(changes).length === 0) return org;
      const saved = await repo.save(org);
      await this.audit.append(manager, {
        workspaceId,
        actorId,
        action: 'organisation.updated',
        targetType: 'organisation',
        targetId: id,
        details: { changes },
      });
      return saved;
    });
  }
}

function check(org: { kind: OrganisationKind; type: string; voteWeight: number | null; population: number | null }): void {
  const problem = organisationProblem(org);
  if (problem) throw new UnprocessableEntityException({ message: problem.message, errors: [problem] });
}
