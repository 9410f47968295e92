import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { useSession } from '../../session/session';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { endOtherSessions, endSession, type SessionInfo, SESSIONS_PATH } from './account-api';
import { describeDevice } from './device';
import { NotificationPreferences } from './NotificationPreferences';
import { OwnDataSection } from '../personal-data/OwnDataSection';
import { CalendarFeedSection } from './CalendarFeedSection';

/**
 * /account: the signed-in person's account; its sessions (devices signed in) with where and when each was used, and
 * the means to sign any other device out at once (its open pages stop receiving the moment it ends).
 */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { state } = useSession();
  const sessions = useApiData<SessionInfo[]>(SESSIONS_PATH);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const me = state.status === 'signedIn' ? state.me : null;

  const act = (work: () => Promise<string>) => {
    setFailure(null);
    setStatus(null);
    work().then(
      (message) => {
        setStatus(message);
        sessions.reload();
      },
      (error: unknown) => setFailure(error),
    );
  };

  const list = sessions.data;
  const others = list?.filter((s) => !s.current) ?? [];
  return (
    <>
      <PageHeading title={t('account.heading')}>{t('account.heading')}</PageHeading>
      {me && (
        <p>
          {me.displayName} · {me.email}
        </p>
      )}
      <h2 id="sessions-heading">{t('account.sessions.heading')}</h2>
      <p className="muted">{t('account.sessions.intro')}</p>
      <ErrorMessage message={failure ? errorText(failure, t) : sessions.error ? errorText(sessions.error, t) : null} />
      <StatusMessage message={status} />
      {!list ? (
        sessions.error == null && <Loading label={t('account.sessions.loading')} />
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="sessions-heading">
            <table>
              <caption className="visually-hidden">{t('account.sessions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.sessions.device')}</th>
                  <th scope="col">{t('account.sessions.address')}</th>
                  <th scope="col">{t('account.sessions.signedIn')}</th>
                  <th scope="col">{t('account.sessions.lastSeen')}</th>
                  <th scope="col">{t('account.sessions.expires')}</th>
                  <th scope="col">{t('account.sessions.action')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((session) => {
                  const device = describeDevice(session.userAgent) ?? t('account.sessions.unknownDevice');
                  return (
                    <tr key={session.id}>
                      <th scope="row">
                        {device}
                        {session.current && (
                          <>
                            {' '}
                            <span className="badge">{t('account.sessions.current')}</span>
                          </>
                        )}
                      </th>
                      <td>{session.ip ?? '—'}</td>
                      <td>{formatDateTime(session.createdAt, i18n.language)}</td>
                      <td>{formatDateTime(session.lastSeenAt, i18n.language)}</td>
                      <td>{formatDateTime(session.expiresAt, i18n.language)}</td>
                      <td>
                        {!session.current && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('account.sessions.endOne', { device, date: formatDateTime(session.createdAt, i18n.language) })}
                            onClick={() => act(() => endSession(session.id).then(() => t('account.sessions.ended', { count: 1 })))}
                          >
                            {t('account.sessions.end')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {others.length > 0 && (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => act(() => endOtherSessions().then(({ ended }) => t('account.sessions.ended', { count: ended })))}
              >
                {t('account.sessions.endOthers')}
              </button>
            </p>
          )}
        </>
      )}
      <NotificationPreferences />
      <CalendarFeedSection />
      <OwnDataSection />
    </>
  );
}
