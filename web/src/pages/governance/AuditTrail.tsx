// The audit trail: filter by entity, actor and time, page through, and see whether the hash
// chain verifies.
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { Progress } from "../../components/Progress";
import { AuditTrailDocument } from "../../gql/graphql";
import { localInputToIso, rangeProblem } from "../../governance";

const PAGE_SIZE = 25;
const ENTITY_TYPES = ["", "registered_model", "model_version", "artifact", "experiment", "experiment_run", "evaluation_suite"];

function entityLink(type: string, id: string) {
  if (type === "model_version") return <Link to={`/registry/versions/${id}`}>{`model_version ${id}`}</Link>;
  if (type === "registered_model") return <Link to={`/registry/models/${id}`}>{`registered_model ${id}`}</Link>;
  return `${type} ${id}`;
}

function Verification({ ok, checked, brokenSeq, reason, tenant }: {
  ok: boolean;
  checked: number;
  brokenSeq?: number | null;
  reason?: string | null;
  tenant: string;
}) {
  return ok ? (
    <p role="status" className="verification ok">
      <strong>Chain intact:</strong> all {checked} audit events of tenant {tenant} match their hashes and links.
    </p>
  ) : (
    <div role="alert" className="verification error">
      <strong>Chain broken at event {brokenSeq}:</strong> {reason}. {checked} events before it verify.
      <div className="advice">
        Someone changed or removed events in the database: compare with an exported evidence bundle and tell your
        security team.
      </div>
    </div>
  );
}

export function AuditTrail() {
  const [params, setParams] = useSearchParams();
  const [entityType, setEntityType] = useState(params.get("entityType") ?? "");
  const [entityId, setEntityId] = useState(params.get("entityId") ?? "");
  const [actor, setActor] = useState(params.get("actor") ?? "");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const problem = rangeProblem(since, until);
  const idProblem = entityId && !/^\S+$/.test(entityId) ? "An id has no spaces." : null;
  const variables = {
    entityType: entityType || null,
    entityId: entityId.trim() || null,
    actor: actor.trim() || null,
    since: localInputToIso(since),
    until: localInputToIso(until),
    first: PAGE_SIZE,
    after: cursors[cursors.length - 1],
  };
  const { data, errors, loading } = useQuery(AuditTrailDocument, variables, { skip: Boolean(problem || idProblem) });
  const page = data?.auditEvents;
  const reset = () => setCursors([null]);
  const remember = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <h1>Audit trail</h1>
      {data && <Verification {...data.verifyAuditTrail} />}
      <form className="filters" aria-label="Filter audit events" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-entity-type">Entity type</label>
          <select
            id="audit-entity-type"
            value={entityType}
            onChange={(e) => {
              setEntityType(e.target.value);
              remember("entityType", e.target.value);
              reset();
            }}
          >
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t || "Any"}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">Entity id</label>
          <input
            id="audit-entity-id"
            value={entityId}
            onChange={(e) => {
              setEntityId(e.target.value);
              remember("entityId", e.target.value.trim());
              reset();
            }}
            aria-invalid={Boolean(idProblem)}
            aria-describedby={idProblem ? "audit-entity-id-error" : undefined}
          />
          {idProblem && (
            <span id="audit-entity-id-error" className="field-error">
              {idProblem}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Actor</label>
          <input
            id="audit-actor"
            value={actor}
            onChange={(e) => {
              setActor(e.target.value);
              remember("actor", e.target.value.trim());
              reset();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-since">From</label>
          <input
            id="audit-since"
            type="datetime-local"
            value={since}
            onChange={(e) => {
              setSince(e.target.value);
              reset();
            }}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? "audit-range-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-until">To</label>
          <input
            id="audit-until"
            type="datetime-local"
            value={until}
            onChange={(e) => {
              setUntil(e.target.value);
              reset();
            }}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? "audit-range-error" : undefined}
          />
        </div>
        {problem && (
          <span id="audit-range-error" className="field-error" role="alert">
            {problem}
          </span>
        )}
      </form>
      <ErrorNotice errors={errors} title="The audit trail could not be loaded" />
      {loading && !page ? <Loading what="audit events" /> : <Progress busy={loading} what="Loading audit events" />}
      {page && (
        <>
          <p role="status">
            {page.events.length === 0 ? "No audit events match." : `Events ${page.events[0].seq} to ${page.events[page.events.length - 1].seq}.`}
          </p>
          {page.events.length > 0 && (
            <table className="audit">
              <thead>
                <tr>
                  <th scope="col">Seq</th>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Change</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.seq}</th>
                    <td>{new Date(e.occurredAt).toLocaleString()}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>{entityLink(e.entityType, e.entityId)}</td>
                    <td>
                      <details>
                        <summary>Diff</summary>
                        <pre>{JSON.stringify(e.diff, null, 2)}</pre>
                      </details>
                    </td>
                    <td>
                      <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav className="pager" aria-label="Pagination">
            <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 1}>
              Previous page
            </button>
            <span>Page {cursors.length}</span>
            <button
              type="button"
              onClick={() => setCursors((c) => [...c, page.nextCursor ?? null])}
              disabled={!page.nextCursor}
            >
              Next page
            </button>
          </nav>
        </>
      )}
      <GraphiQLLink document={AuditTrailDocument} variables={variables} />
    </>
  );
}
