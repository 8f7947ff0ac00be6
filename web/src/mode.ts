// The app's deployment mode, fixed when it is built (MODELPLANE_WEB_MODE, default standalone).
// Kubeflow mode lives inside the Kubeflow Central Dashboard, which already has its own login,
// namespace picker and KServe endpoints page: see `pagesFor`.

export type WebMode = "standalone" | "federated" | "kubeflow";

declare const __MODELPLANE_WEB_MODE__: string | undefined;

export function readMode(value: string | undefined): WebMode {
  return value === "kubeflow" || value === "federated" ? value : "standalone";
}

export const WEB_MODE: WebMode = readMode(
  typeof __MODELPLANE_WEB_MODE__ === "string" ? __MODELPLANE_WEB_MODE__ : undefined,
);

export type PageKey = "registry" | "catalog" | "deployments" | "approvals" | "audit" | "settings";

export interface PageEntry {
  key: PageKey;
  path: string;
  label: string;
}

export const PAGES: PageEntry[] = [
  { key: "registry", path: "/registry", label: "Registry" },
  { key: "catalog", path: "/catalog", label: "Catalog" },
  { key: "deployments", path: "/deployments", label: "Deployments" },
  { key: "approvals", path: "/governance/approvals", label: "Approvals" },
  { key: "audit", path: "/governance/audit", label: "Audit trail" },
  { key: "settings", path: "/settings", label: "Settings" },
];

/** Pages kubeflow mode hides: the dashboard's KServe endpoints page manages inference services. */
export const KUBEFLOW_HIDDEN: PageKey[] = ["deployments"];

export function pagesFor(mode: WebMode): PageEntry[] {
  return PAGES.filter((page) => mode !== "kubeflow" || !KUBEFLOW_HIDDEN.includes(page.key));
}

export function isHidden(mode: WebMode, key: PageKey): boolean {
  return !pagesFor(mode).some((page) => page.key === key);
}

/** API tokens are how standalone and federated callers identify; in Kubeflow the mesh does it. */
export function usesApiToken(mode: WebMode): boolean {
  return mode !== "kubeflow";
}
