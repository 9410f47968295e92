import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './projects-board.css';
import { formatMoney, PROJECT_STAGES, type ProjectStage, type ProjectSummary, projectPage } from './projects-api';

/** How the projects' list is shown, kept in the address as `?view=board` (the table without it). */
export type ProjectsView = 'table' | 'board';

export const PROJECTS_VIEWS: readonly ProjectsView[] = ['table', 'board'];

export const projectsView = (asked: string | null): ProjectsView => (asked === 'board' ? 'board' : 'table');

/** Two buttons, "Table" and "Board"; the view shown is pressed. */
export function ViewSwitch({ view, onChange }: { view: ProjectsView; onChange: (view: ProjectsView) => void }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('projects.view.label')} className="projects-view">
      {PROJECTS_VIEWS.map((v) => (
        <button key={v} type="button" className="button button--small" aria-pressed={view === v} onClick={() => onChange(v)}>
          {t(`projects.view.${v}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * The projects as a board: a column per stage of the pipeline (only the chosen one when a stage is chosen), each a
 * section with a heading giving the stage and how many projects are at it, and the projects' cards (the title linking
 * to the project, the leader, the total cost). Stages are changed on the project's page, which asks for the day and,
 * for an approval, the resolution: the board only shows where each project is.
 */
export function ProjectsBoard({ projects, stage, workspaceId }: { projects: ProjectSummary[]; stage: ProjectStage | null; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const stages = stage ? [stage] : PROJECT_STAGES;
  const shown = stage ? projects.filter((p) => p.stage === stage) : projects;
  return (
    <>
      {/* Said when the filter changes what is shown. */}
      <p role="status" className="muted">
        {projects.length > 0 && t('projects.list.shown', { shown: shown.length, total: projects.length })}
      </p>
      {projects.length === 0 ? (
        <p>{t('projects.list.none')}</p>
      ) : (
        <div className="projects-board">
          {stages.map((s) => {
            const cards = projects.filter((p) => p.stage === s);
            const headingId = `projects-board-${s}`;
            return (
              <section key={s} className="projects-board__column" aria-labelledby={headingId}>
                <h2 id={headingId}>{t('projects.board.column', { stage: t(`projects.stages.${s}`), number: cards.length })}</h2>
                {cards.length === 0 ? (
                  <p className="muted">{t('projects.board.empty')}</p>
                ) : (
                  <ul className="projects-board__cards">
                    {cards.map((project) => (
                      <li key={project.id} className="project-card">
                        <h3>
                          <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link>
                        </h3>
                        <dl>
                          <dt>{t('projects.list.leader')}</dt>
                          <dd>{project.leader?.name ?? t('projects.association')}</dd>
                          <dt>{t('projects.list.total')}</dt>
                          <dd>{formatMoney(project.totals.total, i18n.language)}</dd>
                        </dl>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
