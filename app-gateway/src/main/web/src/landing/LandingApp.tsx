import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { CompanySignupPage } from './CompanySignupPage';
import { FindWorkspacePage } from './FindWorkspacePage';
import { HomePage } from './HomePage';
import { JoinWorkspacePage } from './JoinWorkspacePage';

export function LandingApp() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Gateway
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Plans
          </NavLink>
          <NavLink to="/signup" end>
            Sign up
          </NavLink>
          <NavLink to="/login">Sign in</NavLink>
        </nav>
      </header>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/signup" element={<CompanySignupPage />} />
        <Route path="/signup/:key" element={<JoinWorkspacePage />} />
        <Route path="/login" element={<FindWorkspacePage />} />
        <Route
          path="*"
          element={
            <main id="main">
              <h1>Page not found</h1>
              <p>
                <Link to="/">Go to the home page</Link>
              </p>
            </main>
          }
        />
      </Routes>
    </>
  );
}
