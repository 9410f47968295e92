import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with the number of seconds to wait, sent as the Retry-After header by ErrorFilter. */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
