// A catalog model: its card (sanitised Markdown) and performance insights, table and chart.
import { Link, useParams } from "react-router-dom";

import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { Markdown } from "../../components/Markdown";
import { PerformanceChart, type PerformancePoint } from "../../components/PerformanceChart";
import { CatalogModelDocument, type CatalogModelQuery } from "../../gql/graphql";

type Artifact = NonNullable<CatalogModelQuery["catalogModel"]>["artifacts"][number];

function hardwareLabel(p: NonNullable<Artifact["performance"]>): string {
  return `${p.hardwareCount ?? 1}× ${p.hardwareType ?? "unknown"}${p.useCase ? ` (${p.useCase})` : ""}`;
}

export function performancePoints(artifacts: readonly Artifact[]): PerformancePoint[] {
  return artifacts.flatMap((a) => {
    const p = a.performance;
    const latency = p?.ttftP90 ?? p?.ttftMean ?? p?.e2eP90 ?? p?.e2eMean;
    if (!p || p.requestsPerSecond == null || latency == null) return [];
    return [{ label: hardwareLabel(p), throughput: p.requestsPerSecond, latency }];
  });
}

function format(value: number | null | undefined): string {
  return value == null ? "—" : String(value);
}

export function CatalogModelPage() {
  const { sourceId = "", "*": rest = "" } = useParams();
  const name = decodeURIComponent(rest);
  const variables = { sourceId: decodeURIComponent(sourceId), name };
  const { data, errors, loading } = useQuery(CatalogModelDocument, variables);
  const model = data?.catalogModel;
  if (loading && !model) return <Loading what="the catalog model" />;
  if (!model) {
    return (
      <>
        <h1>Catalog model</h1>
        <ErrorNotice errors={errors} title="The model could not be loaded" />
        {errors.length === 0 && (
          <p role="alert">
            No model {name} in source {sourceId}.
          </p>
        )}
        <Link to="/catalog">Back to the catalog</Link>
      </>
    );
  }
  const performance = model.artifacts.filter((a) => a.performance);
  const accuracy = model.artifacts.find((a) => a.accuracy)?.accuracy;
  const register = `/registry/new?${new URLSearchParams({ sourceId: model.sourceId, model: model.name })}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/catalog">Catalog</Link> › {model.name}
      </nav>
      <div className="page-head">
        <h1>{model.name}</h1>
        <Link className="button" to={register}>
          Register from catalog
        </Link>
      </div>
      <ErrorNotice errors={errors} />
      <dl className="facts">
        <dt>Provider</dt>
        <dd>{model.provider ?? "—"}</dd>
        <dt>Source</dt>
        <dd>{model.source?.name ?? model.sourceId}</dd>
        <dt>License</dt>
        <dd>
          {model.licenseLink ? <a href={model.licenseLink}>{model.license ?? model.licenseLink}</a> : model.license ?? "—"}
        </dd>
        <dt>Tasks</dt>
        <dd>{model.tasks.join(", ") || "—"}</dd>
        <dt>Languages</dt>
        <dd>{model.language.join(", ") || "—"}</dd>
        <dt>Maturity</dt>
        <dd>{model.maturity ?? "—"}</dd>
      </dl>
      {model.description && <p>{model.description}</p>}
      <section aria-labelledby="card-title">
        <h2 id="card-title">Model card</h2>
        {model.readme ? <Markdown source={model.readme} /> : <p>No model card.</p>}
      </section>
      <section aria-labelledby="perf-title">
        <h2 id="perf-title">Performance insights</h2>
        {performance.length === 0 ? (
          <p>No performance measurements.</p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">Hardware</th>
                  <th scope="col">Requests/s</th>
                  <th scope="col">TTFT mean (ms)</th>
                  <th scope="col">TTFT p90 (ms)</th>
                  <th scope="col">E2E p90 (ms)</th>
                  <th scope="col">Tokens/s</th>
                </tr>
              </thead>
              <tbody>
                {performance.map((a, index) =>
                  a.performance ? (
                    <tr key={index}>
                      <th scope="row">{hardwareLabel(a.performance)}</th>
                      <td>{format(a.performance.requestsPerSecond)}</td>
                      <td>{format(a.performance.ttftMean)}</td>
                      <td>{format(a.performance.ttftP90)}</td>
                      <td>{format(a.performance.e2eP90)}</td>
                      <td>{format(a.performance.tpsMean)}</td>
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
            <PerformanceChart points={performancePoints(model.artifacts)} latencyLabel="Time to first token p90" />
          </>
        )}
      </section>
      {accuracy && (
        <section aria-labelledby="acc-title">
          <h2 id="acc-title">Accuracy</h2>
          <p>Overall average: {format(accuracy.overallAverage)}</p>
          <ul>
            {accuracy.scores.map((s) => (
              <li key={s.benchmark}>
                {s.benchmark}: {s.value}
              </li>
            ))}
          </ul>
        </section>
      )}
      <GraphiQLLink document={CatalogModelDocument} variables={variables} />
    </>
  );
}
