import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@commonplan/domain';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { useWorkspace } from '../workspace/workspace-context';

interface Approval {
  organisation: { id: string; name: string };
  contentHash: string;
  approvedBy: string | null;
  approvedAt: string;
}

/**
 * Which members approved (signed off) this version, each naming the hash it approved; a member's representative
 * approves it for its member.
 */
export function VersionApprovals({ documentId, versionId, contentHash }: { documentId: string; versionId: string; contentHash: string }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const path = `/documents/${documentId}/versions/${versionId}/approvals`;
  const approvals = useApiData<Approval[]>(path);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = approvals.data ?? [];
  const mine = workspace.organisationId !== null && list.some((a) => a.organisation.id === workspace.organisationId);
  const mayApprove = can(workspace.role, 'decisions.vote') && workspace.organisationId !== null && !mine;

  async function approve() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.post(path, {});
      setNotice(t('versions.approvals.done', { organisation: workspace.organisationName ?? '' }));
      approvals.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="approvals-heading" className="panel">
      <h2 id="approvals-heading">{t('versions.approvals.heading')}</h2>
      <StatusMessage message={notice} />
      <ErrorMessage message={failure ? errorText(failure, t) : approvals.error ? errorText(approvals.error, t) : null} />
      {list.length === 0 ? (
        <p>{t('versions.approvals.none')}</p>
      ) : (
        <ul>
          {list.map((approval) => (
            <li key={approval.organisation.id}>
              {t('versions.approvals.item', { organisation: approval.organisation.name, date: formatDateTime(approval.approvedAt, i18n.language), person: approval.approvedBy ?? t('common.none') })}
              {approval.contentHash !== contentHash && <strong> {t('versions.approvals.otherHash')}</strong>}
            </li>
          ))}
        </ul>
      )}
      {mayApprove && (
        <>
          <p className="field__hint">{t('versions.approvals.hint', { hash: contentHash })}</p>
          <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void approve()}>
            {t('versions.approvals.approve', { organisation: workspace.organisationName ?? '' })}
          </button>
        </>
      )}
    </section>
  );
}
