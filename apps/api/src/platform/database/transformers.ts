import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (it may not fit a double); the values we keep there do. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? null : Number(value)),
};

/** bigint arrives as a string; sequence numbers stay far below 2^53. */
export const bigintTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? null : Number(value)),
};
