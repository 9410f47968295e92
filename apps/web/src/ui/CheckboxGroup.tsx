import type { SelectOption } from './SelectField';

export interface CheckboxGroupProps {
  /** The fieldset's id; each box is `<id>-<value>`. */
  id: string;
  legend: string;
  options: SelectOption[];
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  hint?: string;
}

/**
 * Several choices in a fieldset named by its legend; the group's hint and error are tied to the fieldset with
 * aria-describedby, and an error marks the first box aria-invalid so that the focus goes there after a failed submit.
 */
export function CheckboxGroup({ id, legend, options, values, onChange, error, hint }: CheckboxGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  function toggle(value: string, checked: boolean) {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }
  return (
    <fieldset id={id} className={error ? 'choices field--invalid' : 'choices'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {options.map((option, index) => (
        <div className="choice" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            checked={values.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
            aria-invalid={error && index === 0 ? true : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
