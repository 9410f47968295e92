import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentSummary } from '../../api/types';
import { formatDate } from '../../i18n/format';
import { TableRegion } from '../../ui/TableRegion';

/** The path of a document's page. */
export const documentPagePath = (workspaceId: string, documentId: string) => `/w/${workspaceId}/d/${documentId}`;

/** The workspace's documents: title (a link to the document), kind, status and when last changed. */
export function DocumentsTable({ workspaceId, documents }: { workspaceId: string; documents: DocumentSummary[] }) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <p>{t('dashboard.documents.none')}</p>;
  return (
    <TableRegion caption={t('dashboard.documents.caption')}>
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
            <th scope="row">
              <Link to={documentPagePath(workspaceId, document.id)}>{document.title}</Link>
            </th>
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
    </TableRegion>
  );
}
