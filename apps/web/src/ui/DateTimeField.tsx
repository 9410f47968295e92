import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from './date-input';
import { type DateFieldBaseProps, TypedDateField } from './TypedDateField';

// The forms turn the field's text into instants and back with these.
export { fromLocalInput, toLocalInput };

/** Its value is the text typed, "05.12.2026 09:00" in Polish time (see toLocalInput), or "". */
export type DateTimeFieldProps = DateFieldBaseProps;

/**
 * A labelled date and time in Polish time, typed as "dd.mm.rrrr gg:mm" whatever the language and time zone of the
 * browser (its own picker would show "mm/dd/yyyy" and the device's time zone); a date typed another way that is still
 * understood ("5.12.2026 9:00", "2026-12-05 09:00") is written out in full when the field is left.
 */
export function DateTimeField({ id, label, value, onChange, error, hint, describedBy, required }: DateTimeFieldProps) {
  const { t } = useTranslation();
  return (
    <TypedDateField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      format={t('common.dateTimeHint')}
      tidy={tidy}
      className="date-time-field"
      size={18}
      error={error}
      hint={hint}
      describedBy={describedBy}
      required={required}
    />
  );
}

function tidy(text: string): string {
  const date = fromLocalInput(text);
  return date ? toLocalInput(date) : text;
}
