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
