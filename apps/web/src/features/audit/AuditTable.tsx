import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { actionText, type AuditLookups, detailsText, targetText } from './describe-entry';

/** Audit entries, newest first: number, time, who, what happened (in words), what it concerns. */
export function AuditTable({ entries, lookups }: { entries: AuditEntry[]; lookups: AuditLookups }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <p>{t('audit.none')}</p>;
  return (
    // A long entry can make the table wider than the page: its scrolling region is then reachable by keyboard.
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-caption">
      <table>
        <caption id="audit-caption">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('audit.columns.seq')}
            </th>
            <th scope="col">{t('audit.columns.time')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.target')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const details = detailsText(entry, t);
            return (
              <tr key={entry.id}>
                <td className="numeric">{entry.seq}</td>
                <td>
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, i18n.language)}</time>
                </td>
                <td>{entry.actor ? (entry.actor.displayName ?? t('audit.unknownActor')) : t('audit.system')}</td>
                <th scope="row">
                  {actionText(entry.action, t)}
                  {details && <span className="details">{details}</span>}
                </th>
                <td>{targetText(entry, lookups, t)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
