import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A field that may be left out, or sent empty (or null) to clear it; otherwise text of at most `max` characters. */
function ClearableText(field: string, max: number) {
  return applyDecorators(
    Transform(trim),
    ValidateIf((_, value) => value !== undefined && value !== null && value !== ''),
    IsString({ message: `${field} must be text` }),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
  );
}

/** The association's details on its public site; a field left out stays, one sent empty is cleared. */
export class PublicationSettingsDto {
  @ApiPropertyOptional({ description: 'the office’s e-mail address for the public', nullable: true })
  @ClearableText('email', 320)
  @ValidateIf((_, value) => value !== undefined && value !== null && value !== '')
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ description: 'the office’s phone number', nullable: true })
  @ClearableText('phone', 40)
  phone?: string | null;

  @ApiPropertyOptional({ description: 'the office’s postal address', nullable: true })
  @ClearableText('address', 500)
  address?: string | null;

  @ApiPropertyOptional({ description: 'who answers requests about accessibility, with their contact', nullable: true })
  @ClearableText('accessibilityContact', 200)
  accessibilityContact?: string | null;
}

export class PublicationSettingsResponseDto {
  @ApiProperty() slug!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) accessibilityContact!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: Date | null;
}
