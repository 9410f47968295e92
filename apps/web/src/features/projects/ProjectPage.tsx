import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { errorText } from '../../api/error-text';
import { apiQueryKey, invalidateApi } from '../../api/query-client';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { resolutionPage } from '../decisions/decisions-api';
import { useWorkspace } from '../workspace/workspace-context';
import { StageBadge } from './ProjectsPage';
import './projects.css';
import {
  editProjectPage,
  formatDay,
  formatDecimal,
  formatEuro,
  formatMoney,
  isClosed,
  type NewStep,
  type Project,
  type ProjectYear,
  projectPath,
  projectsPage,
  SAVED_STATE,
  takeStep,
} from './projects-api';
import { ProcurementSection } from './ProcurementSection';
import { StepForm } from './StepForm';
import { TableRegion } from '../../ui/TableRegion';

const STEPS_HEADING_ID = 'project-steps-heading';

/**
 * /w/:workspaceId/projects/:projectId: a joint project: its facts (stage, leader, the strategy goal it serves, the
 * sharing key, the co-financing rate, the schedule and the totals), participants, budget, each year's cost, grant, own
 * contribution and every member's share, the history of its stages, and for coordinators the form of its next step.
 */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { projectId = '' } = useParams();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const focusWhenShown = useFocusWhenShown();
  const source = useApiData<Project>(projectPath(projectId));
  const [notice, setNotice] = useState<string | null>(null);
  // Arriving from the edit page after a save, the page says so.
  const saved = (useLocation().state as { notice?: unknown } | null)?.notice === SAVED_STATE.notice;
  const project = source.data;

  if (!project) {
    if (source.error == null) return <Loading />;
    return (
      <>
        <BackLink workspaceId={workspace.id} />
        <PageHeading title={t('projects.heading')}>{t('projects.heading')}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </>
    );
  }

  const language = i18n.language;
  const manages = can(workspace.role, 'projects.manage');
  const names = new Map(project.participants.map((p) => [p.organisationId, p.name]));
  const custom = project.sharingKey === 'custom';
  const withEur = project.budget.some((line) => line.eurAmount !== null);

  async function step(values: NewStep) {
    setNotice(null);
    const moved = await takeStep(projectId, values);
    // The answer is the project as it is now; it is shown at once and read again.
    queryClient.setQueryData(apiQueryKey(projectPath(projectId)), moved);
    void invalidateApi(queryClient, projectPath(projectId)).catch(() => undefined);
    setNotice(t('projects.step.done', { stage: t(`projects.stages.${moved.stage}`), date: formatDay(moved.stageOn, language) }));
    // With no stage left the form goes: the focus goes to the history, where the step is.
    if (moved.nextStages.length === 0) focusWhenShown(STEPS_HEADING_ID);
  }

  const schedule =
    project.startsOn && project.endsOn
      ? t('projects.page.scheduleValue', { from: formatDay(project.startsOn, language), to: formatDay(project.endsOn, language) })
      : project.startsOn
        ? t('projects.page.startsValue', { from: formatDay(project.startsOn, language) })
        : project.endsOn
          ? t('projects.page.endsValue', { to: formatDay(project.endsOn, language) })
          : t('common.notGiven');

  return (
    <>
      <BackLink workspaceId={workspace.id} />
      <PageHeading title={t('projects.page.documentTitle', { title: project.title, workspace: workspace.shortName })}>{project.title}</PageHeading>
      <StatusMessage message={notice ?? (saved ? t(SAVED_STATE.notice) : null)} />
      {manages && !isClosed(project.stage) && (
        <p>
          <Link className="button" to={editProjectPage(workspace.id, project.id)}>
            {t('projects.edit.link')}
          </Link>
        </p>
      )}
      <dl className="facts project-facts">
        <dt>{t('projects.page.stage')}</dt>
        <dd>
          <StageBadge stage={project.stage} /> {t('projects.page.since', { date: formatDay(project.stageOn, language) })}
        </dd>
        <dt>{t('projects.page.leader')}</dt>
        <dd>{project.leader?.name ?? t('projects.association')}</dd>
        <dt>{t('projects.page.goal')}</dt>
        <dd>
          {project.goal ? (
            <Link to={`/w/${workspace.id}/d/${project.goal.documentId}/v/${project.goal.versionId}`}>
              {t('projects.page.goalValue', { heading: project.goal.heading, document: project.goal.documentTitle, version: project.goal.versionName })}
            </Link>
          ) : (
            t('common.notGiven')
          )}
        </dd>
        {project.concept && (
          <>
            <dt>{t('projects.page.concept')}</dt>
            <dd>
              <Link to={`/w/${workspace.id}/d/${project.concept.documentId}`}>{project.concept.title}</Link>
              {project.concept.rounds.length > 0 && (
                <ul aria-label={t('projects.page.conceptRounds')}>
                  {project.concept.rounds.map((round) => (
                    <li key={round.id}>
                      <Link to={`/w/${workspace.id}/rounds/${round.id}`}>{t('projects.page.conceptRound', { title: round.title, state: t(`roundStates.${round.state}`) })}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {project.call && (
          <>
            <dt>{t('projects.page.call')}</dt>
            <dd>{t('projects.page.callValue', { programme: project.call.programme, measure: project.call.measure, date: formatDay(project.call.closesOn, language) })}</dd>
          </>
        )}
        <dt>{t('projects.page.sharingKey')}</dt>
        <dd>{t(`projects.keys.${project.sharingKey}`)}</dd>
        <dt>{t('projects.page.rate')}</dt>
        <dd>{project.coFinancingRate === null ? t('projects.noRate') : t('projects.rate', { rate: formatDecimal(project.coFinancingRate, language) })}</dd>
        <dt>{t('projects.page.schedule')}</dt>
        <dd>{schedule}</dd>
        <dt>{t('projects.page.total')}</dt>
        <dd>{formatMoney(project.totals.total, language)}</dd>
        <dt>{t('projects.page.grant')}</dt>
        <dd>{formatMoney(project.totals.grant, language)}</dd>
        <dt>{t('projects.page.own')}</dt>
        <dd>{formatMoney(project.totals.own, language)}</dd>
        {project.scope && (
          <>
            <dt>{t('projects.page.scope')}</dt>
            <dd className="project-facts__text">{project.scope}</dd>
          </>
        )}
        {project.expectedResults && (
          <>
            <dt>{t('projects.page.expectedResults')}</dt>
            <dd className="project-facts__text">{project.expectedResults}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="project-participants-heading">
        <h2 id="project-participants-heading">{t('projects.page.participants')}</h2>
        {project.participants.length === 0 ? (
          <p>{t('projects.page.noParticipants')}</p>
        ) : (
          <TableRegion caption={t('projects.page.participantsCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('projects.page.organisation')}</th>
                <th scope="col">{t('projects.page.kind')}</th>
                <th scope="col" className="numeric">
                  {t('projects.page.population')}
                </th>
                {custom && (
                  <th scope="col" className="numeric">
                    {t('projects.page.weight')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {project.participants.map((participant) => (
                <tr key={participant.organisationId}>
                  <th scope="row">
                    {participant.name}
                    {project.leader?.id === participant.organisationId && <> ({t('projects.page.leaderMark')})</>}
                  </th>
                  <td>{t(`projects.page.kinds.${participant.kind}`)}</td>
                  <td className="numeric">{participant.population === null ? t('common.none') : formatNumber(participant.population, language)}</td>
                  {custom && <td className="numeric">{participant.customWeight === null ? t('common.none') : formatDecimal(participant.customWeight, language)}</td>}
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </section>

      <section aria-labelledby="project-budget-heading">
        <h2 id="project-budget-heading">{t('projects.page.budget')}</h2>
        {project.budget.length === 0 ? (
          <p>{t('projects.page.noBudget')}</p>
        ) : (
          <TableRegion caption={t('projects.page.budgetCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('projects.page.year')}</th>
                <th scope="col">{t('projects.page.category')}</th>
                <th scope="col" className="numeric">
                  {t('projects.page.amount')}
                </th>
                {withEur && <th scope="col">{t('projects.page.eur')}</th>}
              </tr>
            </thead>
            <tbody>
              {project.budget.map((line) => (
                <tr key={`${line.year}-${line.category}`}>
                  <td>{line.year}</td>
                  <td>{t(`projects.categories.${line.category}`)}</td>
                  <td className="numeric">{formatMoney(line.amount, language)}</td>
                  {withEur && (
                    <td>
                      {line.eurAmount !== null &&
                        t('projects.page.eurValue', {
                          amount: formatEuro(line.eurAmount, language),
                          rate: formatDecimal(line.eurRate ?? '', language),
                          date: line.eurRateOn ? formatDay(line.eurRateOn, language) : '',
                        })}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('projects.page.total')}
                </th>
                <td className="numeric">{formatMoney(project.totals.total, language)}</td>
                {withEur && <td />}
              </tr>
            </tfoot>
          </TableRegion>
        )}
      </section>

      {project.years.length > 0 && (
        <section aria-labelledby="project-shares-heading">
          <h2 id="project-shares-heading">{t('projects.page.shares')}</h2>
          <p>{t('projects.page.sharesIntro')}</p>
          {project.sharingProblem && <p className="notice notice--warning">{t('projects.page.sharingProblem')}</p>}
          {!project.sharingProblem && !project.participants.some((p) => p.kind === 'member') && <p>{t('projects.page.noMembers')}</p>}
          {project.years.map((year) => (
            <YearTable key={year.year} year={year} names={names} />
          ))}
        </section>
      )}

      <ProcurementSection project={project} manages={manages && !isClosed(project.stage)} />

      <section aria-labelledby={STEPS_HEADING_ID}>
        <h2 id={STEPS_HEADING_ID} tabIndex={-1}>
          {t('projects.page.steps')}
        </h2>
        <TableRegion caption={t('projects.page.stepsCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('projects.page.day')}</th>
              <th scope="col">{t('projects.page.stage')}</th>
              <th scope="col">{t('projects.page.resolution')}</th>
              <th scope="col">{t('projects.page.note')}</th>
              <th scope="col">{t('projects.page.who')}</th>
            </tr>
          </thead>
          <tbody>
            {project.steps.map((s) => (
              <tr key={s.id}>
                <th scope="row">{formatDay(s.takenOn, language)}</th>
                <td>{t(`projects.stages.${s.stage}`)}</td>
                <td>{s.resolution ? <Link to={resolutionPage(workspace.id, s.resolution.id)}>{s.resolution.title}</Link> : null}</td>
                <td>{s.note}</td>
                <td>{s.actorName ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      </section>

      {manages && project.nextStages.length > 0 && (
        <section className="panel" aria-labelledby="project-step-heading">
          <h2 id="project-step-heading">{t('projects.step.heading')}</h2>
          <StepForm project={project} workspaceId={workspace.id} onStep={step} />
        </section>
      )}
      {manages && project.nextStages.length === 0 && <p className="muted">{t('projects.page.closed', { stage: t(`projects.stages.${project.stage}`) })}</p>}
    </>
  );
}

function BackLink({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to={projectsPage(workspaceId)}>
        <span aria-hidden="true">← </span>
        {t('projects.page.back')}
      </Link>
    </p>
  );
}

/** A year of the budget: its cost, the grant, the own contribution and each member's share of it. */
function YearTable({ year, names }: { year: ProjectYear; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const money = (text: string) => formatMoney(text, i18n.language);
  return (
    <TableRegion caption={t('projects.page.yearCaption', { year: year.year })} wrapClassName="project-year">
      <thead>
        <tr>
          <th scope="col">{t('projects.page.item')}</th>
          <th scope="col" className="numeric">
            {t('projects.page.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('projects.page.total')}</th>
          <td className="numeric">{money(year.total)}</td>
        </tr>
        <tr>
          <th scope="row">{t('projects.page.grant')}</th>
          <td className="numeric">{money(year.grant)}</td>
        </tr>
        <tr>
          <th scope="row">{t('projects.page.own')}</th>
          <td className="numeric">{money(year.own)}</td>
        </tr>
        {year.shares.map((share) => (
          <tr key={share.organisationId}>
            <th scope="row">{t('projects.page.shareOf', { name: names.get(share.organisationId) ?? share.organisationId })}</th>
            <td className="numeric">{money(share.amount)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
