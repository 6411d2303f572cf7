import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { LiveEventsProvider, useSession, useStreamState } from './session';
import { LoginPage } from './pages/LoginPage';
import { TenantsPage } from './pages/TenantsPage';
import { CreateTenantPage } from './pages/CreateTenantPage';
import { TenantDetailPage } from './pages/TenantDetailPage';
import { PoolsPage } from './pages/PoolsPage';
import { PlansPage } from './pages/PlansPage';
import { MigrationsPage } from './pages/MigrationsPage';
import { SignupsPage } from './pages/SignupsPage';
import { UsagePage } from './pages/UsagePage';
import { SignupCountsProvider, useSignupCounts } from './signups/signupCounts';

function SignupsLink() {
  const { summary } = useSignupCounts();
  const pending = summary?.pending ?? 0;
  return (
    <NavLink to="/signups" aria-label={pending > 0 ? `Signups ${pending} pending` : undefined}>
      Signups
      {pending > 0 && <span className="nav-count">{pending}</span>}
    </NavLink>
  );
}

function Shell() {
  const { claims, signOut } = useSession();
  const stream = useStreamState();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Gateway admin</span>
        <nav aria-label="Main">
          <NavLink to="/tenants">Tenants</NavLink>
          <NavLink to="/usage">Usage</NavLink>
          <SignupsLink />
          <NavLink to="/pools">Pools</NavLink>
          <NavLink to="/plans">Plans</NavLink>
          <NavLink to="/migrations">Migrations</NavLink>
        </nav>
        <span className={`live-dot live-${stream}`} title={`live updates: ${stream}`} aria-hidden="true" />
        <span className="user">
          {claims?.sub ?? 'signed in'}
          {claims?.roles.length ? ` (${claims.roles.join(', ')})` : ''}
        </span>
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <Routes>
        <Route path="/" element={<Navigate to="/tenants" replace />} />
        <Route path="/login" element={<Navigate to="/tenants" replace />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="/tenants/new" element={<CreateTenantPage />} />
        <Route path="/tenants/:key" element={<TenantDetailPage />} />
        <Route path="/pools" element={<PoolsPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/migrations" element={<MigrationsPage />} />
        <Route path="/signups" element={<SignupsPage />} />
        <Route path="/usage" element={<UsagePage />} />
        <Route
          path="*"
          element={
            <main id="main">
              <h1>Page not found</h1>
              <p>
                <NavLink to="/tenants">Go to tenants</NavLink>
              </p>
            </main>
          }
        />
      </Routes>
    </>
  );
}

export function App() {
  const { token } = useSession();
  if (!token) return <LoginPage />;
  return (
    <LiveEventsProvider>
      <SignupCountsProvider>
        <Shell />
      </SignupCountsProvider>
    </LiveEventsProvider>
  );
}
