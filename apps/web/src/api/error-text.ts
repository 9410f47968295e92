// Turns what the API said into words in the reader's language. API errors are RFC 9457 problem details with a stable
// `code` (apps/api/src/platform/http/problem-codes.ts, typed here through the generated schema), and field errors
// carry a code too where the API gives one: the codes are translated. Anything else falls back to a message by
// status.
import type { TFunction } from 'i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@commonplan/domain';
import { ApiError, type FieldError, type FieldProblemCode, type ProblemCode } from './client';

/**
 * The i18n key of each problem code, or null where the status's general sentence says it (errorText). Every code
 * the API publishes is listed, so that a new one cannot go untranslated unnoticed (the type check fails).
 */
const CODE_MESSAGES: Record<ProblemCode, string | null> = {
  bad_request: null,
  validation_failed: null,
  unauthorized: null,
  forbidden: null,
  not_found: null,
  conflict: null,
  gone: null,
  payload_too_large: null,
  unsupported_media_type: null,
  unprocessable: null,
  too_many_requests: null,
  internal: null,
  server_busy: null,
  wrong_credentials: 'errors.wrongCredentials',
  session_invalid: 'errors.signedOut',
  reset_token_invalid: 'errors.resetTokenInvalid',
  person_not_found: 'errors.personNotFound',
  organisation_not_found: null,
  last_coordinator: 'errors.lastCoordinator',
  deactivate_self: 'errors.deactivateSelf',
  already_member: 'errors.alreadyMember',
  deactivated_member: 'errors.deactivatedMember',
  invitation_not_found: 'errors.invitationNotFound',
  invitation_not_pending: 'errors.invitationNotPending',
  invitation_accepted: 'errors.invitationAccepted',
  invitation_withdrawn: 'errors.invitationWithdrawn',
  invitation_expired: 'errors.invitationExpired',
  sign_in_required: 'errors.invitationSignInRequired',
  wrong_account: 'errors.invitationWrongAccount',
};

/** The i18n key of each field problem code. */
const FIELD_CODE_MESSAGES: Record<FieldProblemCode, string> = {
  invalid_email: 'errors.field.email',
  password_too_short: 'errors.field.passwordTooShort',
  password_too_long: 'errors.field.passwordTooLong',
  password_is_email: 'errors.field.passwordIsEmail',
  password_repeated: 'errors.field.passwordRepeated',
  password_required: 'errors.field.passwordRequired',
  display_name_required: 'errors.field.displayNameRequired',
  organisation_not_allowed: 'errors.field.organisationNotAllowed',
  organisation_required: 'errors.field.organisationRequired',
  organisation_wrong_kind: 'errors.field.organisationWrongKind',
  organisation_not_found: 'errors.field.organisationRequired',
  reset_token_invalid: 'errors.resetTokenInvalid',
};

// The errors whose throwers give no code yet (consultations, documents, versions, comments), recognised by their
// English wording. Each pattern goes once its thrower answers with a code (problem(...) in the API).
const KNOWN_MESSAGES: [RegExp, string][] = [
  [/opens at its opening time/i, 'errors.roundNotYetOpen'],
  [/cannot close before its closing time/i, 'errors.roundNotYetOver'],
  [/passage was changed since you opened it/i, 'errors.passageChanged'],
  [/passage is no longer in the draft/i, 'proposal.gone'],
  [/does not accept comments now/i, 'errors.roundNotAccepting'],
];

const FIELD_MESSAGES: [RegExp, string][] = [
  // The password rules of libs/domain (passwordProblem), which the forms also check before sending
  // (features/auth/validation.ts) and which the domain words in English only; the API codes them.
  [/at least \d+ characters/i, 'errors.field.passwordTooShort'],
  [/at most \d+ characters/i, 'errors.field.passwordTooLong'],
  [/must not be the e-mail address/i, 'errors.field.passwordIsEmail'],
  [/must not repeat one character/i, 'errors.field.passwordRepeated'],
  [/already used by another version/i, 'errors.field.versionNameTaken'],
  [/can be mentioned/i, 'errors.field.mentionNotAllowed'],
];

const withLimits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** A sentence for an error that is not about one field. */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const coded = error.code ? CODE_MESSAGES[error.code as ProblemCode] : undefined;
  if (coded) return t(coded);
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

/** A sentence for one field's problem (its code, else its English wording), in the reader's language. */
export function fieldErrorText(problem: string | FieldError, t: TFunction): string {
  const { message, code } = typeof problem === 'string' ? { message: problem, code: undefined } : problem;
  const coded = code ? FIELD_CODE_MESSAGES[code as FieldProblemCode] : undefined;
  if (coded) return t(coded, withLimits);
  for (const [pattern, key] of FIELD_MESSAGES) {
    if (pattern.test(message)) return t(key, withLimits);
  }
  return t('errors.field.invalid');
}

/** The API's field errors as field → translated text (the first problem of each field). */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const problem of error.fieldErrors) {
    result[problem.field] ??= fieldErrorText(problem, t);
  }
  return result;
}

/** The sentence above a form: "correct the marked fields" when the API named fields, otherwise what went wrong. */
export function formErrorText(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) return t('errors.checkFields');
  return errorText(error, t);
}
