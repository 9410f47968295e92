import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The link from a version or a comparison back to the live document. */
export function BackToDocument({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {t('versions.back')}
      </Link>
    </p>
  );
}
