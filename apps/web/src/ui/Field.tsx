import type { ReactNode } from 'react';

/** What a field's control carries so that its label, hint and error belong to it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** More ids to name in aria-describedby, e.g. a warning shown under the field. */
  describedBy?: string;
  /** The control (input, textarea, select), given the props that tie it to the label, hint and error. */
  children: (control: ControlProps) => ReactNode;
}

/**
 * The frame of every labelled field: the label, the hint under it and the error below the control, tied to the
 * control with aria-describedby; an error sets aria-invalid.
 */
export function Field({ id, label, hint, error, describedBy, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
