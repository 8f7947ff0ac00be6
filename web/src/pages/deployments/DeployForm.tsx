// Deploy a model version into a serving environment (creating the environment if there is none).
import { useId, useState } from "react";

import { mutate } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice } from "../../components/ErrorNotice";
import {
  CreateServingEnvironmentDocument,
  DeployModelVersionDocument,
  DeployTargetsDocument,
  type InferenceServiceFieldsFragment,
} from "../../gql/graphql";

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes names: DNS-1123 labels, which KServe needs for the service and namespace. */
export function kubernetesNameProblem(name: string): string | null {
  if (!name) return null;
  if (name.length > 63) return "At most 63 characters.";
  if (!NAME.test(name)) return "Lower-case letters, digits and '-', starting and ending with a letter or digit.";
  return null;
}

export interface DeployFormProps {
  /** Fixed when deploying from a version page; chosen from a list otherwise. */
  modelVersionId?: string;
  onDeployed: (service: InferenceServiceFieldsFragment) => void;
}

export function DeployForm({ modelVersionId, onDeployed }: DeployFormProps) {
  const id = useId();
  const targets = useQuery(DeployTargetsDocument, {});
  const [versionId, setVersionId] = useState(modelVersionId ?? "");
  const [environment, setEnvironment] = useState("");
  const [newEnvironment, setNewEnvironment] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const environments = targets.data?.servingEnvironments ?? [];
  const chosenEnvironment = environment || environments[0]?.name || "";
  const envProblem = kubernetesNameProblem(newEnvironment);
  const nameProblem = kubernetesNameProblem(name);
  const canSubmit =
    !busy && Boolean(versionId) && (chosenEnvironment !== "" || (newEnvironment !== "" && !envProblem)) && !nameProblem;

  const submit = async () => {
    setBusy(true);
    setErrors([]);
    try {
      let target = chosenEnvironment;
      if (environments.length === 0 || environment === "__new__") {
        const created = await mutate(CreateServingEnvironmentDocument, { input: { name: newEnvironment } });
        target = created.createServingEnvironment.name;
        targets.reload();
      }
      const result = await mutate(DeployModelVersionDocument, {
        input: { modelVersionId: versionId, environment: target, name: name || null },
      });
      onDeployed(result.deployModelVersion);
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };

  const creating = environments.length === 0 || environment === "__new__";
  return (
    <form
      className="form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (canSubmit) void submit();
      }}
    >
      <h2 id={`${id}-title`}>Deploy a version</h2>
      {targets.data && !targets.data.deployDriver.appliesToCluster && (
        <p className="notice">
          No cluster is configured ({targets.data.deployDriver.mode}): deploying renders the KServe manifest and
          records it, but nothing is applied.
        </p>
      )}
      <ErrorNotice errors={targets.errors} title="Deployment targets could not be loaded" />
      {modelVersionId === undefined && (
        <div className="field">
          <label htmlFor={`${id}-version`}>Model version</label>
          <select id={`${id}-version`} value={versionId} onChange={(e) => setVersionId(e.target.value)} required>
            <option value="">Choose a version…</option>
            {targets.data?.modelVersions.nodes.map((v) => (
              <option key={v.id} value={v.id}>
                {v.registeredModel.name} {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {environments.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment</label>
          <select id={`${id}-env`} value={environment || chosenEnvironment} onChange={(e) => setEnvironment(e.target.value)}>
            {environments.map((env) => (
              <option key={env.name} value={env.name}>
                {env.name}
                {env.production ? " (production)" : ""}
              </option>
            ))}
            <option value="__new__">New environment…</option>
          </select>
        </div>
      )}
      {creating && (
        <div className="field">
          <label htmlFor={`${id}-newenv`}>New environment name</label>
          <input
            id={`${id}-newenv`}
            value={newEnvironment}
            onChange={(e) => setNewEnvironment(e.target.value)}
            required
            aria-invalid={envProblem ? true : undefined}
            aria-describedby={`${id}-newenv-help`}
          />
          <span id={`${id}-newenv-help`} className={envProblem ? "field-error" : "hint"}>
            {envProblem ?? "A Kubernetes namespace name, e.g. staging."}
          </span>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Service name (optional)</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={`${id}-name-help`}
        />
        <span id={`${id}-name-help`} className={nameProblem ? "field-error" : "hint"}>
          {nameProblem ?? "Derived from the model name and version when empty."}
        </span>
      </div>
      <ErrorNotice errors={errors} title="The version was not deployed" />
      <button type="submit" disabled={!canSubmit}>
        {busy ? "Deploying…" : "Deploy"}
      </button>
    </form>
  );
}
