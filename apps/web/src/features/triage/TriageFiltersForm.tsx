import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS } from '@commonplan/domain';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { SUBMITTER_TYPES } from '@commonplan/domain';
import { NO_FILTERS, TRIAGE_SORTS, type TriageFilters } from './triage-api';

export interface TriageFiltersFormProps {
  filters: TriageFilters;
  /** Experts and coordinators of the workspace, the people comments are assigned to. */
  assignees: SelectOption[];
  onApply: (filters: TriageFilters) => void;
}

/**
 * The triage table's filters and order. They apply when the form is sent (changing a select changes nothing by
 * itself), and the page keeps them in its address so that a filtered table can be bookmarked and shared.
 */
export function TriageFiltersForm({ filters, assignees, onApply }: TriageFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TriageFilters>(filters);
  const set = (key: keyof TriageFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  function clear() {
    setDraft(NO_FILTERS);
    onApply(NO_FILTERS);
  }

  return (
    <form role="search" onSubmit={submit} className="form triage-filters" aria-labelledby="triage-filters-heading">
      <h2 id="triage-filters-heading">{t('triage.filters.heading')}</h2>
      <div className="form__row">
        <TextField id="filter-q" label={t('triage.filters.q')} hint={t('triage.filters.qHint')} value={draft.q} onChange={set('q')} />
        <TextField id="filter-part" label={t('triage.filters.part')} value={draft.part} onChange={set('part')} />
      </div>
      <div className="form__row">
        <SelectField
          id="filter-submitter-type"
          label={t('triage.filters.submitterType')}
          value={draft.submitterType}
          placeholder={t('triage.filters.any')}
          options={SUBMITTER_TYPES.map((type) => ({ value: type, label: t(`triage.submitterTypes.${type}`) }))}
          onChange={set('submitterType')}
        />
        <SelectField
          id="filter-disposition"
          label={t('triage.filters.disposition')}
          value={draft.disposition}
          placeholder={t('triage.filters.any')}
          options={[{ value: 'none', label: t('triage.filters.noDisposition') }, ...DISPOSITIONS.map((d) => ({ value: d, label: t(`triage.dispositions.${d}`) }))]}
          onChange={set('disposition')}
        />
        <SelectField
          id="filter-assignee"
          label={t('triage.filters.assignee')}
          value={draft.assigneeId}
          placeholder={t('triage.filters.anyone')}
          options={[{ value: 'none', label: t('triage.filters.unassigned') }, ...assignees]}
          onChange={set('assigneeId')}
        />
        <SelectField
          id="filter-sort"
          label={t('triage.filters.sort')}
          value={draft.sort || 'number'}
          options={TRIAGE_SORTS.map((sort) => ({ value: sort, label: t(`triage.sorts.${sort}`) }))}
          onChange={(sort) => set('sort')(sort === 'number' ? '' : sort)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('triage.filters.apply')}
        </button>
        <button type="button" className="button" onClick={clear}>
          {t('triage.filters.clear')}
        </button>
      </div>
    </form>
  );
}
