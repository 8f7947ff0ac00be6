// The catalog: cards grouped by source label, with search and filters from catalogFilterOptions.
import { useState } from "react";
import { Link } from "react-router-dom";

import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { FilterField } from "../../components/FilterField";
import { Pager } from "../../components/Pager";
import { catalogFilterQuery, type RangeFilter } from "../../filters";
import { CatalogFiltersDocument, CatalogModelsDocument, type CatalogModelsQuery } from "../../gql/graphql";

const PAGE_SIZE = 24;
const CHOICE_FIELDS: [string, string][] = [
  ["tasks", "Task"],
  ["provider", "Provider"],
  ["license", "License"],
  ["language", "Language"],
  ["artifacts.hardware_type", "Hardware"],
];
const RANGE_FIELDS: [string, string][] = [
  ["artifacts.ttft_p90", "Time to first token p90 (ms)"],
  ["artifacts.e2e_p90", "End-to-end latency p90 (ms)"],
  ["artifacts.requests_per_second", "Throughput (requests/s)"],
];

type CatalogNode = CatalogModelsQuery["catalogModels"]["nodes"][number];

export function groupBySourceLabel(models: readonly CatalogNode[]): [string, CatalogNode[]][] {
  const groups = new Map<string, CatalogNode[]>();
  for (const model of models) {
    const label = model.source?.labels[0] ?? "Other models";
    groups.set(label, [...(groups.get(label) ?? []), model]);
  }
  return [...groups.entries()];
}

export function catalogModelPath(sourceId: string, name: string): string {
  return `/catalog/models/${encodeURIComponent(sourceId)}/${name.split("/").map(encodeURIComponent).join("/")}`;
}

export function CatalogGallery() {
  const options = useQuery(CatalogFiltersDocument, {});
  const [q, setQ] = useState("");
  const [sourceLabel, setSourceLabel] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [ranges, setRanges] = useState<Record<string, RangeFilter>>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const variables = {
    q: q.trim() || null,
    sourceLabels: sourceLabel ? [sourceLabel] : null,
    filterQuery: catalogFilterQuery({ values, ranges: Object.values(ranges) }),
    orderBy: "NAME" as const,
    sortOrder: "ASC" as const,
    first: PAGE_SIZE,
    after: cursors[page],
  };
  const models = useQuery(CatalogModelsDocument, variables);
  const available = new Map((options.data?.catalogFilterOptions ?? []).map((o) => [o.field, o]));
  const reset = () => setCursors([null]);
  const setRange = (field: string, bound: "min" | "max", text: string) => {
    const number = text === "" ? undefined : Number(text);
    setRanges({ ...ranges, [field]: { ...(ranges[field] ?? { field }), [bound]: number } });
    reset();
  };
  const connection = models.data?.catalogModels;

  return (
    <>
      <h1>Model catalog</h1>
      <form className="filters" role="search" aria-label="Filter the catalog" onSubmit={(e) => e.preventDefault()}>
        <FilterField label={"Search"}>
          {(id) => (
          <input id={id}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              reset();
            }}
          />
          )}
        </FilterField>
        <FilterField label={"Source label"}>
          {(id) => (
          <select id={id}
            value={sourceLabel}
            onChange={(e) => {
              setSourceLabel(e.target.value);
              reset();
            }}
          >
            <option value="">Any</option>
            {options.data?.catalogLabels.map((l) => (
              <option key={l.name} value={l.name}>
                {l.displayName ?? l.name}
              </option>
            ))}
          </select>
          )}
        </FilterField>
        {CHOICE_FIELDS.filter(([field]) => available.has(field)).map(([field, label]) => (
          <FilterField key={field} label={label}>
            {(id) => (
            <select id={id}
              value={values[field] ?? ""}
              onChange={(e) => {
                setValues({ ...values, [field]: e.target.value });
                reset();
              }}
            >
              <option value="">Any</option>
              {available.get(field)?.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            )}
          </FilterField>
        ))}
        {RANGE_FIELDS.filter(([field]) => available.has(field)).map(([field, label]) => {
          const option = available.get(field);
          return (
            <fieldset key={field} className="range">
              <legend>{label}</legend>
              <FilterField label={"At least"}>
                {(id) => (
                <input id={id}
                  type="number"
                  inputMode="decimal"
                  placeholder={option?.min?.toString()}
                  value={ranges[field]?.min ?? ""}
                  onChange={(e) => setRange(field, "min", e.target.value)}
                />
                )}
              </FilterField>
              <FilterField label={"At most"}>
                {(id) => (
                <input id={id}
                  type="number"
                  inputMode="decimal"
                  placeholder={option?.max?.toString()}
                  value={ranges[field]?.max ?? ""}
                  onChange={(e) => setRange(field, "max", e.target.value)}
                />
                )}
              </FilterField>
            </fieldset>
          );
        })}
      </form>
      <ErrorNotice errors={options.errors} title="The filters could not be loaded" />
      <ErrorNotice errors={models.errors} title="The catalog could not be searched" />
      {models.loading && !connection ? <Loading what="catalog models" /> : null}
      {connection && (
        <div aria-busy={models.loading}>
          <p role="status">{connection.totalCount} models match.</p>
          {groupBySourceLabel(connection.nodes).map(([label, group]) => (
            <section key={label} aria-label={label}>
              <h2>{label}</h2>
              <ul className="cards">
                {group.map((model) => (
                  <li key={`${model.sourceId}/${model.name}`} className="card">
                    <h3>
                      <Link to={catalogModelPath(model.sourceId, model.name)}>{model.name}</Link>
                    </h3>
                    <p className="muted">
                      {model.provider ?? "Unknown provider"} · {model.source?.name ?? model.sourceId}
                    </p>
                    {model.description && <p>{model.description}</p>}
                    <p className="muted">
                      {[model.license, model.maturity, ...model.tasks].filter(Boolean).join(" · ")}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Pager
            page={page}
            total={connection.totalCount}
            hasNext={connection.pageInfo.hasNextPage}
            onPrevious={() => setCursors(cursors.slice(0, -1))}
            onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
          />
        </div>
      )}
      <GraphiQLLink document={CatalogModelsDocument} variables={variables} />
    </>
  );
}
