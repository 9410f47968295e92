import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, exportUrl } from './document-files-api';

/** Download links for the live text or a version: PDF, Word and Markdown, each with its cover page. */
export function ExportLinks({ documentId, version = 'live' }: { documentId: string; version?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="export-heading" className="side-panel">
      <h2 id="export-heading">{t('files.export.heading')}</h2>
      <p className="muted">{version === 'live' ? t('files.export.live') : t('files.export.version')}</p>
      <ul className="export-links">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={exportUrl(documentId, format, version, i18n.language)} download>
              {t(`files.export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
