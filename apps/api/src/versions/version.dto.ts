import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class FreezeVersionDto {
  @ApiProperty({ example: 'v1.0 — do konsultacji' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;
}

/** Either side of a comparison: a version's id, or `live` for the text as it is now. */
const SIDE = /^(live|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class CompareQueryDto {
  @ApiProperty({ description: 'a version id, or "live"', example: 'live' })
  @IsString()
  @Matches(SIDE, { message: 'from must be a version id or "live"' })
  from!: string;

  @ApiProperty({ description: 'a version id, or "live"', example: 'live' })
  @IsString()
  @Matches(SIDE, { message: 'to must be a version id or "live"' })
  to!: string;
}
