import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { errorText, fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { useWorkspace } from '../workspace/workspace-context';
import { accessibilityPage, type PublicationSettings, publicationSettingsPath, publicSitePage } from './publication-api';

const FIELDS = ['email', 'phone', 'address', 'accessibilityContact'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/**
 * /w/:id/publication (coordinators): the association's public site, linked, and the details it shows (the office's
 * contacts and who answers accessibility requests), kept here.
 */
export function PublicationSettingsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const source = useApiData<PublicationSettings>(publicationSettingsPath(workspace.id));
  const settings = source.data;
  const [values, setValues] = useState<Values | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(failure, t);
  useFocusFirstError(form, errors, attempt);
  useEffect(() => {
    if (settings && values === null) setValues(Object.fromEntries(FIELDS.map((f) => [f, settings[f] ?? ''])) as Values);
  }, [settings, values]);

  const title = t('siteSettings.heading');
  if (!settings || !values) {
    if (source.error == null) return <Loading />;
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !values) return;
    setFailure(null);
    setNotice(null);
    setBusy(true);
    try {
      const saved = await api.put<PublicationSettings>(publicationSettingsPath(workspace.id), values);
      setValues(Object.fromEntries(FIELDS.map((f) => [f, saved[f] ?? ''])) as Values);
      setNotice(t('siteSettings.saved'));
      source.reload();
    } catch (error) {
      setFailure(error);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  }
  const set = (field: keyof Values) => (value: string) => setValues((v) => (v ? { ...v, [field]: value } : v));

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('siteSettings.lead')}</p>
      <ul className="plain-list">
        <li>
          <Link to={publicSitePage(settings.slug)}>{t('siteSettings.siteLink', { name: workspace.shortName })}</Link>
        </li>
        <li>
          <Link to={accessibilityPage(settings.slug)}>{t('site.nav.accessibility')}</Link>
        </li>
      </ul>
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="site-settings-heading">
        <h2 id="site-settings-heading">{t('siteSettings.formHeading')}</h2>
        {settings.updatedAt && <p className="field__hint">{t('siteSettings.updatedAt', { at: formatDateTime(settings.updatedAt, i18n.language) })}</p>}
        <StatusMessage message={notice} />
        <ErrorMessage message={formErrorText(failure, t)} />
        <TextField id="site-email" type="email" label={t('siteSettings.email')} value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" />
        <TextField id="site-phone" label={t('siteSettings.phone')} value={values.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" />
        <TextField id="site-address" label={t('siteSettings.address')} value={values.address} onChange={set('address')} error={errors.address} autoComplete="off" />
        <TextField
          id="site-accessibility-contact"
          label={t('siteSettings.accessibilityContact')}
          hint={t('siteSettings.accessibilityContactHint')}
          value={values.accessibilityContact}
          onChange={set('accessibilityContact')}
          error={errors.accessibilityContact}
          autoComplete="off"
        />
        <SubmitButton busy={busy} label={t('siteSettings.save')} busyLabel={t('siteSettings.saving')} />
      </form>
    </>
  );
}
