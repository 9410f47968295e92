import type { Ref } from 'react';
import { Field } from './Field';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  error?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input; its hint and error are tied to it with aria-describedby, and an error sets aria-invalid. */
export function TextField({ id, label, value, onChange, type = 'text', error, hint, autoComplete, required, inputRef }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} ref={inputRef} type={type} value={value} onChange={(event) => onChange(event.target.value)} autoComplete={autoComplete} required={required} />}
    </Field>
  );
}
