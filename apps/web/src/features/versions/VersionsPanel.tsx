import { type FormEvent, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '@commonplan/domain';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { WorkspaceContext } from '../workspace/workspace-context';
import { FreezeForm } from './FreezeForm';
import { freezeVersion, shortHash, useVersionsChanged, type VersionSummary, versionsPath } from './versions-api';

/**
 * The document's versions in the side column: freeze the text under a name (edit access), open a version, and
 * compare any two (or one with the live text). The list follows versions frozen by others (the server's doc-event).
 */
export function VersionsPanel({ workspaceId, documentId, canFreeze }: { workspaceId: string; documentId: string; canFreeze: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const versions = useApiData<VersionSummary[]>(versionsPath(documentId));
  useVersionsChanged(documentId, versions.reload);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [freezeKey, setFreezeKey] = useState(0);
  const list = versions.data ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('live');
  const base = `/w/${workspaceId}/d/${documentId}`;
  // Coordinators start a consultation round on a frozen version from here.
  const role = useContext(WorkspaceContext)?.role;
  const canConsult = role !== undefined && can(role, 'consultations.manage');

  async function freeze(name: string) {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const version = await freezeVersion(documentId, name);
      setNotice(t('versions.freeze.done', { number: version.number, name: version.name }));
      setFreezeKey((k) => k + 1);
      versions.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function compare(event: FormEvent) {
    event.preventDefault();
    const before = from || list[0]?.id;
    if (!before) return;
    void navigate(`${base}/compare?from=${encodeURIComponent(before)}&to=${encodeURIComponent(to)}`);
  }

  const sides = [{ value: 'live', label: t('versions.live') }, ...list.map((v) => ({ value: v.id, label: t('versions.numbered', { number: v.number, name: v.name }) }))];

  return (
    <section aria-labelledby="versions-heading" className="side-panel">
      <h2 id="versions-heading">{t('versions.heading')}</h2>
      <StatusMessage message={notice} />
      {list.length === 0 ? (
        <p className="muted">{versions.loading ? t('versions.loading') : t('versions.none')}</p>
      ) : (
        <ol className="versions" reversed>
          {list.map((version) => (
            <li key={version.id}>
              <Link to={`${base}/v/${version.id}`}>{t('versions.numbered', { number: version.number, name: version.name })}</Link>
              <span className="versions__meta">
                {formatDateTime(version.createdAt, i18n.language)}
                {version.createdBy && ` · ${version.createdBy.displayName}`}
                {' · '}
                <abbr title={version.contentHash}>{t('versions.hash', { hash: shortHash(version.contentHash) })}</abbr>
              </span>
              {canConsult && (
                <Link
                  className="versions__consult"
                  to={`/w/${workspaceId}/rounds/new?documentId=${encodeURIComponent(documentId)}&versionId=${encodeURIComponent(version.id)}`}
                  aria-label={t('roundForm.fromVersionFor', { number: version.number, name: version.name })}
                >
                  {t('roundForm.fromVersion')}
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      {list.length > 0 && (
        <form className="form" onSubmit={compare} aria-labelledby="compare-heading">
          <h3 id="compare-heading">{t('versions.compare.heading')}</h3>
          <SelectField id="compare-from" label={t('versions.compare.from')} value={from || list[0]!.id} onChange={setFrom} options={sides} />
          <SelectField id="compare-to" label={t('versions.compare.to')} value={to} onChange={setTo} options={sides} />
          <div className="form__actions">
            <button type="submit" className="button">
              {t('versions.compare.submit')}
            </button>
          </div>
        </form>
      )}
      {canFreeze && (
        <FreezeForm
          key={freezeKey}
          onSubmit={(name) => void freeze(name)}
          busy={busy}
          error={formErrorText(failure, t)}
          fieldError={fieldErrorsOf(failure, t).name}
        />
      )}
    </section>
  );
}
