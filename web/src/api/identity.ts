// The credentials the app sends: an API token kept in this browser (standalone and federated
// modes), or in kubeflow mode the dashboard's namespace (`?ns=`) as the tenant.
import { usesApiToken, WEB_MODE, type WebMode } from "../mode";

const TOKEN_KEY = "modelplane.apiToken";
const NAMESPACE_KEY = "modelplane.namespace";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readToken(): string {
  return storage()?.getItem(TOKEN_KEY) ?? "";
}

export function saveToken(token: string): void {
  const trimmed = token.trim();
  if (trimmed) storage()?.setItem(TOKEN_KEY, trimmed);
  else storage()?.removeItem(TOKEN_KEY);
}

/** A token may not hold whitespace or control characters: an HTTP header could not carry it. */
export function tokenProblem(token: string): string | null {
  const trimmed = token.trim();
  if (!trimmed) return null;
  if (/[\s\u0000-\u001f\u007f]/.test(trimmed)) return "A token has no spaces or line breaks: paste it again.";
  if (/[^\u0020-\u007e]/.test(trimmed)) return "A token holds only ASCII characters: paste it again.";
  return null;
}

/** The Kubeflow dashboard passes the selected namespace as `?ns=`; remember it across pages. */
export function kubeflowNamespace(search: string = window.location.search): string {
  const fromUrl = new URLSearchParams(search).get("ns");
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(NAMESPACE_KEY, fromUrl);
    } catch {
      // private mode: use it for this request only
    }
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(NAMESPACE_KEY) ?? "";
  } catch {
    return "";
  }
}

export function identityHeaders(mode: WebMode = WEB_MODE): Record<string, string> {
  if (!usesApiToken(mode)) {
    const namespace = kubeflowNamespace();
    return namespace ? { "x-tenant-id": namespace } : {};
  }
  const token = readToken();
  return token && tokenProblem(token) === null ? { authorization: `Bearer ${token}` } : {};
}
