import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiClient, call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useInvalidateApi } from '../../api/query-client';
import type { components } from '../../api/schema';
import { useApiData } from '../../api/useApiData';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { useWorkspace } from '../workspace/workspace-context';

export type MailDeliveries = components['schemas']['MailDeliveriesDto'];
export type MailDelivery = components['schemas']['MailDeliveryDto'];

/** The states the list can be narrowed to (pending includes those being sent), as the API takes them. */
export const DELIVERY_FILTERS = ['pending', 'sent', 'failed', 'bounced'] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

const isFilter = (value: unknown): value is DeliveryFilter => typeof value === 'string' && (DELIVERY_FILTERS as readonly string[]).includes(value);

export const deliveriesPath = (workspaceId: string, status: DeliveryFilter | null = null) =>
  `/workspaces/${workspaceId}/mail-deliveries${status ? `?status=${status}` : ''}`;

export const retryDelivery = (workspaceId: string, deliveryId: string) =>
  call(apiClient.POST('/api/workspaces/{workspaceId}/mail-deliveries/{deliveryId}/retry', { params: { path: { workspaceId, deliveryId } } }));

const retryable = (delivery: MailDelivery) => delivery.status === 'failed' || delivery.status === 'bounced';

/**
 * /w/:workspaceId/mail (coordinators): the workspace's e-mails, how many wait, were sent, failed or bounced; the newest
 * of them (or of one state, `?status=`) with their attempts and last error; a failed or bounced one is sent again.
 */
export function MailDeliveriesPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const invalidate = useInvalidateApi();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('status');
  const status = isFilter(asked) ? asked : null;
  const deliveries = useApiData<MailDeliveries>(deliveriesPath(workspace.id, status));
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  // The counts stay on the screen while another state's list is read.
  const [counts, setCounts] = useState<MailDeliveries['counts'] | null>(null);
  if (deliveries.data && deliveries.data.counts !== counts) setCounts(deliveries.data.counts);

  const refresh = () => void invalidate(deliveriesPath(workspace.id)).catch(() => undefined);

  const choose = (value: string) => {
    setNotice(null);
    setFailure(null);
    const next = new URLSearchParams(search);
    if (isFilter(value)) next.set('status', value);
    else next.delete('status');
    setSearch(next);
  };

  async function retry(delivery: MailDelivery) {
    if (retrying) return;
    setRetrying(delivery.id);
    setFailure(null);
    setNotice(null);
    try {
      await retryDelivery(workspace.id, delivery.id);
      setNotice(t('notifications.deliveries.retried', { address: delivery.address }));
      refresh();
      // Its button goes once the e-mail waits again: the focus stays in the table.
      document.getElementById('deliveries-table')?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setRetrying(null);
    }
  }

  const items = deliveries.data?.items;
  return (
    <>
      <PageHeading title={t('notifications.deliveries.documentTitle', { workspace: workspace.shortName })}>{t('notifications.deliveries.title')}</PageHeading>
      <p className="lead">{t('notifications.deliveries.lead')}</p>

      <section aria-labelledby="delivery-counts-heading">
        <h2 id="delivery-counts-heading">{t('notifications.deliveries.countsHeading')}</h2>
        {counts ? (
          <dl className="delivery-counts">
            {DELIVERY_FILTERS.map((key) => (
              <div key={key} className={`delivery-counts__item delivery-counts__item--${key}`}>
                <dt>{t(`notifications.deliveries.counts.${key}`)}</dt>
                <dd>{formatNumber(counts[key], i18n.language)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          deliveries.error == null && <Loading label={t('notifications.deliveries.loading')} />
        )}
      </section>

      <div className="notification-tools">
        <SelectField
          id="delivery-status"
          label={t('notifications.deliveries.filter')}
          value={status ?? ''}
          placeholder={t('notifications.deliveries.filterAll')}
          options={DELIVERY_FILTERS.map((key) => ({ value: key, label: t(`notifications.deliveries.counts.${key}`) }))}
          onChange={choose}
        />
        <button type="button" className="button button--small" onClick={refresh}>
          {t('notifications.deliveries.refresh')}
        </button>
      </div>
      <ErrorMessage message={failure ? errorText(failure, t) : deliveries.error ? errorText(deliveries.error, t) : null} />
      <StatusMessage message={notice} />
      {!items ? (
        deliveries.error == null && counts && <Loading label={t('notifications.deliveries.loading')} />
      ) : items.length === 0 ? (
        <p className="muted">{t('notifications.deliveries.none')}</p>
      ) : (
        <div className="table-wrap" id="deliveries-table" tabIndex={0} role="region" aria-labelledby="deliveries-caption">
          <table>
            <caption id="deliveries-caption">{t('notifications.deliveries.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.deliveries.address')}</th>
                <th scope="col">{t('notifications.deliveries.subject')}</th>
                <th scope="col">{t('notifications.deliveries.status')}</th>
                <th scope="col">{t('notifications.deliveries.attempts')}</th>
                <th scope="col">{t('notifications.deliveries.lastError')}</th>
                <th scope="col">{t('notifications.deliveries.createdAt')}</th>
                <th scope="col">{t('notifications.deliveries.sentAt')}</th>
                <th scope="col">{t('notifications.deliveries.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">{delivery.address}</th>
                  <td>{delivery.subject}</td>
                  <td>
                    <span className={`badge badge--mail-${delivery.status}`}>{t(`notifications.deliveries.statuses.${delivery.status}`)}</span>
                  </td>
                  <td>{formatNumber(delivery.attempts, i18n.language)}</td>
                  <td className="delivery__error">{delivery.lastError ?? '—'}</td>
                  <td>
                    <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt, i18n.language)}</time>
                  </td>
                  <td>
                    {delivery.sentAt ? (
                      <time dateTime={delivery.sentAt}>{formatDateTime(delivery.sentAt, i18n.language)}</time>
                    ) : delivery.nextAttemptAt && delivery.attempts > 0 ? (
                      t('notifications.deliveries.nextAttempt', { date: formatDateTime(delivery.nextAttemptAt, i18n.language) })
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {retryable(delivery) && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-disabled={retrying !== null}
                        aria-label={t('notifications.deliveries.retryOne', { address: delivery.address, subject: delivery.subject })}
                        onClick={() => void retry(delivery)}
                      >
                        {t('notifications.deliveries.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
