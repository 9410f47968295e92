// The API's refusals about decisions in words (it answers in English prose without codes, so they are recognised by
// their wording, as in api/error-text.ts); anything else falls back to the general messages.
import type { TFunction } from 'i18next';
import { PROXY_REFUSALS, VOTE_REFUSALS } from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { errorText, fieldErrorsOf } from '../../api/error-text';

const KNOWN: [RegExp, string][] = [
  [/has already voted/i, 'decisions.errors.alreadyVoted'],
  [/the vote is (already )?closed/i, 'decisions.errors.voteClosed'],
  [/the meeting is closed/i, 'decisions.errors.meetingClosed'],
  [/votes are taken in an open meeting/i, 'decisions.errors.meetingNotOpen'],
  [/close the vote in progress/i, 'decisions.errors.voteInProgress'],
  [/not on this meeting.s agenda/i, 'decisions.errors.notOnAgenda'],
  [/is not voted on/i, 'decisions.errors.alreadyDecided'],
  [/is not a member of (this body|the body that decides)/i, 'decisions.errors.notBodyMember'],
  [/only a member.s representative/i, 'decisions.errors.representativesOnly'],
  [/only coordinators/i, 'decisions.errors.coordinatorsOnly'],
  [/cannot become/i, 'decisions.errors.meetingState'],
  [/vote weights do not fit/i, 'decisions.errors.weights'],
  [/remote vote closes at its closing time/i, 'decisions.errors.remoteNotYet'],
  [/does not allow remote voting/i, 'decisions.errors.remoteNotAllowed'],
  [/casting vote.*name the body.s chair/i, 'decisions.errors.noChair'],
  [/second term begins at/i, 'decisions.errors.secondTermNotYet'],
  [/not called with a second term|has no second term/i, 'decisions.errors.noSecondTerm'],
];

/** The reason code at the end of "the proxy is refused: holder not present" / "the ballot is refused: not present". */
function reasonOf(message: string, prefix: RegExp, reasons: readonly string[]): string | null {
  const match = prefix.exec(message);
  if (!match) return null;
  const reason = match[1].trim().replace(/ /g, '_');
  return reasons.includes(reason) ? reason : null;
}

/** A proxy's refusal reason (PROXY_REFUSALS) in words, e.g. for a stored proxy that is not counted. */
export function proxyRefusalText(reason: string, t: TFunction): string {
  return (PROXY_REFUSALS as readonly string[]).includes(reason) ? t(`decisions.proxy.refusals.${reason}`) : reason.replace(/_/g, ' ');
}

/** A sentence for a refusal from the decisions API. */
export function decisionErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return errorText(error, t);
  const proxy = reasonOf(error.message, /the proxy is refused: ([a-z ]+)/i, PROXY_REFUSALS);
  if (proxy) return t('decisions.proxy.refused', { reason: t(`decisions.proxy.refusals.${proxy}`) });
  const ballot = reasonOf(error.message, /the ballot is refused: ([a-z ]+)/i, VOTE_REFUSALS);
  if (ballot) return t(`decisions.ballot.refusals.${ballot}`);
  for (const [pattern, key] of KNOWN) if (pattern.test(error.message)) return t(key);
  return errorText(error, t);
}

/** The sentence above a decisions form: "correct the marked fields" when the API named fields, else the refusal. */
export function decisionFormErrorText(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) return t('errors.checkFields');
  return decisionErrorText(error, t);
}

const FIELD_KEYS: [string, RegExp, string][] = [
  ['agenda', /not decided yet|resolution ids/i, 'decisions.meetingForm.errors.agendaRefused'],
  ['adoptsVersionId', /version/i, 'decisions.resolutionForm.errors.noSuchVersion'],
  ['changesResolutionId', /adopted|no such/i, 'decisions.resolutionForm.errors.changesRefused'],
  ['bodyId', /body|UUID/i, 'decisions.errors.noSuchBody'],
  ['startsAt', /date/i, 'decisions.meetingForm.errors.startsAt'],
  // "a date after startsAt": the later pattern wins.
  ['secondTermAt', /date/i, 'decisions.meetingForm.errors.secondTermAtDate'],
  ['secondTermAt', /after/i, 'decisions.meetingForm.errors.secondTermAt'],
  ['closesAt', /future|date/i, 'decisions.remoteVote.errors.future'],
];

/** The API's field problems of the resolution, meeting and remote vote forms, in words that say what to do. */
export function decisionFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const result = fieldErrorsOf(error, t);
  if (!(error instanceof ApiError)) return result;
  for (const { field, message } of error.fieldErrors) {
    for (const [name, pattern, key] of FIELD_KEYS) if (field === name && pattern.test(message)) result[field] = t(key);
  }
  return result;
}
