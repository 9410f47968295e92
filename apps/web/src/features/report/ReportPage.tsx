import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { previewPath, publishReport, REPORT_FORMATS, type ReportEdition, type ReportPreview, reportFileUrl } from './report-api';
import { ReportDownloads, ReportView } from './ReportView';

/** Publication: the published editions, what holds up the next one, and (coordinators) the button with a confirmation. */
function PublishPanel({ preview, canPublish, onPublished }: { preview: ReportPreview; canPublish: boolean; onPublished: (edition: ReportEdition) => void }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const next = preview.content.edition;
  const latest = preview.editions.at(-1);
  const { blockers, publishable } = preview;

  async function publish() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await publishReport(preview.roundId);
      setConfirming(false);
      onPublished(result);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="report-publish-heading" className="report-publish">
      <h2 id="report-publish-heading">{t('report.publish.heading')}</h2>
      {preview.editions.length === 0 ? (
        <p>{t('report.publish.none')}</p>
      ) : (
        <>
          <h3>{t('report.publish.editions')}</h3>
          <ul>
            {preview.editions.map((edition) => (
              <li key={edition.edition}>
                {t('report.publish.editionItem', { edition: edition.edition, date: formatDateTime(edition.publishedAt, i18n.language) })} · SHA-256{' '}
                <code className="hash">{edition.sha256}</code>
                <ul className="export-links">
                  {REPORT_FORMATS.map((format) => (
                    <li key={format}>
                      <a href={reportFileUrl(preview.roundId, format, i18n.language, { edition: edition.edition })} download>
                        {t('report.downloads.described', { format: t(`report.downloads.${format}`), edition: edition.edition })}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p className="muted">{t('report.publish.newEditionNote')}</p>
        </>
      )}
      {publishable.reason === 'round_not_closed' && <p className="notice">{t('report.publish.notClosed')}</p>}
      {publishable.reason === 'undecided_comments' && (
        <div className="notice">
          <p>{t('report.publish.blocked')}</p>
          <ul>
            {blockers.undecided.length > 0 && <li>{t('report.publish.undecided', { count: blockers.undecided.length, numbers: blockers.undecided.join(', ') })}</li>}
            {blockers.unapproved.length > 0 && <li>{t('report.publish.unapproved', { count: blockers.unapproved.length, numbers: blockers.unapproved.join(', ') })}</li>}
          </ul>
        </div>
      )}
      {latest && preview.changedSinceLatest === false && <p className="notice">{t('report.publish.unchanged', { edition: latest.edition })}</p>}
      {latest && preview.changedSinceLatest && <p className="notice">{t('report.publish.changed', { edition: latest.edition })}</p>}
      {canPublish &&
        publishable.ok &&
        (confirming ? (
          <ConfirmAction
            question={t('report.publish.question', { edition: next })}
            confirmLabel={t('report.publish.confirm', { edition: next })}
            onConfirm={() => void publish()}
            onCancel={() => setConfirming(false)}
            busy={busy}
            error={failure ? errorText(failure, t) : null}
          />
        ) : (
          <p>
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              {t('report.publish.button')}
            </button>
          </p>
        ))}
    </section>
  );
}

/**
 * /w/:workspaceId/rounds/:roundId/report (coordinators and experts): the report as it would be published now, its
 * files, the published editions, and for coordinators the publication of the next edition.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const workspace = useWorkspace();
  const source = useApiData<ReportPreview>(previewPath(roundId));
  const [published, setPublished] = useState<ReportEdition | null>(null);
  const preview = source.data;

  if (!preview) {
    if (source.error == null) return <Loading label={t('report.loading')} />;
    return (
      <>
        <PageHeading title={t('report.unavailable')}>{t('report.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </>
    );
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/w/${workspace.id}/rounds/${roundId}`}>
          <span aria-hidden="true">← </span>
          {preview.content.round.title}
        </Link>
      </p>
      <PageHeading title={t('report.pageTitle', { round: preview.content.round.title })}>{t('report.heading')}</PageHeading>
      <p className="lead">{preview.content.round.title}</p>
      <StatusMessage message={published ? t('report.publish.done', { edition: published.edition }) : null} />
      {published && (
        <dl className="facts" aria-label={t('report.publish.result')}>
          <dt>{t('report.facts.edition')}</dt>
          <dd>{published.edition}</dd>
          <dt>{t('report.facts.sha256')}</dt>
          <dd>
            <code className="hash">{published.sha256}</code>
          </dd>
        </dl>
      )}
      <PublishPanel
        preview={preview}
        canPublish={can(workspace.role, 'consultations.manage')}
        onPublished={(edition) => {
          setPublished(edition);
          source.reload();
        }}
      />
      <ReportDownloads roundId={roundId} edition={null} level={2} />
      <ReportView content={preview.content} sha256={null} level={2} />
    </>
  );
}
