import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData';
import type { components } from '../../api/schema';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import './projects.css';
import { formatDay, formatDecimal, formatMoney, fundingCallsPath, projectPage, projectsPage } from './projects-api';
import { TableRegion } from '../../ui/TableRegion';

export type FundingCall = components['schemas']['FundingCallDto'];

/**
 * /w/:workspaceId/projects/calls: the funding calls (nabory) the association follows, by closing day, with their rules
 * and the projects matched to each; the calendar feed's events of a call's last day link here.
 */
export function FundingCallsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const calls = useApiData<FundingCall[]>(fundingCallsPath(workspace.id));
  return (
    <>
      <PageHeading title={t('projects.calls.documentTitle', { workspace: workspace.shortName })}>{t('projects.calls.heading')}</PageHeading>
      <p className="lead">{t('projects.calls.lead')}</p>
      <p>
        <Link to={projectsPage(workspace.id)}>{t('projects.calls.back')}</Link>
      </p>
      <DataView source={calls}>{(list) => (list.length === 0 ? <p>{t('projects.calls.none')}</p> : <CallsTable calls={list} workspaceId={workspace.id} />)}</DataView>
    </>
  );
}

function CallsTable({ calls, workspaceId }: { calls: FundingCall[]; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TableRegion caption={t('projects.calls.caption')} className="projects-table">
      <thead>
        <tr>
          <th scope="col">{t('projects.calls.programme')}</th>
          <th scope="col">{t('projects.calls.source')}</th>
          <th scope="col">{t('projects.calls.period')}</th>
          <th scope="col">{t('projects.calls.status')}</th>
          <th scope="col">{t('projects.calls.rules')}</th>
          <th scope="col">{t('projects.calls.projects')}</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id}>
            <th scope="row">
              {call.url ? (
                <a href={call.url} rel="noreferrer noopener" target="_blank">
                  {call.programme}
                </a>
              ) : (
                call.programme
              )}
              {call.measure && <div className="muted">{call.measure}</div>}
            </th>
            <td>{t(`projects.calls.sources.${call.source}`)}</td>
            <td>
              {formatDay(call.opensOn, language)} – {formatDay(call.closesOn, language)}
            </td>
            <td>{t(`projects.calls.statuses.${call.status}`)}</td>
            <td>
              <ul className="plain-list">
                {call.coFinancingRate && <li>{t('projects.calls.rate', { rate: formatDecimal(call.coFinancingRate, language) })}</li>}
                {call.minOwnContribution && <li>{t('projects.calls.minOwn', { rate: formatDecimal(call.minOwnContribution, language) })}</li>}
                {call.allocation && <li>{t('projects.calls.allocation', { amount: formatMoney(call.allocation, language) })}</li>}
                {call.eligible && <li>{t('projects.calls.eligible', { who: call.eligible })}</li>}
              </ul>
            </td>
            <td>
              {call.projects.length === 0 ? (
                t('projects.calls.noProjects')
              ) : (
                <ul className="plain-list">
                  {call.projects.map((project) => (
                    <li key={project.id}>
                      <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link> ({t(`projects.stages.${project.stage}`)})
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
