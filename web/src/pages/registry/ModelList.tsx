// Registered models: search, filters, sorting and pagination, as the Kubeflow table has them.
import { useState } from "react";
import { Link } from "react-router-dom";

import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { FilterField } from "../../components/FilterField";
import { Pager } from "../../components/Pager";
import { registryFilterQuery, type RegistryFilters } from "../../filters";
import {
  RegisteredModelsDocument,
  type OrderByField,
  type SortOrder,
} from "../../gql/graphql";
import { labelsOf } from "../../properties";

const PAGE_SIZE = 10;

export function ModelList() {
  const [filters, setFilters] = useState<RegistryFilters>({ text: "", owner: "", state: "", labels: [] });
  const [labelText, setLabelText] = useState("");
  const [orderBy, setOrderBy] = useState<OrderByField>("LAST_UPDATE_TIME");
  const [sortOrder, setSortOrder] = useState<SortOrder>("DESC");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const variables = {
    first: PAGE_SIZE,
    after: cursors[page],
    filterQuery: registryFilterQuery(filters),
    orderBy,
    sortOrder,
  };
  const { data, errors, loading } = useQuery(RegisteredModelsDocument, variables);
  const update = (change: Partial<RegistryFilters>) => {
    setFilters({ ...filters, ...change });
    setCursors([null]);
  };
  const connection = data?.registeredModels;

  return (
    <>
      <div className="page-head">
        <h1>Registered models</h1>
        <Link className="button" to="/registry/new">
          Register model
        </Link>
      </div>
      <form className="filters" role="search" aria-label="Filter registered models" onSubmit={(e) => e.preventDefault()}>
        <FilterField label={"Search by name"}>
          {(id) => (
          <input id={id} type="search" value={filters.text} onChange={(e) => update({ text: e.target.value })} />
          )}
        </FilterField>
        <FilterField label={"Owner"}>
          {(id) => (
          <input id={id} value={filters.owner} onChange={(e) => update({ owner: e.target.value })} />
          )}
        </FilterField>
        <FilterField label={"State"}>
          {(id) => (
          <select id={id}
            value={filters.state}
            onChange={(e) => update({ state: e.target.value as RegistryFilters["state"] })}
          >
            <option value="">Any</option>
            <option value="LIVE">Live</option>
            <option value="ARCHIVED">Archived</option>
          </select>
          )}
        </FilterField>
        <FilterField label={"Labels (comma-separated)"}>
          {(id) => (
          <input id={id}
            value={labelText}
            onChange={(e) => {
              setLabelText(e.target.value);
              update({ labels: e.target.value.split(",").map((l) => l.trim()).filter(Boolean) });
            }}
          />
          )}
        </FilterField>
        <FilterField label={"Sort by"}>
          {(id) => (
          <select id={id}
            value={orderBy}
            onChange={(e) => {
              setOrderBy(e.target.value as OrderByField);
              setCursors([null]);
            }}
          >
            <option value="LAST_UPDATE_TIME">Last updated</option>
            <option value="CREATE_TIME">Created</option>
            <option value="NAME">Name</option>
            <option value="ID">ID</option>
          </select>
          )}
        </FilterField>
        <FilterField label={"Order"}>
          {(id) => (
          <select id={id}
            value={sortOrder}
            onChange={(e) => {
              setSortOrder(e.target.value as SortOrder);
              setCursors([null]);
            }}
          >
            <option value="DESC">Descending</option>
            <option value="ASC">Ascending</option>
          </select>
          )}
        </FilterField>
      </form>
      <ErrorNotice errors={errors} title="The models could not be listed" />
      {loading && !connection ? <Loading what="registered models" /> : null}
      {connection && (
        <>
          {connection.nodes.length === 0 ? (
            <p>No registered model matches.</p>
          ) : (
            <table aria-busy={loading}>
              <caption className="visually-hidden">Registered models</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Latest version</th>
                  <th scope="col">State</th>
                  <th scope="col">Last updated</th>
                </tr>
              </thead>
              <tbody>
                {connection.nodes.map((model) => (
                  <tr key={model.id}>
                    <th scope="row">
                      <Link to={`/registry/models/${model.id}`}>{model.name}</Link>
                      {model.description ? <div className="muted">{model.description}</div> : null}
                    </th>
                    <td>{model.owner ?? "—"}</td>
                    <td>
                      {labelsOf(model.customProperties).map((l) => (
                        <span key={l} className="chip">
                          {l}
                        </span>
                      ))}
                    </td>
                    <td>
                      {model.versions.nodes[0] ? (
                        <Link to={`/registry/versions/${model.versions.nodes[0].id}`}>
                          {model.versions.nodes[0].name}
                        </Link>
                      ) : (
                        "—"
                      )}{" "}
                      <span className="muted">({model.versions.totalCount} in all)</span>
                    </td>
                    <td>{model.state}</td>
                    <td>{new Date(model.updatedAt).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            page={page}
            total={connection.totalCount}
            hasNext={connection.pageInfo.hasNextPage}
            onPrevious={() => setCursors(cursors.slice(0, -1))}
            onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
          />
        </>
      )}
      <GraphiQLLink document={RegisteredModelsDocument} variables={variables} />
    </>
  );
}
