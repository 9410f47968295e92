import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import type { DocumentDetails } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { documentPath } from '../document/document-api';
import { useWorkspace } from '../workspace/workspace-context';
import { restoreVersion, type VersionDetails, versionPath } from './versions-api';
import { ExportLinks } from '../document-files/ExportLinks';
import { BackToDocument } from './BackToDocument';
import { StaticDocument } from './StaticDocument';
import { VersionApprovals } from './VersionApprovals';

/**
 * /w/:workspaceId/d/:documentId/v/:versionId: one frozen version, read-only, with who froze it, when and its content
 * hash; a link to compare it with the live text; restoring it as a new change (edit access).
 */
export function VersionPage() {
  const { t, i18n } = useTranslation();
  const { documentId = '', versionId = '' } = useParams();
  const workspace = useWorkspace();
  const document = useApiData<DocumentDetails>(documentPath(documentId));
  const version = useApiData<VersionDetails>(versionPath(documentId, versionId));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/w/${workspace.id}/d/${documentId}`;

  const problem = version.error ?? document.error;
  if (!version.data || !document.data) {
    if (problem == null) return <Loading label={t('versions.loadingOne')} />;
    return (
      <>
        <BackToDocument to={base} />
        <PageHeading title={t('versions.unavailable')}>{t('versions.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(problem, t)} />
      </>
    );
  }
  const v = version.data;
  const title = t('versions.pageTitle', { number: v.number, name: v.name, title: document.data.title });

  async function restore() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await restoreVersion(documentId, versionId);
      setNotice(result.changed ? t('versions.restore.done', { number: v.number }) : t('versions.restore.unchanged', { number: v.number }));
      setConfirming(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <BackToDocument to={base} />
      <PageHeading title={`${title} – ${workspace.shortName}`}>{title}</PageHeading>
      <dl className="facts">
        <dt>{t('versions.facts.frozen')}</dt>
        <dd>
          {formatDateTime(v.createdAt, i18n.language)}
          {v.createdBy && ` · ${v.createdBy.displayName}`}
        </dd>
        <dt>{t('versions.facts.hash')}</dt>
        <dd>
          <code className="hash">{v.contentHash}</code>
        </dd>
      </dl>
      <StatusMessage message={notice} />
      <p className="actions">
        <Link className="button" to={`${base}/compare?from=${v.id}&to=live`}>
          {t('versions.compareWithLive')}
        </Link>
        {document.data.access === 'edit' && !confirming && (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('versions.restore.button')}
          </button>
        )}
      </p>
      {confirming && (
        <ConfirmAction
          question={t('versions.restore.question', { number: v.number, name: v.name })}
          confirmLabel={t('versions.restore.confirm')}
          onConfirm={() => void restore()}
          onCancel={() => setConfirming(false)}
          busy={busy}
          error={failure ? errorText(failure, t) : null}
        />
      )}
      <div className="document-layout">
        <StaticDocument content={v.content} label={t('versions.textLabel', { number: v.number })} />
        <div className="document-side">
          <ExportLinks documentId={documentId} version={v.id} />
          <VersionApprovals documentId={documentId} versionId={v.id} contentHash={v.contentHash} />
        </div>
      </div>
    </>
  );
}
