// One registered model: overview, versions and properties tabs; labels, archive and restore.
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";

import { mutate } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { LabelEditor } from "../../components/LabelEditor";
import { Markdown } from "../../components/Markdown";
import { PropertyEditor } from "../../components/PropertyEditor";
import { Tabs } from "../../components/Tabs";
import {
  ArchiveRegisteredModelDocument,
  RegisteredModelDocument,
  RestoreRegisteredModelDocument,
  UpdateRegisteredModelPropertiesDocument,
  type CustomPropertyInput,
} from "../../gql/graphql";
import { labelsOf, withLabels, withProperty } from "../../properties";

const TABS = [
  { id: "overview", label: "Overview" },
  { id: "versions", label: "Versions" },
  { id: "properties", label: "Properties" },
];

export function ModelPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.id === params.get("tab")) ? (params.get("tab") as string) : "overview";
  const { data, errors, loading, reload } = useQuery(RegisteredModelDocument, { id });
  const [busy, setBusy] = useState(false);
  const [actionErrors, setActionErrors] = useState<ApiError[]>([]);
  const model = data?.registeredModel;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionErrors([]);
    try {
      await action();
      reload();
    } catch (error) {
      setActionErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };
  const saveProperties = (customProperties: CustomPropertyInput[]) =>
    run(() => mutate(UpdateRegisteredModelPropertiesDocument, { id, customProperties }));

  if (loading && !model) return <Loading what="the model" />;
  if (!model) {
    return (
      <>
        <h1>Registered model</h1>
        <ErrorNotice errors={errors} title="The model could not be loaded" />
        {errors.length === 0 && <p role="alert">No registered model has the id {id}.</p>}
        <Link to="/registry">Back to registered models</Link>
      </>
    );
  }
  const archived = model.state === "ARCHIVED";
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/registry">Registered models</Link> › {model.name}
      </nav>
      <div className="page-head">
        <h1>
          {model.name} {archived && <span className="badge">Archived</span>}
        </h1>
        <div className="actions">
          <Link className="button" to={`/registry/models/${model.id}/versions/new`}>
            Register new version
          </Link>
          {archived ? (
            <button type="button" disabled={busy} onClick={() => run(() => mutate(RestoreRegisteredModelDocument, { id }))}>
              Restore model
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => run(() => mutate(ArchiveRegisteredModelDocument, { id }))}>
              Archive model
            </button>
          )}
        </div>
      </div>
      <ErrorNotice errors={[...errors, ...actionErrors]} />
      <Tabs tabs={TABS} selected={tab} onSelect={(t) => setParams({ tab: t })} label="Model sections">
        {tab === "overview" && (
          <>
            <dl className="facts">
              <dt>Description</dt>
              <dd>{model.description || "—"}</dd>
              <dt>Owner</dt>
              <dd>{model.owner || "—"}</dd>
              <dt>State</dt>
              <dd>{model.state}</dd>
              <dt>Provider</dt>
              <dd>{model.provider || "—"}</dd>
              <dt>License</dt>
              <dd>{model.license || "—"}</dd>
              <dt>Tasks</dt>
              <dd>{model.tasks.join(", ") || "—"}</dd>
              <dt>Created</dt>
              <dd>{new Date(model.createdAt).toLocaleString()}</dd>
              <dt>Last updated</dt>
              <dd>{new Date(model.updatedAt).toLocaleString()}</dd>
            </dl>
            <LabelEditor
              labels={labelsOf(model.customProperties)}
              busy={busy}
              onSave={(labels) => saveProperties(withLabels(model.customProperties, labels))}
            />
            {model.readme ? (
              <section>
                <h2>Readme</h2>
                <Markdown source={model.readme} />
              </section>
            ) : null}
          </>
        )}
        {tab === "versions" && (
          <table>
            <caption>{model.versions.totalCount} versions</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Author</th>
                <th scope="col">State</th>
                <th scope="col">Deployments</th>
                <th scope="col">Last updated</th>
              </tr>
            </thead>
            <tbody>
              {model.versions.nodes.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link to={`/registry/versions/${v.id}`}>{v.name}</Link>
                  </th>
                  <td>{v.author ?? "—"}</td>
                  <td>{v.state}</td>
                  <td>{v.deployments.map((d) => `${d.name} (${d.environmentName})`).join(", ") || "—"}</td>
                  <td>{new Date(v.updatedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {tab === "properties" && (
          <>
            <LabelEditor
              labels={labelsOf(model.customProperties)}
              busy={busy}
              onSave={(labels) => saveProperties(withLabels(model.customProperties, labels))}
            />
            <PropertyEditor
              properties={model.customProperties}
              busy={busy}
              onSet={(name, value) => saveProperties(withProperty(model.customProperties, name, value))}
            />
          </>
        )}
      </Tabs>
      <GraphiQLLink document={RegisteredModelDocument} variables={{ id }} />
    </>
  );
}
