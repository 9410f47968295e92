import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, NullableStringProperty } from '../platform/http/api-properties';

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @NullableStringProperty({ description: 'null when the account is gone' }) displayName!: string | null;
}

/** One entry of a workspace's audit trail. */
export class AuditEntryDto {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer', description: "the entry's place in the workspace's chain (1, 2, 3…)" }) seq!: number;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: the system' }) actor!: AuditActorDto | null;
  @ApiProperty({ example: 'document.created' }) action!: string;
  @NullableStringProperty() targetType!: string | null;
  @NullableStringProperty() targetId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ description: "SHA-256 (hex) of the entry's content and the previous entry's hash" }) hash!: string;
}

/** A page of the trail, newest first. */
export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) entries!: AuditEntryDto[];
}

/** The first entry of the chain that was changed, removed or inserted. */
export class BrokenEntryDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: the entry is missing' }) id!: number | null;
  @ApiProperty() reason!: string;
}

/** The hash chain recomputed. */
export class ChainReportDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer' }) checkedEntries!: number;
  @ApiProperty({ type: 'integer', description: "the chain's recorded last entry" }) headSeq!: number;
  @ApiProperty({ type: BrokenEntryDto, nullable: true }) firstBroken!: BrokenEntryDto | null;
}
