import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@commonplan/domain';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import type { components } from '../../api/schema';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { useWorkspace } from '../workspace/workspace-context';

/** GET …/approvals: a member's sign-off, naming the hash it approved (apps/api/src/decisions/approvals.service.ts). */
type Approval = components['schemas']['VersionApprovalDto'];

/** GET …/approvals/subject: what a sign-off is about. */
export type ApprovalSubject = components['schemas']['ApprovalSubjectDto'];

/**
 * Which members approved (signed off) this version, each naming the hash it approved; a member's representative
 * approves it for its member after seeing what they sign (the document, the version and its date, the SHA-256 and the
 * resolution that adopted it) and confirming.
 */
export function VersionApprovals({ documentId, versionId, contentHash }: { documentId: string; versionId: string; contentHash: string }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const path = `/documents/${documentId}/versions/${versionId}/approvals`;
  const approvals = useApiData<Approval[]>(path);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const approveButton = useRef<HTMLButtonElement>(null);
  const list = approvals.data ?? [];
  const mine = workspace.organisationId !== null && list.some((a) => a.organisation.id === workspace.organisationId);
  const mayApprove = approvals.data !== null && can(workspace.role, 'decisions.vote') && workspace.organisationId !== null && !mine;
  const subject = useApiData<ApprovalSubject>(mayApprove && confirming ? `${path}/subject` : null);
  const organisation = workspace.organisationName ?? '';

  async function approve() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.post(path, {});
      setConfirming(false);
      setNotice(t('versions.approvals.done', { organisation }));
      approvals.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setConfirming(false);
    setFailure(null);
    requestAnimationFrame(() => approveButton.current?.focus());
  }

  return (
    <section aria-labelledby="approvals-heading" className="panel">
      <h2 id="approvals-heading">{t('versions.approvals.heading')}</h2>
      <StatusMessage message={notice} />
      <ErrorMessage message={approvals.error ? errorText(approvals.error, t) : null} />
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
      {mayApprove && !confirming && (
        <>
          <p className="field__hint">{t('versions.approvals.hint', { hash: contentHash })}</p>
          <button ref={approveButton} type="button" className="button button--primary" onClick={() => setConfirming(true)}>
            {t('versions.approvals.approve', { organisation })}
          </button>
        </>
      )}
      {mayApprove && confirming && (
        <div className="approval-confirm">
          <h3>{t('versions.approvals.subjectHeading')}</h3>
          {subject.data ? (
            <>
              <SubjectFacts subject={subject.data} />
              <ConfirmAction
                question={t('versions.approvals.question', { organisation })}
                confirmLabel={t('versions.approvals.confirm')}
                onConfirm={() => void approve()}
                onCancel={cancel}
                busy={busy}
                error={failure ? errorText(failure, t) : null}
              />
            </>
          ) : subject.error ? (
            <>
              <ErrorMessage message={errorText(subject.error, t)} />
              <button type="button" className="button" onClick={cancel}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <Loading label={t('versions.approvals.subjectLoading')} />
          )}
        </div>
      )}
    </section>
  );
}

/** What is signed: the document, the version with its date (Warsaw time) and SHA-256, and the resolution that adopted it. */
function SubjectFacts({ subject }: { subject: ApprovalSubject }) {
  const { t, i18n } = useTranslation();
  const { version } = subject;
  const adopted = subject.resolutions.find((r) => r.state === 'adopted');
  const pending = subject.resolutions.filter((r) => r.state !== 'adopted');
  return (
    <dl className="facts">
      <dt>{t('versions.approvals.subject.document')}</dt>
      <dd>{subject.document.title}</dd>
      <dt>{t('versions.approvals.subject.version')}</dt>
      <dd>{t('versions.approvals.subject.versionValue', { number: version.number, name: version.name, date: formatDateTime(version.createdAt, i18n.language) })}</dd>
      <dt>{t('versions.approvals.subject.hash')}</dt>
      <dd>
        <code className="hash">{version.contentHash}</code>
      </dd>
      <dt>{t('versions.approvals.subject.resolution')}</dt>
      <dd>
        {adopted
          ? t('versions.approvals.subject.adoptedBy', { title: adopted.fullTitle ?? adopted.title, date: adopted.decidedAt ? formatDateTime(adopted.decidedAt, i18n.language) : t('common.none') })
          : pending.length > 0
            ? t('versions.approvals.subject.pending', { title: pending[0]!.title, body: pending[0]!.body.name })
            : t('versions.approvals.subject.none')}
      </dd>
    </dl>
  );
}
