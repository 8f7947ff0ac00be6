// A version's governance: stage, the transition control with a policy dry run, submit for
// approval, transitions history, approvals, evaluations and the evidence-bundle download.
import { useState } from "react";

import { mutate } from "../../api/client";
import { toApiErrors, type ApiError } from "../../api/errors";
import { useQuery } from "../../api/useQuery";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { Progress } from "../../components/Progress";
import {
  EvaluatePoliciesDocument,
  EvidenceBundleDocument,
  TransitionModelVersionDocument,
  VersionGovernanceDocument,
  type ModelVersionStage,
} from "../../gql/graphql";
import { request } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { approvalTargetFor, downloadBase64, stageLabel, TRANSITIONS } from "../../governance";
import { submitForApproval } from "./submit";

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

export function PolicyResults({ versionId, target }: { versionId: string; target: ModelVersionStage }) {
  const { data, errors, loading } = useQuery(EvaluatePoliciesDocument, { versionId, targetStage: target });
  const report = data?.evaluatePolicies;
  const failing = report?.results.filter((r) => !r.passed) ?? [];
  return (
    <div className="policy-results" aria-live="polite">
      <ErrorNotice errors={errors} title="The policies could not be checked" />
      {loading && !report ? <Loading what={`the policies for ${stageLabel(target)}`} /> : null}
      {report && (
        <>
          <p className={report.passed ? "ok" : "field-error"}>
            {report.results.length === 0
              ? `No policy applies to ${stageLabel(target)}.`
              : report.passed
                ? `All ${report.results.length} policies pass for ${stageLabel(target)}.`
                : `${failing.length} of ${report.results.length} policies fail for ${stageLabel(target)}: the move will be refused until they pass.`}{" "}
            <span className="muted">(policy version {report.policyVersion})</span>
          </p>
          {report.results.length > 0 && (
            <table>
              <caption>Policy checks for {stageLabel(target)}</caption>
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Result</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.results.map((r) => (
                  <tr key={r.policy}>
                    <th scope="row">{r.policy}</th>
                    <td>{r.rule}</td>
                    <td>
                      <span className={`status status-${r.passed ? "ready" : "failed"}`}>{r.passed ? "Pass" : "Fail"}</span>
                    </td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function TransitionControl({
  versionId,
  stage,
  onMoved,
}: {
  versionId: string;
  stage: ModelVersionStage;
  onMoved: () => void;
}) {
  const moves = TRANSITIONS[stage];
  const [target, setTarget] = useState<ModelVersionStage | "">("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const tooLong = reason.length > 2000;
  if (moves.length === 0) return <p>{stageLabel(stage)} is final: no further moves.</p>;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!target || tooLong) return;
    setBusy(true);
    setErrors([]);
    try {
      await mutate(TransitionModelVersionDocument, { id: versionId, to: target, reason: reason.trim() || null });
      setTarget("");
      setReason("");
      onMoved();
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="transition" onSubmit={submit} aria-labelledby="transition-title">
      <h3 id="transition-title">Move to another stage</h3>
      <div className="field">
        <label htmlFor="transition-target">Next stage</label>
        <select
          id="transition-target"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value as ModelVersionStage | "");
            setErrors([]);
          }}
        >
          <option value="">Choose…</option>
          {moves.map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="transition-reason">Reason</label>
        <input
          id="transition-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={tooLong}
          aria-describedby={tooLong ? "transition-reason-error" : undefined}
        />
        {tooLong && (
          <span id="transition-reason-error" className="field-error">
            Keep the reason under 2000 characters.
          </span>
        )}
      </div>
      {target && <PolicyResults versionId={versionId} target={target} />}
      <ErrorNotice errors={errors} title="The version was not moved" />
      <button type="submit" disabled={!target || busy || tooLong}>
        {target ? `Move to ${stageLabel(target)}` : "Move"}
      </button>
      <Progress busy={busy} what="Moving the version" />
    </form>
  );
}

function SubmitControl({ versionId, stage, onDone }: { versionId: string; stage: ModelVersionStage; onDone: () => void }) {
  const target = approvalTargetFor(stage);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [done, setDone] = useState("");
  if (target === null) return null;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setDone("");
    try {
      const made = await submitForApproval(versionId, comment);
      setDone(`Submitted: approvers are asked to review it for ${stageLabel(made.targetStage)}.`);
      setComment("");
      onDone();
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="submit-approval" onSubmit={submit} aria-labelledby="submit-title">
      <h3 id="submit-title">Submit for approval ({stageLabel(target)})</h3>
      <div className="field">
        <label htmlFor="submit-comment">Note for the approvers</label>
        <textarea id="submit-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <ErrorNotice errors={errors} title="The version was not submitted" />
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Submit for approval
      </button>
      <Progress busy={busy} what="Submitting" />
    </form>
  );
}

function EvidenceDownload({ versionId }: { versionId: string }) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [saved, setSaved] = useState<{ filename: string; sha256: string } | null>(null);
  const download = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const result = await request(EvidenceBundleDocument, { versionId });
      if (result.errors.length > 0 || !result.data) throw new ApiRequestError(result.errors);
      const bundle = result.data.evidenceBundle;
      downloadBase64(bundle.filename, bundle.contentBase64);
      setSaved({ filename: bundle.filename, sha256: bundle.sha256 });
    } catch (error) {
      setErrors(toApiErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="evidence-title">
      <h3 id="evidence-title">Evidence bundle</h3>
      <p>
        Lineage, transitions, approvals, policy results, evaluations and audit events in one .tar.gz; check it offline with{" "}
        <code>modelplane audit verify --bundle FILE</code>.
      </p>
      <button type="button" onClick={download} disabled={busy}>
        Download evidence bundle
      </button>
      <Progress busy={busy} what="Building the bundle" />
      <ErrorNotice errors={errors} title="The bundle could not be built" />
      {saved && (
        <p role="status">
          Saved {saved.filename} (sha256 <code>{saved.sha256}</code>).
        </p>
      )}
    </section>
  );
}

export function VersionGovernance({ versionId }: { versionId: string }) {
  const { data, errors, loading, reload } = useQuery(VersionGovernanceDocument, { id: versionId });
  const version = data?.modelVersion;
  return (
    <section aria-labelledby="governance-title" className="governance">
      <h2 id="governance-title">Governance</h2>
      <ErrorNotice errors={errors} title="Governance could not be loaded" />
      {loading && !version ? <Loading what="governance" /> : null}
      {version && (
        <>
          <dl className="facts">
            <dt>Stage</dt>
            <dd>
              <span className={`stage stage-${version.stage.toLowerCase()}`}>{stageLabel(version.stage)}</span>
            </dd>
            <dt>Risk tier</dt>
            <dd>{version.registeredModel.riskTier}</dd>
          </dl>
          <SubmitControl versionId={versionId} stage={version.stage} onDone={reload} />
          <TransitionControl versionId={versionId} stage={version.stage} onMoved={reload} />
          <h3>Stage history</h3>
          {version.transitions.length === 0 ? (
            <p>No stage changes yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">By</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {version.transitions.map((t) => (
                  <tr key={t.id}>
                    <td>{when(t.createdAt)}</td>
                    <td>{stageLabel(t.fromStage)}</td>
                    <td>{stageLabel(t.toStage)}</td>
                    <td>{t.actor}</td>
                    <td>{t.reason ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Approvals</h3>
          {version.approvals.length === 0 ? (
            <p>No approval requested yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">For</th>
                  <th scope="col">By</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Comment</th>
                  <th scope="col">Standing</th>
                </tr>
              </thead>
              <tbody>
                {version.approvals.map((a) => (
                  <tr key={a.id}>
                    <td>{when(a.createdAt)}</td>
                    <td>{stageLabel(a.targetStage)}</td>
                    <td>{a.actor}</td>
                    <td>{stageLabel(a.decision)}</td>
                    <td>{a.comment ?? "—"}</td>
                    <td>{a.valid ? "Yes" : "No (superseded, withdrawn or invalidated)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Evaluations</h3>
          {version.evaluations.length === 0 ? (
            <p>No evaluation recorded.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Suite</th>
                  <th scope="col">Metric</th>
                  <th scope="col">Value</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Result</th>
                  <th scope="col">Run</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {version.evaluations.map((e) => (
                  <tr key={e.id}>
                    <td>
                      {e.suite} <span className="muted">({e.kind})</span>
                    </td>
                    <th scope="row">{e.metric}</th>
                    <td>{e.value}</td>
                    <td>
                      {e.direction === "HIGHER" ? "≥" : "≤"} {e.threshold}
                    </td>
                    <td>{e.passed ? "Pass" : "Fail"}</td>
                    <td>{e.run ?? "—"}</td>
                    <td>{when(e.evaluatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <EvidenceDownload versionId={versionId} />
        </>
      )}
    </section>
  );
}
