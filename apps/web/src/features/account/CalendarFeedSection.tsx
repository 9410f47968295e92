import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient, call } from '../../api/client';
import { errorText } from '../../api/error-text';
import type { components } from '../../api/schema';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';

export type CalendarFeedStatus = components['schemas']['CalendarFeedStatusDto'];

export const CALENDAR_FEED_PATH = '/me/calendar-feed';

const createFeed = () => call(apiClient.POST('/api/me/calendar-feed'));
const revokeFeed = () => call(apiClient.DELETE('/api/me/calendar-feed'));

/** The same address for calendar applications that open webcal: links (Apple Calendar, Outlook). */
const webcal = (url: string) => url.replace(/^https?:/, 'webcal:');

/**
 * The "Calendar" section of the account page: the person's calendar feed, a secret iCalendar address with the meetings,
 * remote votes' deadlines and consultation deadlines of all their workspaces. The address is shown once, when it is
 * made (the server keeps only its HMAC), with a copy button and a word that it is secret; a new one replaces the old,
 * and revoking stops it at once.
 */
export function CalendarFeedSection() {
  const { t, i18n } = useTranslation();
  const feed = useApiData<CalendarFeedStatus>(CALENDAR_FEED_PATH);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'replace' | 'revoke' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const view = feed.data;

  async function act(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setStatus(null);
    try {
      await work();
      setConfirming(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      feed.reload();
    }
  }

  const create = () =>
    act(async () => {
      const made = await createFeed();
      setUrl(made.url);
      setStatus(t('calendarFeed.created'));
    });

  const revoke = () =>
    act(async () => {
      await revokeFeed();
      setUrl(null);
      setStatus(t('calendarFeed.revoked'));
    });

  async function copy() {
    if (!url) return;
    setFailure(null);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('calendarFeed.copied'));
    } catch {
      field.current?.focus();
      field.current?.select();
      setStatus(t('calendarFeed.copyFailed'));
    }
  }

  return (
    <section id="calendar" aria-labelledby="calendar-feed-heading" className="calendar-feed">
      <h2 id="calendar-feed-heading">{t('calendarFeed.heading')}</h2>
      <p className="muted">{t('calendarFeed.intro')}</p>
      {!view ? (
        feed.error == null ? (
          <Loading label={t('calendarFeed.loading')} />
        ) : (
          <ErrorMessage message={errorText(feed.error, t)} />
        )
      ) : (
        <>
          <p>{view.active && view.createdAt ? t('calendarFeed.active', { date: formatDateTime(view.createdAt, i18n.language) }) : t('calendarFeed.inactive')}</p>
          {url ? (
            <div className="notice">
              <div className="field">
                <label htmlFor="calendar-feed-url">{t('calendarFeed.url')}</label>
                <input id="calendar-feed-url" ref={field} type="text" readOnly value={url} aria-describedby="calendar-feed-secret" onFocus={(event) => event.currentTarget.select()} />
              </div>
              <p id="calendar-feed-secret">{t('calendarFeed.secret')}</p>
              <div className="form__actions">
                <button type="button" className="button" onClick={() => void copy()}>
                  {t('calendarFeed.copy')}
                </button>
                <a className="button" href={webcal(url)}>
                  {t('calendarFeed.subscribe')}
                </a>
              </div>
            </div>
          ) : (
            view.active && <p className="field__hint">{t('calendarFeed.shownOnce')}</p>
          )}
          <ErrorMessage message={failure ? errorText(failure, t) : null} />
          <StatusMessage message={status} />
          {confirming === 'replace' ? (
            <ConfirmAction question={t('calendarFeed.replaceQuestion')} confirmLabel={t('calendarFeed.replaceConfirm')} busy={busy} onConfirm={() => void create()} onCancel={() => setConfirming(null)} />
          ) : confirming === 'revoke' ? (
            <ConfirmAction question={t('calendarFeed.revokeQuestion')} confirmLabel={t('calendarFeed.revokeConfirm')} busy={busy} onConfirm={() => void revoke()} onCancel={() => setConfirming(null)} />
          ) : view.active ? (
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setConfirming('replace')}>
                {t('calendarFeed.replace')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming('revoke')}>
                {t('calendarFeed.revoke')}
              </button>
            </div>
          ) : (
            <p>
              <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void create()}>
                {t('calendarFeed.create')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
