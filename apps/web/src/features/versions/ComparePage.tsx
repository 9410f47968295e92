import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text';
import type { DocumentDetails } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { documentPath } from '../document/document-api';
import { useWorkspace } from '../workspace/workspace-context';
import { BackToDocument } from './BackToDocument';
import { DiffView } from './DiffView';
import { type Comparison, type CompareSide, comparePath } from './versions-api';

/** /w/:workspaceId/d/:documentId/compare?from=…&to=…: what changed from one version (or the live text) to another. */
export function ComparePage() {
  const { t } = useTranslation();
  const { documentId = '' } = useParams();
  const [search] = useSearchParams();
  const workspace = useWorkspace();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? 'live';
  const document = useApiData<DocumentDetails>(documentPath(documentId));
  const comparison = useApiData<Comparison>(from ? comparePath(documentId, from, to) : null);
  const base = `/w/${workspace.id}/d/${documentId}`;
  const sideName = (side: CompareSide) => (side.kind === 'live' ? t('versions.live') : t('versions.numbered', { number: side.number, name: side.name }));

  const back = <BackToDocument to={base} />;
  const problem = comparison.error ?? document.error ?? (from ? null : 'missing');
  if (!comparison.data || !document.data) {
    if (problem == null) return <Loading label={t('compare.loading')} />;
    return (
      <>
        {back}
        <PageHeading title={t('compare.unavailable')}>{t('compare.unavailable')}</PageHeading>
        <ErrorMessage message={problem === 'missing' ? t('compare.choose') : errorText(problem, t)} />
      </>
    );
  }
  const c = comparison.data;
  const title = t('compare.title', { from: sideName(c.from), to: sideName(c.to) });
  return (
    <>
      {back}
      <PageHeading title={`${title} – ${document.data.title}`}>{title}</PageHeading>
      <p className="diff-summary">
        {c.insertedWords === 0 && c.deletedWords === 0
          ? t('compare.noChanges')
          : t('compare.summary', { inserted: c.insertedWords, deleted: c.deletedWords })}
      </p>
      <p className="muted">{t('compare.legend')}</p>
      <DiffView blocks={c.blocks} label={t('compare.label')} />
    </>
  );
}
