import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@commonplan/domain';
import { apiQueryKey, invalidateApi } from '../../api/query-client';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { byGoal, type Indicator, indicatorsPath, latestValue } from './indicators-api';
import { IndicatorValueForm } from './IndicatorValueForm';
import './indicators.css';
import './projects.css';
import { formatDecimal, projectPage, projectsPage } from './projects-api';
import { IndicatorProgress } from './IndicatorProgress';

/**
 * /w/:workspaceId/projects/indicators: the strategy's indicators by the goal they measure, each with its unit, baseline
 * and target with their years, the latest value with its year and source, the progress from the baseline towards the
 * target (in words and as a bar) and the projects that move it. Coordinators record a year's value with its source.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const indicators = useApiData<Indicator[]>(indicatorsPath(workspace.id));
  const manages = can(workspace.role, 'projects.manage');
  return (
    <>
      <p className="back-link">
        <Link to={projectsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('projects.indicators.back')}
        </Link>
      </p>
      <PageHeading title={t('projects.indicators.documentTitle', { workspace: workspace.shortName })}>{t('projects.indicators.heading')}</PageHeading>
      <p className="lead">{t('projects.indicators.lead')}</p>
      <DataView source={indicators}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('projects.indicators.none')}</p>
          ) : (
            byGoal(list).map((group, index) => (
              <section key={group.goal ?? ''} className="indicator-goal" aria-labelledby={`indicator-goal-${index}`}>
                <h2 id={`indicator-goal-${index}`}>{group.goal ?? t('projects.indicators.noGoal')}</h2>
                <ul className="indicator-list">
                  {group.indicators.map((indicator) => (
                    <li key={indicator.id}>
                      <IndicatorCard indicator={indicator} workspaceId={workspace.id} manages={manages} />
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </DataView>
    </>
  );
}

/** One indicator: its facts, its progress and, for coordinators, the form of a year's value behind a button. */
function IndicatorCard({ indicator, workspaceId, manages }: { indicator: Indicator; workspaceId: string; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const focusWhenShown = useFocusWhenShown();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = latestValue(indicator);
  const number = (text: string) => formatDecimal(text, language);
  const nameId = `indicator-${indicator.id}-name`;
  const toggleId = `indicator-${indicator.id}-record`;
  const formId = `indicator-${indicator.id}-form`;
  const unit = indicator.unit;

  function close() {
    setOpen(false);
    focusWhenShown(toggleId);
  }

  function recorded(updated: Indicator, year: number) {
    // The answer is the indicator as it is now: it is shown at once, and the list is read again.
    queryClient.setQueryData<Indicator[]>(apiQueryKey(indicatorsPath(workspaceId)), (list) => list?.map((i) => (i.id === updated.id ? updated : i)));
    void invalidateApi(queryClient, indicatorsPath(workspaceId)).catch(() => undefined);
    const value = updated.values.find((v) => v.year === year)?.value ?? '';
    setNotice(t('projects.indicators.recorded', { year, value: number(value), unit }));
    close();
  }

  return (
    <article className="indicator" aria-labelledby={nameId}>
      <h3 id={nameId}>{indicator.name}</h3>
      <dl className="facts indicator__facts">
        <dt>{t('projects.indicators.unit')}</dt>
        <dd>{unit}</dd>
        <dt>{t('projects.indicators.baseline')}</dt>
        <dd>{t('projects.indicators.valueInYear', { value: number(indicator.baseline), unit, year: indicator.baselineYear })}</dd>
        <dt>{t('projects.indicators.target')}</dt>
        <dd>{t('projects.indicators.valueInYear', { value: number(indicator.target), unit, year: indicator.targetYear })}</dd>
        <dt>{t('projects.indicators.latest')}</dt>
        <dd>
          {latest && indicator.latest !== null
            ? t('projects.indicators.latestValue', { value: number(indicator.latest), unit, year: latest.year, source: latest.source })
            : t('projects.indicators.noValue')}
        </dd>
        <dt>{t('projects.indicators.progress')}</dt>
        <dd>
          <IndicatorProgress hasValue={indicator.latest !== null} progress={indicator.progress} none={t('projects.indicators.noValue')} />
        </dd>
        {indicator.projects.length > 0 && (
          <>
            <dt>{t('projects.indicators.projects')}</dt>
            <dd>
              <ul className="indicator__projects">
                {indicator.projects.map((project) => (
                  <li key={project.id}>
                    <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link> ({t(`projects.stages.${project.stage}`)})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <StatusMessage message={notice} />
      {manages && (
        <>
          <p>
            <button
              id={toggleId}
              type="button"
              className="button button--small"
              aria-expanded={open}
              aria-controls={open ? formId : undefined}
              onClick={() => {
                if (open) return close();
                setNotice(null);
                setOpen(true);
                focusWhenShown(`indicator-${indicator.id}-year`);
              }}
            >
              {t('projects.indicators.form.open')}
              <span className="visually-hidden">: {indicator.name}</span>
            </button>
          </p>
          {open && <IndicatorValueForm id={formId} indicator={indicator} onRecorded={recorded} onCancel={close} />}
        </>
      )}
    </article>
  );
}

