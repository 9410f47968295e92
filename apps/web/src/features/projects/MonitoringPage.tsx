import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can, PROJECT_STAGES } from '@commonplan/domain';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDate, formatDateTime, formatLongDate, formatNumber } from '../../i18n/format';
import { DataView } from '../../ui/DataView';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { KEEP_FOCUS } from '../../ui/navigation-focus';
import { PageHeading } from '../../ui/PageHeading';
import { TableRegion } from '../../ui/TableRegion';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { type ResolutionView, resolutionsPath } from '../decisions/decisions-api';
import { useWorkspace } from '../workspace/workspace-context';
import './indicators.css';
import './monitoring.css';
import { StageBadge } from './ProjectsPage';
import './projects.css';
import {
  adoptMonitoring,
  defaultMonitoringYear,
  type FrozenMonitoring,
  type FundingSourceOrNone,
  MONITORING_FORMATS,
  type MonitoringContent,
  type MonitoringEdition,
  type MonitoringPreview,
  monitoringEditionOf,
  monitoringEditionPath,
  monitoringFileUrl,
  monitoringPage,
  monitoringPath,
  monitoringYearOf,
  monitoringYears,
  readsMonitoring,
} from './monitoring-api';
import { formatDecimal, formatMoney, projectPage, projectsPage } from './projects-api';
import { warsawYear } from './statements-api';
import { IndicatorProgress } from './IndicatorProgress';

/**
 * /w/:workspaceId/projects/monitoring: the strategy's annual monitoring report for a year chosen in a select kept in the
 * address (`?year=`, the last finished year in Warsaw unless given): the indicators of each goal with their progress,
 * the projects by stage, the external funds by source and by member, and the smaller members' share. It is the draft
 * from the data as it is now, or with `?edition=N` an adopted edition as it was frozen, with its SHA-256; either comes
 * as PDF, DOCX or XLSX in the reader's language. Coordinators record the resolution that adopted the report, which
 * freezes it as its next edition. Partners read no report (the API refuses, and the page says so).
 */
export function MonitoringPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const now = warsawYear();
  const year = monitoringYearOf(search.get('year')) ?? defaultMonitoringYear();
  const edition = monitoringEditionOf(search.get('edition'));
  const preview = useApiData<MonitoringPreview>(monitoringPath(workspace.id, year));
  const frozen = useApiData<FrozenMonitoring>(edition ? monitoringEditionPath(workspace.id, year, edition) : null);
  const manages = can(workspace.role, 'projects.manage');

  function choose(value: string) {
    const next = new URLSearchParams(search);
    next.set('year', value);
    // An edition is of one year.
    next.delete('edition');
    setSearch(next, { state: KEEP_FOCUS });
  }

  return (
    <>
      <p className="back-link">
        <Link to={projectsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('projects.page.back')}
        </Link>
      </p>
      <PageHeading title={t('projects.monitoring.documentTitle', { year, workspace: workspace.shortName })}>{t('projects.monitoring.heading')}</PageHeading>
      <p className="lead">{t('projects.monitoring.lead')}</p>
      {readsMonitoring(workspace.role) && (
        <div className="projects-filter">
          <SelectField
            id="monitoring-year"
            label={t('projects.monitoring.year')}
            value={String(year)}
            options={monitoringYears(now, year).map((y) => ({ value: String(y), label: String(y) }))}
            onChange={choose}
          />
        </div>
      )}
      <DataView source={preview}>
        {(draft) => (
          <>
            {edition === null ? (
              <Report content={draft.content} sha256={null} workspaceId={workspace.id} />
            ) : (
              <DataView source={frozen}>{(shown) => <Report content={shown.content} sha256={shown.sha256} workspaceId={workspace.id} />}</DataView>
            )}
            <Editions key={year} workspaceId={workspace.id} year={year} editions={draft.editions} shown={edition} manages={manages} onAdopted={preview.reload} />
          </>
        )}
      </DataView>
    </>
  );
}

/** The report: what it is (draft or edition), its files, and its four parts. */
function Report({ content, sha256, workspaceId }: { content: MonitoringContent; sha256: string | null; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const edition = content.edition;
  return (
    <>
      <dl className="facts monitoring-facts">
        <dt>{t('projects.monitoring.association')}</dt>
        <dd>{content.workspaceName}</dd>
        <dt>{t('projects.monitoring.reportYear')}</dt>
        <dd>{content.year}</dd>
        <dt>{t('projects.monitoring.generated')}</dt>
        <dd>{formatDateTime(content.generatedAt, language)}</dd>
        <dt>{t('projects.monitoring.status')}</dt>
        <dd>
          {edition && content.adoption
            ? t('projects.monitoring.adopted', { edition, date: formatLongDate(content.adoption.adoptedAt, language), resolution: content.adoption.title })
            : t('projects.monitoring.draft')}
        </dd>
        {sha256 && (
          <>
            <dt>{t('projects.monitoring.sha256')}</dt>
            <dd>
              <code className="hash">{sha256}</code>
            </dd>
          </>
        )}
      </dl>
      {edition && (
        <p>
          <Link to={monitoringPage(workspaceId, content.year)}>{t('projects.monitoring.showDraft')}</Link>
        </p>
      )}

      <section aria-labelledby="monitoring-downloads-heading">
        <h2 id="monitoring-downloads-heading">{edition ? t('projects.monitoring.downloadsEdition', { edition }) : t('projects.monitoring.downloads')}</h2>
        <ul className="export-links">
          {MONITORING_FORMATS.map((format) => (
            <li key={format}>
              <a href={monitoringFileUrl(workspaceId, content.year, format, language, edition)} download>
                {t(`projects.monitoring.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <Goals content={content} workspaceId={workspaceId} />
      <Stages content={content} workspaceId={workspaceId} />
      <Funds content={content} />
      <Smaller content={content} />
    </>
  );
}

/** Each goal with its indicators (their progress in words and as a bar) and the projects serving it. */
function Goals({ content, workspaceId }: { content: MonitoringContent; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const number = (text: string) => formatDecimal(text, i18n.language);
  return (
    <section aria-labelledby="monitoring-goals-heading">
      <h2 id="monitoring-goals-heading">{t('projects.monitoring.goals')}</h2>
      {content.goals.length === 0 && <p>{t('projects.monitoring.noGoals')}</p>}
      {content.goals.map((goal, index) => {
        const name = goal.goal ?? t('projects.monitoring.noGoal');
        const headingId = `monitoring-goal-${index}`;
        return (
          <section key={goal.goal ?? ''} className="monitoring-goal" aria-labelledby={headingId}>
            <h3 id={headingId}>{name}</h3>
            {goal.indicators.length === 0 ? (
              <p>{t('projects.monitoring.noIndicators')}</p>
            ) : (
              <TableRegion caption={t('projects.monitoring.indicatorsCaption', { goal: name })}>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.monitoring.indicator')}</th>
                    <th scope="col">{t('projects.indicators.unit')}</th>
                    <th scope="col" className="numeric">
                      {t('projects.indicators.baseline')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('projects.indicators.target')}
                    </th>
                    <th scope="col">{t('projects.indicators.latest')}</th>
                    <th scope="col">{t('projects.indicators.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {goal.indicators.map((indicator) => (
                    <tr key={indicator.id}>
                      <th scope="row">{indicator.name}</th>
                      <td>{indicator.unit}</td>
                      <td className="numeric">{t('projects.monitoring.valueInYear', { value: number(indicator.baseline), year: indicator.baselineYear })}</td>
                      <td className="numeric">{t('projects.monitoring.valueInYear', { value: number(indicator.target), year: indicator.targetYear })}</td>
                      <td>
                        {indicator.latest
                          ? t('projects.monitoring.latestValue', { value: number(indicator.latest.value), year: indicator.latest.year, source: indicator.latest.source })
                          : t('projects.monitoring.noData')}
                      </td>
                      <td>
                        <IndicatorProgress hasValue={indicator.latest !== null} progress={indicator.progress} none={t('projects.monitoring.noData')} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
            )}
            <h4>{t('projects.monitoring.goalProjects')}</h4>
            {goal.projects.length === 0 ? (
              <p>{t('projects.monitoring.noGoalProjects')}</p>
            ) : (
              <ul>
                {goal.projects.map((project) => (
                  <li key={project.id}>
                    <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link> ({t(`projects.stages.${project.stage}`)})
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

/** The number of projects at each stage, and the projects with the year's cost, grant and own contribution. */
function Stages({ content, workspaceId }: { content: MonitoringContent; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const money = (text: string) => formatMoney(text, i18n.language);
  return (
    <section aria-labelledby="monitoring-stages-heading">
      <h2 id="monitoring-stages-heading">{t('projects.monitoring.stages')}</h2>
      <TableRegion caption={t('projects.monitoring.stagesCaption')} className="monitoring-narrow">
        <thead>
          <tr>
            <th scope="col">{t('projects.list.stage')}</th>
            <th scope="col" className="numeric">
              {t('projects.monitoring.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PROJECT_STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">{t(`projects.stages.${stage}`)}</th>
              <td className="numeric">{content.stages[stage]}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {content.projects.length === 0 ? (
        <p>{t('projects.monitoring.noProjects')}</p>
      ) : (
        <TableRegion caption={t('projects.monitoring.projectsCaption', { year: content.year })} className="projects-table">
          <thead>
            <tr>
              <th scope="col">{t('projects.list.title')}</th>
              <th scope="col">{t('projects.list.stage')}</th>
              <th scope="col" className="numeric">
                {t('projects.monitoring.cost')}
              </th>
              <th scope="col" className="numeric">
                {t('projects.monitoring.grant')}
              </th>
              <th scope="col" className="numeric">
                {t('projects.monitoring.own')}
              </th>
            </tr>
          </thead>
          <tbody>
            {content.projects.map((project) => (
              <tr key={project.id}>
                <th scope="row">
                  <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link>
                </th>
                <td>
                  <StageBadge stage={project.stage} />
                </td>
                <td className="numeric">{money(project.cost)}</td>
                <td className="numeric">{money(project.grant)}</td>
                <td className="numeric">{money(project.own)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </section>
  );
}

/** The external funds by source (with the total) and by member (with the association's own projects). */
function Funds({ content }: { content: MonitoringContent }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const money = (text: string) => formatMoney(text, language);
  const sourceName = (source: FundingSourceOrNone) => (source === 'none' ? t('projects.monitoring.noCall') : t(`projects.calls.sources.${source}`));
  const { funds } = content;
  return (
    <section aria-labelledby="monitoring-funds-heading">
      <h2 id="monitoring-funds-heading">{t('projects.monitoring.funds')}</h2>
      <p>{t('projects.monitoring.fundsIntro', { year: content.year })}</p>
      <TableRegion caption={t('projects.monitoring.bySourceCaption', { year: content.year })} className="monitoring-narrow">
        <thead>
          <tr>
            <th scope="col">{t('projects.monitoring.source')}</th>
            <th scope="col" className="numeric">
              {t('projects.page.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {funds.bySource.map((line) => (
            <tr key={line.source}>
              <th scope="row">{sourceName(line.source)}</th>
              <td className="numeric">{money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('projects.monitoring.total')}</th>
            <td className="numeric">{money(funds.total)}</td>
          </tr>
        </tfoot>
      </TableRegion>
      <TableRegion caption={t('projects.monitoring.byMemberCaption', { year: content.year })}>
        <thead>
          <tr>
            <th scope="col">{t('projects.monitoring.member')}</th>
            <th scope="col" className="numeric">
              {t('projects.page.population')}
            </th>
            <th scope="col" className="numeric">
              {t('projects.monitoring.fee')}
            </th>
            <th scope="col" className="numeric">
              {t('projects.monitoring.ownSpending')}
            </th>
            <th scope="col" className="numeric">
              {t('projects.monitoring.external')}
            </th>
            <th scope="col" className="numeric">
              {t('projects.member.leverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {funds.byMember.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                {member.name}
                {member.smaller && (
                  <>
                    {' '}
                    <span className="badge monitoring-smaller">{t('projects.monitoring.smallerMark')}</span>
                  </>
                )}
              </th>
              <td className="numeric">{member.population === null ? t('projects.monitoring.noData') : formatNumber(member.population, language)}</td>
              <td className="numeric">{money(member.fee)}</td>
              <td className="numeric">{money(member.own)}</td>
              <td className="numeric">{money(member.external)}</td>
              <td className="numeric">{member.leverage === null ? t('projects.member.noLeverage') : t('projects.member.leverageValue', { value: formatDecimal(member.leverage, language) })}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('projects.monitoring.associationRow')}</th>
            <td />
            <td />
            <td />
            <td className="numeric">{money(funds.association)}</td>
            <td />
          </tr>
        </tbody>
      </TableRegion>
    </section>
  );
}

/** How much of the members' external funds went to the smaller members, against their share of the population. */
function Smaller({ content }: { content: MonitoringContent }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { smaller } = content;
  const percent = (text: string) => t('projects.monitoring.percent', { value: formatDecimal(text, language) });
  return (
    <section aria-labelledby="monitoring-smaller-heading">
      <h2 id="monitoring-smaller-heading">{t('projects.monitoring.smaller')}</h2>
      {smaller.fundsShare === null ? (
        <p>{t('projects.monitoring.smallerNone')}</p>
      ) : (
        <p>
          {t('projects.monitoring.smallerText', {
            count: smaller.members.length,
            median: smaller.medianPopulation === null ? t('projects.monitoring.noData') : formatNumber(smaller.medianPopulation, language),
            amount: formatMoney(smaller.external, language),
            funds: percent(smaller.fundsShare),
            people: smaller.populationShare === null ? t('projects.monitoring.noData') : percent(smaller.populationShare),
          })}
        </p>
      )}
      {smaller.members.length > 0 && <p>{t('projects.monitoring.smallerNames', { names: smaller.members.join(', ') })}</p>}
    </section>
  );
}

/** The editions adopted for the year, each to open, and for coordinators the form recording the next one. */
function Editions({
  workspaceId,
  year,
  editions,
  shown,
  manages,
  onAdopted,
}: {
  workspaceId: string;
  year: number;
  editions: MonitoringEdition[];
  shown: number | null;
  manages: boolean;
  onAdopted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [adopted, setAdopted] = useState<MonitoringEdition | null>(null);
  return (
    <section aria-labelledby="monitoring-editions-heading">
      <h2 id="monitoring-editions-heading">{t('projects.monitoring.editions', { year })}</h2>
      <StatusMessage message={adopted ? t('projects.monitoring.adoptedNotice', { edition: adopted.edition, year }) : null} />
      {editions.length === 0 ? (
        <p>{t('projects.monitoring.noEditions')}</p>
      ) : (
        <ul>
          {editions.map((edition) => (
            <li key={edition.edition}>
              <Link to={monitoringPage(workspaceId, year, edition.edition)} aria-current={edition.edition === shown ? 'page' : undefined}>
                {t('projects.monitoring.editionItem', { edition: edition.edition, date: formatDate(edition.adoptedAt, i18n.language), resolution: edition.resolution.title })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {manages && (
        <AdoptForm
          workspaceId={workspaceId}
          year={year}
          editions={editions}
          onAdopted={(edition) => {
            setAdopted(edition);
            onAdopted();
          }}
        />
      )}
    </section>
  );
}

/**
 * A coordinator records the adopted resolution that approved the year's report: the report is frozen as its next
 * edition. Only adopted resolutions are offered, less those that adopted an edition of this year already; the API's
 * refusals are said at the select (a resolution not adopted or used) or above the form (nothing changed).
 */
function AdoptForm({ workspaceId, year, editions, onAdopted }: { workspaceId: string; year: number; editions: MonitoringEdition[]; onAdopted: (edition: MonitoringEdition) => void }) {
  const { t } = useTranslation();
  const resolutions = useApiData<ResolutionView[]>(resolutionsPath(workspaceId));
  const [resolutionId, setResolutionId] = useState('');
  const [ownError, setOwnError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors: Record<string, string> = { ...fieldErrorsOf(failure, t), ...(ownError ? { resolutionId: ownError } : {}) };
  useFocusFirstError(form, errors, attempt);
  const used = new Set(editions.map((e) => e.resolution.id));
  const offered = (resolutions.data ?? []).filter((r) => r.state === 'adopted' && !used.has(r.id));
  const next = (editions.at(-1)?.edition ?? 0) + 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setOwnError(resolutionId ? null : t('projects.monitoring.errors.resolution'));
    setFailure(null);
    setAttempt((a) => a + 1);
    if (!resolutionId) return;
    setBusy(true);
    try {
      const edition = await adoptMonitoring(workspaceId, year, resolutionId);
      setResolutionId('');
      onAdopted(edition);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const placeholder =
    resolutions.loading && !resolutions.data ? t('projects.monitoring.loadingResolutions')
    : offered.length > 0 ? t('projects.monitoring.chooseResolution')
    : t('projects.monitoring.noResolutions');

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form monitoring-adopt" aria-labelledby="monitoring-adopt-heading">
      <h3 id="monitoring-adopt-heading">{t('projects.monitoring.adopt')}</h3>
      <p>{t('projects.monitoring.adoptIntro', { year, edition: next })}</p>
      <ErrorMessage message={formErrorText(failure, t)} />
      <SelectField
        id="monitoring-resolution"
        label={t('projects.monitoring.resolution')}
        hint={t('projects.monitoring.resolutionHint')}
        value={resolutionId}
        placeholder={placeholder}
        options={offered.map((r) => ({ value: r.id, label: r.fullTitle ?? r.title }))}
        onChange={(value) => {
          setResolutionId(value);
          setOwnError(null);
          setFailure(null);
        }}
        error={errors.resolutionId}
        required
      />
      <SubmitButton busy={busy} label={t('projects.monitoring.submit', { edition: next })} busyLabel={t('projects.monitoring.saving')} />
    </form>
  );
}
