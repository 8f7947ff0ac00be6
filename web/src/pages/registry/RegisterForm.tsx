// Register a model (or a new version of one), optionally prefilled from a catalog model.
import { useEffect, useId, useState, type ChangeEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";

import { mutate, request } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice } from "../../components/ErrorNotice";
import { CatalogModelDocument, RegisteredModelDocument, RegisterModelDocument } from "../../gql/graphql";
import { checkRegisterValues, EMPTY_VALUES, toRegisterInput, type RegisterValues } from "./registerForm";

interface FieldProps {
  name: keyof RegisterValues;
  label: string;
  values: RegisterValues;
  problems: Partial<Record<keyof RegisterValues, string>>;
  touched: Set<string>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  required?: boolean;
  readOnly?: boolean;
  hint?: string;
}

function Field({ name, label, values, problems, touched, onChange, required, readOnly, hint }: FieldProps) {
  const id = useId();
  const problem = touched.has(name) ? problems[name] : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? " (required)" : ""}
      </label>
      <input
        id={id}
        name={name}
        value={values[name]}
        onChange={onChange}
        required={required}
        readOnly={readOnly}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem || hint ? `${id}-help` : undefined}
      />
      {(problem || hint) && (
        <span id={`${id}-help`} className={problem ? "field-error" : "hint"}>
          {problem ?? hint}
        </span>
      )}
    </div>
  );
}

export function RegisterForm() {
  const { id: modelId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const catalogSourceId = params.get("sourceId") ?? "";
  const catalogModelName = params.get("model") ?? "";
  const [values, setValues] = useState<RegisterValues>({ ...EMPTY_VALUES, versionName: "v1" });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const existing = useQuery(RegisteredModelDocument, { id: modelId ?? "" }, { skip: !modelId });
  const existingModel = existing.data?.registeredModel;

  useEffect(() => {
    if (existingModel) {
      setValues((v) => ({
        ...v,
        name: existingModel.name,
        versionName: `v${existingModel.versions.totalCount + 1}`,
      }));
    }
  }, [existingModel]);

  useEffect(() => {
    if (!catalogSourceId || !catalogModelName) return;
    request(CatalogModelDocument, { sourceId: catalogSourceId, name: catalogModelName })
      .then((result) => {
        setErrors(result.errors);
        const model = result.data?.catalogModel;
        if (!model) return;
        const artifact = model.artifacts.find((a) => a.artifactType === "model-artifact" && a.uri);
        setValues((v) => ({
          ...v,
          name: model.name.split("/").pop() ?? model.name,
          uri: artifact?.uri ?? v.uri,
          modelDescription: model.description ?? "",
          description: `Registered from the catalog (${model.source?.name ?? model.sourceId})`,
          catalogSourceId: model.sourceId,
          catalogModelName: model.name,
        }));
      })
      .catch((error: unknown) => setErrors(toApiErrors(error)));
  }, [catalogSourceId, catalogModelName]);

  const problems = checkRegisterValues(values);
  const valid = Object.keys(problems).length === 0;
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { name, value } = event.target;
    setValues({ ...values, [name]: value });
    setTouched(new Set(touched).add(name));
  };
  const common = { values, problems, touched, onChange };

  const submit = async () => {
    setTouched(new Set(Object.keys(values)));
    if (!valid) return;
    setBusy(true);
    setErrors([]);
    try {
      const result = await mutate(RegisterModelDocument, { input: toRegisterInput(values) });
      navigate(`/registry/versions/${result.registerModel.modelVersion.id}`);
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };

  const title = modelId ? `Register a new version of ${existingModel?.name ?? "the model"}` : "Register a model";
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/registry">Registered models</Link> › {modelId ? "New version" : "Register"}
      </nav>
      <h1>{title}</h1>
      {values.catalogModelName && (
        <p className="notice">
          From the catalog: <strong>{values.catalogModelName}</strong> in source {values.catalogSourceId}. The
          source is recorded on the model artifact.
        </p>
      )}
      <ErrorNotice errors={existing.errors} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>Model</legend>
          <Field name="name" label="Model name" required readOnly={Boolean(modelId)} {...common} />
          {!modelId && (
            <>
              <Field name="modelDescription" label="Model description" {...common} />
              <Field name="owner" label="Owner" {...common} />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Version</legend>
          <Field name="versionName" label="Version name" required {...common} />
          <Field name="description" label="Version description" {...common} />
          <Field name="author" label="Author" {...common} />
        </fieldset>
        <fieldset>
          <legend>Model artifact</legend>
          <Field name="uri" label="Artifact URI" required hint="Where the model files are, e.g. s3://bucket/model/v1." {...common} />
          <Field name="modelFormatName" label="Model format" hint="e.g. onnx, pytorch, vllm." {...common} />
          <Field name="modelFormatVersion" label="Model format version" {...common} />
        </fieldset>
        <ErrorNotice errors={errors} title="The model was not registered" />
        <button type="submit" disabled={busy}>
          {busy ? "Registering…" : modelId ? "Register version" : "Register model"}
        </button>
      </form>
    </>
  );
}
