import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { ProjectForm } from './ProjectForm';
import './projects.css';
import { createProject, type NewProject, organisationsPath, projectPage, projectsPage } from './projects-api';

/** /w/:workspaceId/projects/new (coordinators): a new joint project at the idea stage; once created, its page opens. */
export function NewProjectPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const organisations = useApiData<Organisation[]>(organisationsPath(workspace.id));

  async function create(project: NewProject) {
    const created = await createProject(workspace.id, project);
    void navigate(projectPage(workspace.id, created.id));
  }

  return (
    <>
      <p className="back-link">
        <Link to={projectsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('projects.form.back')}
        </Link>
      </p>
      <PageHeading title={t('projects.form.documentTitle', { workspace: workspace.shortName })}>{t('projects.form.heading')}</PageHeading>
      <DataView source={organisations}>{(list) => <ProjectForm workspaceId={workspace.id} organisations={list} onSubmit={create} />}</DataView>
    </>
  );
}
