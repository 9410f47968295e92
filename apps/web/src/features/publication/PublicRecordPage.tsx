import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { TableRegion } from '../../ui/TableRegion';
import { type PublicRecord, publicRecordPath, RECORD_KINDS, recordExportUrl } from './publication-api';
import { SiteNav } from './SiteNav';
import './publication.css';

/**
 * /p/:slug/records/:kind/:key, open to anyone: a published record's metadata as the BIP rules ask (who produced it,
 * who is responsible, who entered it and when, its history of changes), its files, and its export for a BIP system.
 */
export function PublicRecordPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', kind = '', key = '' } = useParams();
  const known = (RECORD_KINDS as readonly string[]).includes(kind);
  const source = useApiData<PublicRecord>(known ? publicRecordPath(slug, kind, key) : null);
  const record = source.data;
  if (!record) {
    if (known && source.error == null) return <Loading />;
    return (
      <div className="public-site">
        <SiteNav slug={slug} />
        <PageHeading title={t('site.record.unavailable')}>{t('site.record.unavailable')}</PageHeading>
        <ErrorMessage message={known ? errorText(source.error, t) : t('site.record.noSuchRecord')} />
      </div>
    );
  }
  const at = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>;
  return (
    <div className="public-site">
      <SiteNav slug={slug} />
      <PageHeading title={t('site.record.documentTitle', { title: record.title })}>{record.title}</PageHeading>
      <p className="lead">{t(`site.record.kinds.${record.kind}`)}</p>
      <section aria-labelledby="record-metadata">
        <h2 id="record-metadata">{t('site.record.metadata')}</h2>
        <dl className="facts">
          <dt>{t('site.record.association')}</dt>
          <dd>{record.association}</dd>
          <dt>{t('site.record.producer')}</dt>
          <dd>{record.producer}</dd>
          <dt>{t('site.record.producedAt')}</dt>
          <dd>{at(record.producedAt)}</dd>
          <dt>{t('site.record.responsible')}</dt>
          <dd>{record.responsible ?? t('site.record.unknown')}</dd>
          <dt>{t('site.record.enteredBy')}</dt>
          <dd>{record.enteredBy ?? t('site.record.unknown')}</dd>
          <dt>{t('site.record.publishedAt')}</dt>
          <dd>{at(record.publishedAt)}</dd>
          <dt>{t('site.record.page')}</dt>
          <dd>
            <Link to={record.page}>{record.title}</Link>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="record-history">
        <h2 id="record-history">{t('site.record.history')}</h2>
        <TableRegion caption={t('site.record.historyCaption', { title: record.title })}>
          <thead>
            <tr>
              <th scope="col">{t('site.record.when')}</th>
              <th scope="col">{t('site.record.change')}</th>
              <th scope="col">{t('site.record.who')}</th>
              <th scope="col">{t('site.record.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {record.history.map((h, index) => (
              <tr key={index}>
                <td>{at(h.at)}</td>
                <td>{t(`site.record.changes.${h.change}`, { defaultValue: h.change })}</td>
                <td>{h.by ?? '—'}</td>
                <td>{h.detail ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      </section>
      <section aria-labelledby="record-files">
        <h2 id="record-files">{t('site.record.files')}</h2>
        <ul className="site-links site-links--column">
          {record.files.map((f) => (
            <li key={f.name}>
              <a href={f.href} download>
                {f.name}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={recordExportUrl(slug, record.kind, record.key)} download className="button">
            {t('site.record.export')}
          </a>
        </p>
      </section>
    </div>
  );
}
