import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { FullPageLoader } from './components/FullPageLoader';
import { setNavigator } from './lib/queryClient';
import { homePath, useMe, type AbilityFlag } from './lib/auth';
import { OfficeTexts } from './lib/office';
import { PrerenderGate } from './lib/prerender';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));
const CoopListPage = lazy(() => import('./pages/CoopListPage'));
const CoopDetailPage = lazy(() => import('./pages/CoopDetailPage'));
const CoopFormPage = lazy(() => import('./pages/CoopFormPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const VerificationQueuePage = lazy(() => import('./pages/VerificationQueuePage'));
const AboutPage = lazy(() => import('./pages/AboutPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const StatementPage = lazy(() => import('./pages/StatementPage'));
const AssessmentPage = lazy(() => import('./pages/AssessmentPage'));
const AssessmentListPage = lazy(() => import('./pages/AssessmentListPage'));
const RubricPage = lazy(() => import('./pages/RubricPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const PriorityPage = lazy(() => import('./pages/PriorityPage'));
// Visits (issue #4), spreadsheets (issue #5) and field mode (issue #6).
const VisitListPage = lazy(() => import('./pages/VisitListPage'));
const VisitPlanPage = lazy(() => import('./pages/VisitPlanPage'));
const VisitPage = lazy(() => import('./pages/VisitPage'));
const ProgramsPage = lazy(() => import('./pages/ProgramsPage'));
const ConcernsPage = lazy(() => import('./pages/ConcernsPage'));
const FollowUpsPage = lazy(() => import('./pages/FollowUpsPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const RecapPage = lazy(() => import('./pages/RecapPage'));
// Notifications (issue #14).
const InboxPage = lazy(() => import('./features/notifications/InboxPage'));
const NotificationSettingsPage = lazy(() => import('./features/notifications/SettingsPage'));
// Official documents (issue #12): the register, the office profile, and the public verification page.
const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
const OfficePage = lazy(() => import('./pages/OfficePage'));
const VerifyPage = lazy(() => import('./pages/VerifyPage'));

/** Field mode is its own bundle: arriving from the main app (e.g. after logging in) needs a full load. */
function FieldRedirect() {
  useEffect(() => {
    window.location.replace(window.location.pathname + window.location.search);
  }, []);
  return <FullPageLoader />;
}

function NavigatorBridge() {
  const navigate = useNavigate();
  useEffect(() => {
    setNavigator((to) => navigate(to));
  }, [navigate]);
  return null;
}

function RequireAuth({
  children,
  can,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  /** The app ability (GET /auth/me `abilities`, from src/app/policy/app.ts) the screen needs. */
  can?: AbilityFlag;
  allowPasswordChange?: boolean;
}) {
  const { data: me, isPending, isError } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (isError || !me) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/masuk?next=${encodeURIComponent(next)}` : '/masuk'} replace />;
  }
  if (me.mustChangePassword && !allowPasswordChange) return <Navigate to="/ganti-sandi" replace />;
  if (can && !me.abilities[can]) return <Navigate to={homePath(me)} replace />;
  return <>{children}</>;
}

function HomeRedirect() {
  const { data: me, isPending } = useMe();
  if (isPending) return <FullPageLoader />;
  if (!me) return <Navigate to="/masuk" replace />;
  return <Navigate to={homePath(me)} replace />;
}

export function App() {
  return (
    <>
      <NavigatorBridge />
      <PrerenderGate />
      <OfficeTexts />
      <Suspense fallback={<FullPageLoader />}>
        <Routes>
          <Route path="/masuk" element={<LoginPage />} />
          <Route path="/v/:code" element={<VerifyPage />} />
          <Route
            path="/ganti-sandi"
            element={
              <RequireAuth allowPasswordChange>
                <ChangePasswordPage />
              </RequireAuth>
            }
          />
          {/* Field mode: its own light shell that opens offline (issue #6). */}
          <Route path="/lapangan/*" element={<FieldRedirect />} />
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route path="/" element={<HomeRedirect />} />
            <Route
              path="/dasbor"
              element={
                <RequireAuth can="dashboard">
                  <DashboardPage />
                </RequireAuth>
              }
            />
            <Route
              path="/verifikasi"
              element={
                <RequireAuth can="office">
                  <VerificationQueuePage />
                </RequireAuth>
              }
            />
            <Route
              path="/prioritas"
              element={
                <RequireAuth can="priorities">
                  <PriorityPage />
                </RequireAuth>
              }
            />
            <Route
              path="/koperasi"
              element={
                <RequireAuth can="office">
                  <CoopListPage />
                </RequireAuth>
              }
            />
            <Route
              path="/koperasi/baru"
              element={
                <RequireAuth can="createCooperatives">
                  <CoopFormPage />
                </RequireAuth>
              }
            />
            <Route path="/koperasi/:id" element={<CoopDetailPage />} />
            <Route
              path="/koperasi/:id/ubah"
              element={
                <RequireAuth can="editCooperatives">
                  <CoopFormPage />
                </RequireAuth>
              }
            />
            <Route path="/koperasi/:id/laporan-keuangan" element={<StatementPage />} />
            <Route
              path="/penilaian"
              element={
                <RequireAuth can="office">
                  <AssessmentListPage />
                </RequireAuth>
              }
            />
            <Route path="/penilaian/:id" element={<AssessmentPage />} />
            <Route
              path="/rubrik"
              element={
                <RequireAuth can="office">
                  <RubricPage />
                </RequireAuth>
              }
            />
            <Route
              path="/rubrik/:rubric/:version"
              element={
                <RequireAuth can="office">
                  <RubricPage />
                </RequireAuth>
              }
            />
            <Route
              path="/kunjungan"
              element={
                <RequireAuth can="office">
                  <VisitListPage />
                </RequireAuth>
              }
            />
            <Route
              path="/kunjungan/baru"
              element={
                <RequireAuth can="office">
                  <VisitPlanPage />
                </RequireAuth>
              }
            />
            <Route
              path="/kunjungan/:id/ubah"
              element={
                <RequireAuth can="office">
                  <VisitPlanPage />
                </RequireAuth>
              }
            />
            <Route path="/kunjungan/:id" element={<VisitPage />} />
            <Route
              path="/program"
              element={
                <RequireAuth can="office">
                  <ProgramsPage />
                </RequireAuth>
              }
            />
            <Route path="/aspirasi" element={<ConcernsPage />} />
            <Route path="/tindak-lanjut" element={<FollowUpsPage />} />
            <Route
              path="/impor"
              element={
                <RequireAuth can="importData">
                  <ImportPage />
                </RequireAuth>
              }
            />
            <Route
              path="/rekap"
              element={
                <RequireAuth can="office">
                  <RecapPage />
                </RequireAuth>
              }
            />
            <Route
              path="/pengguna"
              element={
                <RequireAuth can="manageUsers">
                  <UsersPage />
                </RequireAuth>
              }
            />
            <Route
              path="/audit"
              element={
                <RequireAuth can="audit">
                  <AuditPage />
                </RequireAuth>
              }
            />
            <Route path="/notifikasi" element={<InboxPage />} />
            <Route path="/notifikasi/pengaturan" element={<NotificationSettingsPage />} />
            <Route
              path="/dokumen"
              element={
                <RequireAuth can="office">
                  <DocumentsPage />
                </RequireAuth>
              }
            />
            <Route
              path="/kantor"
              element={
                <RequireAuth can="manageOffice">
                  <OfficePage />
                </RequireAuth>
              }
            />
            <Route path="/tentang" element={<AboutPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </>
  );
}
