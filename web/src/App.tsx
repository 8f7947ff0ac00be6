// The app's routes and the frame around every page.
import { Navigate, NavLink, Route, Routes, useLocation } from "react-router-dom";

import { GRAPHQL_ENDPOINT } from "./api/client";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { CatalogGallery } from "./pages/catalog/CatalogGallery";
import { CatalogModelPage } from "./pages/catalog/CatalogModelPage";
import { Deployments } from "./pages/deployments/Deployments";
import { ModelList } from "./pages/registry/ModelList";
import { ModelPage } from "./pages/registry/ModelPage";
import { RegisterForm } from "./pages/registry/RegisterForm";
import { VersionPage } from "./pages/registry/VersionPage";
import { Settings } from "./pages/settings/Settings";

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p role="alert">There is no page at this address.</p>
    </>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/registry" replace />} />
      <Route path="/registry" element={<ModelList />} />
      <Route path="/registry/new" element={<RegisterForm />} />
      <Route path="/registry/models/:id" element={<ModelPage />} />
      <Route path="/registry/models/:id/versions/new" element={<RegisterForm />} />
      <Route path="/registry/versions/:id" element={<VersionPage />} />
      <Route path="/catalog" element={<CatalogGallery />} />
      <Route path="/catalog/models/:sourceId/*" element={<CatalogModelPage />} />
      <Route path="/deployments" element={<Deployments />} />
      <Route path="/settings" element={<Settings />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function App() {
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Modelplane</span>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/registry">Registry</NavLink>
            </li>
            <li>
              <NavLink to="/catalog">Catalog</NavLink>
            </li>
            <li>
              <NavLink to="/deployments">Deployments</NavLink>
            </li>
            <li>
              <NavLink to="/settings">Settings</NavLink>
            </li>
            <li>
              <a href={GRAPHQL_ENDPOINT}>GraphiQL</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main">
        <ErrorBoundary resetKey={location.pathname}>
          <AppRoutes />
        </ErrorBoundary>
      </main>
    </>
  );
}
