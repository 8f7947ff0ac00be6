// One model version: artifacts, metrics, lineage, state, governance and its deployments.
import { useState } from "react";
import { Link, useParams } from "react-router-dom";

import { mutate } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { LabelEditor } from "../../components/LabelEditor";
import {
  ArchiveModelVersionDocument,
  ModelVersionDocument,
  RestoreModelVersionDocument,
  UpdateModelVersionPropertiesDocument,
} from "../../gql/graphql";
import { labelsOf, valueOf, withLabels } from "../../properties";
import { DeployForm } from "../deployments/DeployForm";
import { VersionGovernance } from "../governance/VersionGovernance";

export function VersionPage() {
  const { id = "" } = useParams();
  const { data, errors, loading, reload } = useQuery(ModelVersionDocument, { id });
  const [busy, setBusy] = useState(false);
  const [actionErrors, setActionErrors] = useState<ApiError[]>([]);
  const version = data?.modelVersion;

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

  if (loading && !version) return <Loading what="the version" />;
  if (!version) {
    return (
      <>
        <h1>Model version</h1>
        <ErrorNotice errors={errors} title="The version could not be loaded" />
        {errors.length === 0 && <p role="alert">No model version has the id {id}.</p>}
        <Link to="/registry">Back to registered models</Link>
      </>
    );
  }
  const artifacts = version.artifacts.nodes;
  const models = artifacts.filter((a) => a.__typename === "ModelArtifact");
  const metrics = artifacts.filter((a) => a.__typename === "Metric");
  const others = artifacts.filter((a) => a.__typename !== "ModelArtifact" && a.__typename !== "Metric");
  const archived = version.state === "ARCHIVED";
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/registry">Registered models</Link> ›{" "}
        <Link to={`/registry/models/${version.registeredModel.id}?tab=versions`}>{version.registeredModel.name}</Link> ›{" "}
        {version.name}
      </nav>
      <div className="page-head">
        <h1>
          {version.registeredModel.name} {version.name} {archived && <span className="badge">Archived</span>}
        </h1>
        <div className="actions">
          {archived ? (
            <button type="button" disabled={busy} onClick={() => run(() => mutate(RestoreModelVersionDocument, { id }))}>
              Restore version
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => run(() => mutate(ArchiveModelVersionDocument, { id }))}>
              Archive version
            </button>
          )}
        </div>
      </div>
      <ErrorNotice errors={[...errors, ...actionErrors]} />
      <dl className="facts">
        <dt>Description</dt>
        <dd>{version.description || "—"}</dd>
        <dt>Author</dt>
        <dd>{version.author || "—"}</dd>
        <dt>State</dt>
        <dd>{version.state}</dd>
        <dt>Created</dt>
        <dd>{new Date(version.createdAt).toLocaleString()}</dd>
      </dl>
      <LabelEditor
        labels={labelsOf(version.customProperties)}
        busy={busy}
        onSave={(labels) =>
          run(() =>
            mutate(UpdateModelVersionPropertiesDocument, {
              id,
              customProperties: withLabels(version.customProperties, labels),
            }),
          )
        }
      />
      <section aria-labelledby="artifacts-title">
        <h2 id="artifacts-title">Model artifacts and lineage</h2>
        {models.length === 0 ? <p>No model artifact.</p> : null}
        {models.map((a) =>
          a.__typename === "ModelArtifact" ? (
            <dl key={a.id} className="facts">
              <dt>Artifact</dt>
              <dd>{a.name}</dd>
              <dt>URI</dt>
              <dd>
                <code>{a.uri ?? "—"}</code>
              </dd>
              <dt>Format</dt>
              <dd>{[a.modelFormatName, a.modelFormatVersion].filter(Boolean).join(" ") || "—"}</dd>
              <dt>Source</dt>
              <dd>
                {a.modelSourceKind === "catalog" && a.modelSourceClass && a.modelSourceName ? (
                  <>
                    Catalog:{" "}
                    <Link to={`/catalog/models/${encodeURIComponent(a.modelSourceClass)}/${a.modelSourceName}`}>
                      {a.modelSourceName}
                    </Link>{" "}
                    from {a.modelSourceClass}
                    {a.catalogModel?.provider ? ` (${a.catalogModel.provider})` : ""}
                  </>
                ) : (
                  [a.modelSourceKind, a.modelSourceClass, a.modelSourceName].filter(Boolean).join(" / ") || "—"
                )}
              </dd>
            </dl>
          ) : null,
        )}
      </section>
      <section aria-labelledby="metrics-title">
        <h2 id="metrics-title">Metrics</h2>
        {metrics.length === 0 ? (
          <p>No metrics logged.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Value</th>
                <th scope="col">Step</th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) =>
                m.__typename === "Metric" ? (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>{m.metricValue ?? "—"}</td>
                    <td>{m.step ?? "—"}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        )}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="other-title">
          <h2 id="other-title">Other artifacts</h2>
          <ul>
            {others.map((a) => (
              <li key={a.id}>
                {a.artifactType}: {a.name} {a.uri ? <code>{a.uri}</code> : null}{" "}
                {a.customProperties.map((p) => `${p.name}=${valueOf(p)}`).join(", ")}
              </li>
            ))}
          </ul>
        </section>
      )}
      <VersionGovernance versionId={version.id} />
      <section aria-labelledby="deployments-title">
        <h2 id="deployments-title">Deployments</h2>
        {version.deployments.length === 0 ? (
          <p>Not deployed.</p>
        ) : (
          <ul>
            {version.deployments.map((d) => (
              <li key={d.id}>
                <Link to={`/deployments#service-${d.id}`}>{d.name}</Link> in {d.environmentName}: {d.status.state}
                {!d.applied && <span className="badge">Not applied (manifest only)</span>}
              </li>
            ))}
          </ul>
        )}
        {!archived && <DeployForm modelVersionId={version.id} onDeployed={() => reload()} />}
      </section>
      <GraphiQLLink document={ModelVersionDocument} variables={{ id }} />
    </>
  );
}
