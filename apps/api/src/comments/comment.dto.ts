import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class AnchorDto {
  @ApiProperty({ description: 'the start of the passage: a Yjs relative position, encoded, in base64' })
  @IsString()
  @Length(1, 1024)
  @Matches(BASE64, { message: 'start must be a base64-encoded Yjs relative position' })
  start!: string;

  @ApiProperty({ description: 'the end of the passage, like start' })
  @IsString()
  @Length(1, 1024)
  @Matches(BASE64, { message: 'end must be a base64-encoded Yjs relative position' })
  end!: string;
}

export class CommentBodyDto {
  @ApiProperty({ example: 'Proponuję dopisać powiat policki. @Ekspert SSOM, co o tym sądzisz?' })
  @Transform(trim)
  @IsString()
  @Length(1, 10_000)
  body!: string;

  @ApiPropertyOptional({ type: [String], description: 'user ids of the people mentioned (notified in the app)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'mentions must be user ids' })
  mentions?: string[];
}

export class CreateThreadDto extends CommentBodyDto {
  @ApiProperty({ type: AnchorDto })
  // ValidateNested alone lets a missing anchor (or a list) through.
  @IsObject({ message: 'anchor must be an object { start, end }' })
  @ValidateNested()
  @Type(() => AnchorDto)
  anchor!: AnchorDto;

  @ApiProperty({ description: 'the passage as it reads now', example: 'Cel 1. Spójny system transportu publicznego.' })
  @IsString()
  @Length(1, 5000)
  quote!: string;
}
