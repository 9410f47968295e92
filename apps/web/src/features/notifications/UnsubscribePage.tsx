import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiClient, call } from '../../api/client';
import { errorText, fieldErrorsOf } from '../../api/error-text';
import type { components } from '../../api/schema';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useSession } from '../../session/session';

export type UnsubscribeSubject = components['schemas']['UnsubscribeSubjectDto'];

export const describeUnsubscribe = (token: string) => call(apiClient.GET('/api/public/unsubscribe', { params: { query: { token } } }));
export const confirmUnsubscribe = (token: string) => call(apiClient.POST('/api/public/unsubscribe', { params: { query: { token } } }));

const SETTINGS = '/account#notifications';

/** A bad or damaged link's problem, in the reader's language. */
function problemText(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  return fieldErrorsOf(error, t).token ?? errorText(error, t);
}

/**
 * /unsubscribe?token=… (the link in every e-mail's footer; public, no sign-in): says which e-mails the link stops and
 * stops them with one button, then says so; for an account, where to change the settings after signing in.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [subject, setSubject] = useState<UnsubscribeSubject | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const signedIn = useSession().state.status === 'signedIn';
  // The settings' section; signed out, by way of the sign-in page, which brings the reader there afterwards.
  const settings = signedIn ? SETTINGS : `/login?next=${encodeURIComponent(SETTINGS)}`;

  useEffect(() => {
    let current = true;
    setSubject(null);
    setFailure(null);
    setDone(false);
    if (!token) return;
    describeUnsubscribe(token).then(
      (answer) => current && setSubject(answer),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [token]);

  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  async function unsubscribe() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setSubject(await confirmUnsubscribe(token));
      setDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const title = t('notifications.unsubscribe.title');
  let content;
  if (!token) content = <ErrorMessage message={t('errors.field.unsubscribeLinkInvalid')} />;
  else if (!subject && failure == null) content = <Loading label={t('notifications.unsubscribe.loading')} />;
  else if (!subject) content = <ErrorMessage message={problemText(failure, t)} />;
  else {
    const stopped = done || subject.unsubscribed;
    content = (
      <>
        <p>{t('notifications.unsubscribe.stops')}</p>
        <ul>
          {subject.categories.map((category) => (
            <li key={category}>{t(`notifications.categories.${category}`)}</li>
          ))}
        </ul>
        <ErrorMessage message={failure ? problemText(failure, t) : null} />
        <div role="status" className="live">
          {stopped && (
            <p className="notice notice--success" ref={confirmation} tabIndex={-1}>
              {done ? t('notifications.unsubscribe.done') : t('notifications.unsubscribe.already')}
            </p>
          )}
        </div>
        {!stopped && (
          <p>
            <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void unsubscribe()}>
              {busy ? t('notifications.unsubscribe.busy') : t('notifications.unsubscribe.confirm')}
            </button>
          </p>
        )}
        {stopped && subject.account && (
          <>
            <p>{t('notifications.unsubscribe.inbox')}</p>
            <p>
              <Link to={settings}>{signedIn ? t('notifications.unsubscribe.change') : t('notifications.unsubscribe.signInToChange')}</Link>
            </p>
          </>
        )}
      </>
    );
  }
  return (
    <div className="narrow">
      <PageHeading title={title}>{title}</PageHeading>
      {content}
    </div>
  );
}
