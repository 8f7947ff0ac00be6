// The approvals inbox: open (or closed) requests across versions; approve, request changes with
// a comment, withdraw one's own decision; submit a version for approval.
import { useState } from "react";
import { Link } from "react-router-dom";

import { mutate } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { GraphiQLLink } from "../../components/GraphiQLLink";
import { nextCursors, Pager } from "../../components/Pager";
import { Progress } from "../../components/Progress";
import {
  ApprovalRequestsDocument,
  ApproveModelVersionDocument,
  MeDocument,
  RefuseModelVersionDocument,
  WithdrawApprovalDocument,
  type ApprovalRequestState,
  type ApprovalRequestsQuery,
  type ModelVersionStage,
} from "../../gql/graphql";
import { APPROVAL_STAGES, decisionProblem, stageLabel } from "../../governance";
import { submitForApproval } from "./submit";

const PAGE_SIZE = 10;

type Item = ApprovalRequestsQuery["approvalRequests"]["nodes"][number];

function isApprover(roles: string[], scopes: string[]): boolean {
  return roles.includes("approver") || roles.includes("admin") || scopes.includes("governance:approve");
}

export function ReviewCard({ item, me, onChanged }: { item: Item; me: string | null; onChanged: () => void }) {
  const [comment, setComment] = useState("");
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState<string>("");
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [done, setDone] = useState("");
  const title = `${item.modelVersion.registeredModel.name} ${item.modelVersion.name}`;
  const refuseProblem = decisionProblem("REFUSE", comment);
  const tooLong = decisionProblem("APPROVE", comment);
  const mine = item.decisions.find((d) => d.actor === me);
  const open = item.state === "OPEN";
  const variables = { versionId: item.modelVersionId, targetStage: item.targetStage };
  const act = async (what: string, action: () => Promise<unknown>, message: string) => {
    setBusy(what);
    setErrors([]);
    setDone("");
    try {
      await action();
      setComment("");
      setTouched(false);
      setDone(message);
      onChanged();
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy("");
    }
  };
  const headingId = `request-${item.id}`;
  const commentId = `comment-${item.id}`;
  return (
    <article className="card review" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/registry/versions/${item.modelVersionId}`}>{title}</Link> for {stageLabel(item.targetStage)}
      </h2>
      <dl className="facts">
        <dt>Requested by</dt>
        <dd>
          {item.requestedBy}, {new Date(item.createdAt).toLocaleString()}
        </dd>
        <dt>Note</dt>
        <dd>{item.comment ?? "—"}</dd>
        <dt>Version stage</dt>
        <dd>{stageLabel(item.versionStage)}</dd>
        <dt>Risk tier</dt>
        <dd>{item.modelVersion.registeredModel.riskTier}</dd>
        <dt>Approvals</dt>
        <dd>
          {item.approvedBy.length} of {item.approvalsNeeded}
          {item.approvedBy.length > 0 && ` (${item.approvedBy.join(", ")})`}
          {item.approvedBy.length >= item.approvalsNeeded && open && " — enough: the submitter can now move it"}
        </dd>
        <dt>Changes requested by</dt>
        <dd>{item.refusedBy.length > 0 ? item.refusedBy.join(", ") : "—"}</dd>
      </dl>
      {item.decisions.length > 0 && (
        <ul className="decisions" aria-label={`Decisions on ${title}`}>
          {item.decisions.map((d) => (
            <li key={d.id}>
              {d.actor}: {d.decision === "APPROVED" ? "approved" : "requested changes"}
              {d.comment ? ` — “${d.comment}”` : ""}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form
          aria-label={`Review ${title}`}
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <div className="field">
            <label htmlFor={commentId}>Comment</label>
            <textarea
              id={commentId}
              rows={2}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setTouched(true);
              }}
              aria-invalid={Boolean(tooLong) || (touched && Boolean(refuseProblem))}
              aria-describedby={`${commentId}-hint`}
            />
            <span id={`${commentId}-hint`} className={tooLong ? "field-error" : "hint"}>
              {tooLong ?? "Optional to approve; requesting changes needs one saying what to change."}
            </span>
          </div>
          <div className="actions">
            <button
              type="button"
              disabled={Boolean(busy) || Boolean(tooLong)}
              onClick={() =>
                act("approve", () => mutate(ApproveModelVersionDocument, { ...variables, comment: comment.trim() || null }), `You approved ${title}.`)
              }
            >
              Approve
            </button>
            <button
              type="button"
              disabled={Boolean(busy) || Boolean(refuseProblem)}
              title={refuseProblem ?? undefined}
              onClick={() =>
                act("refuse", () => mutate(RefuseModelVersionDocument, { ...variables, comment: comment.trim() }), `You requested changes to ${title}.`)
              }
            >
              Request changes
            </button>
            {mine && (
              <button
                type="button"
                disabled={Boolean(busy)}
                onClick={() => act("withdraw", () => mutate(WithdrawApprovalDocument, variables), `You withdrew your decision on ${title}.`)}
              >
                Withdraw my decision
              </button>
            )}
            <Progress busy={Boolean(busy)} what={busy === "withdraw" ? "Withdrawing" : "Recording your decision"} />
          </div>
        </form>
      ) : (
        <p className="muted">Closed: the version has moved on or a newer request replaced this one.</p>
      )}
      <ErrorNotice errors={errors} title="Your decision was not recorded" />
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </article>
  );
}

function SubmitForm({ onSubmitted }: { onSubmitted: () => void }) {
  const [versionId, setVersionId] = useState("");
  const [target, setTarget] = useState<ModelVersionStage | "">("");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [done, setDone] = useState("");
  const idProblem = versionId && !/^[1-9][0-9]*$/.test(versionId.trim()) ? "A version id is a positive whole number, as in /registry/versions/42." : null;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!versionId.trim() || idProblem) return;
    setBusy(true);
    setErrors([]);
    setDone("");
    try {
      const made = await submitForApproval(versionId.trim(), comment, target || undefined);
      setDone(`Version ${versionId.trim()} is submitted for ${stageLabel(made.targetStage)}.`);
      setVersionId("");
      setComment("");
      onSubmitted();
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="submit-form-title">
      <h2 id="submit-form-title">Submit a version for approval</h2>
      <div className="field">
        <label htmlFor="submit-version">Version id</label>
        <input
          id="submit-version"
          inputMode="numeric"
          value={versionId}
          onChange={(e) => setVersionId(e.target.value)}
          aria-invalid={Boolean(idProblem)}
          aria-describedby={idProblem ? "submit-version-error" : undefined}
        />
        {idProblem && (
          <span id="submit-version-error" className="field-error">
            {idProblem}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="submit-target">For</label>
        <select id="submit-target" value={target} onChange={(e) => setTarget(e.target.value as ModelVersionStage | "")}>
          <option value="">The next approval its stage needs</option>
          {APPROVAL_STAGES.map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="submit-note">Note for the approvers</label>
        <input id="submit-note" value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button type="submit" disabled={busy || !versionId.trim() || Boolean(idProblem)}>
        Submit for approval
      </button>
      <Progress busy={busy} what="Submitting" />
      <ErrorNotice errors={errors} title="The version was not submitted" />
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </form>
  );
}

export function Approvals() {
  const [state, setState] = useState<ApprovalRequestState | "">("OPEN");
  const [target, setTarget] = useState<ModelVersionStage | "">("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const variables = {
    state: state || null,
    targetStage: target || null,
    first: PAGE_SIZE,
    after: cursors[cursors.length - 1],
  };
  const { data, errors, loading, reload } = useQuery(ApprovalRequestsDocument, variables);
  const me = useQuery(MeDocument, {});
  const identity = me.data?.me;
  const connection = data?.approvalRequests;
  const reset = () => setCursors([null]);
  return (
    <>
      <h1>Approvals</h1>
      {identity && (
        <p>
          Signed in as <strong>{identity.user}</strong> ({identity.roles.join(", ") || "no roles"}) in {identity.tenant}.{" "}
          {isApprover(identity.roles, identity.scopes)
            ? "You may approve or request changes, except on your own submissions."
            : "You may submit versions; approving needs the approver role."}
        </p>
      )}
      <ErrorNotice errors={me.errors} title="Who you are could not be loaded" />
      <SubmitForm onSubmitted={reload} />
      <form className="filters" aria-label="Filter approval requests" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="inbox-state">Requests</label>
          <select
            id="inbox-state"
            value={state}
            onChange={(e) => {
              setState(e.target.value as ApprovalRequestState | "");
              reset();
            }}
          >
            <option value="OPEN">Open</option>
            <option value="CLOSED">Closed</option>
            <option value="">All</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-target">For stage</label>
          <select
            id="inbox-target"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value as ModelVersionStage | "");
              reset();
            }}
          >
            <option value="">Any</option>
            {APPROVAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorNotice errors={errors} title="The approval requests could not be loaded" />
      {loading && !connection ? <Loading what="approval requests" /> : null}
      {connection && (
        <>
          <p role="status">
            {connection.totalCount === 0
              ? "No approval requests match."
              : `${connection.totalCount} approval request${connection.totalCount === 1 ? "" : "s"}.`}
          </p>
          {connection.nodes.map((item) => (
            <ReviewCard key={item.id} item={item} me={identity?.user ?? null} onChanged={reload} />
          ))}
          <Pager
            page={cursors.length - 1}
            hasNext={connection.pageInfo.hasNextPage}
            total={connection.totalCount}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
            onNext={() => setCursors((c) => nextCursors(c, connection.pageInfo.endCursor ?? null))}
          />
        </>
      )}
      <GraphiQLLink document={ApprovalRequestsDocument} variables={variables} />
    </>
  );
}
