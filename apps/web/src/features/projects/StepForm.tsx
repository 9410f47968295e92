import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warsawDay } from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { DateField } from '../../ui/DateField';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { type ResolutionView, resolutionsPath } from '../decisions/decisions-api';
import { needsResolution, type NewStep, type Project, type ProjectStage } from './projects-api';

/** The API's problems of a step by the form's fields: the pipeline names the day `date`, the validation `takenOn`. */
export function stepFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const result = fieldErrorsOf(error, t);
  if (!(error instanceof ApiError)) return result;
  for (const { field, code } of error.fieldErrors) {
    if (field === 'date') result.takenOn ??= result.date!;
    if (field === 'takenOn' && !code) result.takenOn = t('projects.step.errors.day');
    if (field === 'resolutionId' && !code) result.resolutionId = t('projects.step.errors.resolution');
  }
  return result;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const startingValues = (next: readonly string[]) => ({ stage: next[0] ?? '', takenOn: warsawDay(new Date()), resolutionId: '', note: '' });

/**
 * A coordinator's next step of a project: one of the stages it may go to, the day it was taken (today in Warsaw
 * unless changed), the adopted resolution that approves it where the stage needs one (the select is shown only then),
 * and a note. `onStep` sends it and reloads the project; the form then starts again for the stage after.
 */
export function StepForm({ project, workspaceId, onStep }: { project: Project; workspaceId: string; onStep: (step: NewStep) => Promise<void> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => startingValues(project.nextStages));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...stepFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  // Another coordinator's step may have changed where the project can go: the first stage it can go to is offered.
  const stage = project.nextStages.includes(values.stage as ProjectStage) ? values.stage : (project.nextStages[0] ?? '');
  const withResolution = needsResolution(stage);
  const resolutions = useApiData<ResolutionView[]>(withResolution ? resolutionsPath(workspaceId) : null);
  const adopted = (resolutions.data ?? []).filter((r) => r.state === 'adopted');

  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!ISO_DAY.test(values.takenOn)) found.takenOn = t('projects.step.errors.day');
    if (withResolution && !values.resolutionId) found.resolutionId = t('projects.step.errors.resolution');
    setOwnErrors(found);
    setFailure(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    const note = values.note.trim();
    setBusy(true);
    try {
      await onStep({
        stage: stage as ProjectStage,
        takenOn: values.takenOn,
        ...(withResolution ? { resolutionId: values.resolutionId } : {}),
        ...(note ? { note } : {}),
      });
      // The project has moved on: the next of its stages is offered, from the day of this step.
      setValues({ ...startingValues([]), takenOn: values.takenOn });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const resolutionPlaceholder =
    resolutions.loading && !resolutions.data ? t('projects.step.loadingResolutions')
    : adopted.length > 0 ? t('projects.step.chooseResolution')
    : t('projects.step.noResolutions');

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form" aria-labelledby="project-step-heading">
      <ErrorMessage message={formErrorText(failure, t)} />
      <div className="form__row">
        <SelectField
          id="project-step-stage"
          label={t('projects.step.stage')}
          value={stage}
          options={project.nextStages.map((s) => ({ value: s, label: t(`projects.stages.${s}`) }))}
          onChange={set('stage')}
          error={errors.stage}
          required
        />
        <DateField id="project-step-day" label={t('projects.step.day')} value={values.takenOn} onChange={set('takenOn')} error={errors.takenOn} required />
      </div>
      {withResolution && (
        <SelectField
          id="project-step-resolution"
          label={t('projects.step.resolution')}
          hint={t('projects.step.resolutionHint')}
          value={values.resolutionId}
          placeholder={resolutionPlaceholder}
          options={adopted.map((r) => ({ value: r.id, label: r.fullTitle ?? r.title }))}
          onChange={set('resolutionId')}
          error={errors.resolutionId}
          required
        />
      )}
      <TextAreaField id="project-step-note" label={t('projects.step.note')} value={values.note} onChange={set('note')} error={errors.note} rows={2} />
      <SubmitButton busy={busy} label={t('projects.step.submit')} busyLabel={t('projects.step.saving')} />
    </form>
  );
}
