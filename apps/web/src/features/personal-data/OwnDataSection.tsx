import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { exportOwn } from './personal-data-api';

/** "Your data" on the account page: a copy of everything held about the signed-in person, as a JSON file. */
export function OwnDataSection() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setStatus(null);
    try {
      await exportOwn();
      setStatus(t('personalData.own.done'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="own-data" aria-labelledby="own-data-heading">
      <h2 id="own-data-heading">{t('personalData.own.heading')}</h2>
      <p className="muted">{t('personalData.own.intro')}</p>
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      <StatusMessage message={status} />
      <p>
        <button type="button" className="button" aria-disabled={busy} onClick={() => void download()}>
          {busy ? t('personalData.own.busy') : t('personalData.own.submit')}
        </button>
      </p>
    </section>
  );
}
