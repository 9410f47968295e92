import { PayloadTooLargeException, UnprocessableEntityException } from '@nestjs/common';
import { fieldError } from '../http/field-error';
import { type ZipLimits, zipProblem } from './zip-check';

/**
 * An uploaded zip container (.docx, .xlsx, .odt) held to the limits by its central directory before anything reads
 * it: 413 when it would unpack to too much, 422 when it cannot be read or lists too many entries, naming the field.
 */
export async function requireZipWithinLimits(bytes: Buffer, limits: ZipLimits, field = 'file'): Promise<void> {
  const problem = await zipProblem(bytes, limits);
  if (problem) throw fieldError(field, problem.message, problem.status === 413 ? PayloadTooLargeException : UnprocessableEntityException);
}
