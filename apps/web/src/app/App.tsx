import type { i18n as I18n } from 'i18next';
import { lazy, type ReactNode, Suspense } from 'react';
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
import { RequireCapability, WorkspaceRoute } from '../features/workspace/WorkspaceRoute';
import { SessionProvider } from '../session/session';
import { Loading } from '../ui/Loading';
import { NavigationFocusProvider } from '../ui/navigation-focus';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';

// The document page brings Yjs and the co-drafting client: loaded when a document is first opened.
const DocumentPage = lazy(() => import('../features/document/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const VersionPage = lazy(() => import('../features/versions/VersionPage').then((m) => ({ default: m.VersionPage })));
const RoundPage = lazy(() => import('../features/rounds/RoundPage').then((m) => ({ default: m.RoundPage })));
const NewRoundPage = lazy(() => import('../features/rounds/NewRoundPage').then((m) => ({ default: m.NewRoundPage })));
const TriagePage = lazy(() => import('../features/triage/TriagePage').then((m) => ({ default: m.TriagePage })));
const OwnCommentPage = lazy(() => import('../features/round-comments/OwnCommentPage').then((m) => ({ default: m.OwnCommentPage })));
const ReportPage = lazy(() => import('../features/report/ReportPage').then((m) => ({ default: m.ReportPage })));
const PublicRoundPage = lazy(() => import('../features/rounds/PublicRoundPage').then((m) => ({ default: m.PublicRoundPage })));
const ComparePage = lazy(() => import('../features/versions/ComparePage').then((m) => ({ default: m.ComparePage })));
const DecisionsPage = lazy(() => import('../features/decisions/DecisionsPage').then((m) => ({ default: m.DecisionsPage })));
const MeetingPage = lazy(() => import('../features/decisions/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const ResolutionPage = lazy(() => import('../features/decisions/ResolutionPage').then((m) => ({ default: m.ResolutionPage })));
const RegisterPage = lazy(() => import('../features/decisions/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const PublicRegisterPage = lazy(() => import('../features/decisions/PublicRegisterPage').then((m) => ({ default: m.PublicRegisterPage })));
const PublicRegisterEntryPage = lazy(() => import('../features/decisions/PublicRegisterEntryPage').then((m) => ({ default: m.PublicRegisterEntryPage })));

/** A page whose code is loaded on first use. */
const lazyPage = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <NavigationFocusProvider>
          <SessionProvider>
            <Routes>
              <Route element={<Layout />}>
                <Route path="login" element={<LoginPage />} />
                <Route path="reset-password" element={<PasswordResetPage />} />
                <Route path="invitation" element={<InvitationPage />} />
                <Route path="consultations/:roundId" element={lazyPage(<PublicRoundPage />)} />
                <Route path="consultations/:roundId/comments/:commentId" element={lazyPage(<OwnCommentPage />)} />
                <Route path="registers/:slug" element={lazyPage(<PublicRegisterPage />)} />
                <Route path="registers/:slug/:position" element={lazyPage(<PublicRegisterEntryPage />)} />
                <Route element={<RequireSession />}>
                  <Route index element={<HomeRedirect />} />
                  <Route path="account" element={<AccountPage />} />
                  <Route path="w/:workspaceId" element={<WorkspaceRoute />}>
                    <Route index element={<DashboardPage />} />
                    <Route
                      path="d/:documentId"
                      element={lazyPage(<DocumentPage />)}
                    />
                    <Route
                      path="d/:documentId/v/:versionId"
                      element={lazyPage(<VersionPage />)}
                    />
                    <Route
                      path="d/:documentId/compare"
                      element={lazyPage(<ComparePage />)}
                    />
                    <Route path="notifications" element={<NotificationsPage />} />
                    <Route path="rounds/:roundId" element={lazyPage(<RoundPage />)} />
                    <Route
                      path="rounds/new"
                      element={<RequireCapability capability="consultations.manage">{lazyPage(<NewRoundPage />)}</RequireCapability>}
                    />
                    <Route path="rounds/:roundId/comments" element={lazyPage(<TriagePage />)} />
                    <Route path="rounds/:roundId/report" element={lazyPage(<ReportPage />)} />
                    <Route path="decisions" element={lazyPage(<DecisionsPage />)} />
                    <Route path="meetings/:meetingId" element={lazyPage(<MeetingPage />)} />
                    <Route path="resolutions/:resolutionId" element={lazyPage(<ResolutionPage />)} />
                    <Route path="register" element={lazyPage(<RegisterPage />)} />
                    <Route
                      path="people"
                      element={
                        <RequireCapability capability="people.manage">
                          <PeoplePage />
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
