import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { FullPageLoader } from './components/FullPageLoader';
import { setNavigator } from './lib/queryClient';
import { homePath, useMe } from './lib/auth';
import type { Role } from './lib/types';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));
const CoopListPage = lazy(() => import('./pages/CoopListPage'));
const CoopDetailPage = lazy(() => import('./pages/CoopDetailPage'));
const CoopFormPage = lazy(() => import('./pages/CoopFormPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const AboutPage = lazy(() => import('./pages/AboutPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const StatementPage = lazy(() => import('./pages/StatementPage'));
const AssessmentPage = lazy(() => import('./pages/AssessmentPage'));
const AssessmentListPage = lazy(() => import('./pages/AssessmentListPage'));
const RubricPage = lazy(() => import('./pages/RubricPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const PriorityPage = lazy(() => import('./pages/PriorityPage'));

function NavigatorBridge() {
  const navigate = useNavigate();
  useEffect(() => {
    setNavigator((to) => navigate(to));
  }, [navigate]);
  return null;
}

function RequireAuth({ children, roles, allowPasswordChange = false }: { children: ReactNode; roles?: Role[]; allowPasswordChange?: boolean }) {
  const { data: me, isPending, isError } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (isError || !me) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/masuk?next=${encodeURIComponent(next)}` : '/masuk'} replace />;
  }
  if (me.mustChangePassword && !allowPasswordChange) return <Navigate to="/ganti-sandi" replace />;
  if (roles && !roles.includes(me.role)) return <Navigate to={homePath(me)} replace />;
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
      <Suspense fallback={<FullPageLoader />}>
        <Routes>
          <Route path="/masuk" element={<LoginPage />} />
          <Route
            path="/ganti-sandi"
            element={
              <RequireAuth allowPasswordChange>
                <ChangePasswordPage />
              </RequireAuth>
            }
          />
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
                <RequireAuth roles={['admin', 'pimpinan']}>
                  <DashboardPage />
                </RequireAuth>
              }
            />
            <Route
              path="/prioritas"
              element={
                <RequireAuth roles={['admin', 'pimpinan', 'petugas']}>
                  <PriorityPage />
                </RequireAuth>
              }
            />
            <Route
              path="/koperasi"
              element={
                <RequireAuth roles={['admin', 'pimpinan', 'petugas']}>
                  <CoopListPage />
                </RequireAuth>
              }
            />
            <Route
              path="/koperasi/baru"
              element={
                <RequireAuth roles={['admin', 'petugas']}>
                  <CoopFormPage />
                </RequireAuth>
              }
            />
            <Route path="/koperasi/:id" element={<CoopDetailPage />} />
            <Route
              path="/koperasi/:id/ubah"
              element={
                <RequireAuth roles={['admin', 'petugas', 'koperasi']}>
                  <CoopFormPage />
                </RequireAuth>
              }
            />
            <Route path="/koperasi/:id/laporan-keuangan" element={<StatementPage />} />
            <Route
              path="/penilaian"
              element={
                <RequireAuth roles={['admin', 'pimpinan', 'petugas']}>
                  <AssessmentListPage />
                </RequireAuth>
              }
            />
            <Route path="/penilaian/:id" element={<AssessmentPage />} />
            <Route
              path="/rubrik"
              element={
                <RequireAuth roles={['admin', 'pimpinan', 'petugas']}>
                  <RubricPage />
                </RequireAuth>
              }
            />
            <Route
              path="/rubrik/:rubric/:version"
              element={
                <RequireAuth roles={['admin', 'pimpinan', 'petugas']}>
                  <RubricPage />
                </RequireAuth>
              }
            />
            <Route
              path="/pengguna"
              element={
                <RequireAuth roles={['admin']}>
                  <UsersPage />
                </RequireAuth>
              }
            />
            <Route
              path="/audit"
              element={
                <RequireAuth roles={['admin', 'pimpinan']}>
                  <AuditPage />
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
