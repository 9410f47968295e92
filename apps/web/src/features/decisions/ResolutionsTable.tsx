import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentPage, resolutionPage, type ResolutionView } from './decisions-api';
import { TableRegion } from '../../ui/TableRegion';

/** The element under the resolutions table where the attachments of the resolution chosen are shown. */
export const ATTACHMENTS_AREA_ID = 'resolution-attachments';

/** A resolution's state in words (never by colour alone). */
export function ResolutionStateBadge({ resolution }: { resolution: Pick<ResolutionView, 'state'> }) {
  const { t } = useTranslation();
  return <span className={`badge badge--resolution-${resolution.state}`}>{t(`decisions.resolutionStates.${resolution.state}`)}</span>;
}

/** The frozen version a resolution adopts: document, version and its SHA-256. */
export function AdoptedVersion({ workspaceId, adopts }: { workspaceId: string; adopts: NonNullable<ResolutionView['adopts']> }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/w/${workspaceId}/d/${adopts.documentId}/v/${adopts.versionId}`}>
        {t('decisions.resolutions.version', { document: adopts.documentTitle, number: adopts.number, name: adopts.name })}
      </Link>
      <span className="table-note">
        {t('decisions.resolutions.sha256')} <code className="hash">{adopts.contentHash}</code>
      </span>
    </>
  );
}

/** The link to a resolution's text, the document staff edit together. */
export function ResolutionTextLink({ workspaceId, resolution }: { workspaceId: string; resolution: ResolutionView }) {
  const { t } = useTranslation();
  return (
    <Link to={documentPage(workspaceId, resolution.documentId)}>
      {t('decisions.resolutions.text')}
      <span className="visually-hidden">: {resolution.title}</span>
    </Link>
  );
}

/** The workspace's resolutions: title (and full title once adopted), body, kind, state, number, adopted version. */
export function ResolutionsTable({
  workspaceId,
  resolutions,
  attachmentsShown,
  onShowAttachments,
}: {
  workspaceId: string;
  resolutions: ResolutionView[];
  /** The resolution whose attachments are shown under the table (its button is pressed). */
  attachmentsShown?: string | null;
  /** Given: an "Attachments (N)" button per resolution that shows or hides them (in the element ATTACHMENTS_AREA_ID). */
  onShowAttachments?: (resolution: ResolutionView) => void;
}) {
  const { t } = useTranslation();
  if (resolutions.length === 0) return <p>{t('decisions.resolutions.none')}</p>;
  return (
    <TableRegion caption={t('decisions.resolutions.caption')} className="resolutions-table">
      <thead>
        <tr>
          <th scope="col">{t('decisions.resolutions.title')}</th>
          <th scope="col">{t('decisions.resolutions.body')}</th>
          <th scope="col">{t('decisions.resolutions.kind')}</th>
          <th scope="col">{t('decisions.resolutions.state')}</th>
          <th scope="col">{t('decisions.resolutions.number')}</th>
          <th scope="col">{t('decisions.resolutions.adopts')}</th>
          <th scope="col">{t('decisions.resolutions.textColumn')}</th>
          {onShowAttachments && <th scope="col">{t('decisions.attachments.column')}</th>}
        </tr>
      </thead>
      <tbody>
        {resolutions.map((resolution) => (
          <tr key={resolution.id}>
            <th scope="row">
              <Link to={resolutionPage(workspaceId, resolution.id)}>{resolution.title}</Link>
              {resolution.fullTitle && <span className="table-note">{resolution.fullTitle}</span>}
            </th>
            <td>{resolution.body.name}</td>
            <td>{t(`decisions.kinds.${resolution.kind}`)}</td>
            <td>
              <ResolutionStateBadge resolution={resolution} />
            </td>
            <td>{resolution.number ?? t('common.none')}</td>
            <td>{resolution.adopts ? <AdoptedVersion workspaceId={workspaceId} adopts={resolution.adopts} /> : t('common.none')}</td>
            <td>
              <ResolutionTextLink workspaceId={workspaceId} resolution={resolution} />
            </td>
            {onShowAttachments && (
              <td>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('decisions.attachments.showFor', { number: resolution.attachments?.length ?? 0, title: resolution.title })}
                  aria-expanded={attachmentsShown === resolution.id}
                  aria-controls={ATTACHMENTS_AREA_ID}
                  onClick={() => onShowAttachments(resolution)}
                >
                  {t('decisions.attachments.show', { number: resolution.attachments?.length ?? 0 })}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
