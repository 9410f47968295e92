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
  // Consultations.
  round_wrong_state: 'errors.roundStateChanged',
  round_not_yet_open: 'errors.roundNotYetOpen',
  round_not_yet_over: 'errors.roundNotYetOver',
  round_not_editable: 'rounds.edit.conflict',
  round_not_deletable: 'rounds.delete.conflict',
  round_not_accepting_comments: 'errors.roundNotAccepting',
  round_channel_not_taken: 'errors.roundChannelNotTaken',
  comment_withdrawn: 'errors.commentWithdrawn',
  nothing_to_approve: 'errors.nothingToApprove',
  triage_bulk_refused: 'triage.bulk.refused',
  passage_changed: 'errors.passageChanged',
  passage_gone: 'proposal.gone',
  proposal_not_accepted: 'errors.proposalNotAccepted',
  proposal_already_applied: 'errors.proposalAlreadyApplied',
  proposal_no_passage: 'errors.proposalNoPassage',
  report_round_not_closed: 'errors.reportRoundNotClosed',
  report_undecided_comments: 'errors.reportUndecided',
  report_unchanged: 'errors.reportUnchanged',
  // Documents, their versions and comments.
  document_access_ended: 'errors.documentAccessEnded',
  document_access_insufficient: 'errors.documentAccessInsufficient',
  document_status_not_allowed: 'errors.documentStatusNotAllowed',
  version_name_taken: 'errors.field.versionNameTaken',
  // Decisions (features/decisions/decision-errors.ts adds the reason of a refused proxy or ballot).
  coordinators_only: 'decisions.errors.coordinatorsOnly',
  chair_only: 'decisions.errors.chairOnly',
  agenda_adopted: 'decisions.errors.agendaAdopted',
  agenda_not_adopted: 'decisions.errors.agendaNotAdopted',
  agenda_item_voted: 'decisions.errors.agendaItemVoted',
  minutes_approved: 'decisions.errors.minutesApproved',
  amendment_state: 'decisions.errors.amendmentState',
  amendments_not_ordered: 'decisions.errors.amendmentsNotOrdered',
  amendment_out_of_order: 'decisions.errors.amendmentOutOfOrder',
  amendments_pending: 'decisions.errors.amendmentsPending',
  representatives_only: 'decisions.errors.representativesOnly',
  body_name_taken: 'decisions.bodyForm.errors.nameTaken',
  resolution_decided: 'decisions.errors.alreadyDecided',
  meeting_state: 'decisions.errors.meetingState',
  meeting_closed: 'decisions.errors.meetingClosed',
  meeting_not_open: 'decisions.errors.meetingNotOpen',
  vote_in_progress: 'decisions.errors.voteInProgress',
  no_second_term: 'decisions.errors.noSecondTerm',
  second_term_not_yet: 'decisions.errors.secondTermNotYet',
  not_on_agenda: 'decisions.errors.notOnAgenda',
  not_body_member: 'decisions.errors.notBodyMember',
  not_voting_member: 'decisions.errors.notBodyMember',
  proxy_refused: null,
  ballot_refused: null,
  already_voted: 'decisions.errors.alreadyVoted',
  vote_closed: 'decisions.errors.voteClosed',
  remote_vote_not_over: 'decisions.errors.remoteNotYet',
  remote_not_allowed: 'decisions.errors.remoteNotAllowed',
  no_chair: 'decisions.errors.noChair',
  vote_weights_invalid: 'decisions.errors.weights',
  attachments_frozen: 'decisions.attachments.errors.frozen',
  attachment_not_found: 'decisions.attachments.errors.gone',
  already_approved: 'versions.approvals.alreadyApproved',
  meeting_cancelled: 'decisions.errors.meetingCancelled',
  election_state: 'decisions.errors.electionState',
  election_round_open: 'decisions.errors.electionRoundOpen',
  election_round_closed: 'decisions.errors.electionRoundClosed',
  election_no_candidates: 'decisions.errors.electionNoCandidates',
  candidate_already_standing: 'decisions.errors.candidateAlreadyStanding',
  candidate_withdrawn: 'decisions.errors.candidateWithdrawn',
  meeting_not_in_session: 'decisions.speakers.errors.notInSession',
  no_current_item: 'decisions.speakers.errors.noCurrentItem',
  speaker_state: 'decisions.speakers.errors.speakerState',
  already_requested: 'decisions.speakers.errors.alreadyRequested',
  not_own_request: 'decisions.speakers.errors.notOwnRequest',
  mail_not_retryable: 'notifications.errors.notRetryable',
  project_closed: 'projects.errors.closed',
  call_in_use: 'projects.errors.callInUse',
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
  // Decisions.
  body_not_in_workspace: 'decisions.errors.noSuchBody',
  chair_not_body_member: 'decisions.bodyForm.errors.chairRefused',
  agenda_item_refused: 'decisions.meetingForm.errors.agendaRefused',
  second_term_not_after_first: 'decisions.meetingForm.errors.secondTermAt',
  changed_resolution_not_found: 'decisions.resolutionForm.errors.changesRefused',
  changed_resolution_not_adopted: 'decisions.resolutionForm.errors.changesRefused',
  adopted_version_not_found: 'decisions.resolutionForm.errors.noSuchVersion',
  closing_time_not_future: 'decisions.remoteVote.errors.future',
  attachment_required: 'decisions.attachments.errors.fileRequired',
  attachment_content_invalid: 'decisions.attachments.errors.content',
  agenda_item_not_in_meeting: 'decisions.speakers.errors.itemNotInMeeting',
  // Documents, their versions and comments.
  version_name_taken: 'errors.field.versionNameTaken',
  mention_not_allowed: 'errors.field.mentionNotAllowed',
  // Joint projects.
  stage_not_allowed: 'projects.errors.stageNotAllowed',
  date_before_previous: 'projects.errors.dateBeforePrevious',
  resolution_required: 'projects.errors.resolutionRequired',
  resolution_not_adopted: 'projects.errors.resolutionNotAdopted',
  call_not_found: 'projects.errors.callNotFound',
  document_not_in_workspace: 'projects.errors.documentNotInWorkspace',
  rate_outside_call: 'projects.errors.rateOutsideCall',
  resolution_used: 'projects.errors.resolutionUsed',
  resolution_wrong_body: 'projects.errors.resolutionWrongBody',
  // Notifications.
  unsubscribe_link_invalid: 'errors.field.unsubscribeLinkInvalid',
  calendar_link_invalid: 'errors.field.calendarLinkInvalid',
};

const FIELD_MESSAGES: [RegExp, string][] = [
  // The password rules of libs/domain (passwordProblem), which the forms also check before sending
  // (features/auth/validation.ts) and which the domain words in English only; the API codes them.
  [/at least \d+ characters/i, 'errors.field.passwordTooShort'],
  [/at most \d+ characters/i, 'errors.field.passwordTooLong'],
  [/must not be the e-mail address/i, 'errors.field.passwordIsEmail'],
  [/must not repeat one character/i, 'errors.field.passwordRepeated'],
];

const withLimits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** A sentence for an error that is not about one field. */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const coded = error.code ? CODE_MESSAGES[error.code as ProblemCode] : undefined;
  if (coded) return t(coded);
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
