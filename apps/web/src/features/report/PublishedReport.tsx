import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { type PublishedReport as Published, publishedPath, reportFileUrl } from './report-api';
import { ReportDownloads, ReportView } from './ReportView';

/**
 * The published report on a round's public page: the latest edition with its files and its SHA-256, and every
 * edition's PDF. Nothing while none is published (the API answers 404).
 */
export function PublishedReport({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const source = useApiData<Published>(publishedPath(roundId));
  const report = source.data;
  const scrolled = useRef(false);
  // A submitter's e-mail links to their comment's row (#uwaga-U-2026-0001): go there once the report has loaded.
  useEffect(() => {
    if (!report || scrolled.current || !window.location.hash) return;
    scrolled.current = true;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [report]);
  if (!report) return null;
  return (
    <section aria-labelledby="published-report-heading" className="published-report">
      <h2 id="published-report-heading">{t('report.heading')}</h2>
      <ReportDownloads roundId={roundId} edition={report.edition} level={3} />
      {report.editions.length > 1 && (
        <section aria-labelledby="report-editions-heading">
          <h3 id="report-editions-heading">{t('report.public.previous')}</h3>
          <ul>
            {report.editions.map((edition) => (
              <li key={edition.edition}>
                <a href={reportFileUrl(roundId, 'pdf', i18n.language, { edition: edition.edition })} download>
                  {t('report.publish.editionItem', { edition: edition.edition, date: formatDateTime(edition.publishedAt, i18n.language) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReportView content={report.content} sha256={report.sha256} level={3} />
    </section>
  );
}
