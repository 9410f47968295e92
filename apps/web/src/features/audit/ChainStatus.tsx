import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import type { ChainReport } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import { brokenReasonText } from './describe-entry';

export interface ChainStatusProps {
  report: ChainReport | null;
  checking: boolean;
  error: unknown;
  onVerify: () => void;
}

/** Whether the hash chain is intact, or the first broken entry and why; a button checks again. */
export function ChainStatus({ report, checking, error, onVerify }: ChainStatusProps) {
  const { t, i18n } = useTranslation();
  let text: string;
  let tone: 'ok' | 'bad' | 'neutral' = 'neutral';
  if (checking) text = t('audit.chain.checking');
  else if (error != null) {
    text = errorText(error, t);
    tone = 'bad';
  } else if (!report) text = t('audit.chain.notChecked');
  else if (report.valid) {
    text = t('audit.chain.valid', { count: formatNumber(report.checkedEntries, i18n.language) });
    tone = 'ok';
  } else {
    const broken = report.firstBroken;
    text = broken
      ? t('audit.chain.broken', { seq: broken.seq, reason: brokenReasonText(broken.reason, t) })
      : t('audit.chain.brokenUnknown');
    tone = 'bad';
  }
  return (
    <section aria-labelledby="chain-heading" className="panel">
      <h2 id="chain-heading">{t('audit.chain.heading')}</h2>
      <p>{t('audit.chain.explanation')}</p>
      <div role="status" className="live">
        <p className={`chain chain--${tone}`}>{text}</p>
      </div>
      <button type="button" className="button" onClick={onVerify} aria-disabled={checking}>
        {t('audit.chain.verifyAgain')}
      </button>
    </section>
  );
}
