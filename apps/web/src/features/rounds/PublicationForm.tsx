import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDate } from '../../i18n/format';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { isPublicationUrl, type ResolutionChoice, resolutionsPath, type Round, updatePublication, urlsOfLines } from './rounds-api';

/**
 * Where the round's announcement and report were published (the website, BIP), and the adopted resolution that
 * approved the report (coordinators): the report states them, and a change goes into its next edition.
 */
export function PublicationForm({ round, workspaceId, onSaved }: { round: Round; workspaceId: string; onSaved: (round: Round) => void }) {
  const { t, i18n } = useTranslation();
  const resolutions = useApiData<ResolutionChoice[]>(resolutionsPath(workspaceId));
  const [values, setValues] = useState(() => ({
    announcementUrls: round.announcementUrls.join('\n'),
    reportUrls: round.reportUrls.join('\n'),
    approvedByResolutionId: round.approval?.resolutionId ?? '',
  }));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrorsOf(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const adopted = (resolutions.data ?? []).filter((r) => r.state === 'adopted' && r.number && r.fullTitle);
  const options = adopted.map((r) => ({ value: r.id, label: r.decidedAt ? t('publication.approvalValue', { title: r.fullTitle, date: formatDate(r.decidedAt, i18n.language) }) : (r.fullTitle as string) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const announcementUrls = urlsOfLines(values.announcementUrls);
    const reportUrls = urlsOfLines(values.reportUrls);
    const found: Record<string, string> = {};
    for (const [field, urls] of [
      ['announcementUrls', announcementUrls],
      ['reportUrls', reportUrls],
    ] as const) {
      const wrong = urls.find((url) => !isPublicationUrl(url));
      if (wrong) found[field] = t('publication.errors.url', { url: wrong });
    }
    setOwnErrors(found);
    setFailure(null);
    setNotice(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const updated = await updatePublication(round.id, { announcementUrls, reportUrls, approvedByResolutionId: values.approvedByResolutionId || null });
      setNotice(t('publication.saved'));
      onSaved(updated);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="publication-form-heading">
      <h2 id="publication-form-heading">{t('publication.heading')}</h2>
      <p className="field__hint">{t('publication.intro')}</p>
      <StatusMessage message={notice} />
      <ErrorMessage message={formErrorText(failure, t)} />
      <TextAreaField
        id="publication-announcement-urls"
        label={t('publication.announcementUrls')}
        hint={t('publication.urlsHint')}
        value={values.announcementUrls}
        onChange={set('announcementUrls')}
        error={errors.announcementUrls}
        rows={2}
      />
      <TextAreaField id="publication-report-urls" label={t('publication.reportUrls')} hint={t('publication.urlsHint')} value={values.reportUrls} onChange={set('reportUrls')} error={errors.reportUrls} rows={2} />
      <SelectField
        id="publication-resolution"
        label={t('publication.resolution')}
        value={values.approvedByResolutionId}
        placeholder={t('publication.noResolution')}
        options={options}
        onChange={set('approvedByResolutionId')}
        error={errors.approvedByResolutionId}
        hint={t('publication.resolutionHint')}
      />
      <SubmitButton busy={busy} label={t('publication.save')} busyLabel={t('publication.saving')} />
    </form>
  );
}
