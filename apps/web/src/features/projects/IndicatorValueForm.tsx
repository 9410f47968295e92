import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIndicator } from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { errorText, fieldErrorText } from '../../api/error-text';
import { ErrorMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { INDICATOR_YEARS, type Indicator, recordIndicatorValue } from './indicators-api';

const FIELDS = ['year', 'value', 'source'] as const;
type Field = (typeof FIELDS)[number];

const SOURCE_MAX = 500;

const isField = (field: string): field is Field => (FIELDS as readonly string[]).includes(field);

/**
 * The API's field problems of a value as the form's fields (the year is the address's, the value and the source the
 * body's): a coded problem in its own words, the others by the field. `unplaced` says whether some problem names a
 * field the form does not show.
 */
export function valueFieldErrors(error: unknown, t: TFunction): { errors: Partial<Record<Field, string>>; unplaced: boolean } {
  const errors: Partial<Record<Field, string>> = {};
  let unplaced = false;
  if (!(error instanceof ApiError)) return { errors, unplaced };
  for (const problem of error.fieldErrors) {
    if (!isField(problem.field)) {
      unplaced = true;
      continue;
    }
    errors[problem.field] ??= problem.code ? fieldErrorText(problem, t) : t(`projects.indicators.form.errors.${problem.field}`);
  }
  return { errors, unplaced };
}

/**
 * A coordinator's value of an indicator for a year: the year, the value as typed (exact text, at most four decimal
 * places, a comma or a point) and the source of the data. A value recorded before for the same year is replaced.
 * Problems found here, and those the API names by field, are said at the field, and the focus goes to the first.
 */
export function IndicatorValueForm({
  id,
  indicator,
  onRecorded,
  onCancel,
}: {
  id: string;
  indicator: Indicator;
  onRecorded: (updated: Indicator, year: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ year: '', value: '', source: '' });
  const [ownErrors, setOwnErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const api = valueFieldErrors(failure, t);
  const errors = { ...api.errors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const fieldId = (field: Field) => `indicator-${indicator.id}-${field}`;
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const year = values.year.trim();
    if (!/^\d{4}$/.test(year) || Number(year) < INDICATOR_YEARS.min || Number(year) > INDICATOR_YEARS.max) found.year = t('projects.indicators.form.errors.year');
    if (!parseIndicator(values.value).ok) found.value = t('projects.indicators.form.errors.value');
    const source = values.source.trim();
    if (!source) found.source = t('projects.indicators.form.errors.source');
    else if (source.length > SOURCE_MAX) found.source = t('projects.indicators.form.errors.sourceTooLong', { max: SOURCE_MAX });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setOwnErrors(found);
    setFailure(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    const year = Number(values.year.trim());
    setBusy(true);
    try {
      // The value is sent as typed: the API reads "12,5" and "1 234.5" as exactly as the form does.
      const updated = await recordIndicatorValue(indicator.id, year, { value: values.value.trim(), source: values.source.trim() });
      onRecorded(updated, year);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  const formError = failure ? (failure instanceof ApiError && failure.fieldErrors.length > 0 && !api.unplaced ? t('errors.checkFields') : errorText(failure, t)) : null;

  return (
    <form
      id={id}
      ref={form}
      onSubmit={(event) => void submit(event)}
      noValidate
      className="form indicator-form"
      aria-label={t('projects.indicators.form.label', { name: indicator.name })}
    >
      <ErrorMessage message={formError} />
      <p className="field__hint">{t('projects.indicators.form.intro')}</p>
      <div className="form__row">
        <TextField id={fieldId('year')} label={t('projects.indicators.form.year')} hint={t('projects.indicators.form.yearHint')} value={values.year} onChange={set('year')} error={errors.year} required />
        <TextField
          id={fieldId('value')}
          label={t('projects.indicators.form.value', { unit: indicator.unit })}
          hint={t('projects.indicators.form.valueHint')}
          value={values.value}
          onChange={set('value')}
          error={errors.value}
          required
        />
      </div>
      <TextField
        id={fieldId('source')}
        label={t('projects.indicators.form.source')}
        hint={t('projects.indicators.form.sourceHint')}
        value={values.source}
        onChange={set('source')}
        error={errors.source}
        required
      />
      <div className="indicator-form__actions">
        <SubmitButton busy={busy} label={t('projects.indicators.form.submit')} busyLabel={t('projects.indicators.form.saving')} />
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
