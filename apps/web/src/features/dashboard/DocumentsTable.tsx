import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../api/types';
import { formatDate } from '../../i18n/format';

/** The workspace's documents: title, kind, status and when last changed. */
export function DocumentsTable({ documents }: { documents: DocumentSummary[] }) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <p>{t('dashboard.documents.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('dashboard.documents.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.documents.title')}</th>
            <th scope="col">{t('dashboard.documents.kind')}</th>
            <th scope="col">{t('dashboard.documents.status')}</th>
            <th scope="col">{t('dashboard.documents.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <th scope="row">{document.title}</th>
              <td>{t(`documentKinds.${document.kind}`)}</td>
              <td>
                <span className={`badge badge--${document.status}`}>{t(`documentStatuses.${document.status}`)}</span>
              </td>
              <td>
                <time dateTime={document.updatedAt}>{formatDate(document.updatedAt, i18n.language)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
