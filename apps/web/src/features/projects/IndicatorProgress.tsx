import { useTranslation } from 'react-i18next';
import './indicators.css';

/**
 * An indicator's progress in whole percent, in words and as a bar named by the same words: filled from 0 to 100%, a
 * value past the target fills it, one that moved away from the target leaves it empty. `none` is said when no value
 * is recorded yet. Shown on the indicators page and in the monitoring report.
 */
export function IndicatorProgress({ hasValue, progress, none }: { hasValue: boolean; progress: number | null; none: string }) {
  const { t } = useTranslation();
  if (!hasValue) return <>{none}</>;
  if (progress === null) return <>{t('projects.indicators.noProgress')}</>;
  const filled = Math.min(100, Math.max(0, progress));
  const words = t('projects.indicators.percent', { percent: progress });
  const remark = progress >= 100 ? t('projects.indicators.reached') : progress < 0 ? t('projects.indicators.away') : null;
  return (
    <div className="indicator-progress">
      <span className="indicator-progress__text">{remark ? t('projects.indicators.percentWithRemark', { percent: words, remark }) : words}</span>
      <svg className="indicator-bar" role="img" aria-label={t('projects.indicators.bar', { percent: progress })} viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
        <rect className="indicator-bar__track" x="0" y="0" width="100" height="10" />
        <rect className="indicator-bar__fill" x="0" y="0" width={filled} height="10" />
      </svg>
    </div>
  );
}
