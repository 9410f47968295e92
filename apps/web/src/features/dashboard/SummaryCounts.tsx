import { useTranslation } from 'react-i18next';
import type { WorkspaceDetails } from '../../api/types';
import { formatNumber } from '../../i18n/format';

const ITEMS = ['members', 'partners', 'people', 'documents'] as const;

/** The workspace in four numbers. */
export function SummaryCounts({ summary }: { summary: WorkspaceDetails['summary'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="summary-heading" className="summary">
      <h2 id="summary-heading" className="visually-hidden">
        {t('dashboard.summary.heading')}
      </h2>
      <dl className="summary__list">
        {ITEMS.map((item) => (
          <div key={item} className="summary__item">
            <dt>{t(`dashboard.summary.${item}`)}</dt>
            <dd>{formatNumber(summary[item], i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
