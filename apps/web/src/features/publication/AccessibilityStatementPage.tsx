import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime, formatDay, formatNumber } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { TableRegion } from '../../ui/TableRegion';
import { type AccessibilityStatement, accessibilityPath } from './publication-api';
import { SiteNav } from './SiteNav';
import './publication.css';

/**
 * /p/:slug/accessibility, open to anyone: the accessibility statement (deklaracja dostępności) the digital
 * accessibility act requires, in its statutory parts, filled from the association's details and the measured state of
 * the product (the axe-core checks of its browser tests, page by page).
 */
export function AccessibilityStatementPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const source = useApiData<AccessibilityStatement>(accessibilityPath(slug));
  const statement = source.data;
  if (!statement) {
    if (source.error == null) return <Loading />;
    return (
      <div className="public-site">
        <SiteNav slug={slug} current="accessibility" />
        <PageHeading title={t('site.accessibility.heading')}>{t('site.accessibility.heading')}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </div>
    );
  }
  const { association, audit } = statement;
  const failing = audit.pages.filter((page) => page.violations.length > 0);
  return (
    <div className="public-site">
      <SiteNav slug={slug} current="accessibility" />
      <PageHeading title={t('site.accessibility.documentTitle', { name: association.shortName })}>{t('site.accessibility.heading')}</PageHeading>
      <p>{t('site.accessibility.intro', { name: association.name, url: statement.siteUrl })}</p>
      <dl className="facts">
        <dt>{t('site.accessibility.publishedOn')}</dt>
        <dd>{formatDay(statement.publishedOn, i18n.language)}</dd>
        <dt>{t('site.accessibility.updatedOn')}</dt>
        <dd>{formatDay(statement.preparedOn, i18n.language)}</dd>
      </dl>

      <section aria-labelledby="accessibility-status">
        <h2 id="accessibility-status">{t('site.accessibility.statusHeading')}</h2>
        <p>{t(`site.accessibility.status.${statement.status}`)}</p>
        {failing.length > 0 && (
          <ul>
            {failing.map((page) => (
              <li key={page.path}>{t('site.accessibility.failing', { path: page.path, rules: page.violations.join(', ') })}</li>
            ))}
          </ul>
        )}
        <p>{t('site.accessibility.keyboard')}</p>
      </section>

      <section aria-labelledby="accessibility-preparation">
        <h2 id="accessibility-preparation">{t('site.accessibility.preparationHeading')}</h2>
        <p>{t('site.accessibility.prepared', { date: formatDay(statement.preparedOn, i18n.language) })}</p>
        <p>
          {t('site.accessibility.method', {
            tool: audit.tool,
            standard: audit.standard,
            checks: formatNumber(audit.checks, i18n.language),
            pages: formatNumber(audit.pages.length, i18n.language),
            checkedAt: formatDateTime(audit.checkedAt, i18n.language),
          })}
        </p>
        <TableRegion caption={t('site.accessibility.pagesCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('site.accessibility.page')}</th>
              <th scope="col">{t('site.accessibility.checks')}</th>
              <th scope="col">{t('site.accessibility.violations')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.pages.map((page) => (
              <tr key={page.path}>
                <td>
                  <code>{page.path}</code>
                </td>
                <td>{formatNumber(page.checks, i18n.language)}</td>
                <td>{page.violations.length === 0 ? t('site.accessibility.none') : page.violations.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      </section>

      <section aria-labelledby="accessibility-contact">
        <h2 id="accessibility-contact">{t('site.accessibility.contactHeading')}</h2>
        <p>{association.accessibilityContact ? t('site.accessibility.contactPerson', { contact: association.accessibilityContact }) : t('site.accessibility.contactOffice')}</p>
        <dl className="facts">
          {association.email && (
            <>
              <dt>{t('site.contact.email')}</dt>
              <dd>
                <a href={`mailto:${association.email}`}>{association.email}</a>
              </dd>
            </>
          )}
          {association.phone && (
            <>
              <dt>{t('site.contact.phone')}</dt>
              <dd>{association.phone}</dd>
            </>
          )}
        </dl>
        <p>{t('site.accessibility.requests')}</p>
      </section>

      <section aria-labelledby="accessibility-procedure">
        <h2 id="accessibility-procedure">{t('site.accessibility.procedureHeading')}</h2>
        <p>{t('site.accessibility.procedure1')}</p>
        <p>{t('site.accessibility.procedure2')}</p>
        <p>{t('site.accessibility.procedure3')}</p>
      </section>

      {association.address && (
        <section aria-labelledby="accessibility-building">
          <h2 id="accessibility-building">{t('site.accessibility.buildingHeading')}</h2>
          <p>{t('site.accessibility.building', { address: association.address })}</p>
        </section>
      )}
    </div>
  );
}
