// The lifecycle as the registry defines it (subgraphs/registry/governance/stages.py), for forms.
import type { ModelVersionStage } from "./gql/graphql";

export const TRANSITIONS: Record<ModelVersionStage, ModelVersionStage[]> = {
  DRAFT: ["SUBMITTED", "RETIRED"],
  SUBMITTED: ["CHANGES_REQUESTED", "APPROVED_STAGING", "RETIRED"],
  CHANGES_REQUESTED: ["SUBMITTED", "RETIRED"],
  APPROVED_STAGING: ["STAGING", "CHANGES_REQUESTED", "RETIRED"],
  STAGING: ["APPROVED_PROD", "CHANGES_REQUESTED", "DEPRECATED"],
  APPROVED_PROD: ["PRODUCTION", "CHANGES_REQUESTED", "DEPRECATED"],
  PRODUCTION: ["DEPRECATED"],
  DEPRECATED: ["RETIRED", "PRODUCTION"],
  RETIRED: [],
};

export const APPROVAL_STAGES: ModelVersionStage[] = ["APPROVED_STAGING", "APPROVED_PROD"];

export function stageLabel(stage: string): string {
  const words = stage.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The approval a version in `stage` would be submitted for, or null when none applies. */
export function approvalTargetFor(stage: ModelVersionStage): ModelVersionStage | null {
  switch (stage) {
    case "DRAFT":
    case "CHANGES_REQUESTED":
    case "SUBMITTED":
      return "APPROVED_STAGING";
    case "STAGING":
      return "APPROVED_PROD";
    default:
      return null;
  }
}

/** Submitting first moves a draft (or a version sent back) to SUBMITTED. */
export function needsSubmitMove(stage: ModelVersionStage): boolean {
  return stage === "DRAFT" || stage === "CHANGES_REQUESTED";
}

/** What a decision form lacks, as the user types; null when it can be sent. */
export function decisionProblem(decision: "APPROVE" | "REFUSE", comment: string): string | null {
  if (decision === "REFUSE" && !comment.trim()) {
    return "Requesting changes needs a comment saying what to change.";
  }
  if (comment.length > 4000) return "Keep the comment under 4000 characters.";
  return null;
}

/** The local time an <input type="datetime-local"> holds, as ISO-8601 UTC; "" stays null. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/** A problem with an audit time range, or null. */
export function rangeProblem(since: string, until: string): string | null {
  const from = localInputToIso(since);
  const to = localInputToIso(until);
  if (since && from === null) return "The start is not a date and time.";
  if (until && to === null) return "The end is not a date and time.";
  if (from && to && from > to) return "The start must be before the end.";
  return null;
}

export function base64ToBytes(contentBase64: string): Uint8Array {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64ToBlob(contentBase64: string, type = "application/gzip"): Blob {
  return new Blob([base64ToBytes(contentBase64)], { type });
}

/** Saves base64 content as a file download. */
export function downloadBase64(filename: string, contentBase64: string): void {
  const url = URL.createObjectURL(base64ToBlob(contentBase64));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
