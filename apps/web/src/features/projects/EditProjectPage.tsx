import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiQueryKey } from '../../api/query-client';
import type { Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { ProjectForm } from './ProjectForm';
import './projects.css';
import { isClosed, type NewProject, organisationsPath, type Project, projectPage, projectPath, SAVED_STATE, updateProject } from './projects-api';

/**
 * /w/:workspaceId/projects/:projectId/edit (coordinators): the project's form filled with what it is now; saving
 * sends every field (PATCH /api/projects/:id) and opens the project's page, which says the change was saved. A
 * refused, withdrawn or settled project no longer changes: the page says so instead of showing the form.
 */
export function EditProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const project = useApiData<Project>(projectPath(projectId));
  const organisations = useApiData<Organisation[]>(organisationsPath(workspace.id));

  async function save(change: NewProject) {
    const saved = await updateProject(projectId, change);
    // The answer is the project as it is now: its page shows it at once.
    queryClient.setQueryData(apiQueryKey(projectPath(projectId)), saved);
    void navigate(projectPage(workspace.id, projectId), { state: SAVED_STATE });
  }

  const title = project.data?.title;
  return (
    <>
      <p className="back-link">
        <Link to={projectPage(workspace.id, projectId)}>
          <span aria-hidden="true">← </span>
          {t('projects.edit.back')}
        </Link>
      </p>
      <PageHeading title={title ? t('projects.edit.documentTitle', { title, workspace: workspace.shortName }) : t('projects.edit.heading')}>
        {title ? t('projects.edit.headingOf', { title }) : t('projects.edit.heading')}
      </PageHeading>
      <DataView source={project}>
        {(current) =>
          isClosed(current.stage) ? (
            <p className="notice">{t('projects.errors.closed')}</p>
          ) : (
            <DataView source={organisations}>{(list) => <ProjectForm key={current.id} workspaceId={workspace.id} organisations={list} project={current} onSubmit={save} />}</DataView>
          )
        }
      </DataView>
    </>
  );
}
