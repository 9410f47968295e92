// Turns what the API said into words in the reader's language. The API answers in English prose without error
// codes, so the known messages are recognised by their wording; anything else falls back to a message by status.
import type { TFunction } from 'i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@commonplan/domain';
import { ApiError, type FieldError } from './client';

const KNOWN_MESSAGES: [RegExp, string][] = [
  [/wrong e-mail or password/i, 'errors.wrongCredentials'],
  [/at least one active coordinator/i, 'errors.lastCoordinator'],
  [/cannot deactivate yourself/i, 'errors.deactivateSelf'],
  [/is a deactivated member/i, 'errors.deactivatedMember'],
  [/already a member/i, 'errors.alreadyMember'],
  [/already been accepted/i, 'errors.invitationAccepted'],
  [/invitation was withdrawn/i, 'errors.invitationWithdrawn'],
  [/invitation has expired/i, 'errors.invitationExpired'],
  [/invitation not found/i, 'errors.invitationNotFound'],
  [/invitation is for an existing account/i, 'errors.invitationSignInRequired'],
  [/invitation is for another account/i, 'errors.invitationWrongAccount'],
  [/no pending invitation/i, 'errors.invitationNotPending'],
  [/token is invalid, used or expired/i, 'errors.resetTokenInvalid'],
  [/person not found/i, 'errors.personNotFound'],
  [/opens at its opening time/i, 'errors.roundNotYetOpen'],
  [/cannot close before its closing time/i, 'errors.roundNotYetOver'],
  [/passage was changed since you opened it/i, 'errors.passageChanged'],
  [/passage is no longer in the draft/i, 'proposal.gone'],
  [/does not accept comments now/i, 'errors.roundNotAccepting'],
];

const FIELD_MESSAGES: [RegExp, string][] = [
  [/at least \d+ characters/i, 'errors.field.passwordTooShort'],
  [/at most \d+ characters/i, 'errors.field.passwordTooLong'],
  [/must not be the e-mail address/i, 'errors.field.passwordIsEmail'],
  [/must not repeat one character/i, 'errors.field.passwordRepeated'],
  [/does not represent an organisation/i, 'errors.field.organisationNotAllowed'],
  [/must name the/i, 'errors.field.organisationRequired'],
  [/must represent a/i, 'errors.field.organisationWrongKind'],
  [/no such organisation/i, 'errors.field.organisationRequired'],
  [/e-mail address|must be an email/i, 'errors.field.email'],
  [/displayName is required/i, 'errors.field.displayNameRequired'],
  [/password is required/i, 'errors.field.passwordRequired'],
  [/token is invalid/i, 'errors.resetTokenInvalid'],
  [/already used by another version/i, 'errors.field.versionNameTaken'],
  [/can be mentioned/i, 'errors.field.mentionNotAllowed'],
];

/** A sentence for an error that is not about one field. */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  for (const [pattern, key] of KNOWN_MESSAGES) if (pattern.test(error.message)) return t(key);
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 401:
      return t('errors.signedOut');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 410:
      return t('errors.gone');
    case 429:
      return t('errors.tooManyRequests', { seconds: error.retryAfterSeconds ?? 60 });
    default:
      if (error.status >= 500) return t('errors.server');
      return t('errors.rejected');
  }
}

/** A sentence for one field's problem, in the reader's language. */
export function fieldErrorText(problem: string, t: TFunction): string {
  for (const [pattern, key] of FIELD_MESSAGES) {
    if (pattern.test(problem)) return t(key, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  }
  return t('errors.field.invalid');
}

/** The API's field errors as field → translated text (the first problem of each field). */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { field, message } of error.fieldErrors as FieldError[]) {
    result[field] ??= fieldErrorText(message, t);
  }
  return result;
}

/** The sentence above a form: "correct the marked fields" when the API named fields, otherwise what went wrong. */
export function formErrorText(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) return t('errors.checkFields');
  return errorText(error, t);
}
