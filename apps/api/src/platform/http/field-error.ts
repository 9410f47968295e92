import { BadRequestException, type HttpException } from '@nestjs/common';
import type { FieldProblemCode } from './problem-codes';

/**
 * An error about one field of a request, in the shape the validation pipe answers with (`message` "field: problem"
 * and `errors: [{ field, message, code? }]`), so the web app puts it next to that field. A 400 unless another kind is
 * given (NotFoundException for an id that names nothing, UnprocessableEntityException for an unreadable file); `code`
 * is the field problem's stable code (FIELD_PROBLEM_CODES), which the web app translates.
 */
export function fieldError(
  field: string,
  message: string,
  Kind: new (body: object) => HttpException = BadRequestException,
  code?: FieldProblemCode,
): HttpException {
  return new Kind({ message: `${field}: ${message}`, errors: [{ field, message, ...(code ? { code } : {}) }] });
}

/** Several fields' problems at once, as a 400 in the same shape. */
export function fieldErrors(problems: ReadonlyArray<{ field: string; message: string; code?: FieldProblemCode }>): HttpException {
  return new BadRequestException({ message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), errors: problems.map(({ field, message, code }) => ({ field, message, ...(code ? { code } : {}) })) });
}
