// Catalog sources with status and errors, the deploy driver, who the API says I am, and (outside
// kubeflow mode) the API token this browser sends.
import { useState } from "react";

import { readToken, saveToken, tokenProblem } from "../../api/identity";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { MeDocument, SettingsDocument } from "../../gql/graphql";
import { usesApiToken, WEB_MODE, type WebMode } from "../../mode";

function TokenForm({ onSaved }: { onSaved: () => void }) {
  const [token, setToken] = useState(readToken());
  const [saved, setSaved] = useState("");
  const problem = tokenProblem(token);
  return (
    <form
      className="token"
      aria-labelledby="token-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem) return;
        saveToken(token);
        setSaved(token.trim() ? "Saved: requests from this browser now carry this token." : "Cleared: requests carry no token.");
        onSaved();
      }}
    >
      <h3 id="token-title">API token</h3>
      <p className="hint">
        Kept in this browser only and sent as <code>Authorization: Bearer …</code>. Leave it empty when the server needs
        no token.
      </p>
      <div className="field">
        <label htmlFor="api-token">Token</label>
        <input
          id="api-token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            setSaved("");
          }}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? "api-token-error" : undefined}
        />
        {problem && (
          <span id="api-token-error" className="field-error">
            {problem}
          </span>
        )}
      </div>
      <button type="submit" disabled={Boolean(problem)}>
        Save token
      </button>
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
    </form>
  );
}

export function WhoIAm({ mode = WEB_MODE, onTokenSaved }: { mode?: WebMode; onTokenSaved?: () => void }) {
  const { data, errors, loading, reload } = useQuery(MeDocument, {});
  const me = data?.me;
  return (
    <section aria-labelledby="me-title">
      <h2 id="me-title">Who I am</h2>
      <ErrorNotice errors={errors} title="Your identity could not be loaded" />
      {loading && !me ? <Loading what="your identity" /> : null}
      {me && (
        <dl className="facts identity">
          <dt>User</dt>
          <dd>{me.user}</dd>
          <dt>Tenant</dt>
          <dd>{me.tenant}</dd>
          <dt>Project</dt>
          <dd>{me.project ?? "—"}</dd>
          <dt>Roles</dt>
          <dd>{me.roles.join(", ") || "none"}</dd>
          <dt>Scopes</dt>
          <dd>{me.scopes.join(", ") || "none"}</dd>
          <dt>Groups</dt>
          <dd>{me.groups.join(", ") || "none"}</dd>
        </dl>
      )}
      {usesApiToken(mode) ? (
        <TokenForm
          onSaved={() => {
            reload();
            onTokenSaved?.();
          }}
        />
      ) : (
        <p>You are signed in through the Kubeflow dashboard; the namespace you pick there is your tenant.</p>
      )}
    </section>
  );
}

export function Settings({ mode = WEB_MODE }: { mode?: WebMode }) {
  const { data, errors, loading, reload } = useQuery(SettingsDocument, {});
  return (
    <>
      <h1>Settings</h1>
      <ErrorNotice errors={errors} title="Settings could not be loaded" />
      {loading && !data ? <Loading what="settings" /> : null}
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">Catalog sources</h2>
        {data && (
          <table>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Type</th>
                <th scope="col">Labels</th>
                <th scope="col">Status</th>
                <th scope="col">Models</th>
                <th scope="col">Loaded</th>
              </tr>
            </thead>
            <tbody>
              {data.catalogSources.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name} <span className="muted">({s.id})</span>
                  </th>
                  <td>{s.type}</td>
                  <td>{s.labels.join(", ") || "—"}</td>
                  <td>
                    <span className={`status status-${s.status.toLowerCase()}`}>{s.status}</span>
                    {!s.enabled && " (disabled)"}
                    {s.error && <div className="field-error">{s.error}</div>}
                  </td>
                  <td>{s.modelCount}</td>
                  <td>{s.loadedAt ? new Date(s.loadedAt).toLocaleString() : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="deploy-title">
        <h2 id="deploy-title">Deployments</h2>
        {data && (
          <p>
            {data.deployDriver.mode}: {data.deployDriver.description}
          </p>
        )}
      </section>
      <WhoIAm mode={mode} onTokenSaved={reload} />
      <GraphiQLLink document={SettingsDocument} />
    </>
  );
}
