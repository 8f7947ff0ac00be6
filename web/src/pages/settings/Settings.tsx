// Catalog sources with status and errors, the deploy driver, and who the API says I am.
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { SettingsDocument } from "../../gql/graphql";

export function Settings() {
  const { data, errors, loading } = useQuery(SettingsDocument, {});
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
      <section aria-labelledby="me-title">
        <h2 id="me-title">Who I am</h2>
        <p>
          The API does not expose the caller's identity, roles or tenant yet, so this page cannot show them. In
          standalone mode without an auth configuration every request runs as the local administrator of the default
          tenant.
        </p>
      </section>
      <GraphiQLLink document={SettingsDocument} />
    </>
  );
}
