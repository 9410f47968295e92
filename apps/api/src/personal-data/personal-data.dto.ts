import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, Max, MaxLength, Min } from 'class-validator';
import { CONTACT_RETENTION_DAYS_MAX, CONTACT_RETENTION_DAYS_MIN } from './retention.service';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class PersonalDataSettingsDto {
  @ApiProperty({
    minimum: CONTACT_RETENTION_DAYS_MIN,
    maximum: CONTACT_RETENTION_DAYS_MAX,
    example: 90,
    description: "days after a round's report is first published that public commenters' contact data is kept",
  })
  @IsInt({ message: 'contactRetentionDays must be a whole number of days' })
  @Min(CONTACT_RETENTION_DAYS_MIN, { message: `contactRetentionDays must be at least ${CONTACT_RETENTION_DAYS_MIN}` })
  @Max(CONTACT_RETENTION_DAYS_MAX, { message: `contactRetentionDays must be at most ${CONTACT_RETENTION_DAYS_MAX}` })
  contactRetentionDays!: number;
}

export class PersonalDataExportQueryDto {
  @ApiProperty({ example: 'anna.nowak@example.pl', description: 'the address of the person whose data is exported' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;
}
