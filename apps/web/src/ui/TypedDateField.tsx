import { Field } from './Field';

/** What the date fields take, like TextField. */
export interface DateFieldBaseProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  /** More ids to name in aria-describedby, e.g. a warning shown under the field. */
  describedBy?: string;
  required?: boolean;
}

export interface TypedDateFieldProps extends DateFieldBaseProps {
  /** The format to type, said after the field's own hint ("Wpisz w formacie dd.mm.rrrr…"). */
  format: string;
  /** The text written out in full when the field is left ("5.1.2027" → "05.01.2027"), or as it was. */
  tidy: (text: string) => string;
  className: string;
  size: number;
}

/**
 * A date typed as text in the Polish order instead of the browser's own picker (which follows the browser's language:
 * "mm/dd/yyyy"): labelled, its hint and the format tied to it, written out in full when left. DateField and
 * DateTimeField are made of it.
 */
export function TypedDateField({ id, label, value, onChange, format, tidy, className, size, error, hint, describedBy, required }: TypedDateFieldProps) {
  function leave() {
    const written = tidy(value);
    if (written !== value) onChange(written);
  }
  return (
    <Field id={id} label={label} hint={hint ? `${hint} ${format}` : format} error={error} describedBy={describedBy}>
      {(control) => (
        <input
          {...control}
          className={className}
          type="text"
          autoComplete="off"
          spellCheck={false}
          size={size}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={leave}
          required={required}
        />
      )}
    </Field>
  );
}
