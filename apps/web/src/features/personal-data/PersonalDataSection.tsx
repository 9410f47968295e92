import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { Field } from '../../ui/Field';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { exportPerson, type PersonalDataSettings, saveSettings, settingsPath } from './personal-data-api';

/**
 * "Personal data" on the people page (coordinators): how long public commenters' contact data is kept after a round's
 * report is published, and the export of everything the workspace holds about a person, by e-mail address.
 */
export function PersonalDataSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const settings = useApiData<PersonalDataSettings>(settingsPath(workspaceId));
  const [days, setDays] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useState<unknown>(null);
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [exporting, setExporting] = useState(false);
  const [exportFailure, setExportFailure] = useState<unknown>(null);
  const [exportStatus, setExportStatus] = useState<string | null>(null);

  const loaded = settings.data?.contactRetentionDays;
  useEffect(() => {
    if (loaded !== undefined) setDays(String(loaded));
  }, [loaded]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaveFailure(null);
    setSaveStatus(null);
    try {
      const value = /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN;
      const saved = await saveSettings(workspaceId, { contactRetentionDays: value });
      setSaveStatus(t('personalData.retention.saved', { count: saved.contactRetentionDays }));
      settings.reload();
    } catch (error) {
      setSaveFailure(error);
    } finally {
      setSaving(false);
    }
  }

  async function download(event: FormEvent) {
    event.preventDefault();
    if (exporting) return;
    setExporting(true);
    setExportFailure(null);
    setExportStatus(null);
    try {
      await exportPerson(workspaceId, email.trim());
      setExportStatus(t('personalData.export.done', { email: email.trim() }));
    } catch (error) {
      setExportFailure(error);
    } finally {
      setExporting(false);
    }
  }

  const daysError = fieldErrorsOf(saveFailure, t).contactRetentionDays;
  const emailError = fieldErrorsOf(exportFailure, t).email;
  return (
    <section id="personal-data" aria-labelledby="personal-data-heading" className="panel">
      <h2 id="personal-data-heading">{t('personalData.heading')}</h2>
      <form onSubmit={(event) => void save(event)} noValidate aria-labelledby="personal-data-retention-heading">
        <h3 id="personal-data-retention-heading">{t('personalData.retention.heading')}</h3>
        <Field id="personal-data-days" label={t('personalData.retention.label')} hint={t('personalData.retention.hint')} error={daysError}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={3650} step={1} value={days} onChange={(event) => setDays(event.target.value)} />}
        </Field>
        <ErrorMessage message={formErrorText(saveFailure, t)} />
        <StatusMessage message={saveStatus} />
        <SubmitButton busy={saving} label={t('personalData.retention.submit')} busyLabel={t('personalData.retention.saving')} />
      </form>
      <form onSubmit={(event) => void download(event)} noValidate aria-labelledby="personal-data-export-heading">
        <h3 id="personal-data-export-heading">{t('personalData.export.heading')}</h3>
        <p className="muted">{t('personalData.export.intro')}</p>
        <TextField id="personal-data-email" type="email" label={t('personalData.export.email')} value={email} onChange={setEmail} error={emailError} autoComplete="off" required />
        <ErrorMessage message={formErrorText(exportFailure, t)} />
        <StatusMessage message={exportStatus} />
        <SubmitButton busy={exporting} label={t('personalData.export.submit')} busyLabel={t('personalData.export.busy')} />
      </form>
    </section>
  );
}
