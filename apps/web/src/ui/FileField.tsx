import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';

export interface FileFieldProps {
  id: string;
  label: string;
  /** The file chosen (kept by the form), whose name is shown; null for none. */
  file: File | null;
  onChange: (file: File | null) => void;
  /** The types offered in the browser's dialog, as the input's accept attribute. */
  accept?: string;
  hint?: string;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A labelled file choice in the page's language: a "Wybierz plik" button and the name of the file chosen ("Nie wybrano
 * pliku" before), instead of the browser's own "Choose File" / "No file chosen". The native input is still the control
 * (laid transparent over the button, so a click, a tap, the keyboard and dropping a file all reach it): the label, hint,
 * error and the chosen name are tied to it, and its focus shows as the button's focus ring.
 */
export function FileField({ id, label, file, onChange, accept, hint, error, inputRef }: FileFieldProps) {
  const { t } = useTranslation();
  const nameId = `${id}-chosen`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <div className="file-field">
          <span className="file-field__picker">
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], nameId].filter(Boolean).join(' ')}
              ref={inputRef}
              className="file-field__input"
              type="file"
              accept={accept}
              onChange={(event) => onChange(event.target.files?.[0] ?? null)}
            />
            <span className="button file-field__button" aria-hidden="true">
              {t('common.chooseFile')}
            </span>
          </span>
          <span id={nameId} className="file-field__name" aria-live="polite">
            {file ? file.name : t('common.noFileChosen')}
          </span>
        </div>
      )}
    </Field>
  );
}
