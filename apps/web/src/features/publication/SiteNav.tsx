import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicRegisterPage } from '../decisions/decisions-api';
import { accessibilityPage, feedUrl, publicSitePage } from './publication-api';

/** The public site's own navigation: its front, the register, the accessibility statement and the Atom feed. */
export function SiteNav({ slug, current }: { slug: string; current?: 'home' | 'accessibility' }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('site.nav.label')} className="site-nav">
      <ul>
        <li>
          <Link to={publicSitePage(slug)} aria-current={current === 'home' ? 'page' : undefined}>
            {t('site.nav.home')}
          </Link>
        </li>
        <li>
          <Link to={publicRegisterPage(slug)}>{t('site.nav.register')}</Link>
        </li>
        <li>
          <Link to={accessibilityPage(slug)} aria-current={current === 'accessibility' ? 'page' : undefined}>
            {t('site.nav.accessibility')}
          </Link>
        </li>
        <li>
          <a href={feedUrl(slug)} type="application/atom+xml">
            {t('site.nav.feed')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
