import { HttpException } from '@nestjs/common';

/**
 * The stable codes of the API's errors (RFC 9457 problem details, see ErrorFilter). Clients act on and translate the
 * `code`, never the English `detail`. A code, once published, keeps its meaning; new ones are added here. Each has
 * the status it is sent with and a short title that does not change from one occurrence to another.
 */
export const PROBLEMS = {
  // The default of each status, for errors no thrower gave a code.
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 400, title: 'Some fields are not valid' },
  unauthorized: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  gone: { status: 410, title: 'No longer available' },
  payload_too_large: { status: 413, title: 'Too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Cannot be processed' },
  too_many_requests: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  server_busy: { status: 503, title: 'The server is busy' },

  // Signing in, sessions and passwords.
  wrong_credentials: { status: 401, title: 'Wrong e-mail or password' },
  session_invalid: { status: 401, title: 'The session has ended' },
  reset_token_invalid: { status: 400, title: 'The reset link is invalid, used or expired' },

  // People and memberships.
  person_not_found: { status: 404, title: 'No such person in this workspace' },
  organisation_not_found: { status: 404, title: 'No such organisation in this workspace' },
  last_coordinator: { status: 409, title: 'The workspace must keep an active coordinator' },
  deactivate_self: { status: 409, title: 'You cannot deactivate yourself' },
  already_member: { status: 409, title: 'Already a member' },
  deactivated_member: { status: 409, title: 'A deactivated member' },

  // Documents, their versions and comments.
  document_access_ended: { status: 403, title: 'Your access to the document has ended' },
  document_access_insufficient: { status: 403, title: 'Your access to the document does not allow this' },
  document_status_not_allowed: { status: 409, title: 'The document cannot move to that status' },
  version_name_taken: { status: 409, title: 'Another version of the document has this name' },

  // Consultations: rounds, their comments, triage, proposed wording → draft, the report.
  round_wrong_state: { status: 409, title: 'The round is not in a state that allows this' },
  round_not_yet_open: { status: 409, title: 'The round opens at its opening time, not before' },
  round_not_yet_over: { status: 409, title: 'The round cannot close before its closing time' },
  round_not_editable: { status: 409, title: 'Only a draft or announced round can be changed' },
  round_not_deletable: { status: 409, title: 'Only a draft round can be deleted' },
  round_not_accepting_comments: { status: 409, title: 'The consultation does not accept comments now' },
  round_channel_not_taken: { status: 409, title: 'The consultation does not take comments this way' },
  comment_withdrawn: { status: 409, title: 'The comment was withdrawn' },
  nothing_to_approve: { status: 409, title: 'There is no disposition to approve yet' },
  triage_bulk_refused: { status: 409, title: 'Some of the comments cannot take the action' },
  passage_changed: { status: 409, title: 'The passage was changed since it was opened' },
  passage_gone: { status: 409, title: 'The passage is no longer in the draft' },
  proposal_not_accepted: { status: 409, title: 'Only an accepted or partly accepted comment’s wording goes into the draft' },
  proposal_already_applied: { status: 409, title: 'The wording was already applied to the draft' },
  proposal_no_passage: { status: 422, title: 'The comment names no passage of the document' },
  report_round_not_closed: { status: 409, title: 'The report is published after the close' },
  report_undecided_comments: { status: 409, title: 'Some comments are not decided and approved' },
  report_unchanged: { status: 409, title: 'Nothing changed since the latest edition' },

  // Decisions: bodies, resolutions, meetings, votes, attachments, sign-offs of versions.
  coordinators_only: { status: 403, title: 'Only coordinators do this' },
  chair_only: { status: 403, title: 'Only the chair of the meeting does this' },
  representatives_only: { status: 403, title: 'Only a member’s representative does this' },
  body_name_taken: { status: 409, title: 'A body of the workspace already has this name' },
  resolution_decided: { status: 409, title: 'The resolution is decided or being voted on' },
  meeting_state: { status: 409, title: 'The meeting is not in the state this needs' },
  meeting_closed: { status: 409, title: 'The meeting is closed' },
  meeting_not_open: { status: 409, title: 'Votes are taken in an open meeting' },
  vote_in_progress: { status: 409, title: 'A vote of the meeting is still open' },
  no_second_term: { status: 409, title: 'The meeting was not called with a second term' },
  second_term_not_yet: { status: 409, title: 'The second term has not begun' },
  not_on_agenda: { status: 409, title: 'The resolution is not on the meeting’s agenda' },
  not_body_member: { status: 409, title: 'The member is not a member of the body' },
  not_voting_member: { status: 403, title: 'The member is not a member of the body that decides' },
  proxy_refused: { status: 409, title: 'The proxy is refused' },
  ballot_refused: { status: 409, title: 'The ballot is refused' },
  already_voted: { status: 409, title: 'The member has already voted' },
  vote_closed: { status: 409, title: 'The vote is closed' },
  remote_vote_not_over: { status: 409, title: 'A remote vote closes at its closing time' },
  remote_not_allowed: { status: 409, title: 'The rules do not allow remote voting' },
  no_chair: { status: 409, title: 'The rules give the chair a casting vote but no chair is named' },
  vote_weights_invalid: { status: 409, title: 'The members’ vote weights do not fit the rules' },
  attachments_frozen: { status: 409, title: 'The attachments are frozen once the resolution is voted on' },
  attachment_not_found: { status: 404, title: 'No such attachment' },
  already_approved: { status: 409, title: 'The member has already approved this version' },
  meeting_cancelled: { status: 409, title: 'The meeting is cancelled' },
  // The agenda, motions and amendments of a meeting.
  agenda_adopted: { status: 409, title: 'The meeting adopted its agenda: it changes by a vote' },
  agenda_not_adopted: { status: 409, title: 'The agenda is not adopted yet' },
  agenda_item_voted: { status: 409, title: 'Something was voted on this agenda item' },
  minutes_approved: { status: 409, title: 'The minutes are approved already' },
  amendment_state: { status: 409, title: 'The amendment is not in the state this needs' },
  amendments_not_ordered: { status: 409, title: 'The chair orders the amendments before they are voted on' },
  amendment_out_of_order: { status: 409, title: 'Another amendment comes first in the order of voting' },
  amendments_pending: { status: 409, title: 'Amendments are still to be decided before the whole text is voted on' },
  // The speakers' list of a meeting.
  meeting_not_in_session: { status: 409, title: 'The meeting is not open' },
  no_current_item: { status: 409, title: 'No agenda item is under discussion' },
  speaker_state: { status: 409, title: 'The request to speak is not in the state this needs' },
  already_requested: { status: 409, title: 'The member already waits to speak on this item' },
  not_own_request: { status: 403, title: 'Only who asked to speak, or the chair, withdraws the request' },

  // Joint projects.
  project_closed: { status: 409, title: 'The project is refused, withdrawn or settled and no longer changes' },
  call_in_use: { status: 409, title: 'Projects are matched to the funding call' },

  // Elections of persons at a meeting.
  election_state: { status: 409, title: 'The election is not in the state this needs' },
  election_round_open: { status: 409, title: 'A round of the election is open' },
  election_round_closed: { status: 409, title: 'The round of the election is closed' },
  election_no_candidates: { status: 409, title: 'No candidate with recorded consent stands' },
  candidate_already_standing: { status: 409, title: 'A candidate of this member already stands' },
  candidate_withdrawn: { status: 409, title: 'The candidacy was withdrawn' },

  // Notifications and e-mail.
  mail_not_retryable: { status: 409, title: 'Only a failed or bounced e-mail can be sent again' },

  // Invitations.
  invitation_not_found: { status: 404, title: 'No such invitation' },
  invitation_not_pending: { status: 404, title: 'No pending invitation with this id' },
  invitation_accepted: { status: 410, title: 'The invitation has been accepted' },
  invitation_withdrawn: { status: 410, title: 'The invitation was withdrawn' },
  invitation_expired: { status: 410, title: 'The invitation has expired' },
  sign_in_required: { status: 401, title: 'Sign in as the invited person' },
  wrong_account: { status: 403, title: 'The invitation is for another account' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/**
 * The codes of one field's problem, sent with it under `errors` (`{ field, message, code }`); a field error without a
 * code is just "not valid" with the English message.
 */
export const FIELD_PROBLEM_CODES = [
  'invalid_email',
  'password_too_short',
  'password_too_long',
  'password_is_email',
  'password_repeated',
  'password_required',
  'display_name_required',
  'organisation_not_allowed',
  'organisation_required',
  'organisation_wrong_kind',
  'organisation_not_found',
  'reset_token_invalid',
  // Decisions: the forms of bodies, resolutions, meetings and remote votes, and attachments.
  'body_not_in_workspace',
  'chair_not_body_member',
  'agenda_item_refused',
  'second_term_not_after_first',
  'changed_resolution_not_found',
  'changed_resolution_not_adopted',
  'adopted_version_not_found',
  'closing_time_not_future',
  'attachment_required',
  'attachment_content_invalid',
  'agenda_item_not_in_meeting',
  // Documents, their versions and comments.
  'version_name_taken',
  'mention_not_allowed',
  // Joint projects: the pipeline's steps.
  'stage_not_allowed',
  'date_before_previous',
  'resolution_required',
  'resolution_not_adopted',
  'call_not_found',
  'document_not_in_workspace',
  'rate_outside_call',
  'resolution_used',
  'resolution_wrong_body',
  // Notifications.
  'unsubscribe_link_invalid',
  'calendar_link_invalid',
] as const;

export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
  code?: FieldProblemCode;
}

/** The code sent when the thrower gave none: the status's default (validation_failed when fields are named). */
export function defaultProblemCode(status: number, hasFieldErrors: boolean): ProblemCode {
  if (status === 400) return hasFieldErrors ? 'validation_failed' : 'bad_request';
  const match = DEFAULT_BY_STATUS.get(status);
  if (match) return match;
  return status >= 500 ? 'internal' : 'bad_request';
}

const DEFAULT_BY_STATUS = new Map<number, ProblemCode>([
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [409, 'conflict'],
  [410, 'gone'],
  [413, 'payload_too_large'],
  [415, 'unsupported_media_type'],
  [422, 'unprocessable'],
  [429, 'too_many_requests'],
  [500, 'internal'],
  [503, 'server_busy'],
]);

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(PROBLEMS, value);
}

/** Whether `error` is the refusal `problem(code, …)` made. */
export function isProblem(error: unknown, code: ProblemCode): boolean {
  if (!(error instanceof HttpException)) return false;
  const response = error.getResponse();
  return typeof response === 'object' && response !== null && (response as { code?: unknown }).code === code;
}

/** The problem type URI of a code (a stable identifier; RFC 9457 §3.1.1). */
export function problemType(code: ProblemCode): string {
  return `urn:commonplan:problem:${code}`;
}

/**
 * A refusal with a stable code: the status comes from the code (PROBLEMS), `detail` is the English explanation, and
 * `errors` names fields when the problem is about them. `throw problem('last_coordinator', '…')`.
 */
export function problem(code: ProblemCode, detail: string, errors?: FieldProblem[]): HttpException {
  return new HttpException({ code, message: detail, ...(errors ? { errors } : {}) }, PROBLEMS[code].status);
}
