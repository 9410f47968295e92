import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromDayInput, toDayInput } from './date-input';
import { type DateFieldBaseProps, TypedDateField } from './TypedDateField';

/** Its value is the day as "2027-01-15", "" for none, or the text typed while it is not a day (for the form to refuse). */
export type DateFieldProps = DateFieldBaseProps;

/** What the form is told for a text typed: the day it names ("2027-01-15"), or the text itself when it names none. */
const valueOf = (text: string) => fromDayInput(text) ?? text.trim();

/** "5.1.2027" → "05.01.2027"; what is not a day stays as typed. */
function tidy(text: string): string {
  const day = fromDayInput(text);
  return day ? toDayInput(day) : text;
}

/**
 * A labelled day typed as "dd.mm.rrrr" whatever the language of the browser (its own picker would show "mm/dd/yyyy"):
 * the format is said under the label with the field's own hint, and a day typed another way that is still understood
 * ("5.1.2027", "2027-01-05") is written out in full when the field is left. The form gets and gives ISO days.
 */
export function DateField({ id, label, value, onChange, error, hint, describedBy, required }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => toDayInput(value));
  // A value set by the form (cleared after sending, say) replaces the text; the value the text gave does not.
  const [given, setGiven] = useState(value);
  if (value !== given) {
    setGiven(value);
    if (value !== valueOf(text)) setText(toDayInput(value));
  }
  return (
    <TypedDateField
      id={id}
      label={label}
      value={text}
      onChange={(typed) => {
        setText(typed);
        onChange(valueOf(typed));
      }}
      format={t('common.dateHint')}
      tidy={tidy}
      className="date-field"
      size={12}
      error={error}
      hint={hint}
      describedBy={describedBy}
      required={required}
    />
  );
}
