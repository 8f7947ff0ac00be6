// The app's routes and the frame around every page.
import { Navigate, NavLink, Route, Routes, useLocation } from "react-router-dom";

import { GRAPHQL_ENDPOINT } from "./api/client";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { CatalogGallery } from "./pages/catalog/CatalogGallery";
import { CatalogModelPage } from "./pages/catalog/CatalogModelPage";
import { Deployments } from "./pages/deployments/Deployments";
import { Approvals } from "./pages/governance/Approvals";
import { AuditTrail } from "./pages/governance/AuditTrail";
import { ModelList } from "./pages/registry/ModelList";
import { ModelPage } from "./pages/registry/ModelPage";
import { RegisterForm } from "./pages/registry/RegisterForm";
import { VersionPage } from "./pages/registry/VersionPage";
import { Settings } from "./pages/settings/Settings";
import { isHidden, pagesFor, WEB_MODE, type WebMode } from "./mode";

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p role="alert">There is no page at this address.</p>
    </>
  );
}

function HiddenInThisMode({ what }: { what: string }) {
  return (
    <>
      <h1>{what} is not part of this app here</h1>
      <p role="alert">
        In the Kubeflow dashboard, use its own {what} page (KServe endpoints); a version's page still shows its
        deployments.
      </p>
    </>
  );
}

export function AppRoutes({ mode = WEB_MODE }: { mode?: WebMode }) {
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
      <Route
        path="/deployments"
        element={isHidden(mode, "deployments") ? <HiddenInThisMode what="Deployments" /> : <Deployments />}
      />
      <Route path="/governance" element={<Navigate to="/governance/approvals" replace />} />
      <Route path="/governance/approvals" element={<Approvals />} />
      <Route path="/governance/audit" element={<AuditTrail />} />
      <Route path="/settings" element={<Settings mode={mode} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function MainNav({ mode = WEB_MODE }: { mode?: WebMode }) {
  return (
    <nav aria-label="Main">
      <ul>
        {pagesFor(mode).map((page) => (
          <li key={page.key}>
            <NavLink to={page.path}>{page.label}</NavLink>
          </li>
        ))}
        <li>
          <a href={GRAPHQL_ENDPOINT}>GraphiQL</a>
        </li>
      </ul>
    </nav>
  );
}

export function App({ mode = WEB_MODE }: { mode?: WebMode }) {
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Modelplane</span>
        <MainNav mode={mode} />
      </header>
      <main id="main">
        <ErrorBoundary resetKey={location.pathname}>
          <AppRoutes mode={mode} />
        </ErrorBoundary>
      </main>
    </>
  );
}
