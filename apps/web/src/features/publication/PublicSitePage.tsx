import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDate, formatDateTime, formatDay, formatNumber } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { reportFileUrl } from '../report/report-api';
import { publicRegisterEntryPage, publicRegisterFileUrl, publicRegisterPage } from '../decisions/decisions-api';
import { type PublicConsultation, type PublicSite, publicRecordPage, publicSitePath } from './publication-api';
import { SiteNav } from './SiteNav';
import { useFeedLink } from './useFeedLink';
import './publication.css';

/**
 * /p/:slug, open to anyone: the association's public site. What it adopted (each version with its SHA-256, PDF and
 * DOCX), its consultations (open ones to comment on, past ones with their reports), the newest resolutions of its
 * register, its approved joint projects, and each published record's metadata (metryka) for the BIP.
 */
export function PublicSitePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const source = useApiData<PublicSite>(publicSitePath(slug));
  const site = source.data;
  useFeedLink(slug, t('site.feedTitle', { name: site?.association.name ?? slug }));
  if (!site) {
    if (source.error == null) return <Loading />;
    return (
      <>
        <PageHeading title={t('site.unavailable')}>{t('site.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </>
    );
  }
  return (
    <div className="public-site">
      <SiteNav slug={slug} current="home" />
      <PageHeading title={t('site.documentTitle', { name: site.association.shortName })}>{site.association.name}</PageHeading>
      <p className="lead">{t('site.lead')}</p>
      <Documents site={site} slug={slug} />
      <Consultations consultations={site.consultations} slug={slug} />
      <Register site={site} slug={slug} />
      <Projects site={site} />
      <Contact site={site} />
      <section aria-labelledby="site-privacy">
        <h2 id="site-privacy">{t('site.privacy.heading')}</h2>
        <p className="site-text">{site.privacy.clause}</p>
      </section>
    </div>
  );
}

function Documents({ site, slug }: { site: PublicSite; slug: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="site-documents">
      <h2 id="site-documents">{t('site.documents.heading')}</h2>
      {site.documents.length === 0 ? (
        <p>{t('site.documents.none')}</p>
      ) : (
        <ul className="site-list">
          {site.documents.map((d) => (
            <li key={`${d.position}`}>
              <h3>{d.title}</h3>
              <p>
                {t('site.documents.adopted', { number: d.resolutionNumber, body: d.bodyName, date: formatDate(d.adoptedAt, i18n.language) })}{' '}
                {t('site.documents.version', { number: d.versionNumber, name: d.versionName })}
              </p>
              <p>
                {t('site.documents.hash')}: <code className="hash">{d.contentHash}</code>
              </p>
              <ul className="site-links">
                <li>
                  <a href={publicRegisterFileUrl(slug, d.position, 'adopted.pdf', i18n.language)} download>
                    {t('site.documents.pdf', { title: d.title })}
                  </a>
                </li>
                <li>
                  <a href={publicRegisterFileUrl(slug, d.position, 'adopted.docx', i18n.language)} download>
                    {t('site.documents.docx', { title: d.title })}
                  </a>
                </li>
                <li>
                  <Link to={publicRegisterEntryPage(slug, d.position)}>{t('site.documents.resolution', { number: d.resolutionNumber })}</Link>
                </li>
                <li>
                  <Link to={publicRecordPage(slug, 'resolution', d.position)}>{t('site.record.link', { title: d.title })}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Consultations({ consultations, slug }: { consultations: PublicConsultation[]; slug: string }) {
  const { t } = useTranslation();
  const groups = [
    { key: 'open', items: consultations.filter((c) => c.state === 'open') },
    { key: 'announced', items: consultations.filter((c) => c.state === 'announced') },
    { key: 'past', items: consultations.filter((c) => c.state === 'closed' || c.state === 'report_published') },
  ] as const;
  return (
    <section aria-labelledby="site-consultations">
      <h2 id="site-consultations">{t('site.consultations.heading')}</h2>
      {consultations.length === 0 && <p>{t('site.consultations.none')}</p>}
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section key={g.key} aria-labelledby={`site-consultations-${g.key}`}>
            <h3 id={`site-consultations-${g.key}`}>{t(`site.consultations.${g.key}`)}</h3>
            <ul className="site-list">
              {g.items.map((c) => (
                <ConsultationItem key={c.id} consultation={c} slug={slug} />
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}

function ConsultationItem({ consultation: c, slug }: { consultation: PublicConsultation; slug: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <h4>{c.title}</h4>
      <p>
        {t('site.consultations.document', { title: c.documentTitle })}{' '}
        {t('site.consultations.period', { opens: formatDateTime(c.opensAt, i18n.language), closes: formatDateTime(c.closesAt, i18n.language) })}
      </p>
      <ul className="site-links">
        <li>
          <Link to={`/consultations/${c.id}`}>{t(c.state === 'open' ? 'site.consultations.comment' : 'site.consultations.page', { title: c.title })}</Link>
        </li>
        {c.reportEditions > 0 ? (
          <>
            <li>
              <a href={reportFileUrl(c.id, 'pdf', i18n.language, {})} download>
                {t('site.consultations.report', { title: c.title, count: c.reportEditions })}
              </a>
            </li>
            <li>
              <Link to={publicRecordPage(slug, 'report', c.id)}>{t('site.record.link', { title: t('site.consultations.reportTitle', { title: c.title }) })}</Link>
            </li>
          </>
        ) : (
          (c.state === 'closed' || c.state === 'report_published') && <li>{t('site.consultations.awaitingReport')}</li>
        )}
        <li>
          <Link to={publicRecordPage(slug, 'consultation', c.id)}>{t('site.record.link', { title: c.title })}</Link>
        </li>
      </ul>
    </li>
  );
}

function Register({ site, slug }: { site: PublicSite; slug: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="site-register">
      <h2 id="site-register">{t('site.register.heading')}</h2>
      <p>{t('site.register.total', { count: site.register.total, formatted: formatNumber(site.register.total, i18n.language) })}</p>
      {site.register.latest.length > 0 && (
        <ul className="site-list site-list--compact">
          {site.register.latest.map((e) => (
            <li key={e.position}>
              <Link to={publicRegisterEntryPage(slug, e.position)}>{e.title}</Link> <time dateTime={e.adoptedAt}>{formatDate(e.adoptedAt, i18n.language)}</time>{' '}
              <Link to={publicRecordPage(slug, 'resolution', e.position)}>{t('site.record.short', { number: e.number })}</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={publicRegisterPage(slug)}>{t('site.register.all')}</Link>
      </p>
    </section>
  );
}

function Projects({ site }: { site: PublicSite }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="site-projects">
      <h2 id="site-projects">{t('site.projects.heading')}</h2>
      {site.projects.length === 0 ? (
        <p>{t('site.projects.none')}</p>
      ) : (
        <ul className="site-list">
          {site.projects.map((p) => (
            <li key={p.id} id={`projekt-${p.id}`}>
              <h3>{p.title}</h3>
              <dl className="facts">
                <dt>{t('site.projects.stage')}</dt>
                <dd>
                  {t(`projects.stages.${p.stage}`)} ({formatDay(p.stageOn, i18n.language)})
                </dd>
                {p.leader && (
                  <>
                    <dt>{t('site.projects.leader')}</dt>
                    <dd>{p.leader}</dd>
                  </>
                )}
                {p.participants.length > 0 && (
                  <>
                    <dt>{t('site.projects.participants')}</dt>
                    <dd>{p.participants.join(', ')}</dd>
                  </>
                )}
                {(p.startsOn || p.endsOn) && (
                  <>
                    <dt>{t('site.projects.period')}</dt>
                    <dd>
                      {p.startsOn ? formatDay(p.startsOn, i18n.language) : '…'} – {p.endsOn ? formatDay(p.endsOn, i18n.language) : '…'}
                    </dd>
                  </>
                )}
                {p.coFinancingRate !== null && (
                  <>
                    <dt>{t('site.projects.rate')}</dt>
                    <dd>{formatNumber(p.coFinancingRate, i18n.language)}%</dd>
                  </>
                )}
              </dl>
              {p.scope && <p className="site-text">{p.scope}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Contact({ site }: { site: PublicSite }) {
  const { t } = useTranslation();
  const { email, phone, address } = site.association;
  if (!email && !phone && !address) return null;
  return (
    <section aria-labelledby="site-contact">
      <h2 id="site-contact">{t('site.contact.heading')}</h2>
      <dl className="facts">
        {address && (
          <>
            <dt>{t('site.contact.address')}</dt>
            <dd>{address}</dd>
          </>
        )}
        {email && (
          <>
            <dt>{t('site.contact.email')}</dt>
            <dd>
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </>
        )}
        {phone && (
          <>
            <dt>{t('site.contact.phone')}</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
