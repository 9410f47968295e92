import { HttpException, HttpStatus } from '@nestjs/common';

/** 503: the server has no room for the work now (a full queue); Retry-After says when to try again (ErrorFilter). */
export class ServerBusyException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: 503, error: 'Service Unavailable', message, retryAfterSeconds }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
