import { Field } from './Field';

export interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
}

/** A labelled textarea; like TextField, its hint and error are tied to it and an error sets aria-invalid. */
export function TextAreaField({ id, label, value, onChange, error, hint, required, rows = 4 }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} value={value} rows={rows} onChange={(event) => onChange(event.target.value)} required={required} />}
    </Field>
  );
}
