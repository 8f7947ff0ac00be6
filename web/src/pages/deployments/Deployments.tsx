// Inference services with live status (polled), canary traffic, promote and roll back.
import { useId, useState } from "react";
import { Link } from "react-router-dom";

import { mutate } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import {
  DeploymentsDocument,
  PromoteCanaryDocument,
  RollbackInferenceServiceDocument,
  RolloutModelVersionDocument,
  SetCanaryTrafficDocument,
  DeployTargetsDocument,
  type DeployTargetsQuery,
  type InferenceServiceFieldsFragment,
} from "../../gql/graphql";
import { DeployForm } from "./DeployForm";

const POLL_MS = 5000;

type VersionChoice = DeployTargetsQuery["modelVersions"]["nodes"][number];

interface ServiceCardProps {
  service: InferenceServiceFieldsFragment;
  versions: readonly VersionChoice[];
  onChanged: () => void;
}

function ServiceCard({ service, versions, onChanged }: ServiceCardProps) {
  const id = useId();
  const [percent, setPercent] = useState(service.canaryTrafficPercent ?? 10);
  const [rolloutVersion, setRolloutVersion] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const run = async (what: string, action: () => Promise<unknown>) => {
    setBusy(what);
    setErrors([]);
    try {
      await action();
      onChanged();
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(null);
    }
  };
  const rv = service.resourceVersion ?? null;
  const canary = service.canaryTrafficPercent != null;
  const version = service.modelVersion;
  return (
    <article className="card service" id={`service-${service.id}`} aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>
        {service.name} <span className="muted">in {service.environmentName}</span>
      </h2>
      <dl className="facts">
        <dt>Model version</dt>
        <dd>
          {version ? (
            <Link to={`/registry/versions/${version.id}`}>
              {version.registeredModel.name} {version.name}
            </Link>
          ) : (
            "—"
          )}
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${service.status.state.toLowerCase()}`}>{service.status.state}</span>
          {!service.applied && <span className="badge">Not applied: manifest only</span>}
        </dd>
        {service.status.url && (
          <>
            <dt>URL</dt>
            <dd>
              <code>{service.status.url}</code>
            </dd>
          </>
        )}
        {service.status.lastError && (
          <>
            <dt>Last error</dt>
            <dd>{service.status.lastError}</dd>
          </>
        )}
        <dt>Traffic</dt>
        <dd>
          {canary
            ? `Canary ${service.canaryTrafficPercent}% on ${version?.name ?? "the new version"}, the rest on ${
                service.previousModelVersion?.name ?? "the previous version"
              }`
            : "All traffic on the latest version"}
          {service.rolledBack ? " (rolled back)" : ""}
        </dd>
      </dl>
      <ErrorNotice errors={errors} title="The change was not made" />
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!rolloutVersion) return;
          void run("rollout", () =>
            mutate(RolloutModelVersionDocument, {
              input: { id: service.id, modelVersionId: rolloutVersion, canaryTrafficPercent: percent, resourceVersion: rv },
            }),
          );
        }}
      >
        <label htmlFor={`${id}-rollout`}>Roll out version</label>
        <select id={`${id}-rollout`} value={rolloutVersion} onChange={(e) => setRolloutVersion(e.target.value)}>
          <option value="">Choose…</option>
          {versions
            .filter((v) => v.registeredModel.id === version?.registeredModel.id && v.id !== version?.id)
            .map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
        </select>
        <button type="submit" disabled={busy !== null || !rolloutVersion}>
          {busy === "rollout" ? "Rolling out…" : `Roll out as ${percent}% canary`}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run("traffic", () => mutate(SetCanaryTrafficDocument, { id: service.id, percent, resourceVersion: rv }));
        }}
      >
        <label htmlFor={`${id}-percent`}>Canary traffic: {percent}%</label>
        <input
          id={`${id}-percent`}
          type="range"
          min={0}
          max={100}
          step={5}
          value={percent}
          onChange={(e) => setPercent(Number(e.target.value))}
        />
        <button type="submit" disabled={busy !== null || !canary}>
          {busy === "traffic" ? "Saving…" : "Set canary traffic"}
        </button>
        <button
          type="button"
          disabled={busy !== null || !canary}
          onClick={() => run("promote", () => mutate(PromoteCanaryDocument, { id: service.id, resourceVersion: rv }))}
        >
          {busy === "promote" ? "Promoting…" : "Promote"}
        </button>
        <button
          type="button"
          disabled={busy !== null || !service.previousModelVersion}
          onClick={() =>
            run("rollback", () => mutate(RollbackInferenceServiceDocument, { id: service.id, resourceVersion: rv }))
          }
        >
          {busy === "rollback" ? "Rolling back…" : "Roll back"}
        </button>
      </form>
      <details>
        <summary>{service.applied ? "Manifest" : "Rendered manifest (not applied)"}</summary>
        <pre>
          <code>{service.manifest}</code>
        </pre>
      </details>
    </article>
  );
}

export function Deployments() {
  const { data, errors, loading, reload } = useQuery(DeploymentsDocument, { environment: null }, { pollMs: POLL_MS });
  // Rollout choices; refreshed whenever a deployment changes.
  const targets = useQuery(DeployTargetsDocument, {});
  const versions = targets.data?.modelVersions.nodes ?? [];
  const changed = () => {
    reload();
    targets.reload();
  };
  return (
    <>
      <h1>Deployments</h1>
      {data && (
        <p className="notice">
          Driver: {data.deployDriver.mode}. {data.deployDriver.description}
        </p>
      )}
      <ErrorNotice errors={errors} title="The deployments could not be loaded" />
      {loading && !data ? <Loading what="deployments" /> : null}
      {data && data.inferenceServices.length === 0 && <p>No deployments yet.</p>}
      {data?.inferenceServices.map((service) => (
        <ServiceCard key={service.id} service={service} versions={versions} onChanged={changed} />
      ))}
      <DeployForm onDeployed={changed} />
      <p className="muted">Status refreshes every {POLL_MS / 1000} seconds.</p>
      <GraphiQLLink document={DeploymentsDocument} variables={{}} />
    </>
  );
}
