import { BadRequestException, Param, ParseIntPipe, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { fieldError } from './field-error';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter (never a database error). */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a UUID`) }));

/** A route parameter that must be a whole number from `min` to `max` (a year, an edition); else a 400 naming it. */
export const IntParam = (name: string, min: number, max: number) =>
  Param(
    name,
    new ParseIntPipe({ exceptionFactory: () => fieldError(name, `${name} must be a whole number from ${min} to ${max}`) }),
    new (class implements PipeTransform<number, number> {
      transform(value: number): number {
        if (value < min || value > max) throw fieldError(name, `${name} must be a whole number from ${min} to ${max}`);
        return value;
      }
    })(),
  );
