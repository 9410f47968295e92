import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PROJECT_STAGES } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { STATEMENT_LANGUAGES, type StatementLanguage } from './statement-labels';

export class FeeInputDto {
  @ApiProperty()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ description: 'złoty, as text', example: '48250.00' })
  @IsString({ message: 'amount must be an amount in złoty written as text, e.g. "1234.56"' })
  @MaxLength(40, { message: 'amount is too long' })
  amount!: string;
}

export class PutFeesDto {
  @ApiProperty({ type: [FeeInputDto], description: 'the year’s fees: the list replaces what was set for the year' })
  @IsArray({ message: 'fees must be a list' })
  @ArrayMaxSize(500, { message: 'fees may hold at most 500 members' })
  @ValidateNested({ each: true })
  @Type(() => FeeInputDto)
  fees!: FeeInputDto[];
}

export class FeeDto {
  @IdProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: '48250.00' }) amount!: string;
}

export class StatementQueryDto {
  @ApiPropertyOptional({ enum: STATEMENT_LANGUAGES, description: 'the statement’s words (Polish by default)' })
  @IsOptional()
  @IsIn(STATEMENT_LANGUAGES, { message: 'lang must be pl or en' })
  lang?: StatementLanguage;
}

export class StatementLineDto {
  @IdProperty() projectId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: string;
  @ApiProperty({ example: '75000.00' }) amount!: string;
}

export class StatementYearDto {
  @ApiProperty() year!: number;
  @ApiProperty() fee!: string;
  @ApiProperty({ type: [StatementLineDto] }) contributions!: StatementLineDto[];
  @ApiProperty({ type: [StatementLineDto] }) external!: StatementLineDto[];
  @ApiProperty() ownTotal!: string;
  @ApiProperty() externalTotal!: string;
  @NullableStringProperty({ description: 'external funds per złoty of its own, two decimal places; null when it spent nothing' }) leverage!: string | null;
}

export class StatementMemberDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

/** A joint purchase the member took part in: its cost alone, its share of the joint price and the saving. */
export class StatementSavingDto {
  @IdProperty() projectId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() alone!: string;
  @ApiProperty() joint!: string;
  @ApiProperty({ description: 'negative when buying together cost it more' }) saving!: string;
}

export class MemberStatementDto {
  @ApiProperty() workspaceName!: string;
  @ApiProperty({ type: StatementMemberDto }) member!: StatementMemberDto;
  @DateTimeProperty() generatedAt!: string;
  @ApiProperty({ type: [StatementYearDto] }) years!: StatementYearDto[];
  @ApiProperty({ type: [StatementSavingDto], description: 'joint procurement: what buying together saved the member' }) savings!: StatementSavingDto[];
}
