import { BadRequestException, type HttpException } from '@nestjs/common';

/**
 * An error about one field of a request, in the shape the validation pipe answers with (`message` "field: problem"
 * and `errors: [{ field, message }]`), so the web app puts it next to that field. A 400 unless another kind is given
 * (NotFoundException for an id that names nothing, UnprocessableEntityException for an unreadable file).
 */
export function fieldError(field: string, message: string, Kind: new (body: object) => HttpException = BadRequestException): HttpException {
  return new Kind({ message: `${field}: ${message}`, errors: [{ field, message }] });
}
