import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, MaxDate, MinDate, ValidateBy } from 'class-validator';

/** Dates the API accepts: from 1970 to 2200 (PostgreSQL stores far more, but nothing of an association lies outside). */
export const EARLIEST_DATE = new Date('1970-01-01T00:00:00Z');
export const LATEST_DATE = new Date('2200-01-01T00:00:00Z');

/** The largest position in a document's text (ProseMirror positions): far beyond any real document. */
export const MAX_TEXT_POSITION = 100_000_000;

/** An ISO 8601 date and time within EARLIEST_DATE..LATEST_DATE, converted to a Date; `message` names the field. */
export function IsStoredDate(message: string) {
  return applyDecorators(
    Type(() => Date),
    IsDate({ message }),
    MinDate(EARLIEST_DATE, { message: `${message} from 1970 on` }),
    MaxDate(LATEST_DATE, { message: `${message} before 2200` }),
  );
}

/**
 * A number with at most `places` decimal places. class-validator's own `IsNumber({ maxDecimalPlaces })` throws (a 500)
 * on a number JavaScript writes with an exponent, such as 1e-7.
 */
export function MaxDecimalPlaces(places: number, message: string) {
  return ValidateBy({
    name: 'maxDecimalPlaces',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
      defaultMessage: () => message,
    },
  });
}
