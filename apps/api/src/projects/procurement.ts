import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { formatPln, parsePln, procurementSavings, type Weighting } from '@commonplan/domain';
import type { EntityManager } from 'typeorm';
import { IdProperty, NullableStringProperty } from '../platform/http/api-properties';
import type { FieldProblem } from '../platform/http/problem-codes';
import { amountProblem } from './money-text';
import { grosze } from './project-ledger';

// Joint procurement (issue 15): what each member participant would pay buying alone, beside the project's cost (the
// joint price) shared by its key; each member's saving is the difference.

export class AloneCostDto {
  @ApiProperty({ description: 'a member taking part in the project' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ description: 'what it would pay buying alone, złoty as text', example: '61250.00' })
  @IsString({ message: 'amount must be an amount in złoty written as text, e.g. "1234.56"' })
  @MaxLength(40, { message: 'amount is too long' })
  amount!: string;
}

export class PutProcurementDto {
  @ApiProperty({ type: [AloneCostDto], description: 'every member participant’s cost alone; an empty list clears the comparison' })
  @IsArray({ message: 'aloneCosts must be a list' })
  @ArrayMaxSize(500, { message: 'aloneCosts may hold at most 500 members' })
  @ValidateNested({ each: true })
  @Type(() => AloneCostDto)
  aloneCosts!: AloneCostDto[];
}

export class ProcurementMemberDto {
  @IdProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'buying alone' }) alone!: string;
  @ApiProperty({ description: 'its share of the joint price' }) joint!: string;
  @ApiProperty({ description: 'alone less joint; negative when buying together cost it more' }) saving!: string;
}

export class ProcurementDto {
  @ApiProperty({ description: 'the joint price: the project’s whole cost' }) jointTotal!: string;
  @ApiProperty({ type: [ProcurementMemberDto] }) members!: ProcurementMemberDto[];
  @ApiProperty() totalSaving!: string;
  @NullableStringProperty({ description: 'why the savings cannot be computed now (a member participant without its cost alone)' }) problem!: string | null;
}

/** A member participant as the project's view holds it. */
interface Member {
  organisationId: string;
  name: string;
  population: number | null;
  customWeight: string | null;
}

/** The comparison for a project's view: null when no cost alone is recorded. */
export async function readProcurement(db: EntityManager, projectId: string, members: readonly Member[], jointTotal: bigint, key: Weighting): Promise<ProcurementDto | null> {
  const rows: Array<{ organisation_id: string; amount: string }> = await db.query(`SELECT organisation_id, alone_cost::text AS amount FROM project_procurement WHERE project_id = $1`, [projectId]);
  if (rows.length === 0) return null;
  const alone = Object.fromEntries(rows.map((r) => [r.organisation_id, grosze(r.amount)]));
  const weights = Object.fromEntries(members.filter((m) => m.customWeight !== null).map((m) => [m.organisationId, Number(m.customWeight)]));
  const result = procurementSavings(alone, jointTotal, members.map((m) => ({ id: m.organisationId, population: m.population ?? undefined })), key, weights);
  if (!result.ok) {
    const name = (id: string) => members.find((m) => m.organisationId === id)?.name ?? id;
    return { jointTotal: formatPln(jointTotal), members: [], totalSaving: '0.00', problem: result.problems.map((p) => `${name(p.memberId)}: ${p.message}`).join('; ') };
  }
  return {
    jointTotal: formatPln(jointTotal),
    members: result.members.map((m) => ({ organisationId: m.id, name: members.find((x) => x.organisationId === m.id)!.name, alone: formatPln(m.alone), joint: formatPln(m.joint), saving: formatPln(m.saving) })),
    totalSaving: formatPln(result.totalSaving),
    problem: null,
  };
}

/** Checks the costs alone against the project's member participants: every one of them, once each, amounts valid. */
export function checkAloneCosts(dto: PutProcurementDto, memberIds: ReadonlySet<string>, problems: FieldProblem[]): Array<{ organisationId: string; amount: string }> {
  const seen = new Set<string>();
  const checked: Array<{ organisationId: string; amount: string }> = [];
  dto.aloneCosts.forEach((line, i) => {
    if (!memberIds.has(line.organisationId)) problems.push({ field: `aloneCosts.${i}.organisationId`, message: 'not a member taking part in this project', code: 'organisation_wrong_kind' });
    else if (seen.has(line.organisationId)) problems.push({ field: `aloneCosts.${i}.organisationId`, message: 'the member is listed twice' });
    seen.add(line.organisationId);
    const parsed = parsePln(line.amount);
    if (!parsed.ok) problems.push({ field: `aloneCosts.${i}.amount`, message: `amount ${amountProblem(parsed.reason)}` });
    else checked.push({ organisationId: line.organisationId, amount: formatPln(parsed.grosze) });
  });
  const missing = [...memberIds].filter((id) => !seen.has(id));
  if (dto.aloneCosts.length > 0 && missing.length > 0) problems.push({ field: 'aloneCosts', message: `every member taking part needs its cost alone: ${missing.length} missing` });
  return checked;
}
