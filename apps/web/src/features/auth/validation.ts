// Checks made before a form is sent, with the same rules as the API (libs/domain), worded in the reader's language.
import type { TFunction } from 'i18next';
import { passwordProblem } from '@commonplan/domain';
import { fieldErrorText } from '../../api/error-text';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailError(email: string, t: TFunction): string | undefined {
  if (email.trim() === '') return t('errors.field.emailRequired');
  if (!EMAIL.test(email.trim())) return t('errors.field.email');
  return undefined;
}

export function newPasswordError(password: string, t: TFunction, email?: string): string | undefined {
  if (password === '') return t('errors.field.passwordRequired');
  const problem = passwordProblem(password, email);
  return problem ? fieldErrorText(problem, t) : undefined;
}

export function requiredError(value: string, t: TFunction): string | undefined {
  return value.trim() === '' ? t('errors.field.required') : undefined;
}

/** Drops the entries without a message, so that an empty object means "no problems". */
export function problems(errors: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
