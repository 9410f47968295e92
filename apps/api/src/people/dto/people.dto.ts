import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, ROLES, type Role } from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class InviteDto {
  @ApiProperty({ example: 'jan.kowalski@police.example' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the member (for a representative) or partner organisation (for a partner)' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @ApiPropertyOptional({ example: 'Jan Kowalski' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  displayName?: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ description: 'required when the invited address has no account yet' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ description: 'required when the invited address has no account yet', minLength: 10 })
  @IsOptional()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password?: string;
}
