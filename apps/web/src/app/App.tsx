import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { PasswordResetPage } from '../features/auth/PasswordResetPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { InvitationPage } from '../features/invitation/InvitationPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { SearchPage } from '../features/search/SearchPage';
import { RequireCapability, WorkspaceRoute } from '../features/workspace/WorkspaceRoute';
import { SessionProvider } from '../session/session';
import { NavigationFocusProvider } from '../ui/navigation-focus';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from './Layout';
import { lazyRoute, preloadRoute, RoutePreloader } from './lazy-routes';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';

// Pages loaded on first use (the document page brings Yjs and the editor), each with the routes it is shown on: their
// code is fetched ahead, when a link to them is hovered, touched or focused or is on the screen (lazy-routes.tsx).
const w = '/w/:workspaceId';
const DocumentPage = lazyRoute(() => import('../features/document/DocumentPage').then((m) => m.DocumentPage), `${w}/d/:documentId`);
const VersionPage = lazyRoute(() => import('../features/versions/VersionPage').then((m) => m.VersionPage), `${w}/d/:documentId/v/:versionId`);
const RoundPage = lazyRoute(() => import('../features/rounds/RoundPage').then((m) => m.RoundPage), `${w}/rounds/:roundId`);
const NewRoundPage = lazyRoute(() => import('../features/rounds/NewRoundPage').then((m) => m.NewRoundPage), `${w}/rounds/new`);
const TriagePage = lazyRoute(() => import('../features/triage/TriagePage').then((m) => m.TriagePage), `${w}/rounds/:roundId/comments`);
const OwnCommentPage = lazyRoute(() => import('../features/round-comments/OwnCommentPage').then((m) => m.OwnCommentPage), '/consultations/:roundId/comments/:commentId');
const ReportPage = lazyRoute(() => import('../features/report/ReportPage').then((m) => m.ReportPage), `${w}/rounds/:roundId/report`);
// With the editor's code for its passage picker, which would otherwise be asked for only once the round has arrived.
const PublicRoundPage = lazyRoute(
  () =>
    Promise.all([
      import('../features/rounds/PublicRoundPage'),
      import('../features/round-comments/PassagePicker').then((m) => m.loadPassageText().catch(() => undefined)),
    ]).then(([m]) => m.PublicRoundPage),
  '/consultations/:roundId',
);
const ComparePage = lazyRoute(() => import('../features/versions/ComparePage').then((m) => m.ComparePage), `${w}/d/:documentId/compare`);
const DecisionsPage = lazyRoute(() => import('../features/decisions/DecisionsPage').then((m) => m.DecisionsPage), `${w}/decisions`);
const MeetingPage = lazyRoute(() => import('../features/decisions/MeetingPage').then((m) => m.MeetingPage), `${w}/meetings/:meetingId`);
const ProjectorPage = lazyRoute(() => import('../features/decisions/ProjectorPage').then((m) => m.ProjectorPage), `${w}/meetings/:meetingId/projector`);
const ResolutionPage = lazyRoute(() => import('../features/decisions/ResolutionPage').then((m) => m.ResolutionPage), `${w}/resolutions/:resolutionId`);
const RegisterPage = lazyRoute(() => import('../features/decisions/RegisterPage').then((m) => m.RegisterPage), `${w}/register`);
const PublicRegisterPage = lazyRoute(() => import('../features/decisions/PublicRegisterPage').then((m) => m.PublicRegisterPage), '/registers/:slug');
const PublicRegisterEntryPage = lazyRoute(
  () => import('../features/decisions/PublicRegisterEntryPage').then((m) => m.PublicRegisterEntryPage),
  '/registers/:slug/:position',
);
const PublicSitePage = lazyRoute(() => import('../features/publication/PublicSitePage').then((m) => m.PublicSitePage), '/p/:slug');
const PublicRecordPage = lazyRoute(() => import('../features/publication/PublicRecordPage').then((m) => m.PublicRecordPage), '/p/:slug/records/:kind/:key');
const AccessibilityStatementPage = lazyRoute(
  () => import('../features/publication/AccessibilityStatementPage').then((m) => m.AccessibilityStatementPage),
  '/p/:slug/accessibility',
);
const PublicationSettingsPage = lazyRoute(() => import('../features/publication/PublicationSettingsPage').then((m) => m.PublicationSettingsPage), `${w}/publication`);

const ProjectsPage = lazyRoute(() => import('../features/projects/ProjectsPage').then((m) => m.ProjectsPage), `${w}/projects`);
const NewProjectPage = lazyRoute(() => import('../features/projects/NewProjectPage').then((m) => m.NewProjectPage), `${w}/projects/new`);
const FundingCallsPage = lazyRoute(() => import('../features/projects/FundingCallsPage').then((m) => m.FundingCallsPage), `${w}/projects/calls`);
const IndicatorsPage = lazyRoute(() => import('../features/projects/IndicatorsPage').then((m) => m.IndicatorsPage), `${w}/projects/indicators`);
const MemberPage = lazyRoute(() => import('../features/projects/MemberPage').then((m) => m.MemberPage), `${w}/projects/members/:organisationId?`);
const FeesPage = lazyRoute(() => import('../features/projects/FeesPage').then((m) => m.FeesPage), `${w}/projects/fees`);
const MonitoringPage = lazyRoute(() => import('../features/projects/MonitoringPage').then((m) => m.MonitoringPage), `${w}/projects/monitoring`);
const EditProjectPage = lazyRoute(() => import('../features/projects/EditProjectPage').then((m) => m.EditProjectPage), `${w}/projects/:projectId/edit`);
const ProjectPage = lazyRoute(() => import('../features/projects/ProjectPage').then((m) => m.ProjectPage), `${w}/projects/:projectId`);

const UnsubscribePage = lazyRoute(() => import('../features/notifications/UnsubscribePage').then((m) => m.UnsubscribePage), '/unsubscribe');
const MailDeliveriesPage = lazyRoute(() => import('../features/mail/MailDeliveriesPage').then((m) => m.MailDeliveriesPage), `${w}/mail`);

// The page being opened: its code loads while the app asks who is signed in.
if (typeof window !== 'undefined') preloadRoute(window.location.pathname);

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <NavigationFocusProvider>
          <RoutePreloader />
          <SessionProvider>
            <Routes>
              {/* A meeting's projector view takes the whole screen: it is outside the layout (no header, no footer). */}
              <Route element={<RequireSession />}>
                <Route path="w/:workspaceId" element={<WorkspaceRoute />}>
                  <Route path="meetings/:meetingId/projector" element={<ProjectorPage />} />
                </Route>
              </Route>
              <Route element={<Layout />}>
                <Route path="login" element={<LoginPage />} />
                <Route path="reset-password" element={<PasswordResetPage />} />
                <Route path="invitation" element={<InvitationPage />} />
                <Route path="unsubscribe" element={<UnsubscribePage />} />
                <Route path="consultations/:roundId" element={<PublicRoundPage />} />
                <Route path="consultations/:roundId/comments/:commentId" element={<OwnCommentPage />} />
                <Route path="registers/:slug" element={<PublicRegisterPage />} />
                <Route path="registers/:slug/:position" element={<PublicRegisterEntryPage />} />
                <Route path="p/:slug" element={<PublicSitePage />} />
                <Route path="p/:slug/accessibility" element={<AccessibilityStatementPage />} />
                <Route path="p/:slug/records/:kind/:key" element={<PublicRecordPage />} />
                <Route element={<RequireSession />}>
                  <Route index element={<HomeRedirect />} />
                  <Route path="account" element={<AccountPage />} />
                  <Route path="w/:workspaceId" element={<WorkspaceRoute />}>
                    <Route index element={<DashboardPage />} />
                    <Route path="d/:documentId" element={<DocumentPage />} />
                    <Route path="d/:documentId/v/:versionId" element={<VersionPage />} />
                    <Route path="d/:documentId/compare" element={<ComparePage />} />
                    <Route path="notifications" element={<NotificationsPage />} />
                    <Route path="search" element={<SearchPage />} />
                    <Route path="rounds/:roundId" element={<RoundPage />} />
                    <Route
                      path="rounds/new"
                      element={
                        <RequireCapability capability="consultations.manage">
                          <NewRoundPage />
                        </RequireCapability>
                      }
                    />
                    <Route path="rounds/:roundId/comments" element={<TriagePage />} />
                    <Route path="rounds/:roundId/report" element={<ReportPage />} />
                    <Route path="decisions" element={<DecisionsPage />} />
                    <Route path="meetings/:meetingId" element={<MeetingPage />} />
                    <Route path="resolutions/:resolutionId" element={<ResolutionPage />} />
                    <Route path="register" element={<RegisterPage />} />
                    <Route path="projects" element={<ProjectsPage />} />
                    <Route
                      path="projects/new"
                      element={
                        <RequireCapability capability="projects.manage">
                          <NewProjectPage />
                        </RequireCapability>
                      }
                    />
                    <Route path="projects/calls" element={<FundingCallsPage />} />
                    <Route path="projects/indicators" element={<IndicatorsPage />} />
                    <Route path="projects/members/:organisationId?" element={<MemberPage />} />
                    <Route path="projects/monitoring" element={<MonitoringPage />} />
                    <Route
                      path="projects/fees"
                      element={
                        <RequireCapability capability="projects.manage">
                          <FeesPage />
                        </RequireCapability>
                      }
                    />
                    <Route
                      path="projects/:projectId/edit"
                      element={
                        <RequireCapability capability="projects.manage">
                          <EditProjectPage />
                        </RequireCapability>
                      }
                    />
                    <Route path="projects/:projectId" element={<ProjectPage />} />
                    <Route
                      path="people"
                      element={
                        <RequireCapability capability="people.manage">
                          <PeoplePage />
                        </RequireCapability>
                      }
                    />
                    <Route
                      path="mail"
                      element={
                        <RequireCapability capability="people.manage">
                          <MailDeliveriesPage />
                        </RequireCapability>
                      }
                    />
                    <Route
                      path="publication"
                      element={
                        <RequireCapability capability="publication.manage">
                          <PublicationSettingsPage />
                        </RequireCapability>
                      }
                    />
                    <Route
                      path="audit"
                      element={
                        <RequireCapability capability="audit.read">
                          <AuditPage />
                        </RequireCapability>
                      }
                    />
                  </Route>
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionProvider>
        </NavigationFocusProvider>
      </BrowserRouter>
    </I18nextProvider>
  );
}
