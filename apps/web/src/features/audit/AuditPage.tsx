import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import type { ChainReport, Organisation, Person } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { verifyChain } from './audit-api';
import { AuditTable } from './AuditTable';
import { ChainStatus } from './ChainStatus';
import { useAuditTrail } from './useAuditTrail';

/** /w/:workspaceId/audit (coordinators): the chain's verification and the entries, newest first, with paging. */
export function AuditPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const trail = useAuditTrail(workspace.id);
  const people = useApiData<Person[]>(`/workspaces/${workspace.id}/people`);
  const organisations = useApiData<Organisation[]>(`/workspaces/${workspace.id}/organisations`);
  const [report, setReport] = useState<ChainReport | null>(null);
  const [checking, setChecking] = useState(true);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const verify = useCallback(async () => {
    setChecking(true);
    setVerifyError(null);
    try {
      setReport(await verifyChain(workspace.id));
    } catch (error) {
      setVerifyError(error);
    } finally {
      setChecking(false);
    }
  }, [workspace.id]);

  useEffect(() => {
    void verify();
  }, [verify]);

  // "Older" disappears when the last page has come; the focus then goes to the words that say so.
  const noMore = useRef<HTMLParagraphElement>(null);
  const [pagedBack, setPagedBack] = useState(false);
  function loadOlder() {
    if (trail.loading) return;
    setPagedBack(true);
    trail.loadOlder();
  }
  useEffect(() => {
    if (pagedBack && !trail.loading && !trail.hasOlder) noMore.current?.focus();
  }, [pagedBack, trail.loading, trail.hasOlder]);

  const lookups = { people: people.data ?? [], organisations: organisations.data ?? [], workspaceName: workspace.name };
  return (
    <>
      <PageHeading title={t('audit.documentTitle', { workspace: workspace.shortName })}>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.lead')}</p>
      <ChainStatus report={report} checking={checking} error={verifyError} onVerify={() => void verify()} />

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('audit.entriesHeading')}</h2>
        {trail.entries.length > 0 && <AuditTable entries={trail.entries} lookups={lookups} />}
        {trail.loading && <Loading />}
        <ErrorMessage message={trail.error != null ? errorText(trail.error, t) : null} />
        {!trail.loading && trail.entries.length === 0 && trail.error == null && <p>{t('audit.none')}</p>}
        {trail.hasOlder && (
          <button type="button" className="button" aria-disabled={trail.loading} onClick={loadOlder}>
            {t('audit.older')}
          </button>
        )}
        {!trail.hasOlder && trail.entries.length > 0 && (
          <p className="muted" tabIndex={-1} ref={noMore}>
            {t('audit.noMore')}
          </p>
        )}
      </section>
    </>
  );
}
