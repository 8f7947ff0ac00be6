// "Submit for approval": move a draft (or a version sent back) to SUBMITTED, then ask approvers.
import { mutate, request } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import {
  RequestApprovalDocument,
  TransitionModelVersionDocument,
  VersionStageDocument,
  type ModelVersionStage,
} from "../../gql/graphql";
import { approvalTargetFor, needsSubmitMove } from "../../governance";

export interface Submitted {
  requestId: string;
  targetStage: ModelVersionStage;
}

export async function submitForApproval(
  versionId: string,
  comment: string,
  target?: ModelVersionStage,
): Promise<Submitted> {
  const found = await request(VersionStageDocument, { id: versionId });
  if (found.errors.length > 0) throw new ApiRequestError(found.errors);
  const version = found.data?.modelVersion;
  if (!version) {
    throw new ApiRequestError([{ message: `No model version has the id ${versionId}.`, code: "NOT_FOUND" }]);
  }
  const targetStage = target ?? approvalTargetFor(version.stage);
  if (targetStage === null) {
    throw new ApiRequestError([
      {
        message: `A version in ${version.stage} has no approval to ask for.`,
        code: "FAILED_PRECONDITION",
        suggestion: "Approvals are asked for from Draft, Submitted or Changes requested (for staging) and Staging (for production).",
      },
    ]);
  }
  const note = comment.trim() || null;
  if (needsSubmitMove(version.stage)) {
    await mutate(TransitionModelVersionDocument, { id: versionId, to: "SUBMITTED", reason: note });
  }
  const made = await mutate(RequestApprovalDocument, { versionId, targetStage, comment: note });
  return { requestId: made.requestApproval.id, targetStage };
}
