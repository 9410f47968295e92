// The API's refusals about decisions in words. They come with stable codes (api/error-text.ts translates them); a
// refused proxy or ballot also names its reason (PROXY_REFUSALS / VOTE_REFUSALS of libs/domain) at the end of its
// detail, "the proxy is refused: holder not present", which is said here.
import type { TFunction } from 'i18next';
import { PROXY_REFUSALS, VOTE_REFUSALS } from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { errorText, fieldErrorsOf } from '../../api/error-text';

/** The reason code at the end of a refusal's detail, "…: holder not present" → holder_not_present, if it is one of `reasons`. */
function reasonOf(message: string, reasons: readonly string[]): string | null {
  const reason = message.slice(message.lastIndexOf(':') + 1).trim().replace(/ /g, '_');
  return reasons.includes(reason) ? reason : null;
}

/** A proxy's refusal reason (PROXY_REFUSALS) in words, e.g. for a stored proxy that is not counted. */
export function proxyRefusalText(reason: string, t: TFunction): string {
  return (PROXY_REFUSALS as readonly string[]).includes(reason) ? t(`decisions.proxy.refusals.${reason}`) : reason.replace(/_/g, ' ');
}

/** A sentence for a refusal from the decisions API. */
export function decisionErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return errorText(error, t);
  const proxy = error.code === 'proxy_refused' ? reasonOf(error.message, PROXY_REFUSALS) : null;
  if (proxy) return t('decisions.proxy.refused', { reason: t(`decisions.proxy.refusals.${proxy}`) });
  const ballot = error.code === 'ballot_refused' ? reasonOf(error.message, VOTE_REFUSALS) : null;
  if (ballot) return t(`decisions.ballot.refusals.${ballot}`);
  return errorText(error, t);
}

/** The sentence above a decisions form: "correct the marked fields" when the API named fields, else the refusal. */
export function decisionFormErrorText(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) return t('errors.checkFields');
  return decisionErrorText(error, t);
}

/**
 * What a field of the resolution, meeting and remote vote forms needs, when the API refuses it without a code of its
 * own (the validation's: missing, or not an id or a date).
 */
const FIELD_KEYS: Record<string, string> = {
  agenda: 'decisions.meetingForm.errors.agendaRefused',
  adoptsVersionId: 'decisions.resolutionForm.errors.noSuchVersion',
  bodyId: 'decisions.errors.noSuchBody',
  startsAt: 'decisions.meetingForm.errors.startsAt',
  secondTermAt: 'decisions.meetingForm.errors.secondTermAtDate',
  closesAt: 'decisions.remoteVote.errors.future',
};

/** The API's field problems of the resolution, meeting and remote vote forms, in words that say what to do. */
export function decisionFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const result = fieldErrorsOf(error, t);
  if (!(error instanceof ApiError)) return result;
  for (const { field, code } of error.fieldErrors) {
    if (!code && FIELD_KEYS[field]) result[field] = t(FIELD_KEYS[field]);
  }
  return result;
}
