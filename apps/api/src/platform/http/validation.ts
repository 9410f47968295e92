import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { controlCharacterProblem } from './input-guard';
import type { FieldProblem, FieldProblemCode } from './problem-codes';

/**
 * A field that may be left out but, when sent, must pass its other validators, null included. `IsOptional` also lets
 * null through, which a change would then write into a column that cannot be empty (a 500).
 */
export const OptionalNotNull = () => ValidateIf((_, value) => value !== undefined);

/** The field problem codes of class-validator's constraints that the web app words on its own. */
const CONSTRAINT_CODES: Record<string, FieldProblemCode> = { isEmail: 'invalid_email' };

/** Flattens class-validator errors to `field: message` pairs, nested fields joined with dots. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]): FieldProblem => {
      const code = CONSTRAINT_CODES[constraint];
      return code ? { field, message, code } : { field, message };
    });
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The one validation pipe: unknown fields are refused, values are converted to the DTO's types, and a failure is a 400
 * whose message names the field ("email must be an email") with every problem listed under `errors`.
 */
export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((p) => p.message).join('; '),
        errors: problems,
      });
    },
  });
}

/**
 * Also refuses control characters in every body, query and route parameter that reaches a handler: JSON bodies and
 * addresses were checked before routing (inputGuard), this covers the fields of multipart uploads, by the same rule.
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = controlCharacterProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problem) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problem.message, errors: [problem] });
    }
    return super.transform(value, metadata);
  }
}
