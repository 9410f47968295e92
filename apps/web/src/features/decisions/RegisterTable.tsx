import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import type { PublicRegisterEntry } from './decisions-api';
import { TableRegion } from '../../ui/TableRegion';

/**
 * The decision register: every adopted resolution with its number, title, body, date, result, the SHA-256 of its text
 * as voted and of the document version it adopts. Given `entryHref`, each number links to the entry's page.
 */
export function RegisterTable<E extends PublicRegisterEntry>({ entries, entryHref }: { entries: E[]; entryHref?: (entry: E) => string }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <p>{t('decisions.register.none')}</p>;
  return (
    <TableRegion caption={t('decisions.register.caption')} className="register-table">
      <thead>
        <tr>
          <th scope="col">{t('decisions.register.number')}</th>
          <th scope="col">{t('decisions.register.title')}</th>
          <th scope="col">{t('decisions.register.body')}</th>
          <th scope="col">{t('decisions.register.adoptedAt')}</th>
          <th scope="col">{t('decisions.register.result')}</th>
          <th scope="col">{t('decisions.register.textHash')}</th>
          <th scope="col">{t('decisions.register.versionHash')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.body}-${entry.number}`}>
            <th scope="row">
              {entryHref ? (
                <Link to={entryHref(entry)} aria-label={t('decisions.register.entryLink', { number: entry.number })}>
                  {entry.number}
                </Link>
              ) : (
                entry.number
              )}
            </th>
            <td>{entry.title}</td>
            <td>{entry.body}</td>
            <td>
              <time dateTime={entry.adoptedAt}>{formatDateTime(entry.adoptedAt, i18n.language)}</time>
            </td>
            <td>
              {entry.result.elected
                ? t('decisions.register.elected', { names: entry.result.elected.join(', ') })
                : t('decisions.register.resultFigures', { for: entry.result.for, against: entry.result.against, abstain: entry.result.abstain })}
              {!entry.verified && <span className="badge badge--warning">{t('decisions.register.unverified')}</span>}
            </td>
            <td>{entry.textHash ? <code className="hash">{entry.textHash}</code> : t('decisions.register.noTextHash')}</td>
            <td>{entry.versionHash ? <code className="hash">{entry.versionHash}</code> : t('decisions.register.noVersion')}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
