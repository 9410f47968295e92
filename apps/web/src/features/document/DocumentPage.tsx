import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DocumentStatus } from '@commonplan/domain';
import { errorText, fieldErrorsOf, formErrorText } from '../../api/error-text';
import type { DocumentDetails } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDate } from '../../i18n/format';
import { useMe } from '../../session/session';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useCollab } from '../collab/useCollab';
import { useWorkspace } from '../workspace/workspace-context';
import { changeDocumentStatus, documentPath, renameDocument } from './document-api';
import { ConnectionIndicator, SavedIndicator } from './LiveIndicators';
import { DocumentEditor } from '../editor/DocumentEditor';
import { VersionsPanel } from '../versions/VersionsPanel';
import { ExportLinks } from '../document-files/ExportLinks';
import { CommentsPanel } from '../comments/CommentsPanel';
import { PresenceList } from './PresenceList';
import { RenameForm } from './RenameForm';
import { SharingPanel } from './SharingPanel';
import { StatusForm } from './StatusForm';
import { type LiveDocument, presenceColor, type PresenceUser, useLiveDocument } from './useLiveDocument';

type Form = 'title' | 'status';

/**
 * /w/:workspaceId/d/:documentId: one document, live. Its title, kind, status and the reader's access; the connection
 * and saved indicators; the text as it is now, following others' edits; who else is here. People with edit access
 * may rename it, coordinators change its status. Editing the text comes with the editor.
 */
export function DocumentPage() {
  const { t } = useTranslation();
  const { documentId = '' } = useParams();
  const workspace = useWorkspace();
  const me = useMe();
  const source = useApiData<DocumentDetails>(documentPath(documentId));
  const user = useMemo<PresenceUser>(
    () => ({ name: me.displayName, organisation: workspace.organisationName, color: presenceColor(me.id) }),
    [me.displayName, me.id, workspace.organisationName],
  );
  const live = useLiveDocument(useCollab(), documentId, { userId: me.id, user });
  const [updated, setUpdated] = useState<DocumentDetails | null>(null);
  const [busy, setBusy] = useState<Form | null>(null);
  const [failure, setFailure] = useState<{ form: Form; error: unknown } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const document = updated?.id === documentId ? updated : source.data;

  if (!document || document.workspaceId !== workspace.id) {
    const error = document ? t('document.notInWorkspace') : source.error != null ? errorText(source.error, t) : null;
    if (!error) return <Loading label={t('document.loading')} />;
    return (
      <>
        <BackLink workspaceId={workspace.id} />
        <PageHeading title={t('document.unavailable')}>{t('document.unavailable')}</PageHeading>
        <ErrorMessage message={error} />
        {!document && (
          <button type="button" className="button button--small" onClick={source.reload}>
            {t('common.retry')}
          </button>
        )}
      </>
    );
  }

  async function update(form: Form, change: () => Promise<DocumentDetails>, done: (result: DocumentDetails) => string) {
    setBusy(form);
    setFailure(null);
    setNotice(null);
    try {
      const result = await change();
      setUpdated(result);
      setNotice(done(result));
    } catch (error) {
      setFailure({ form, error });
    } finally {
      setBusy(null);
    }
  }

  const rename = (title: string) =>
    void update('title', () => renameDocument(documentId, title), (result) => t('document.rename.done', { title: result.title }));
  const changeStatus = (status: DocumentStatus) =>
    void update(
      'status',
      () => changeDocumentStatus(documentId, status),
      (result) => t('document.status.done', { status: t(`documentStatuses.${result.status}`) }),
    );

  const canRename = document.access === 'edit';
  const canChangeStatus = workspace.role === 'coordinator';
  const failureOf = (form: Form) => (failure?.form === form ? failure.error : null);

  const side = (
    <>
      <PresenceList peers={live.peers} />
      <VersionsPanel workspaceId={workspace.id} documentId={documentId} canFreeze={document.access === 'edit'} />
      <ExportLinks documentId={documentId} />
      {workspace.role === 'coordinator' && <SharingPanel workspaceId={workspace.id} documentId={documentId} />}
      {(canRename || canChangeStatus) && (
        <section aria-labelledby="manage-heading" className="side-panel">
          <h2 id="manage-heading">{t('document.manage.heading')}</h2>
          {canRename && (
            <RenameForm
              title={document.title}
              onSubmit={rename}
              busy={busy === 'title'}
              error={formErrorText(failureOf('title'), t)}
              fieldError={fieldErrorsOf(failureOf('title'), t).title}
            />
          )}
          {canChangeStatus && (
            <StatusForm status={document.status} onSubmit={changeStatus} busy={busy === 'status'} error={formErrorText(failureOf('status'), t)} />
          )}
        </section>
      )}
    </>
  );

  return (
    <>
      <BackLink workspaceId={workspace.id} />
      <PageHeading title={t('document.documentTitle', { title: document.title, workspace: workspace.shortName })}>{document.title}</PageHeading>
      <DocumentFacts document={document} />
      <LiveState live={live} />
      <StatusMessage message={notice} />
      {live.doc && live.awareness ? (
        <DocumentEditor
          doc={live.doc}
          awareness={live.awareness}
          user={user}
          mode={live.refusal !== null ? 'read' : (live.access ?? 'read')}
          loaded={live.synced}
          side={(editor) => (
            <>
              {side}
              {editor && (
                <CommentsPanel
                  editor={editor}
                  workspaceId={workspace.id}
                  documentId={documentId}
                  userId={me.id}
                  canComment={live.access === 'edit' || live.access === 'comment'}
                  revision={live.commentsRevision}
                />
              )}
            </>
          )}
        />
      ) : (
        // The side panels (with the rename and status forms) appear once, with the editor: shown here too, they would
        // be mounted again when the editor arrives and lose what someone had begun to type.
        <div className="document-layout">
          <section className="doc-text" aria-label={t('document.text.label')} aria-busy="true">
            <p className="muted">{t('document.text.loading')}</p>
          </section>
        </div>
      )}
    </>
  );
}

function BackLink({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to={`/w/${workspaceId}`}>
        <span aria-hidden="true">← </span>
        {t('document.back')}
      </Link>
    </p>
  );
}

/** Kind, status and the reader's access (with its end date when there is one). */
export function DocumentFacts({ document }: { document: DocumentDetails }) {
  const { t, i18n } = useTranslation();
  const access = t(`document.access.${document.access}`);
  return (
    <dl className="facts document-facts">
      <dt>{t('document.facts.kind')}</dt>
      <dd>{t(`documentKinds.${document.kind}`)}</dd>
      <dt>{t('document.facts.status')}</dt>
      <dd>
        <span className={`badge badge--${document.status}`}>{t(`documentStatuses.${document.status}`)}</span>
      </dd>
      <dt>{t('document.facts.access')}</dt>
      <dd>
        {document.accessUntil ? t('document.access.withEnd', { access, date: formatDate(document.accessUntil, i18n.language) }) : access}
      </dd>
    </dl>
  );
}

/** The two indicators, and why the document is not live when the server refused it. */
export function LiveState({ live }: { live: Pick<LiveDocument, 'connection' | 'saved' | 'refusal' | 'pending'> }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="live-bar">
        <ConnectionIndicator state={live.connection} />
        <SavedIndicator state={live.saved} pending={live.pending} />
      </div>
      <ErrorMessage message={live.refusal ? t(`document.refusal.${live.refusal.code}`, { defaultValue: t('document.refusal.other') }) : null} />
    </>
  );
}
