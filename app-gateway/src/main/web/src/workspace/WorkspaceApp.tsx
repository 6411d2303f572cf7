import { Link, NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { ErrorMessage, Loading } from '../common/forms';
import { useMe, useSession } from './session';
import { ActivatePage } from './ActivatePage';
import { BoardPage } from './BoardPage';
import { JoinPage } from './JoinPage';
import { PlanPage } from './PlanPage';
import { ProjectsPage } from './ProjectsPage';
import { SettingsPage } from './SettingsPage';
import { SignInPage } from './SignInPage';
import { UsersPage } from './UsersPage';

function Shell() {
  const me = useMe();
  const { signOut } = useSession();
  return (
    <>
      <header className="topbar">
        <Link to="/projects" className="brand">
          {me.company_name}
        </Link>
        <nav aria-label="Main">
          <NavLink to="/projects">Projects</NavLink>
          <NavLink to="/users">People</NavLink>
          <NavLink to="/settings">Settings</NavLink>
          <NavLink to="/plan">Plan</NavLink>
        </nav>
        <span className="user">
          {me.user.name || me.user.email} ({me.user.role})
        </span>
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <Routes>
        <Route path="/" element={<Navigate to="/projects" replace />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/projects/:id" element={<BoardPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/plan" element={<PlanPage />} />
        <Route
          path="*"
          element={
            <main id="main">
              <h1>Page not found</h1>
              <p>
                <Link to="/projects">Go to the projects</Link>
              </p>
            </main>
          }
        />
      </Routes>
    </>
  );
}

function SignedIn() {
  const { token, me, signOut } = useSession();
  if (!token) return <Navigate to="/login" replace />;
  if (me.state === 'ready') return <Shell />;
  if (me.state === 'failed') {
    return (
      <main id="main">
        <ErrorMessage error={me.error} />
        <button type="button" onClick={() => signOut()}>
          Sign in again
        </button>
      </main>
    );
  }
  return (
    <main id="main">
      <Loading what="your workspace" />
    </main>
  );
}

export function WorkspaceApp() {
  const { token } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Routes>
        <Route path="/login" element={token ? <Navigate to="/projects" replace /> : <SignInPage />} />
        <Route path="/activate" element={<ActivatePage />} />
        <Route path="/signup" element={<JoinPage />} />
        <Route path="/*" element={<SignedIn />} />
      </Routes>
    </>
  );
}
