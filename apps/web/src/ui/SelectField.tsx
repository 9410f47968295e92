import { Field } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  /** Shown first with an empty value, e.g. "Choose an organisation". */
  placeholder?: string;
  error?: string;
  /** Said under the label and tied to the select, like TextField's. */
  hint?: string;
  required?: boolean;
}

/** A labelled select with its error tied to it, like TextField. */
export function SelectField({ id, label, value, options, onChange, placeholder, error, hint, required }: SelectFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} required={required}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
