import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { DataView } from '../../ui/DataView';
import { ErrorMessage } from '../../ui/Messages';
import { KEEP_FOCUS } from '../../ui/navigation-focus';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { useWorkspace } from '../workspace/workspace-context';
import { StageBadge } from './ProjectsPage';
import './projects.css';
import { formatDecimal, formatMoney, organisationsPath, type ProjectSummary, projectPage, projectsPage, projectsPath } from './projects-api';
import { type MemberStatement, memberPage, readsAllStatements, STATEMENT_FORMATS, type StatementYear, statementFileUrl, statementPath } from './statements-api';
import { TableRegion } from '../../ui/TableRegion';

/**
 * /w/:workspaceId/projects/members/:organisationId ("Moja gmina" for a representative of that member): a member's
 * statement year by year (its membership fee, its own contribution to each joint project, the external funds obtained
 * for its territory, its own spending in total and the leverage), the joint projects it takes part in, and the
 * statement to download as PDF or XLSX in the reader's language. Coordinators, experts and observers choose the member
 * on the page (also at /w/:workspaceId/projects/members, with none chosen yet); partners read no statement (the API
 * refuses, and the page says so).
 */
export function MemberPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const representing = workspace.role === 'representative' ? workspace.organisationId : null;
  const own = representing !== null && representing === organisationId;
  const all = readsAllStatements(workspace.role);
  const statement = useApiData<MemberStatement>(organisationId ? statementPath(workspace.id, organisationId) : null);
  const organisations = useApiData<Organisation[]>(all ? organisationsPath(workspace.id) : null);

  // A representative opening the page with no member chosen reads their own.
  if (!organisationId && representing) return <Navigate to={memberPage(workspace.id, representing)} replace />;

  const heading = own ? t('projects.member.heading') : t('projects.member.headingOther');
  const name = statement.data?.member.name;
  const title = name && !own ? t('projects.member.documentTitleOf', { heading, name, workspace: workspace.shortName }) : t('projects.member.documentTitle', { heading, workspace: workspace.shortName });

  return (
    <>
      <p className="back-link">
        <Link to={projectsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('projects.page.back')}
        </Link>
      </p>
      <PageHeading title={title}>{heading}</PageHeading>
      <p className="lead">{t('projects.member.lead')}</p>
      {all && (
        <DataView source={organisations}>
          {(list) => {
            const members = list.filter((o) => o.kind === 'member');
            if (members.length === 0) return <p>{t('projects.member.noMembers')}</p>;
            return (
              <div className="projects-filter">
                <SelectField
                  id="statement-member"
                  label={t('projects.member.choose')}
                  value={organisationId}
                  placeholder={t('projects.member.choosePlaceholder')}
                  options={members.map((m) => ({ value: m.id, label: m.name }))}
                  onChange={(id) => void navigate(memberPage(workspace.id, id), { state: KEEP_FOCUS })}
                />
              </div>
            );
          }}
        </DataView>
      )}
      {organisationId ? (
        <DataView source={statement}>{(content) => <Statement statement={content} workspaceId={workspace.id} organisationId={organisationId} />}</DataView>
      ) : all ? (
        <p>{t('projects.member.choosePrompt')}</p>
      ) : (
        <ErrorMessage message={t('errors.forbidden')} />
      )}
    </>
  );
}

function Statement({ statement, workspaceId, organisationId }: { statement: MemberStatement; workspaceId: string; organisationId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <dl className="facts">
        <dt>{t('projects.member.member')}</dt>
        <dd>{statement.member.name}</dd>
        <dt>{t('projects.member.association')}</dt>
        <dd>{statement.workspaceName}</dd>
        <dt>{t('projects.member.generated')}</dt>
        <dd>{formatDateTime(statement.generatedAt, language)}</dd>
      </dl>

      <section aria-labelledby="statement-downloads-heading">
        <h2 id="statement-downloads-heading">{t('projects.member.downloads')}</h2>
        <ul className="export-links">
          {STATEMENT_FORMATS.map((format) => (
            <li key={format}>
              <a href={statementFileUrl(workspaceId, organisationId, format, language)} download>
                {t(`projects.member.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="statement-years-heading">
        <h2 id="statement-years-heading">{t('projects.member.years')}</h2>
        <p>{t('projects.member.yearsIntro')}</p>
        {statement.years.length === 0 ? (
          <p>{t('projects.member.noYears')}</p>
        ) : (
          statement.years.map((year) => <YearTable key={year.year} year={year} workspaceId={workspaceId} />)
        )}
      </section>

      {statement.savings.length > 0 && <Savings statement={statement} workspaceId={workspaceId} />}

      <MemberProjects workspaceId={workspaceId} organisationId={organisationId} />
    </>
  );
}

/** What joint purchases saved the member: its cost alone, its share of the joint price, and the difference. */
function Savings({ statement, workspaceId }: { statement: MemberStatement; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const money = (text: string) => formatMoney(text, i18n.language);
  return (
    <section aria-labelledby="statement-savings-heading">
      <h2 id="statement-savings-heading">{t('projects.member.savings')}</h2>
      <TableRegion caption={t('projects.member.savingsCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('projects.member.project')}</th>
            <th scope="col" className="numeric">
              {t('projects.procurement.alone')}
            </th>
            <th scope="col" className="numeric">
              {t('projects.procurement.joint')}
            </th>
            <th scope="col" className="numeric">
              {t('projects.procurement.saving')}
            </th>
          </tr>
        </thead>
        <tbody>
          {statement.savings.map((line) => (
            <tr key={line.projectId}>
              <th scope="row">
                <Link to={projectPage(workspaceId, line.projectId)}>{line.title}</Link>
              </th>
              <td className="numeric">{money(line.alone)}</td>
              <td className="numeric">{money(line.joint)}</td>
              <td className="numeric">{money(line.saving)}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </section>
  );
}

/** A year of the statement: the fee, each own contribution, the own spending, each external fund, and the leverage. */
function YearTable({ year, workspaceId }: { year: StatementYear; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const money = (text: string) => formatMoney(text, i18n.language);
  return (
    <TableRegion caption={t('projects.member.yearCaption', { year: year.year })} wrapClassName="project-year">
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
          <th scope="row">{t('projects.member.fee')}</th>
          <td className="numeric">{money(year.fee)}</td>
        </tr>
        {year.contributions.map((line) => (
          <tr key={`own-${line.projectId}`}>
            <th scope="row">
              {t('projects.member.contribution')} <Link to={projectPage(workspaceId, line.projectId)}>{line.title}</Link>
            </th>
            <td className="numeric">{money(line.amount)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('projects.member.ownTotal')}</th>
          <td className="numeric">{money(year.ownTotal)}</td>
        </tr>
        {year.external.map((line) => (
          <tr key={`external-${line.projectId}`}>
            <th scope="row">
              {t('projects.member.external')} <Link to={projectPage(workspaceId, line.projectId)}>{line.title}</Link>
            </th>
            <td className="numeric">{money(line.amount)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('projects.member.externalTotal')}</th>
          <td className="numeric">{money(year.externalTotal)}</td>
        </tr>
        <tr>
          <th scope="row">{t('projects.member.leverage')}</th>
          <td className="numeric">{year.leverage === null ? t('projects.member.noLeverage') : t('projects.member.leverageValue', { value: formatDecimal(year.leverage, i18n.language) })}</td>
        </tr>
      </tbody>
    </TableRegion>
  );
}

/** The joint projects the member takes part in, whatever their stage, each linking to its page. */
function MemberProjects({ workspaceId, organisationId }: { workspaceId: string; organisationId: string }) {
  const { t } = useTranslation();
  const projects = useApiData<ProjectSummary[]>(projectsPath(workspaceId));
  return (
    <section aria-labelledby="statement-projects-heading">
      <h2 id="statement-projects-heading">{t('projects.member.projects')}</h2>
      <DataView source={projects}>
        {(list) => {
          const mine = list.filter((p) => p.participants.some((o) => o.id === organisationId));
          if (mine.length === 0) return <p>{t('projects.member.noProjects')}</p>;
          return (
            <TableRegion caption={t('projects.member.projectsCaption')} className="projects-table">
              <thead>
                <tr>
                  <th scope="col">{t('projects.list.title')}</th>
                  <th scope="col">{t('projects.list.stage')}</th>
                  <th scope="col">{t('projects.list.leader')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((project) => (
                  <tr key={project.id}>
                    <th scope="row">
                      <Link to={projectPage(workspaceId, project.id)}>{project.title}</Link>
                    </th>
                    <td>
                      <StageBadge stage={project.stage} />
                    </td>
                    <td>{project.leader?.name ?? t('projects.association')}</td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          );
        }}
      </DataView>
    </section>
  );
}
