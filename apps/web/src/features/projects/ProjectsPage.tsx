import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '@commonplan/domain';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { KEEP_FOCUS } from '../../ui/navigation-focus';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { useWorkspace } from '../workspace/workspace-context';
import { StatementLinks } from './StatementLinks';
import { indicatorsPage } from './indicators-api';
import { monitoringPage, readsMonitoring } from './monitoring-api';
import { ProjectsBoard, projectsView, type ProjectsView, ViewSwitch } from './ProjectsBoard';
import './projects.css';
import { formatDay, formatDecimal, formatMoney, fundingCallsPage, isStage, newProjectPage, PROJECT_STAGES, type ProjectStage, type ProjectSummary, projectPage, projectsPath } from './projects-api';
import { TableRegion } from '../../ui/TableRegion';

/**
 * /w/:workspaceId/projects: the pipeline of joint projects as a table, the latest changed first, narrowed to one stage
 * by a select whose choice is kept in the address (`?stage=`), so that a filtered list can be bookmarked and shared;
 * or as a board with a column per stage (`?view=board`, ProjectsBoard.tsx).
 * Every member of the workspace reads it (partners: the projects they take part in); coordinators start a new project.
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('stage');
  const stage = isStage(asked) ? asked : null;
  const view = projectsView(search.get('view'));
  const projects = useApiData<ProjectSummary[]>(projectsPath(workspace.id));

  function choose(value: string) {
    const next = new URLSearchParams(search);
    if (isStage(value)) next.set('stage', value);
    else next.delete('stage');
    setSearch(next, { state: KEEP_FOCUS });
  }

  function show(value: ProjectsView) {
    const next = new URLSearchParams(search);
    if (value === 'board') next.set('view', value);
    else next.delete('view');
    setSearch(next, { state: KEEP_FOCUS });
  }

  return (
    <>
      <PageHeading title={t('projects.documentTitle', { workspace: workspace.shortName })}>{t('projects.heading')}</PageHeading>
      <p className="lead">{t('projects.lead')}</p>
      <p>
        <Link to={fundingCallsPage(workspace.id)}>{t('projects.callsLink')}</Link>
      </p>
      <StatementLinks workspace={workspace} />
      <p>
        <Link to={indicatorsPage(workspace.id)}>{t('projects.indicatorsLink')}</Link>
      </p>
      {readsMonitoring(workspace.role) && (
        <p>
          <Link to={monitoringPage(workspace.id)}>{t('projects.monitoringLink')}</Link>
        </p>
      )}
      {can(workspace.role, 'projects.manage') && (
        <p>
          <Link className="button button--primary" to={newProjectPage(workspace.id)}>
            {t('projects.new')}
          </Link>
        </p>
      )}
      <div className="projects-filter">
        <SelectField
          id="projects-stage"
          label={t('projects.list.filter')}
          value={stage ?? ''}
          placeholder={t('projects.list.allStages')}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projects.stages.${s}`) }))}
          onChange={choose}
        />
        <ViewSwitch view={view} onChange={show} />
      </div>
      <DataView source={projects}>
        {(list) => (view === 'board' ? <ProjectsBoard projects={list} stage={stage} workspaceId={workspace.id} /> : <ProjectsTable projects={list} stage={stage} workspaceId={workspace.id} />)}
      </DataView>
    </>
  );
}

function ProjectsTable({ projects, stage, workspaceId }: { projects: ProjectSummary[]; stage: ProjectStage | null; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const shown = stage ? projects.filter((p) => p.stage === stage) : projects;
  const stageName = stage ? t(`projects.stages.${stage}`) : '';
  return (
    <>
      {/* Said when the filter changes what is shown. */}
      <p role="status" className="muted">
        {projects.length > 0 && t('projects.list.shown', { shown: shown.length, total: projects.length })}
      </p>
      {projects.length === 0 ? (
        <p>{t('projects.list.none')}</p>
      ) : shown.length === 0 ? (
        <p>{t('projects.list.noneAtStage', { stage: stageName })}</p>
      ) : (
        <TableRegion caption={stage ? t('projects.list.captionStage', { stage: stageName }) : t('projects.list.caption')} className="projects-table">
          <thead>
            <tr>
              <th scope="col">{t('projects.list.title')}</th>
              <th scope="col">{t('projects.list.stage')}</th>
              <th scope="col">{t('projects.list.stageOn')}</th>
              <th scope="col">{t('projects.list.leader')}</th>
              <th scope="col" className="numeric">
                {t('projects.list.participants')}
              </th>
              <th scope="col" className="numeric">
                {t('projects.list.total')}
              </th>
              <th scope="col" className="numeric">
                {t('projects.list.own')}
              </th>
              <th scope="col" className="numeric">
                {t('projects.list.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((project) => (
              <tr key={project.id}>
                <th scope="row">
                  <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link>
                </th>
                <td>
                  <StageBadge stage={project.stage} />
                </td>
                <td>{formatDay(project.stageOn, i18n.language)}</td>
                <td>{project.leader?.name ?? t('projects.association')}</td>
                <td className="numeric">{project.participants.length}</td>
                <td className="numeric">{formatMoney(project.totals.total, i18n.language)}</td>
                <td className="numeric">{formatMoney(project.totals.own, i18n.language)}</td>
                <td className="numeric">{project.coFinancingRate === null ? t('projects.noRate') : t('projects.rate', { rate: formatDecimal(project.coFinancingRate, i18n.language) })}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </>
  );
}

/** A project's stage in words (never by colour alone). */
export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge--project-${stage}`}>{t(`projects.stages.${stage}`)}</span>;
}
