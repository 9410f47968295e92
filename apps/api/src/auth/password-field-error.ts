import { BadRequestException, type HttpException } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '@commonplan/domain';
import { fieldError } from '../platform/http/field-error';
import type { FieldProblemCode } from '../platform/http/problem-codes';

/**
 * The 400 about a new password that is not acceptable (passwordProblem says why, in English), with the stable code
 * of the rule it breaks; null when the password is fine.
 */
export function passwordFieldError(password: string, email: string): HttpException | null {
  const problem = passwordProblem(password, email);
  if (!problem) return null;
  const length = [...password].length;
  const code: FieldProblemCode =
    length < PASSWORD_MIN_LENGTH ? 'password_too_short'
    : length > PASSWORD_MAX_LENGTH ? 'password_too_long'
    : password.toLowerCase() === email.toLowerCase() ? 'password_is_email'
    : 'password_repeated';
  return fieldError('password', problem, BadRequestException, code);
}
