import { Field } from './Field';

export interface DateTimeFieldProps {
  id: string;
  label: string;
  /** "YYYY-MM-DDTHH:mm" in the reader's time zone (see toLocalInput), or "" */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  /** More ids to name in aria-describedby, e.g. a warning shown under the field. */
  describedBy?: string;
  required?: boolean;
}

/** A labelled date and time (the browser's own picker), with its hint and error tied to it like TextField. */
export function DateTimeField({ id, label, value, onChange, error, hint, describedBy, required }: DateTimeFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} describedBy={describedBy}>
      {(control) => <input {...control} type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} required={required} />}
    </Field>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local value in the reader's time zone: "2026-12-01T09:00". */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the reader's time zone) as a moment, or null when it is empty or not a date. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
