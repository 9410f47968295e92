import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ServerBusyException } from './server-busy';
import { TooManyRequestsException } from './too-many-requests';

/**
 * The last line: HTTP exceptions go out as they are; errors that bad input can still cause below the validation
 * (a unique or check constraint, a body the parser refused) become 4xx with a plain message; anything else is a 500
 * that is logged and says nothing of the internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const { status, body } = this.describe(exception);
    if (exception instanceof TooManyRequestsException || exception instanceof ServerBusyException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    // A full queue is load, not a fault (the refusing service logs it).
    if (status >= 500 && !(exception instanceof ServerBusyException)) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const payload = exception.getResponse();
      const body =
        typeof payload === 'string'
          ? { statusCode: exception.getStatus(), message: payload }
          : { statusCode: exception.getStatus(), ...(payload as Record<string, unknown>) };
      return { status: exception.getStatus(), body };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const mapped = DB_ERRORS[code ?? ''];
      if (mapped) return { status: mapped.status, body: { statusCode: mapped.status, error: mapped.error, message: mapped.message } };
    }
    // Errors raised by Express's body parser carry their own 4xx status (malformed JSON 400, too large 413), with a
    // `type`, or none when the body does not decode as its Content-Encoding says (http-errors marks them `expose`).
    const { status, type, expose } = (exception ?? {}) as { status?: unknown; type?: unknown; expose?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500 && (typeof type === 'string' || expose === true)) {
      const message = type === 'entity.too.large' ? 'request body is too large' : type === 'entity.parse.failed'
        ? 'request body is not valid JSON' : typeof type === 'string' ? (exception as Error).message
        : 'request body could not be decoded (check its Content-Encoding)';
      return { status, body: { statusCode: status, message } };
    }
    return { status: 500, body: { statusCode: 500, message: 'Internal server error' } };
  }
}

const DB_ERRORS: Record<string, { status: number; error: string; message: string }> = {
  '23505': { status: 409, error: 'Conflict', message: 'it already exists' },
  '23503': { status: 409, error: 'Conflict', message: 'it refers to something that does not exist or is still in use' },
  '23514': { status: 422, error: 'Unprocessable Entity', message: 'a value is outside what is allowed' },
  '22001': { status: 400, error: 'Bad Request', message: 'a value is too long' },
  '22P02': { status: 400, error: 'Bad Request', message: 'a value is malformed' },
  // Behind the validation, which should have refused these first: numbers and dates out of range, text the
  // database cannot store (NUL, lone surrogates).
  '22003': { status: 400, error: 'Bad Request', message: 'a number is out of range' },
  '22008': { status: 400, error: 'Bad Request', message: 'a date is out of range' },
  '22021': { status: 400, error: 'Bad Request', message: 'a text holds characters that cannot be stored' },
  '22P05': { status: 400, error: 'Bad Request', message: 'a text holds characters that cannot be stored' },
};
