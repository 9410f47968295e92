import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_PROBLEM_CODES, type FieldProblemCode, PROBLEM_CODES, type ProblemCode } from './problem-codes';

/** One field's problem in an error response. */
export class FieldProblemDto {
  @ApiProperty({ example: 'email', description: 'the field, nested fields joined with dots' })
  field!: string;

  @ApiProperty({ example: 'email must be an e-mail address', description: 'what is wrong, in English' })
  message!: string;

  @ApiPropertyOptional({ enum: FIELD_PROBLEM_CODES, enumName: 'FieldProblemCode', description: 'the stable code of the problem' })
  code?: FieldProblemCode;
}

/** Every error response (`application/problem+json`, RFC 9457), written by ErrorFilter. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:commonplan:problem:not_found' })
  type!: string;

  @ApiProperty({ example: 'Not found' })
  title!: string;

  @ApiProperty({ example: 404 })
  status!: number;

  @ApiProperty({ example: 'person not found in this workspace', description: 'what happened, in English' })
  detail!: string;

  @ApiProperty({ enum: PROBLEM_CODES, enumName: 'ProblemCode', description: 'the stable code clients act on and translate' })
  code!: ProblemCode;

  @ApiPropertyOptional({ example: '/api/workspaces/…/people/…' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  errors?: FieldProblemDto[];

  @ApiPropertyOptional({ description: 'with 429 and 503: seconds to wait (also the Retry-After header)' })
  retryAfterSeconds?: number;

  @ApiProperty({ deprecated: true, description: 'the same as status' })
  statusCode!: number;

  @ApiProperty({ deprecated: true, description: 'the same as detail' })
  message!: string;
}
