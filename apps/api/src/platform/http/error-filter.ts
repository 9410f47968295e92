import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { defaultProblemCode, type FieldProblem, isProblemCode, type ProblemCode, PROBLEMS, problemType } from './problem-codes';
import { ServerBusyException } from './server-busy';
import { TooManyRequestsException } from './too-many-requests';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * An error response: RFC 9457 problem details with the stable `code` clients act on, the field problems under
 * `errors`, and the members older clients read (`statusCode`, and `message`, the same as `detail`).
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
  statusCode: number;
  message: string;
  [extension: string]: unknown;
}

/**
 * The last line: every error goes out as problem details. HTTP exceptions keep their status, message, field errors
 * and code (the status's default code when they gave none); errors that bad input can still cause below the
 * validation (a unique or check constraint, a body the parser refused) become 4xx with a plain message; anything else
 * is a 500 that is logged and says nothing of the internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const body = problemBody(exception, http.getRequest<Request | undefined>()?.originalUrl);
    if (exception instanceof TooManyRequestsException || exception instanceof ServerBusyException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    // A full queue is load, not a fault (the refusing service logs it).
    if (body.status >= 500 && !(exception instanceof ServerBusyException)) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendProblem(response, body);
  }
}

/** Writes problem details as the response (also used by the middleware that refuses requests before routing). */
export function sendProblem(response: Response, body: ProblemBody): void {
  response.status(body.status).type(PROBLEM_JSON).send(JSON.stringify(body));
}

/** The problem details of any thrown value; `url` (the request's) becomes `instance`, without its query. */
export function problemBody(exception: unknown, url?: string): ProblemBody {
  const { status, message, code, errors, extensions } = describe(exception);
  const problemCode = isProblemCode(code) ? code : defaultProblemCode(status, errors.length > 0);
  const title = PROBLEMS[PROBLEMS[problemCode].status === status ? problemCode : defaultProblemCode(status, false)].title;
  return {
    ...extensions,
    type: problemType(problemCode),
    title,
    status,
    detail: message,
    code: problemCode,
    ...(url ? { instance: url.split('?')[0] } : {}),
    ...(errors.length > 0 ? { errors } : {}),
    statusCode: status,
    message,
  };
}

interface Described {
  status: number;
  message: string;
  code?: unknown;
  errors: FieldProblem[];
  extensions: Record<string, unknown>;
}

function describe(exception: unknown): Described {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const payload = exception.getResponse();
    if (typeof payload === 'string') return { status, message: payload, errors: [], extensions: {} };
    // Nest's own exceptions put statusCode and error (the reason phrase) in; problem details say status and title.
    const { statusCode: _statusCode, error: _error, message, code, errors, ...extensions } = payload as Record<string, unknown>;
    return { status, message: messageOf(message, exception.message), code, errors: fieldProblems(errors), extensions };
  }
  if (exception instanceof QueryFailedError) {
    const driverCode = (exception.driverError as { code?: string } | undefined)?.code;
    const mapped = DB_ERRORS[driverCode ?? ''];
    if (mapped) return { status: mapped.status, message: mapped.message, errors: [], extensions: {} };
  }
  // Errors raised by Express's body parser carry their own 4xx status (malformed JSON 400, too large 413), with a
  // `type`, or none when the body does not decode as its Content-Encoding says (http-errors marks them `expose`).
  const { status, type, expose } = (exception ?? {}) as { status?: unknown; type?: unknown; expose?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500 && (typeof type === 'string' || expose === true)) {
    const message = type === 'entity.too.large' ? 'request body is too large' : type === 'entity.parse.failed'
      ? 'request body is not valid JSON' : typeof type === 'string' ? (exception as Error).message
      : 'request body could not be decoded (check its Content-Encoding)';
    return { status, message, errors: [], extensions: {} };
  }
  return { status: 500, message: 'Internal server error', errors: [], extensions: {} };
}

function messageOf(message: unknown, fallback: string): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return fallback;
}

function fieldProblems(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is FieldProblem => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
  );
}

const DB_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'it already exists' },
  '23503': { status: 409, message: 'it refers to something that does not exist or is still in use' },
  '23514': { status: 422, message: 'a value is outside what is allowed' },
  '22001': { status: 400, message: 'a value is too long' },
  '22P02': { status: 400, message: 'a value is malformed' },
  // Behind the validation, which should have refused these first: numbers and dates out of range, text the
  // database cannot store (NUL, lone surrogates).
  '22003': { status: 400, message: 'a number is out of range' },
  '22008': { status: 400, message: 'a date is out of range' },
  '22021': { status: 400, message: 'a text holds characters that cannot be stored' },
  '22P05': { status: 400, message: 'a text holds characters that cannot be stored' },
};
