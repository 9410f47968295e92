import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { StaticDocument } from '../versions/StaticDocument';
import { MINUTES_FORMATS, type PublicRegisterEntryDetails, publicRegisterEntryPage, publicRegisterEntryPath, publicRegisterFileUrl, publicRegisterPage } from './decisions-api';
import './decisions.css';

/**
 * /registers/:slug/:position, open to anyone: one adopted resolution as published, with its text as voted (shown and
 * as PDF, with its SHA-256), the document version it adopts, the minutes of the meeting that adopted it, and the
 * resolutions it changes or that change it.
 */
export function PublicRegisterEntryPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', position: param = '' } = useParams();
  const position = /^[1-9]\d{0,8}$/.test(param) ? Number(param) : null;
  const source = useApiData<PublicRegisterEntryDetails>(position === null ? null : publicRegisterEntryPath(slug, position));
  const details = source.data;
  const back = (
    <p className="back-link">
      <Link to={publicRegisterPage(slug)}>
        <span aria-hidden="true">← </span>
        {t('decisions.register.backToRegister')}
      </Link>
    </p>
  );
  if (!details || position === null) {
    if (position !== null && source.error == null) return <Loading />;
    return (
      <>
        {back}
        <PageHeading title={t('decisions.register.entryUnavailable')}>{t('decisions.register.entryUnavailable')}</PageHeading>
        <ErrorMessage message={position === null ? t('decisions.register.noSuchEntry') : errorText(source.error, t)} />
      </>
    );
  }
  const { entry, text, adopts, minutes, changes, changedBy } = details;
  const file = (name: Parameters<typeof publicRegisterFileUrl>[2]) => publicRegisterFileUrl(slug, position, name, i18n.language);
  const entryRef = (number: string, at: number | null) => (at === null ? number : <Link to={publicRegisterEntryPage(slug, at)}>{number}</Link>);
  return (
    <>
      {back}
      <PageHeading title={`${entry.number} – ${details.workspace}`}>{entry.title}</PageHeading>
      <dl className="facts">
        <dt>{t('decisions.register.body')}</dt>
        <dd>{entry.body}</dd>
        <dt>{t('decisions.register.number')}</dt>
        <dd>{entry.number}</dd>
        <dt>{t('decisions.register.adoptedAt')}</dt>
        <dd>
          <time dateTime={entry.adoptedAt}>{formatDateTime(entry.adoptedAt, i18n.language)}</time>
        </dd>
        <dt>{t('decisions.register.result')}</dt>
        <dd>
          {entry.result.elected
            ? t('decisions.register.elected', { names: entry.result.elected.join(', ') })
            : t('decisions.register.resultFigures', { for: entry.result.for, against: entry.result.against, abstain: entry.result.abstain })}
          {!entry.verified && <span className="badge badge--warning">{t('decisions.register.unverified')}</span>}
        </dd>
        <dt>{t('decisions.register.ballotsDigest')}</dt>
        <dd>
          <code className="hash">{entry.ballotsDigest}</code>
        </dd>
        {changes && (
          <>
            <dt>{t(`decisions.register.changes.${changes.kind}`)}</dt>
            <dd>{entryRef(changes.number, changes.position)}</dd>
          </>
        )}
        {changedBy.length > 0 && (
          <>
            <dt>{t('decisions.register.changedByHeading')}</dt>
            <dd>
              <ul className="plain-list">
                {changedBy.map((c) => (
                  <li key={c.position}>
                    {t(`decisions.register.changedBy.${c.kind}`)} {entryRef(c.number, c.position)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="entry-text-heading">
        <h2 id="entry-text-heading">{t('decisions.register.textHeading')}</h2>
        {text ? (
          <>
            <p>
              {t('decisions.register.textHash')}: <code className="hash">{text.contentHash}</code>
            </p>
            <p>
              <a href={file('text.pdf')} download>
                {t('decisions.register.textPdf', { number: entry.number })}
              </a>
            </p>
            <StaticDocument content={text.content} label={t('decisions.register.textLabel', { number: entry.number })} />
          </>
        ) : (
          <p>{t('decisions.register.noText')}</p>
        )}
      </section>

      <section aria-labelledby="entry-adopts-heading">
        <h2 id="entry-adopts-heading">{t('decisions.register.adoptsHeading')}</h2>
        {adopts ? (
          <>
            <p>{t('decisions.register.adoptsVersion', { document: adopts.documentTitle, number: adopts.number, name: adopts.name })}</p>
            <p>
              {t('decisions.register.versionHash')}: <code className="hash">{adopts.contentHash}</code>
            </p>
            <p>
              <a href={file('adopted.pdf')} download>
                {t('decisions.register.adoptedPdf', { document: adopts.documentTitle })}
              </a>
            </p>
          </>
        ) : (
          <p>{t('decisions.register.noVersion')}</p>
        )}
      </section>

      <section aria-labelledby="entry-minutes-heading">
        <h2 id="entry-minutes-heading">{t('decisions.minutes.heading')}</h2>
        {minutes ? (
          <>
            <p>
              {minutes.title}, <time dateTime={minutes.startsAt}>{formatDateTime(minutes.startsAt, i18n.language)}</time>
            </p>
            <ul className="export-links">
              {MINUTES_FORMATS.map((format) => (
                <li key={format}>
                  <a href={file(`minutes.${format}`)} download>
                    {t(`decisions.minutes.${format}`)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('decisions.register.noMinutes')}</p>
        )}
      </section>
    </>
  );
}
